"""Routes of /v1/simulations: the engine on today's projections plus hypothetical changes, not persisted."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr
from renkei_common.access import prefecture_scope
from renkei_common.auth import CurrentActor
from renkei_common.errors import Unprocessable

from renkei_finance.domain import whatif
from renkei_finance.domain.engine import Line, compute
from renkei_finance.domain.rules import Measure, RuleError, row_from_dict
from renkei_finance.service_layer.access import ensure_reader, readable_codes
from renkei_finance.service_layer.snapshot import load_rules, load_snapshot

router = APIRouter(prefix="/v1/simulations", tags=["simulations"])

Code = Annotated[str, Field(pattern=r"^\d{6}$")]


class _Strict(BaseModel):
    # Money, years and counts are strict integers: "1000" is not yen (issue 8).
    model_config = ConfigDict(extra="forbid")


class PopulationChangeIn(_Strict):
    kind: Literal["population"]
    code: Code
    population: StrictInt = Field(ge=0, le=50_000_000)


class JoinIn(_Strict):
    kind: Literal["join"]
    area_id: str = Field(max_length=36)
    code: Code
    role: str = Field(default="partner", max_length=20)
    since: date


class LeaveIn(_Strict):
    kind: Literal["leave"]
    area_id: str = Field(max_length=36)
    code: Code
    until: date


class BudgetChangeIn(_Strict):
    kind: Literal["budget"]
    area_id: str = Field(max_length=36)
    project_id: str = Field(max_length=36)
    municipality_code: Code
    fiscal_year: StrictInt = Field(ge=2000, le=2100)
    amount_yen: StrictInt = Field(ge=0, le=10**13)
    field: str = Field(default="", max_length=100)
    bond_eligibility: str | None = Field(default=None, max_length=100)


class RuleChangeIn(_Strict):
    kind: Literal["rule"]
    rule_id: str = Field(max_length=100)
    measure: Measure
    fy_from: StrictInt = Field(ge=2000, le=2100)
    fy_to: StrictInt | None = Field(default=None, ge=2000, le=2100)
    params: dict[str, StrictInt | StrictStr]
    source: str = Field(default="what-if", max_length=2000)
    confidence: Literal["seed", "public", "unconfirmed"] = "unconfirmed"


ChangeIn = Annotated[
    PopulationChangeIn | JoinIn | LeaveIn | BudgetChangeIn | RuleChangeIn, Field(discriminator="kind")
]


class SimulationIn(_Strict):
    fiscal_year: StrictInt = Field(ge=2000, le=2100)
    changes: list[ChangeIn] = Field(max_length=200)


class SimLine(BaseModel):
    recipient_code: str
    measure: str
    key: str
    amount_yen: int
    today_yen: StrictInt | None = Field(description="the same line on today's projections; null if it is new")
    difference_yen: int
    arithmetic: str
    rule_id: str
    unconfirmed: bool
    estimate: bool
    inputs: dict[str, Any]


class SimulationOut(BaseModel):
    fiscal_year: int
    lines: list[SimLine] = Field(
        description="every line of the changed world, and lines that disappear (amount 0)"
    )
    total_yen: int
    today_total_yen: int
    difference_yen: int


def _to_change(index: int, change: ChangeIn) -> whatif.Change:
    if isinstance(change, PopulationChangeIn):
        return whatif.PopulationChange(change.code, change.population)
    if isinstance(change, JoinIn):
        return whatif.Join(change.area_id, change.code, change.role, change.since)
    if isinstance(change, LeaveIn):
        return whatif.Leave(change.area_id, change.code, change.until)
    if isinstance(change, BudgetChangeIn):
        return whatif.BudgetChange(
            change.area_id,
            change.project_id,
            change.municipality_code,
            change.fiscal_year,
            change.amount_yen,
            change.field,
            change.bond_eligibility,
        )
    try:
        return whatif.RuleChange(row_from_dict(change.model_dump(mode="json")))
    except RuleError as exc:
        raise Unprocessable(
            field=f"body.changes[{index}].{exc.field}", rule=exc.rule, message=str(exc)
        ) from exc


@router.post("", response_model=SimulationOut)
async def simulate(request: Request, actor: CurrentActor, body: SimulationIn) -> SimulationOut:
    """Lines of the FY with the changes applied, beside today's; only the recipients the caller may see."""
    ensure_reader(actor)
    changes = [_to_change(i, c) for i, c in enumerate(body.changes)]
    async with request.app.state.db.session() as session:
        snapshot, rules = await load_snapshot(session), await load_rules(session)
        readable = await readable_codes(session, actor)
    scope = prefecture_scope(actor)
    try:
        changed, changed_rules = whatif.apply_changes(snapshot, rules, changes)
    except whatif.UnknownArea as exc:
        raise Unprocessable(
            field=f"body.changes[{exc.index}].area_id", rule="unknown_area", message=exc.message
        ) from exc
    except RuleError as exc:
        raise Unprocessable(field="body.changes", rule=exc.rule, message=exc.message) from exc
    today = {line.identity: line for line in compute(body.fiscal_year, snapshot, rules)}
    after = {line.identity: line for line in compute(body.fiscal_year, changed, changed_rules)}
    lines = []
    for identity in sorted(set(today) | set(after)):
        code = identity[1]
        # What-if lines of recipients outside the caller's scope are not shown, even hypothetically.
        if readable is not None and code not in readable and not (scope and code.startswith(scope)):
            continue
        now, then = after.get(identity), today.get(identity)
        shown: Line = now or then  # type: ignore[assignment]
        amount = now.amount_yen if now else 0
        lines.append(
            SimLine(
                recipient_code=identity[1],
                measure=identity[2],
                key=identity[3],
                amount_yen=amount,
                today_yen=then.amount_yen if then else None,
                difference_yen=amount - (then.amount_yen if then else 0),
                arithmetic=shown.arithmetic if now else "no longer applies",
                rule_id=shown.rule_id,
                unconfirmed=shown.unconfirmed,
                estimate=shown.estimate,
                inputs=shown.inputs,
            )
        )
    total = sum(line.amount_yen for line in lines)
    today_total = sum(line.today_yen or 0 for line in lines)
    return SimulationOut(
        fiscal_year=body.fiscal_year,
        lines=lines,
        total_yen=total,
        today_total_yen=today_total,
        difference_yen=total - today_total,
    )
