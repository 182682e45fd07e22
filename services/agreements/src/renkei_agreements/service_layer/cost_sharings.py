"""Use cases of each year's cost sharing: agree it, read it, and recompute it when a population changes.

Agreements owns the formula and the agreed shares; finance only reports them (CostSharingAgreed), so a change
of an input (a population import) is recomputed here, in the same transaction, and announced as a revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from renkei_common.access import ensure_can_read
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.errors import NotFound
from renkei_common.events.contracts import (
    ClassShare,
    CostClassFormula,
    CostShare,
    CostSharingAgreed,
    CostWeightPeriod,
)
from renkei_common.i18n import msg
from renkei_common.persistence import load, new_id, now, snapshot
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.orm import (
    CostSharingRow,
    MunicipalityRow,
    SharedServiceMemberRow,
    SharedServiceRow,
)
from renkei_agreements.domain.cost_formula import (
    ClassFormula,
    ClassShares,
    CostClass,
    WeightPeriod,
    arithmetic,
    member_totals,
    share_formula,
)
from renkei_agreements.domain.cost_sharing import Basis, MemberBasis, Rounding
from renkei_agreements.domain.shared_services import check_all_consented
from renkei_agreements.service_layer.commands import AgreeCostSharing, CostClassIn, MemberUsage
from renkei_agreements.service_layer.shared_services import LEAD, WHOLE, check_members

# A sharing agreed in the single-cost shape is one class: the yearly cost of running the service.
SINGLE_CLASS = CostClass.OPERATION
# Where a refusal caused by an import's figures points: the uploaded file, as the import's own errors do.
IMPORT_LOCATION = "body"


@dataclass(frozen=True)
class Formula:
    """What a sharing is computed from, besides the members' figures."""

    classes: tuple[ClassFormula, ...]
    rounding: Rounding

    def stored(self) -> dict[str, Any]:
        return {
            "rounding": self.rounding.value,
            "classes": [
                {
                    "cost_class": c.cost_class.value,
                    "cost_yen": c.cost_yen,
                    "schedule": [_period_json(p) for p in c.schedule],
                }
                for c in self.classes
            ],
        }


async def agree_cost_sharing(
    *, db: Database, actor: Actor, shared_service_id: str, command: AgreeCostSharing, if_match: str | None
) -> tuple[SharedServiceRow, CostSharingRow]:
    """Each member's integer-yen share per cost class, recorded for the year; emits CostSharingAgreed."""
    formula = _formula_of(command)
    async with unit_of_work(db, actor) as uow:
        service = await uow.load_for_change(
            SharedServiceRow,
            shared_service_id,
            if_match=if_match,
            action="shared_service.cost_sharing_agreed",
            writers=lambda s: [s.lead_code],
            field="path.shared_service_id",
            what=LEAD,
            options=WHOLE,
        )
        given = [m.code for m in command.members]
        check_members(service.member_codes, given)
        check_all_consented(service.consents)
        figures = await _registry(uow.session, given)
        inputs = [_stated_inputs(m) for m in command.members]
        try:
            computed = _compute(formula, command.fiscal_year, inputs, figures, command.remainder_to)
        except RuleViolation as refused:
            raise _as_requested(refused, single=command.classes is None) from None
        existing = next((c for c in service.cost_sharings if c.fiscal_year == command.fiscal_year), None)
        before = snapshot(existing) if existing else None
        if existing is None:
            existing = CostSharingRow(
                id=new_id(), shared_service_id=service.id, fiscal_year=command.fiscal_year, revision=0
            )
            service.cost_sharings.append(existing)
        _record(
            existing,
            formula=formula,
            computed=computed,
            inputs=inputs,
            figures=figures,
            remainder_to=command.remainder_to,
            agreed_on=command.agreed_on,
            org=actor.org,
        )
        uow.audit(service, before=before, after=snapshot(existing))
        uow.emit(service, _event(service, existing, cause="agreed"))
    return service, existing


