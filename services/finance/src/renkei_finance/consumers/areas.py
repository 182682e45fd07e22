"""Projects areas and their members over time, visions with their budgets, and agreed cost sharing."""

from __future__ import annotations

from renkei_common.events.contracts import AreaDeclared, AreaUpdated, CostSharingAgreed, VisionAdopted
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import apply_if_newer
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import (
    AreaMemberProjection,
    AreaProjection,
    CostShareProjection,
    CostSharingProjection,
    VisionBudgetProjection,
    VisionProjection,
)
from renkei_finance.consumers.dirty import mark_dirty

registry = HandlerRegistry()


@registry.handles(AreaDeclared, AreaUpdated)
async def on_area(event: AreaDeclared | AreaUpdated, meta: EventMeta, session: AsyncSession) -> None:
    def area(row: AreaProjection) -> None:
        row.area_type = event.area_type
        row.name = event.name
        row.centre_codes = list(event.centre_codes)
        if isinstance(event, AreaDeclared):
            row.declared_on = event.declared_on

    result = await apply_if_newer(session, AreaProjection, {"area_id": event.area_id}, meta, area)
    if not result.applied:
        return
    # One round trip: the delete hands back the members it removed, whose cells may change too.
    removed = delete(AreaMemberProjection).where(AreaMemberProjection.area_id == event.area_id)
    before = set((await session.scalars(removed.returning(AreaMemberProjection.code))).all())
    unique = {(m.code, m.since): m for m in event.members}
    session.add_all(
        AreaMemberProjection(area_id=event.area_id, code=m.code, since=m.since, until=m.until, role=m.role)
        for m in unique.values()
    )
    await mark_dirty(session, meta, before | {m.code for m in event.members} | set(event.centre_codes))


@registry.handles(VisionAdopted)
async def on_vision(event: VisionAdopted, meta: EventMeta, session: AsyncSession) -> None:
    values = {
        "area_id": event.area_id,
        "area_type": event.area_type,
        "title": event.title,
        "first_fiscal_year": event.first_fiscal_year,
        "last_fiscal_year": event.last_fiscal_year,
        "adopted_on": event.adopted_on,
    }
    result = await apply_if_newer(session, VisionProjection, {"vision_id": event.vision_id}, meta, values)
    if not result.applied:
        return
    where = VisionBudgetProjection.vision_id == event.vision_id
    before = set((await session.scalars(select(VisionBudgetProjection.municipality_code).where(where))).all())
    await session.execute(delete(VisionBudgetProjection).where(where))
    budgets: dict[tuple[str, int, str], VisionBudgetProjection] = {}
    for project in event.projects:
        for b in project.budgets:
            cell = (project.project_id, b.fiscal_year, b.municipality_code)
            if cell in budgets:  # two budget lines for one cell add up
                budgets[cell].amount_yen += b.amount_yen
                continue
            budgets[cell] = VisionBudgetProjection(
                vision_id=event.vision_id,
                project_id=project.project_id,
                fiscal_year=b.fiscal_year,
                municipality_code=b.municipality_code,
                project_name=project.name,
                field=project.field,
                bond_eligibility=project.bond_eligibility,
                amount_yen=b.amount_yen,
            )
    session.add_all(budgets.values())
    await mark_dirty(session, meta, before | {code for _, _, code in budgets})


@registry.handles(CostSharingAgreed)
async def on_cost_sharing(event: CostSharingAgreed, meta: EventMeta, session: AsyncSession) -> None:
    """Contributions (負担金) as agreements computed them: finance reports them, never recomputes them."""
    values = {
        "name": event.name,
        "category": event.category,
        "area_id": event.area_id,
        "cost_yen": event.cost_yen,
        "formula": {
            "equal_weight": event.equal_weight,
            "population_weight": event.population_weight,
            "usage_weight": event.usage_weight,
            "remainder_to": event.remainder_to,
            # Per cost class (建設費, 運営費, ...): each class's cost, weights and every member's share of it.
            "rounding": event.rounding,
            "classes": [
                {
                    **c.model_dump(mode="json"),
                    "shares": {
                        m.municipality_code: s.share_yen
                        for m in event.members
                        for s in m.classes
                        if s.cost_class == c.cost_class
                    },
                }
                for c in event.classes
            ],
        },
        "revision": event.revision,
        "agreed_on": event.agreed_on,
    }
    key = {"shared_service_id": event.shared_service_id, "fiscal_year": event.fiscal_year}
    result = await apply_if_newer(session, CostSharingProjection, key, meta, values)
    if not result.applied:
        return
    await session.execute(
        delete(CostShareProjection).where(
            CostShareProjection.shared_service_id == event.shared_service_id,
            CostShareProjection.fiscal_year == event.fiscal_year,
        )
    )
    shares: dict[str, CostShareProjection] = {}
    for member in event.members:
        known = shares.get(member.municipality_code)
        if known is not None:  # a member named twice: its shares add up, as the total must stay exact
            known.share_yen += member.share_yen
            continue
        shares[member.municipality_code] = CostShareProjection(
            shared_service_id=event.shared_service_id,
            fiscal_year=event.fiscal_year,
            municipality_code=member.municipality_code,
            share_yen=member.share_yen,
            population=member.population,
            usage=member.usage,
        )
    session.add_all(shares.values())
