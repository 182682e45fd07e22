"""Sharing one cost among members by weighted bases (均等割, 人口割, 利用割, ...) to the yen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import Message, msg


class Basis(StrEnum):
    """What a part of the cost is shared by; the weights of the bases used sum to 1."""

    EQUAL = "equal"  # 均等割: the same for every member
    POPULATION = "population"  # 人口割: by the registry's population
    USAGE = "usage"  # 利用割: by a usage figure (meals, visits, ...)
    FISCAL_NEED = "fiscal_need"  # 基準財政需要額割: by each member's standard fiscal need, in yen
    TONNAGE = "tonnage"  # 累積搬入量割: by the tonnes each member delivered, cumulated


# The member attribute each basis reads (equal reads none) and the request field a missing figure names.
FIGURE = {
    Basis.POPULATION: "population",
    Basis.USAGE: "usage",
    Basis.FISCAL_NEED: "fiscal_need_yen",
    Basis.TONNAGE: "tonnage",
}
LABEL = {
    Basis.EQUAL: "均等割",
    Basis.POPULATION: "人口割",
    Basis.USAGE: "利用割",
    Basis.FISCAL_NEED: "基準財政需要額割",
    Basis.TONNAGE: "累積搬入量割",
}
# The words messages use for a basis and its figure: English as the request spells them, Japanese as 規約 do.
BASIS_WORD: dict[Basis, Message] = {
    Basis.EQUAL: msg("agreements.basis.equal"),
    Basis.POPULATION: msg("agreements.basis.population"),
    Basis.USAGE: msg("agreements.basis.usage"),
    Basis.FISCAL_NEED: msg("agreements.basis.fiscal_need"),
    Basis.TONNAGE: msg("agreements.basis.tonnage"),
}
FIGURE_WORD: dict[Basis, Message] = {
    Basis.POPULATION: msg("agreements.figure.population"),
    Basis.USAGE: msg("agreements.figure.usage"),
    Basis.FISCAL_NEED: msg("agreements.figure.fiscal_need_yen"),
    Basis.TONNAGE: msg("agreements.figure.tonnage"),
}


class Rounding(StrEnum):
    """The stated rounding of each member's share; what it cuts off goes to `remainder_to`."""

    FLOOR_TO_YEN = "floor_to_yen"  # fractions of a yen cut off
    TRUNCATE_UNDER_1000 = "truncate_under_1000"  # 千円未満切捨て: amounts under ¥1,000 cut off

    @property
    def unit(self) -> int:
        return 1000 if self is Rounding.TRUNCATE_UNDER_1000 else 1


@dataclass(frozen=True)
class Weights:
    """Decimal weights of the equal, population and usage shares; they must sum to exactly 1."""

    equal: Decimal
    population: Decimal
    usage: Decimal

    def as_mapping(self) -> dict[Basis, Decimal]:
        return {Basis.EQUAL: self.equal, Basis.POPULATION: self.population, Basis.USAGE: self.usage}

    def violations(self) -> list[Violation]:
        return weight_violations(self.as_mapping())


def weight_violations(weights: Mapping[Basis, Decimal], at: str = "") -> list[Violation]:
    """Every weight outside 0 to 1, or else a sum other than 1 (negative weights could still meet it)."""
    found = [
        Violation(
            f"{at}weights.{basis}",
            "between_0_and_1",
            msg("agreements.cost.weight_between_0_and_1", basis=BASIS_WORD[Basis(basis)], value=value),
        )
        for basis, value in weights.items()
        if not value.is_finite() or value < 0 or value > 1
    ]
    if found:
        return found
    total = sum(weights.values(), Decimal(0))
    if total != 1:
        terms = " + ".join(str(value) for value in weights.values())
        return [
            Violation(
                f"{at}weights",
                "weights_sum_to_one",
                msg("agreements.cost.weights_sum_to_one", total=total, terms=terms),
            )
        ]
    return []


@dataclass(frozen=True)
class MemberBasis:
    """One member's figures; only those of weighted bases are needed."""

    code: str
    population: int | None = None
    usage: Decimal | None = None
    fiscal_need_yen: int | None = None
    tonnage: Decimal | None = None


@dataclass(frozen=True)
class MemberShare:
    code: str
    share_yen: int
    exact: Fraction  # before rounding, in yen
    parts: Mapping[Basis, Fraction] = field(default_factory=dict)  # the exact yen of each weighted basis


def share_costs(
    *,
    cost_yen: int,
    weights: Weights | Mapping[Basis, Decimal],
    members: Sequence[MemberBasis],
    remainder_to: str,
    rounding: Rounding = Rounding.FLOOR_TO_YEN,
) -> list[MemberShare]:
    """Each member's integer-yen share; the shares sum to `cost_yen` exactly, by construction.

    Each exact share is rounded down to the rounding's unit and what is left over goes to `remainder_to`, as
    the members agreed: its share is the cost less everyone else's, so no rounding can make the total differ.
    """
    mapping = weights.as_mapping() if isinstance(weights, Weights) else dict(weights)
    violations = (
        weight_violations(mapping) + cost_violations(cost_yen) + member_violations(members, remainder_to)
    )
    if violations:
        raise RuleViolation(violations=violations)
    totals = basis_totals(mapping, members)
    return shares_of(
        cost_yen=cost_yen,
        weights=mapping,
        members=members,
        totals=totals,
        remainder_to=remainder_to,
        rounding=rounding,
    )