async def get_cost_sharing(
    *, db: Database, actor: Actor, shared_service_id: str, fiscal_year: int
) -> CostSharingRow:
    async with db.session() as session:
        service = await load(session, SharedServiceRow, shared_service_id, what="shared service")
    ensure_can_read(actor, service.member_codes, what="shared service")
    found = next((c for c in service.cost_sharings if c.fiscal_year == fiscal_year), None)
    if found is None:
        raise NotFound(msg("agreements.cost.sharing_not_found", fiscal_year=fiscal_year))
    return found


async def recompute_after_population_import(uow: UnitOfWork, *, codes: Sequence[str], year: int) -> int:
    """Recompute the sharings of FY `year` on whose inputs changed: a revision and an event for each change.

    A figure for `year` applies to the sharings of that FY and later: closed years keep what was agreed.
    Shares that come out the same are left as they are and announce nothing. Returns the sharings revised.
    """
    if not codes:
        return 0
    affected = (
        select(SharedServiceMemberRow.shared_service_id)
        .join(CostSharingRow, CostSharingRow.shared_service_id == SharedServiceMemberRow.shared_service_id)
        .where(SharedServiceMemberRow.code.in_(list(codes)), CostSharingRow.fiscal_year >= year)
        .distinct()
    )
    revised = 0
    for service_id in sorted((await uow.session.scalars(affected)).all()):
        service = await uow.load(SharedServiceRow, service_id, what="shared service", options=WHOLE)
        changes = []
        for sharing in service.cost_sharings:
            if sharing.fiscal_year < year:
                continue
            inputs = [_stored_inputs(m) for m in sharing.members]
            figures = await _registry(uow.session, [i.code for i in inputs])
            formula = _formula_of_row(sharing)
            try:
                computed = _compute(formula, sharing.fiscal_year, inputs, figures, sharing.remainder_to)
            except RuleViolation as refused:
                raise _unshareable(service, sharing, refused) from None
            if _shares(computed) != _stored_shares(sharing):
                changes.append((sharing, snapshot(sharing), formula, computed, inputs, figures))
        if not changes:
            continue
        uow.change(service, if_match=None, action="shared_service.cost_sharing_recomputed")
        for sharing, _, formula, computed, inputs, figures in changes:
            _record(
                sharing,
                formula=formula,
                computed=computed,
                inputs=inputs,
                figures=figures,
                remainder_to=sharing.remainder_to,
                agreed_on=sharing.agreed_on,
                org=uow.actor.org,
            )
            uow.emit(service, _event(service, sharing, cause="population_import"))
        uow.audit(
            service,
            before={str(c[0].fiscal_year): c[1] for c in changes},
            after={str(c[0].fiscal_year): snapshot(c[0]) for c in changes},
        )
        revised += len(changes)
    return revised


def _as_requested(refused: RuleViolation, *, single: bool) -> RuleViolation:
    """A refusal of the single-cost shape names its fields (`weights`, `cost_yen`), not those of its class."""
    if not single:
        return refused
    fields = {v.field: v.field for v in refused.violations}
    for prefix in ("classes[0].schedule[0].", "classes[0]."):
        fields = {k: f.removeprefix(prefix) for k, f in fields.items()}
    return RuleViolation(
        violations=[Violation(fields[v.field], v.rule, v.message, v.line) for v in refused.violations],
        location=refused.location,
    )


def _unshareable(service: SharedServiceRow, sharing: CostSharingRow, refused: RuleViolation) -> RuleViolation:
    rules = sorted({v.rule for v in refused.violations})
    return RuleViolation(
        violations=[
            Violation(
                "body",
                "cost_sharing_recomputable",
                msg(
                    "agreements.cost.recomputable",
                    fiscal_year=sharing.fiscal_year,
                    name=service.name,
                    shared_service_id=service.id,
                    rules=rules,
                ),
            )
        ],
        location=IMPORT_LOCATION,
    )


