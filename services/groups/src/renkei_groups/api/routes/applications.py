"""Routes of /v1/applications: a group applies; its municipality reviews, designates or rejects."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from renkei_common.api_deps import Code, CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import Actor, CurrentActor

from renkei_groups.api.presenters import application_public
from renkei_groups.api.routes.paths import GroupPath
from renkei_groups.api.schemas.applications import (
    ApplicationCreate,
    ApplicationPublic,
    ApplicationsPublic,
    DecisionIn,
    SubmitIn,
    WithdrawIn,
)
from renkei_groups.domain.kinds import ApplicationStatus
from renkei_groups.service_layer import applications as use_cases
from renkei_groups.service_layer.commands import Decide, DraftApplication, SubmitApplication, Withdraw

router = APIRouter(prefix="/v1/applications", tags=["applications"])


def respond(row: Any, actor: Actor, response: Response) -> ApplicationPublic:
    set_etag(response, row.id, row.row_version)
    return application_public(row, actor)


@router.post("", status_code=201, response_model=ApplicationPublic, operation_id="applications-draft")
async def draft_application(
    body: ApplicationCreate, actor: CurrentActor, db: DbDep, response: Response
) -> ApplicationPublic:
    """A group (role `group`; its org is its id) drafts its application to its municipality."""
    row = await use_cases.draft_application(db=db, actor=actor, command=to_command(DraftApplication, body))
    response.headers["Location"] = f"/v1/applications/{row.id}"
    return respond(row, actor, response)


@router.get("", response_model=ApplicationsPublic, operation_id="applications-list")
async def list_applications(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: Annotated[Code | None, Query()] = None,
    status: Annotated[ApplicationStatus | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> ApplicationsPublic:
    """The applications the caller may read, with member counts only; GET one for its members."""
    rows, next_cursor = await use_cases.list_groups(
        db=db, actor=actor, municipality_code=municipality_code, status=status, cursor=cursor, limit=limit
    )
    page = [application_public(r, actor, with_members=False) for r in rows]
    return ApplicationsPublic(data=page, next_cursor=next_cursor)


@router.get("/{group_id}", response_model=ApplicationPublic, operation_id="applications-get")
async def get_application(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response
) -> ApplicationPublic:
    """The application with its findings; members' personal data only for the group and its municipality."""
    return respond(await use_cases.get_group(db=db, actor=actor, group_id=group_id), actor, response)


@router.put("/{group_id}", response_model=ApplicationPublic, operation_id="applications-edit")
async def edit_draft(
    group_id: GroupPath,
    body: ApplicationCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.update_draft(
        db=db, actor=actor, group_id=group_id, command=to_command(DraftApplication, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/submission", response_model=ApplicationPublic, operation_id="applications-submit")
async def submit(
    group_id: GroupPath,
    body: SubmitIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    """Submit; the ordinance in force on the submission date governs the application from then on."""
    row = await use_cases.submit_application(
        db=db, actor=actor, group_id=group_id, command=to_command(SubmitApplication, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/reopening", response_model=ApplicationPublic, operation_id="applications-reopen")
async def reopen(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response, if_match: IfMatch = None
) -> ApplicationPublic:
    """After a rejection, withdrawal or revocation, the group drafts again (the history stays in the log)."""
    row = await use_cases.reopen(db=db, actor=actor, group_id=group_id, if_match=if_match)
    return respond(row, actor, response)


@router.post("/{group_id}/review", response_model=ApplicationPublic, operation_id="applications-review")
async def review(
    group_id: GroupPath, actor: CurrentActor, db: DbDep, response: Response, if_match: IfMatch = None
) -> ApplicationPublic:
    """The municipality takes it up; the ordinance checks run: met, not met (why), or needs judgement."""
    row = await use_cases.start_review(db=db, actor=actor, group_id=group_id, if_match=if_match)
    return respond(row, actor, response)


@router.post(
    "/{group_id}/designation", response_model=ApplicationPublic, operation_id="applications-designate"
)
async def designate(
    group_id: GroupPath,
    body: DecisionIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    """指定, with reasons and its 告示. Emits GroupDesignated."""
    row = await use_cases.designate(
        db=db, actor=actor, group_id=group_id, command=to_command(Decide, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/rejection", response_model=ApplicationPublic, operation_id="applications-reject")
async def reject(
    group_id: GroupPath,
    body: DecisionIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.reject(
        db=db, actor=actor, group_id=group_id, command=to_command(Decide, body), if_match=if_match
    )
    return respond(row, actor, response)


@router.post("/{group_id}/withdrawal", response_model=ApplicationPublic, operation_id="applications-withdraw")
async def withdraw(
    group_id: GroupPath,
    body: WithdrawIn,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationPublic:
    row = await use_cases.withdraw(
        db=db, actor=actor, group_id=group_id, command=to_command(Withdraw, body), if_match=if_match
    )
    return respond(row, actor, response)
