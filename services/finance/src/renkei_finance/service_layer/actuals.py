"""Decided amounts (決定額) beside the estimates: record, and report estimate, actual and difference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.writes import check_if_match, record_audit
from sqlalchemy import func, select

from renkei_finance.adapters.orm import ActualAmount, AllocationLineRecord
from renkei_finance.service_layer.access import ensure_national_writer, visible_recipients


@dataclass(frozen=True)
class RecordActual:
    fiscal_year: int
    recipient_code: str
    measure: str
    amount_yen: int
    decided_on: date
    note: str = ""


@dataclass(frozen=True)
class Comparison:
    fiscal_year: int
    recipient_code: str
    measure: str
    estimate_yen: int | None
    actual_yen: int | None
    decided_on: date | None

    @property
    def difference_yen(self) -> int | None:
        if self.estimate_yen is None or self.actual_yen is None:
            return None
        return self.actual_yen - self.estimate_yen


async def record_actual(
    db: Database, actor: Actor, command: RecordActual, *, if_match: str | None
) -> tuple[ActualAmount, bool]:
    ensure_national_writer(actor)
    key = (command.fiscal_year, command.recipient_code, command.measure)
    async with db.transaction() as session:
        row = await session.get(ActualAmount, key)
        before = None
        created = row is None
        if row is None:
            row = ActualAmount(fiscal_year=key[0], recipient_code=key[1], measure=key[2], row_version=0)
            session.add(row)
        else:
            check_if_match(if_match, resource_id=":".join(map(str, key)), version=row.row_version)
            before = {
                "amount_yen": row.amount_yen,
                "decided_on": row.decided_on.isoformat(),
                "note": row.note,
            }
        row.amount_yen, row.decided_on, row.note = command.amount_yen, command.decided_on, command.note
        row.row_version += 1
        row.updated_at = datetime.now(UTC)
        await record_audit(
            session,
            actor=actor,
            action="actual.put",
            resource_type="actual_amount",
            resource_id=":".join(map(str, key)),
            before=before,
            after={"amount_yen": row.amount_yen, "decided_on": row.decided_on.isoformat(), "note": row.note},
        )
    return row, created


async def compare(db: Database, actor: Actor, *, fiscal_year: int, recipient: str | None) -> list[Comparison]:
    """Estimate (sum of the lines), actual and difference per recipient and measure the caller sees."""
    estimates_query = (
        select(
            AllocationLineRecord.recipient_code,
            AllocationLineRecord.measure,
            func.sum(AllocationLineRecord.amount_yen),
        )
        .where(
            AllocationLineRecord.fiscal_year == fiscal_year,
            visible_recipients(actor, AllocationLineRecord.recipient_code),
        )
        .group_by(AllocationLineRecord.recipient_code, AllocationLineRecord.measure)
    )
    actuals_query = select(ActualAmount).where(
        ActualAmount.fiscal_year == fiscal_year, visible_recipients(actor, ActualAmount.recipient_code)
    )
    if recipient is not None:
        estimates_query = estimates_query.where(AllocationLineRecord.recipient_code == recipient)
        actuals_query = actuals_query.where(ActualAmount.recipient_code == recipient)
    async with db.session() as session:
        estimates = {
            (code, measure): int(total)
            for code, measure, total in (await session.execute(estimates_query)).all()
        }
        actuals = {(a.recipient_code, a.measure): a for a in (await session.scalars(actuals_query)).all()}
    return [
        Comparison(
            fiscal_year=fiscal_year,
            recipient_code=code,
            measure=measure,
            estimate_yen=estimates.get((code, measure)),
            actual_yen=actuals[(code, measure)].amount_yen if (code, measure) in actuals else None,
            decided_on=actuals[(code, measure)].decided_on if (code, measure) in actuals else None,
        )
        for code, measure in sorted(set(estimates) | set(actuals))
    ]
