"""Routes of /v1/projections: read-only views of what finance has learnt from other services."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor

from renkei_finance.service_layer import reads

router = APIRouter(prefix="/v1/projections", tags=["projections"])


class AgreementProjectionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agreement_id: str
    version: int
    kind: str | None = Field(description="null while only the termination has arrived")
    title: str | None
    party_codes: list[str]
    area_id: str | None
    concluded_on: date | None
    in_force_on: date | None = Field(description="the first day any version of it was in force")
    terminated_on: date | None
    status: str = Field(description="in_force or terminated")
    aggregate_version: int


class AgreementProjectionsPublic(BaseModel):
    data: list[AgreementProjectionPublic]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last one")


@router.get("/agreements", response_model=AgreementProjectionsPublic)
async def list_agreements(
    request: Request,
    actor: CurrentActor,
    party: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only agreements with this party")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=36, description="next_cursor of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AgreementProjectionsPublic:
    """Agreements with a party the caller may see, in id order, one page at a time."""
    rows, next_cursor = await reads.list_agreements(
        request.app.state.db, actor, party=party, cursor=cursor, limit=limit
    )
    return AgreementProjectionsPublic(
        data=[AgreementProjectionPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


class DispatchProjectionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    dispatch_id: str
    employer_code: str = Field(
        description="the dispatching employer (派遣元), the specialist measure's recipient"
    )
    receiving_code: str = Field(description="the receiving municipality (派遣先)")
    agreement_id: str = Field(description="the 連携協約 the dispatch rests on")
    profession_code: str | None = Field(description="null while only a later event has arrived")
    starts_on: date | None
    ends_on: date | None = Field(description="the planned last day")
    ended_on: date | None = Field(description="the actual last day, once `DispatchEnded` arrived")
    status: str = Field(description="active, flagged or ended")
    flag_terminated_on: date | None = Field(
        description="first day the agreement no longer covers it (DispatchFlagged); costs of periods "
        "starting on or after it are not eligible"
    )
    flag_reason: str | None = Field(description="agreement_terminated or party_left_agreement")
    aggregate_version: int


class DispatchProjectionsPublic(BaseModel):
    data: list[DispatchProjectionPublic]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last one")


@router.get("/dispatches", response_model=DispatchProjectionsPublic)
async def list_dispatches(
    request: Request,
    actor: CurrentActor,
    employer: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only dispatches from this employer")
    ] = None,
    receiving: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only dispatches to this municipality")
    ] = None,
    status: Annotated[Literal["active", "flagged", "ended"] | None, Query()] = None,
    cursor: Annotated[
        str | None, Query(max_length=36, description="next_cursor of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> DispatchProjectionsPublic:
    """Specialist dispatches with an employer or receiver the caller sees, in id order, with their flags."""
    rows, next_cursor = await reads.list_dispatches(
        request.app.state.db,
        actor,
        employer=employer,
        receiving=receiving,
        status=status,
        cursor=cursor,
        limit=limit,
    )
    return DispatchProjectionsPublic(
        data=[DispatchProjectionPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


class GroupFundingPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    funding_id: str = Field(description="the support, lease or contract id of the groups service")
    kind: str = Field(description="grant (交付金), lease (行政財産の貸付け: its rent) or contract (随意契約)")
    fiscal_year: int = Field(description="the grant's or contract's FY; a lease's first FY")
    amount_yen: int = Field(description="integer yen; a lease's rent over its whole period, 0 when free")
    starts_on: date | None
    ends_on: date | None
    under_review: bool = Field(
        default=False,
        description="listed as active when the designation was revoked: to review (取消し後の見直し対象)",
    )


class GroupProjectionPublic(BaseModel):
    group_id: str
    municipality_code: str
    name: str | None = Field(description="null while only the revocation has arrived")
    designated_on: date | None
    revoked_on: date | None
    status: str = Field(description="designated or revoked")
    review_funding_ids: list[str] = Field(
        description="the leases and contracts the revocation listed as active, whether finance has seen"
        " their own events yet or not"
    )
    funding: list[GroupFundingPublic]
    funding_total_yen: int = Field(description="sum of the listed funding, integer yen")


class GroupProjectionsPublic(BaseModel):
    data: list[GroupProjectionPublic]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last one")


@router.get("/groups", response_model=GroupProjectionsPublic)
async def list_groups(
    request: Request,
    actor: CurrentActor,
    municipality: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only groups designated by this municipality")
    ] = None,
    fiscal_year: Annotated[
        int | None, Query(ge=2000, le=2100, description="only the funding of this FY")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=36, description="next_cursor of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> GroupProjectionsPublic:
    """Designated groups (指定地域共同活動団体) of municipalities the caller may see, with their funding."""
    rows, next_cursor = await reads.list_groups(
        request.app.state.db,
        actor,
        municipality=municipality,
        fiscal_year=fiscal_year,
        cursor=cursor,
        limit=limit,
    )
    data = []
    for row in rows:
        review = set(row.group.review_funding_ids or [])
        funding = [
            GroupFundingPublic.model_validate(f).model_copy(update={"under_review": f.funding_id in review})
            for f in row.funding
        ]
        data.append(
            GroupProjectionPublic(
                group_id=row.group.group_id,
                municipality_code=row.group.municipality_code,
                name=row.group.name,
                designated_on=row.group.designated_on,
                revoked_on=row.group.revoked_on,
                status=row.group.status,
                review_funding_ids=sorted(review),
                funding=funding,
                funding_total_yen=sum(f.amount_yen for f in funding),
            )
        )
    return GroupProjectionsPublic(data=data, next_cursor=next_cursor)
