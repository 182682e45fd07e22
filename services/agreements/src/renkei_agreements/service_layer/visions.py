"""Use cases of visions: draft, revise the draft, adopt (VisionAdopted), report KPI actuals (KpiReported)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.errors import NotFound
from renkei_common.events.contracts import KpiReported, ProjectBudget, VisionAdopted, VisionProject
from renkei_common.events.outbox import add_event
from renkei_common.writes import record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, raiseload, selectinload

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AreaMemberRow, AreaRow, KpiActualRow, KpiRow, VisionRow
from renkei_agreements.api.schemas.visions import (
    AdoptionCreate,
    KpiActualCreate,
    VisionCreate,
    VisionUpdate,
)
from renkei_agreements.domain import visions as rules
from renkei_agreements.domain.errors import RuleViolation, StateConflict
from renkei_agreements.service_layer.access import ensure_can_read, visible
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.common import (
    audited_change,
    ensure_acts_for_one_of,
    fetch_page,
    load,
    now,
    snapshot,
    touch,
)
from renkei_agreements.service_layer.vision_content import (
    audit_view,
    check_content,
    fill_rows,
    kpi_in,
    project_in,
)

CENTRE = "a centre of the area"
# What a vision's public view shows besides its own rows: every KPI's reports.
WITH_REPORTS = (selectinload(VisionRow.kpis).selectinload(KpiRow.actuals),)


@dataclass(frozen=True)
class KpiReport:
    vision: VisionRow
    kpi: KpiRow
    report: KpiActualRow
    target: float | None


async def _area(session: AsyncSession, area_id: str, *, with_members: bool = True) -> AreaRow:
    """The vision's area; writes that only check its centre skip loading its members."""
    options = () if with_members else (raiseload(AreaRow.members),)
    area = await session.get(AreaRow, area_id, options=options)
    if area is None:
        raise RuleViolation("area_id", "unknown_area", f"no area {area_id!a}")
    return area


async def draft_vision(*, db: Database, actor: Actor, body: VisionCreate) -> VisionRow:
    async with db.transaction() as session:
        area = await _area(session, body.area_id)
        ensure_acts_for_one_of(actor, area.centre_codes, field="body.area_id", what=CENTRE)
        check_content(area, body.first_fiscal_year, body.last_fiscal_year, body.projects, body.kpis)
        title = body.title or f"{area.name}{rules.VISION_TITLES[area.area_type]}"
        vision = VisionRow(
            id=new_id(),
            area_id=area.id,
            area_type=area.area_type,
            title=title,
            first_fiscal_year=body.first_fiscal_year,
            last_fiscal_year=body.last_fiscal_year,
            status="draft",
            adopted_on=None,
            row_version=1,
            created_by_org=actor.org,
            created_at=now(),
        )
        fill_rows(vision, body.projects, body.kpis)
        session.add(vision)
        await record_audit(
            session,
            actor=actor,
            action="vision.drafted",
            resource_type="vision",
            resource_id=vision.id,
            after=audit_view(vision),
        )
    return vision


@asynccontextmanager
async def _changing_vision(
    db: Database, actor: Actor, vision_id: str, if_match: str | None, *, action: str, with_members: bool
) -> AsyncIterator[tuple[AsyncSession, VisionRow, AreaRow]]:
    """A centre's write: the vision locked, If-Match checked, the version moved on; audited as `action`."""
    async with db.transaction() as session:
        vision = await load(
            session, VisionRow, vision_id, what="vision", for_update=True, options=WITH_REPORTS
        )
        area = await _area(session, vision.area_id, with_members=with_members)
        ensure_acts_for_one_of(actor, area.centre_codes, field="path.vision_id", what=CENTRE)
        async with audited_change(
            session, actor, vision, if_match, action=action, resource_type="vision", view=audit_view
        ):
            yield session, vision, area


async def update_vision(
    *, db: Database, actor: Actor, vision_id: str, body: VisionUpdate, if_match: str | None
) -> VisionRow:
    async with _changing_vision(
        db, actor, vision_id, if_match, action="vision.revised", with_members=True
    ) as (_, vision, area):
        if vision.status != "draft":
            raise StateConflict("an adopted vision is not edited; draft a new one", rule="already_adopted")
        first = body.first_fiscal_year or vision.first_fiscal_year
        last = body.last_fiscal_year or vision.last_fiscal_year
        projects = body.projects if body.projects is not None else [project_in(p) for p in vision.projects]
        kpis = body.kpis if body.kpis is not None else [kpi_in(vision, k) for k in vision.kpis]
        check_content(area, first, last, projects, kpis)
        vision.title = body.title or vision.title
        vision.first_fiscal_year, vision.last_fiscal_year = first, last
        if body.projects is not None or body.kpis is not None:
            fill_rows(vision, projects, kpis)  # KPIs name projects by position, so both are rebuilt together
    return vision


