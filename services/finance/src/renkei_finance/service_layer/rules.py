"""Rule changes by `national`: validated against the whole book, versioned, audited, and recomputed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.errors import Unprocessable
from renkei_common.writes import check_if_match, record_audit
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import EVERY_FY, DirtyCell, RuleRowRecord
from renkei_finance.domain.rules import RuleError, RuleRow, default_rules, row_from_dict
from renkei_finance.service_layer.access import ensure_national_writer
from renkei_finance.service_layer.recompute import EVERY_RECIPIENT
from renkei_finance.service_layer.snapshot import load_rules, record_to_row


@dataclass(frozen=True)
class PutRule:
    rule_id: str
    measure: str
    fy_from: int
    fy_to: int | None
    params: dict[str, Any]
    source: str
    confidence: str
    note: str = ""


@dataclass(frozen=True)
class RuleView:
    row: RuleRow
    origin: str  # default or national
    version: int
    created: bool = False


async def put_rule(db: Database, actor: Actor, command: PutRule, *, if_match: str | None) -> RuleView:
    ensure_national_writer(actor)
    try:
        row = row_from_dict(command.__dict__)
    except RuleError as exc:
        raise Unprocessable(field=f"body.{exc.field}", rule=exc.rule, message=exc.message) from exc
    async with db.transaction() as session:
        record = await session.get(RuleRowRecord, command.rule_id, with_for_update=_lock(session))
        before = record_to_row(record).to_dict() if record else _default(command.rule_id)
        if record is not None:
            check_if_match(if_match, resource_id=record.rule_id, version=record.row_version)
        try:
            (await load_rules(session)).overlaid([row])
        except RuleError as exc:
            raise Unprocessable(field=f"body.{exc.field}", rule=exc.rule, message=exc.message) from exc
        created = record is None
        if record is None:
            record = RuleRowRecord(rule_id=command.rule_id, row_version=0)
            session.add(record)
        record.measure = row.measure.value
        record.fy_from, record.fy_to = row.fy_from, row.fy_to
        record.params, record.source = dict(row.params), row.source
        record.confidence, record.note = row.confidence.value, row.note
        record.row_version += 1
        record.updated_at = datetime.now(UTC)
        record.updated_by = actor.sub
        await record_audit(
            session,
            actor=actor,
            action="rule.put",
            resource_type="rule",
            resource_id=command.rule_id,
            before=before,
            after=row.to_dict(),
        )
        await _mark_everything_dirty(session, f"rule:{command.rule_id}:v{record.row_version}")
        return RuleView(row, "national", record.row_version, created)


def _default(rule_id: str) -> dict[str, Any] | None:
    shipped = next((r for r in default_rules().rows if r.rule_id == rule_id), None)
    return shipped.to_dict() if shipped else None


def _lock(session: AsyncSession) -> bool | None:
    return True if session.get_bind().dialect.name == "postgresql" else None


async def _mark_everything_dirty(session: AsyncSession, reason: str) -> None:
    # A rule can change any line of any FY: the worker recomputes every recipient of its horizon.
    session.add(
        DirtyCell(
            fiscal_year=EVERY_FY, recipient_code=EVERY_RECIPIENT, event_id=reason, marked_at=datetime.now(UTC)
        )
    )


async def list_rules(db: Database) -> list[RuleView]:
    async with db.session() as session:
        book = await load_rules(session)
    return [RuleView(r, "national" if r.version else "default", r.version) for r in book.rows]