def _formula_of(command: AgreeCostSharing) -> Formula:
    """The formula of the request: its cost classes, or the single-cost shape as one class."""
    rounding = Rounding(command.rounding)
    single = command.cost_yen is not None or command.weights is not None
    if command.classes is not None and single:
        raise RuleViolation("classes", "one_formula", msg("agreements.cost.one_formula"))
    if command.classes is not None:
        return Formula(tuple(_class_of(c) for c in command.classes), rounding)
    missing = [
        Violation(name, "required", msg("agreements.cost.formula_required", name=name))
        for name, value in (("cost_yen", command.cost_yen), ("weights", command.weights))
        if value is None
    ]
    if missing:
        raise RuleViolation(violations=missing)
    assert command.cost_yen is not None and command.weights is not None
    w = command.weights
    weights = {
        Basis.EQUAL: Decimal(w.equal),
        Basis.POPULATION: Decimal(w.population),
        Basis.USAGE: Decimal(w.usage),
    }
    # An open period: the old shape's weights apply whatever the year. Its fields are `weights.*`, as before.
    return Formula(
        (ClassFormula(SINGLE_CLASS, command.cost_yen, (WeightPeriod(None, None, weights),)),), rounding
    )


def _class_of(given: CostClassIn) -> ClassFormula:
    schedule = tuple(
        WeightPeriod(p.from_fy, p.to_fy, {basis: Decimal(getattr(p.weights, basis.value)) for basis in Basis})
        for p in given.schedule
    )
    return ClassFormula(CostClass(given.cost_class), given.cost_yen, schedule)


def _formula_of_row(row: CostSharingRow) -> Formula:
    if row.formula is None:  # agreed before cost classes: the three weights, one class, to the yen
        weights = {Basis(name): Decimal(value) for name, value in row.weights.items()}
        period = WeightPeriod(None, None, weights)
        return Formula((ClassFormula(SINGLE_CLASS, row.cost_yen, (period,)),), Rounding.FLOOR_TO_YEN)
    classes = tuple(
        ClassFormula(
            CostClass(c["cost_class"]),
            c["cost_yen"],
            tuple(
                WeightPeriod(
                    p["from_fy"], p["to_fy"], {Basis(b): Decimal(v) for b, v in p["weights"].items()}
                )
                for p in c["schedule"]
            ),
        )
        for c in row.formula["classes"]
    )
    return Formula(classes, Rounding(row.formula["rounding"]))


def _period_json(period: WeightPeriod) -> dict[str, Any]:
    return {
        "from_fy": period.from_fy,
        "to_fy": period.to_fy,
        "weights": {basis.value: str(weight) for basis, weight in period.weights.items()},
    }


def _stated_inputs(member: MemberUsage) -> MemberBasis:
    """The figures the request states; the population comes from the registry (see _with_population)."""
    return MemberBasis(member.code, None, member.usage, member.fiscal_need_yen, member.tonnage)


def _stored_inputs(member: dict[str, Any]) -> MemberBasis:
    def decimal(value: str | None) -> Decimal | None:
        return Decimal(value) if value is not None else None

    return MemberBasis(
        member["code"],
        None,
        decimal(member.get("usage")),
        member.get("fiscal_need_yen"),
        decimal(member.get("tonnage")),
    )


def _compute(
    formula: Formula,
    fiscal_year: int,
    inputs: list[MemberBasis],
    figures: dict[str, MunicipalityRow],
    remainder_to: str,
) -> list[ClassShares]:
    members = [
        MemberBasis(m.code, figures[m.code].population, m.usage, m.fiscal_need_yen, m.tonnage) for m in inputs
    ]
    return share_formula(
        fiscal_year=fiscal_year,
        classes=formula.classes,
        members=members,
        remainder_to=remainder_to,
        rounding=formula.rounding,
    )


def _shares(computed: list[ClassShares]) -> dict[str, dict[str, int]]:
    """Each member's yen per class: what a recompute compares with what was agreed."""
    found: dict[str, dict[str, int]] = {}
    for shared in computed:
        for share in shared.shares:
            found.setdefault(share.code, {})[shared.cost_class.value] = share.share_yen
    return found


def _stored_shares(row: CostSharingRow) -> dict[str, dict[str, int]]:
    if row.formula is None:
        return {m["code"]: {SINGLE_CLASS.value: m["share_yen"]} for m in row.members}
    return {m["code"]: {c["cost_class"]: c["share_yen"] for c in m["classes"]} for m in row.members}


