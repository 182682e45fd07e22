"""Event handlers of the finance service; REGISTRY is also where its subscriptions come from."""

from renkei_common.events.contracts import MunicipalityUpdated
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.refdata.projection import government_handlers
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import AreaMemberProjection, AreaProjection, Government
from renkei_finance.consumers import agreements, areas, groups, staffing
from renkei_finance.consumers.dirty import mark_dirty


async def _population_changed(event: MunicipalityUpdated, meta: EventMeta, session: AsyncSession) -> None:
    # A population enters the ordinary-tax estimate of the centres of every area the government is in.
    area_ids = select(AreaMemberProjection.area_id).where(AreaMemberProjection.code == event.code)
    centres = (
        await session.scalars(select(AreaProjection.centre_codes).where(AreaProjection.area_id.in_(area_ids)))
    ).all()
    await mark_dirty(session, meta, {event.code} | {code for codes in centres for code in codes})


REGISTRY = (
    HandlerRegistry()
    .include(government_handlers(Government, after=_population_changed))
    .include(agreements.registry)
    .include(areas.registry)
    .include(groups.registry)
    .include(staffing.registry)
)

# Envelope-level handlers by CloudEvents type, for code that drives an EventProcessor by hand.
HANDLERS = REGISTRY.handlers