async def adopt_vision(
    *, db: Database, actor: Actor, vision_id: str, body: AdoptionCreate, if_match: str | None
) -> VisionRow:
    """Adoption (策定) forms the area in MIC's count; it emits VisionAdopted with every budget."""
    async with _changing_vision(
        db, actor, vision_id, if_match, action="vision.adopted", with_members=False
    ) as (session, vision, area):
        rules.check_adoption(status=vision.status, project_count=len(vision.projects))
        vision.status, vision.adopted_on = "adopted", body.adopted_on
        await add_event(
            session,
            VisionAdopted(
                vision_id=vision.id,
                area_id=area.id,
                area_type=area.area_type,
                title=vision.title,
                first_fiscal_year=vision.first_fiscal_year,
                last_fiscal_year=vision.last_fiscal_year,
                adopted_on=body.adopted_on,
                projects=[
                    VisionProject(
                        project_id=p.id,
                        name=p.name,
                        field=p.field,
                        role=p.role,
                        bond_eligibility=p.bond_eligibility,
                        budgets=[ProjectBudget(**b) for b in p.budgets],
                    )
                    for p in vision.projects
                ],
            ),
            subject=vision.id,
            aggregate_version=vision.row_version,
        )
    return vision


async def report_kpi(
    *, db: Database, actor: Actor, vision_id: str, kpi_id: str, body: KpiActualCreate, if_match: str | None
) -> KpiReport:
    """Append an actual value for a fiscal year; a later report for the same year corrects it."""
    async with db.transaction() as session:
        # The most frequent write of a vision: the vision, its KPIs and its area's centres in one query,
        # locking the vision row only (a KPI report needs neither the projects nor the members).
        query = (
            select(VisionRow, AreaRow.centre_codes)
            .join(AreaRow, AreaRow.id == VisionRow.area_id)
            .where(VisionRow.id == vision_id)
            .options(raiseload(VisionRow.projects), joinedload(VisionRow.kpis))
            .with_for_update(of=VisionRow)
        )
        found = (await session.execute(query)).unique().first()
        if found is None:
            raise NotFound(f"vision {vision_id!a} not found")
        vision, centre_codes = found
        ensure_acts_for_one_of(actor, centre_codes, field="path.vision_id", what=CENTRE)
        touch(vision, if_match)
        kpi = next((k for k in vision.kpis if k.id == kpi_id), None)
        if kpi is None:
            raise NotFound(f"vision {vision_id!a} has no KPI {kpi_id!a}")
        rules.check_kpi_report(
            status=vision.status,
            first_fiscal_year=vision.first_fiscal_year,
            last_fiscal_year=vision.last_fiscal_year,
            fiscal_year=body.fiscal_year,
        )
        actual = KpiActualRow(
            id=new_id(),
            kpi_id=kpi.id,
            fiscal_year=body.fiscal_year,
            value=body.value,
            reported_on=body.reported_on,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        session.add(actual)
        target = rules.target_for([(int(y), float(v)) for y, v in kpi.targets], body.fiscal_year)
        await add_event(
            session,
            KpiReported(
                vision_id=vision.id,
                kpi_id=kpi.id,
                name=kpi.name,
                unit=kpi.unit,
                fiscal_year=body.fiscal_year,
                actual=body.value,
                target=target,
                area_id=vision.area_id,
            ),
            subject=vision.id,
            aggregate_version=vision.row_version,
        )
        await record_audit(
            session,
            actor=actor,
            action="vision.kpi_reported",
            resource_type="vision",
            resource_id=vision.id,
            after=snapshot(actual),
        )
    return KpiReport(vision, kpi, actual, target)


async def get_vision(*, db: Database, actor: Actor, vision_id: str) -> VisionRow:
    async with db.session() as session:
        vision = await load(session, VisionRow, vision_id, what="vision", options=WITH_REPORTS)
        area = await _area(session, vision.area_id)
    ensure_can_read(actor, participants(area), what="vision")
    return vision


async def list_visions(
    *, db: Database, actor: Actor, area_id: str | None = None, cursor: str | None = None, limit: int = 100
) -> tuple[list[VisionRow], str | None]:
    query = select(VisionRow).options(*WITH_REPORTS)
    if not actor.reads_all:
        readable = select(AreaMemberRow.area_id).where(visible(actor, [AreaMemberRow.code]))
        query = query.where(VisionRow.area_id.in_(readable))
    if area_id is not None:
        query = query.where(VisionRow.area_id == area_id)
    return await fetch_page(db, query, VisionRow.id, cursor=cursor, limit=limit)