def _record(
    row: CostSharingRow,
    *,
    formula: Formula,
    computed: list[ClassShares],
    inputs: list[MemberBasis],
    figures: dict[str, MunicipalityRow],
    remainder_to: str,
    agreed_on: Any,
    org: str,
) -> None:
    """Write the formula, each member's inputs and shares with their arithmetic, and bump the revision."""
    totals = member_totals(computed)
    first = computed[0].period.weights
    members = []
    for i, given in enumerate(inputs):
        figure = figures[given.code]
        classes = []
        for shared in computed:
            share = shared.shares[i]
            member = MemberBasis(
                given.code, figure.population, given.usage, given.fiscal_need_yen, given.tonnage
            )
            classes.append(
                {
                    "cost_class": shared.cost_class.value,
                    "share_yen": share.share_yen,
                    "exact_yen": _two_places(share.exact),
                    "arithmetic": arithmetic(
                        shared, member, share, rounding=formula.rounding, host=given.code == remainder_to
                    ),
                }
            )
        members.append(
            {
                "code": given.code,
                "population": figure.population,
                "population_year": figure.population_year,
                "population_source": figure.population_source,
                "usage": str(given.usage) if given.usage is not None else None,
                "fiscal_need_yen": given.fiscal_need_yen,
                "tonnage": str(given.tonnage) if given.tonnage is not None else None,
                "share_yen": totals[given.code],
                "exact_yen": _two_places(sum((c.shares[i].exact for c in computed), Fraction(0))),
                "classes": classes,
            }
        )
    row.cost_yen = sum(c.cost_yen for c in computed)
    row.equal_weight = str(first.get(Basis.EQUAL, Decimal(0)))
    row.population_weight = str(first.get(Basis.POPULATION, Decimal(0)))
    row.usage_weight = str(first.get(Basis.USAGE, Decimal(0)))
    row.remainder_to = remainder_to
    row.members = members
    row.formula = formula.stored()
    row.agreed_on = agreed_on
    row.recorded_by_org = org
    row.recorded_at = now()
    row.revision = (row.revision or 0) + 1


def _two_places(value: Fraction) -> str:
    return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01")))


def _event(service: SharedServiceRow, row: CostSharingRow, *, cause: str) -> CostSharingAgreed:
    formula = _formula_of_row(row)
    applied = {c["cost_class"]: c for c in row.classes}
    return CostSharingAgreed(
        shared_service_id=service.id,
        name=service.name,
        category=service.category,
        area_id=service.area_id,
        fiscal_year=row.fiscal_year,
        cost_yen=row.cost_yen,
        equal_weight=row.equal_weight,
        population_weight=row.population_weight,
        usage_weight=row.usage_weight,
        remainder_to=row.remainder_to,
        agreed_on=row.agreed_on,
        revision=row.revision,
        rounding=formula.rounding.value,
        cause=cause,
        classes=[
            CostClassFormula(
                cost_class=c.cost_class.value,
                cost_yen=c.cost_yen,
                weights=applied[c.cost_class.value]["weights"],
                schedule=[CostWeightPeriod(**_period_json(p)) for p in c.schedule],
            )
            for c in formula.classes
        ],
        members=[
            CostShare(
                municipality_code=m["code"],
                share_yen=m["share_yen"],
                population=m["population"],
                population_year=m["population_year"],
                usage=m["usage"],
                fiscal_need_yen=m.get("fiscal_need_yen"),
                tonnage=m.get("tonnage"),
                classes=[
                    ClassShare(cost_class=c["cost_class"], share_yen=c["share_yen"])
                    for c in m.get("classes", [])
                ],
            )
            for m in row.members
        ],
    )


async def _registry(session: AsyncSession, codes: list[str]) -> dict[str, MunicipalityRow]:
    rows = (await session.scalars(select(MunicipalityRow).where(MunicipalityRow.code.in_(codes)))).all()
    return {row.code: row for row in rows}
