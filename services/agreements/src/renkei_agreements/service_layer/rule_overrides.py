"""Use cases of rule overrides: record an approved exception to a blocking requirement rule, list them."""

from __future__ import annotations

from collections.abc import Iterable

from renkei_common.auth import Actor, ensure_can_write
from renkei_common.db import Database
from renkei_common.errors import Forbidden
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, new_id
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.orm import RuleOverrideRow
from renkei_agreements.domain.rules import RuleBook, RuleOverride, check_override
from renkei_agreements.service_layer.commands import RecordRuleOverride
from renkei_agreements.service_layer.governments import governments

# MIC approves the exceptions the 要綱 admits; an operator records them on its behalf. Nobody else may.
OVERRIDE_ROLES = ("national", "operator")


async def record_rule_override(
    *, db: Database, actor: Actor, command: RecordRuleOverride, rules: RuleBook
) -> RuleOverrideRow:
    """Record an approved override (audited); a declaration by that centre then warns instead of refusing."""
    ensure_can_write(actor)
    if not actor.has_role(*OVERRIDE_ROLES):
        raise Forbidden(
            msg("agreements.rule_overrides.recording_a_rule_override_needs", value=", ".join(OVERRIDE_ROLES))
        )
    override = check_override(
        RuleOverride(
            rule=command.rule,
            centre_code=command.centre_code,
            reason=command.reason,
            approved_by=command.approved_by,
            approved_on=command.approved_on,
        ),
        rules,
    )
    async with unit_of_work(db, actor) as uow:
        await governments(uow.session, {"centre_code": override.centre_code})
        row = RuleOverrideRow(
            id=new_id(),
            rule=override.rule,
            centre_code=override.centre_code,
            reason=override.reason,
            approved_by=override.approved_by,
            approved_on=override.approved_on,
            recorded_by_sub=actor.sub,
        )
        uow.add(row, action="rule_override.recorded")
    return row


async def list_rule_overrides(
    *, db: Database, actor: Actor, cursor: str | None = None, limit: int = 100
) -> tuple[list[RuleOverrideRow], str | None]:
    """Every override on record: what a declaration is checked against is public to every caller."""
    return await fetch_page(db, select(RuleOverrideRow), RuleOverrideRow.id, cursor=cursor, limit=limit)


async def overrides_for(session: AsyncSession, centre_codes: Iterable[str]) -> list[RuleOverride]:
    """The overrides on record for these centres, as the domain's check_declaration takes them."""
    rows = await session.scalars(
        select(RuleOverrideRow).where(RuleOverrideRow.centre_code.in_(list(centre_codes)))
    )
    return [RuleOverride(r.rule, r.centre_code, r.reason, r.approved_by, r.approved_on) for r in rows.all()]
