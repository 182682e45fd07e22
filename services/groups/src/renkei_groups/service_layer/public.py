"""Open data without a token: public notices (告示) and OCDS releases of no-bid contracts.

Only what a 告示 or a procurement record publishes: organisations, numbers, dates, amounts; no member.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from renkei_common.db import Database
from renkei_common.errors import NotFound
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, now
from sqlalchemy import select

from renkei_groups.adapters.orm import ContractRow, GroupRow, PublicNoticeRow
from renkei_groups.domain import ocds
from renkei_groups.service_layer.governments import name_of


async def list_notices(
    *,
    db: Database,
    municipality_code: str | None,
    noticed_from: date | None,
    noticed_to: date | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[PublicNoticeRow], str | None]:
    query = select(PublicNoticeRow)
    if municipality_code is not None:
        query = query.where(PublicNoticeRow.municipality_code == municipality_code)
    if noticed_from is not None:
        query = query.where(PublicNoticeRow.noticed_on >= noticed_from)
    if noticed_to is not None:
        query = query.where(PublicNoticeRow.noticed_on <= noticed_to)
    return await fetch_page(db, query, PublicNoticeRow.id, cursor=cursor, limit=limit)


def _facts(contract: ContractRow, group_name: str) -> ocds.ContractFacts:
    return ocds.ContractFacts(
        contract_id=contract.id,
        group_id=contract.group_id,
        group_name=group_name,
        municipality_code=contract.municipality_code,
        municipality_name=name_of(contract.municipality_code),
        subject=contract.subject,
        amount_yen=contract.amount_yen,
        fiscal_year=contract.fiscal_year,
        start=contract.start_on,
        end=contract.end_on,
        awarded_at=contract.awarded_at,
    )


async def contract_release(*, db: Database, contract_id: str, ocid_prefix: str) -> dict[str, Any]:
    async with db.session() as session:
        contract = await load(session, ContractRow, contract_id, what="contract")
        group = await load(session, GroupRow, contract.group_id, what="group")
    return ocds.release(_facts(contract, group.name), ocid_prefix=ocid_prefix)


async def release_package(
    *,
    db: Database,
    municipality_code: str | None,
    fiscal_year: int | None,
    ocid_prefix: str,
    uri: str,
    limit: int,
) -> dict[str, Any]:
    """Up to `limit` releases in one package; OCDS asks for at least one release, so none found is a 404."""
    query = select(ContractRow, GroupRow.name).join(GroupRow, GroupRow.id == ContractRow.group_id)
    if municipality_code is not None:
        query = query.where(ContractRow.municipality_code == municipality_code)
    if fiscal_year is not None:
        query = query.where(ContractRow.fiscal_year == fiscal_year)
    async with db.session() as session:
        rows = (await session.execute(query.order_by(ContractRow.id).limit(limit))).all()
    if not rows:
        raise NotFound(msg("groups.public.no_no_bid_contract_matches"))
    releases = [ocds.release(_facts(contract, name), ocid_prefix=ocid_prefix) for contract, name in rows]
    published = max((c.awarded_at for c, _ in rows), default=now())
    publisher = name_of(municipality_code) if municipality_code else "renkei"
    return ocds.release_package(releases, uri=uri, publisher=publisher, published_at=published)
