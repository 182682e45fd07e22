"""Routes of /v1/rules: the FY rule table with provenance; `national` adds or overrides rows."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr
from renkei_common.auth import CurrentActor
from renkei_common.writes import etag_for

from renkei_finance.domain.rules import Measure
from renkei_finance.service_layer.access import ensure_reader
from renkei_finance.service_layer.rules import PutRule, RuleView, list_rules, put_rule

router = APIRouter(prefix="/v1/rules", tags=["rules"])

RuleId = Annotated[
    str, Path(pattern=r"^[a-z0-9_.\-]{1,100}$", description="e.g. metropolitan_partner_special.fy2021")
]


class RulePublic(BaseModel):
    rule_id: str
    measure: Measure
    fy_from: int
    fy_to: int | None
    params: dict[str, Any]
    source: str = Field(description="the public document the values come from")
    confidence: Literal["seed", "public", "unconfirmed"]
    note: str
    origin: Literal["default", "national"] = Field(description="the shipped file, or a row national put")
    version: StrictInt = Field(description="0 for a shipped row; 1, 2, ... for each change through the API")

    @classmethod
    def of(cls, view: RuleView) -> RulePublic:
        return cls(**view.row.to_dict(), origin=view.origin, version=view.version)  # type: ignore[arg-type]


class RulesPublic(BaseModel):
    data: list[RulePublic]


class RulePut(BaseModel):
    # Money, years and counts are strict integers: "1000" is not yen (issue 8).
    model_config = ConfigDict(extra="forbid")

    measure: Measure
    fy_from: StrictInt = Field(ge=2000, le=2100)
    fy_to: StrictInt | None = Field(default=None, ge=2000, le=2100)
    params: dict[str, StrictInt | StrictStr] = Field(description="integers (yen, years) or decimal strings")
    source: str = Field(min_length=1, max_length=2000)
    confidence: Literal["seed", "public", "unconfirmed"]
    note: str = Field(default="", max_length=4000)


@router.get("", response_model=RulesPublic)
async def get_rules(
    request: Request,
    actor: CurrentActor,
    measure: Annotated[Measure | None, Query()] = None,
    fiscal_year: Annotated[
        int | None, Query(ge=2000, le=2100, description="rows in force in this FY")
    ] = None,
) -> RulesPublic:
    """Every row in force: the shipped file overlaid with the rows national put."""
    ensure_reader(actor)
    views = await list_rules(request.app.state.db)
    data = [
        RulePublic.of(v)
        for v in views
        if (measure is None or v.row.measure == measure)
        and (fiscal_year is None or v.row.covers(fiscal_year))
    ]
    return RulesPublic(data=data)


@router.put("/{rule_id}", response_model=RulePublic, responses={201: {"model": RulePublic}})
async def put_rule_row(
    request: Request,
    response: Response,
    actor: CurrentActor,
    rule_id: RuleId,
    body: RulePut,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> RulePublic:
    """Add a row or override a shipped one (national only); audited, versioned, and every line recomputed."""
    view = await put_rule(
        request.app.state.db,
        actor,
        PutRule(rule_id=rule_id, **body.model_dump()),
        if_match=if_match,
    )
    response.headers["ETag"] = etag_for(rule_id, view.version)
    if view.created:
        response.status_code = 201
    return RulePublic.of(view)
