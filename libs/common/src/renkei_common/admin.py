"""Operator endpoints shared by every service: outbox status and pruning, dead letters and their replay."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from renkei_common import auth
from renkei_common.errors import NotFound
from renkei_common.events.consumer import describe
from renkei_common.i18n import msg
from renkei_common.runtime import Runtime, prune_outbox
from renkei_common.schema_types import Count, RequestModel

OPERATOR_READ = auth.require_roles("operator", "auditor")
OPERATOR_WRITE = auth.require_roles("operator")


class OutboxStatus(BaseModel):
    transport: str
    rows: int
    unpublished: int
    last_sequence: int


class DeadLetterPublic(BaseModel):
    id: int
    consumer: str
    event_id: str
    type: str
    source: str
    error: str
    attempts: int
    origin: str
    failed_at: datetime
    replayed_at: datetime | None
    replay_error: str | None


class DeadLettersPublic(BaseModel):
    data: list[DeadLetterPublic]


class ReplayResult(BaseModel):
    id: int
    outcome: str


class PruneRequest(RequestModel):
    retention_days: Annotated[Count, Field(ge=1, le=3650, description="delete outbox rows older than this")]


class PruneResult(BaseModel):
    deleted: int


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(_runtime)]


def admin_router() -> APIRouter:
    router = APIRouter(prefix="/v1/admin", tags=["admin"])

    @router.get("/outbox", response_model=OutboxStatus, dependencies=[Depends(OPERATOR_READ)])
    async def outbox_status(runtime: RuntimeDep) -> dict[str, Any]:
        return await runtime.outbox_backlog()

    @router.post("/outbox/prune", response_model=PruneResult, dependencies=[Depends(OPERATOR_WRITE)])
    async def prune(runtime: RuntimeDep, body: PruneRequest) -> PruneResult:
        deleted = await prune_outbox(
            runtime.db,
            retention_days=body.retention_days,
            require_published=runtime.settings.transport == "kafka",
        )
        return PruneResult(deleted=deleted)

    @router.get("/dead-letters", response_model=DeadLettersPublic, dependencies=[Depends(OPERATOR_READ)])
    async def list_dead_letters(
        runtime: RuntimeDep,
        include_replayed: bool = False,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> DeadLettersPublic:
        if runtime.processor is None:
            return DeadLettersPublic(data=[])
        letters = await runtime.processor.list_dead_letters(include_replayed=include_replayed, limit=limit)
        return DeadLettersPublic(data=[DeadLetterPublic(**describe(letter)) for letter in letters])

    @router.post(
        "/dead-letters/{dead_letter_id}/replay",
        response_model=ReplayResult,
        dependencies=[Depends(OPERATOR_WRITE)],
    )
    async def replay_dead_letter(
        runtime: RuntimeDep, dead_letter_id: Annotated[int, Path(ge=1, le=2**62)]
    ) -> ReplayResult:
        if runtime.processor is None:
            raise NotFound(detail=msg("admin.dead_letter_no_consumer", dead_letter_id=dead_letter_id))
        try:
            outcome = await runtime.processor.replay(dead_letter_id)
        except LookupError as exc:
            raise NotFound(detail=str(exc)) from None
        return ReplayResult(id=dead_letter_id, outcome=outcome.value)

    return router