def cost_violations(cost_yen: int, at: str = "") -> list[Violation]:
    if cost_yen >= 0:
        return []
    return [Violation(f"{at}cost_yen", "non_negative", msg("agreements.cost.cost_non_negative"))]


def member_violations(members: Sequence[MemberBasis], remainder_to: str) -> list[Violation]:
    """No members, a member twice, or a remainder going to a non-member."""
    violations = []
    if not members:
        violations.append(Violation("members", "at_least_one", msg("agreements.cost.at_least_one_member")))
    seen: set[str] = set()
    for i, member in enumerate(members):
        if member.code in seen:
            # The remainder goes to one member by code: a code listed twice would get it twice.
            violations.append(
                Violation(
                    f"members[{i}].code", "distinct", msg("agreements.cost.listed_twice", item=member.code)
                )
            )
        seen.add(member.code)
    if members and remainder_to not in seen:
        violations.append(
            Violation(
                "remainder_to",
                "member",
                msg("agreements.cost.remainder_to_member", remainder_to=remainder_to),
            )
        )
    return violations


def basis_totals(
    weights: Mapping[Basis, Decimal],
    members: Sequence[MemberBasis],
    weights_field: Mapping[Basis, str] | None = None,
) -> dict[Basis, Fraction]:
    """Each weighted basis's sum over the members, or a RuleViolation naming every missing or bad figure.

    Each basis is checked on its own, so a usage total of 0 is reported along with bad populations; such a
    total names the weights that need it (`weights_field`, by default `weights`).
    """
    totals: dict[Basis, Fraction] = {}
    violations: list[Violation] = []
    for basis in FIGURE:
        if weights.get(basis):
            where = (weights_field or {}).get(basis, "weights")
            totals[basis] = _total(members, basis, weights[basis], violations, where)
    if violations:
        raise RuleViolation(violations=violations)
    return totals


def shares_of(
    *,
    cost_yen: int,
    weights: Mapping[Basis, Decimal],
    members: Sequence[MemberBasis],
    totals: Mapping[Basis, Fraction],
    remainder_to: str,
    rounding: Rounding,
) -> list[MemberShare]:
    """Shares of checked inputs: exact parts, each share rounded down to the unit, the rest to the host."""
    exact: list[dict[Basis, Fraction]] = []
    for member in members:
        parts = {Basis.EQUAL: Fraction(weights.get(Basis.EQUAL, 0)) * cost_yen / len(members)}
        for basis, total in totals.items():
            figure = Fraction(getattr(member, FIGURE[basis]) or 0)
            parts[basis] = Fraction(weights[basis]) * cost_yen * figure / total
        exact.append({basis: part for basis, part in parts.items() if weights.get(basis)})
    unit = rounding.unit
    sums = [sum(parts.values(), Fraction(0)) for parts in exact]
    shares = [int(value // unit) * unit for value in sums]
    at = next(i for i, member in enumerate(members) if member.code == remainder_to)
    shares[at] = cost_yen - sum(shares[:at]) - sum(shares[at + 1 :])
    return [
        MemberShare(m.code, share, value, parts)
        for m, share, value, parts in zip(members, shares, sums, exact, strict=True)
    ]


def _total(
    members: Sequence[MemberBasis], basis: Basis, weight: Decimal, violations: list[Violation], where: str
) -> Fraction:
    """Sum of one basis over the members; its missing or bad figures, or a total of 0, go to `violations`."""
    name, word = FIGURE[basis], FIGURE_WORD[basis]
    problems: list[Violation] = []
    total = Fraction(0)
    for i, member in enumerate(members):
        value = getattr(member, name)
        if value is None:
            # Populations come from the registry, not the request: the member's code is what to fix.
            where = f"members[{i}].code" if basis is Basis.POPULATION else f"members[{i}].{name}"
            problems.append(
                Violation(
                    where,
                    f"{basis}_required",
                    msg("agreements.cost.figure_required", code=member.code, figure=word),
                )
            )
        elif isinstance(value, Decimal) and not value.is_finite():
            problems.append(
                Violation(f"members[{i}].{name}", "finite", msg("agreements.cost.figure_finite", figure=word))
            )
        elif value < 0:
            problems.append(
                Violation(
                    f"members[{i}].{name}",
                    "non_negative",
                    msg("agreements.cost.figure_non_negative", figure=word),
                )
            )
        else:
            total += Fraction(value)
    if not problems and total == 0:
        problems.append(
            Violation(
                where,
                f"{basis}_total_positive",
                msg(
                    "agreements.cost.basis_total_positive",
                    basis=BASIS_WORD[basis],
                    weight=weight,
                    figure=word,
                ),
            )
        )
    violations.extend(problems)
    return total
