"""What the staffing use cases share beyond the kit: today's date, and governments from the registry."""

from __future__ import annotations

from datetime import date

from renkei_common.domain_errors import RuleViolation
from renkei_common.i18n import msg
from renkei_common.persistence import now
from renkei_common.refdata import InvalidLocalGovernmentCode, LocalGovernment, Registry
from renkei_common.refdata.projection import current_registry
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import Government


def today() -> date:
    return now().date()


async def registry(session: AsyncSession) -> Registry:
    """The shipped registry overlaid with the municipality updates this service has projected."""
    return await current_registry(session, Government)


def government(registry_: Registry, code: str, field: str) -> LocalGovernment:
    """The government with this code, or a 422 naming `field`."""
    try:
        found = registry_.find(code)
    except InvalidLocalGovernmentCode as exc:
        raise RuleViolation(field, "local_government_code", exc.message) from exc
    if found is None:
        raise RuleViolation(
            field, "unknown_local_government", msg("staffing.unknown_local_government", code=code)
        )
    return found
