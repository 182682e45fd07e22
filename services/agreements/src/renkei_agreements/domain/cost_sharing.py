"""Cost sharing of a joint task or shared facility: 均等割 + 人口割 + 利用割, to the yen (DOMAIN §6)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from renkei_agreements.domain.errors import RuleViolation, Violation


@dataclass(frozen=True)
class Weights:
    """Decimal weights of the equal, population and usage shares; they must sum to exactly 1."""

    equal: Decimal
    population: Decimal
    usage: Decimal

    def check(self) -> None:
        for name in ("equal", "population", "usage"):
            value = getattr(self, name)
            if not value.is_finite() or value < 0 or value > 1:
                raise RuleViolation(f"weights.{name}", "between_0_and_1", f"the {name} weight must be 0 to 1")
        total = self.equal + self.population + self.usage
        if total != 1:
            raise RuleViolation(
                "weights",
                "weights_sum_to_one",
                f"the weights sum to {total}, not 1: {self.equal} + {self.population} + {self.usage}",
            )


@dataclass(frozen=True)
class MemberBasis:
    code: str
    population: int | None = None
    usage: Decimal | None = None


@dataclass(frozen=True)
class MemberShare:
    code: str
    share_yen: int
    exact: Fraction  # before rounding, in yen


def share_costs(
    *, cost_yen: int, weights: Weights, members: Sequence[MemberBasis], remainder_to: str
) -> list[MemberShare]:
    """Each member's integer-yen share; the shares sum to `cost_yen` exactly.

    Each exact share is rounded down and the yen left over go to `remainder_to`, as the members agreed.
    """
    weights.check()
    if cost_yen < 0:
        raise RuleViolation("cost_yen", "non_negative", "the cost cannot be negative")
    codes = [m.code for m in members]
    if len(members) < 1:
        raise RuleViolation("members", "at_least_one", "a cost needs at least one member to share it")
    if remainder_to not in codes:
        raise RuleViolation(
            "remainder_to", "member", f"{remainder_to} is not a member of this shared service"
        )
    violations: list[Violation] = []
    total_population = _total(members, "population", weights.population, violations)
    total_usage = _total(members, "usage", weights.usage, violations)
    if violations:
        raise RuleViolation(violations=violations)
    exact: list[Fraction] = []
    for member in members:
        part = Fraction(weights.equal) / len(members)
        if weights.population:
            part += Fraction(weights.population) * Fraction(member.population or 0) / total_population
        if weights.usage:
            part += Fraction(weights.usage) * Fraction(member.usage or 0) / total_usage
        exact.append(part * cost_yen)
    floors = [value.numerator // value.denominator for value in exact]
    remainder = cost_yen - sum(floors)
    return [
        MemberShare(m.code, floor + (remainder if m.code == remainder_to else 0), value)
        for m, floor, value in zip(members, floors, exact, strict=True)
    ]


def _total(
    members: Sequence[MemberBasis], basis: str, weight: Decimal, violations: list[Violation]
) -> Fraction:
    """Sum of one basis over the members; missing figures are violations only when the basis is weighted."""
    if not weight:
        return Fraction(0)
    total = Fraction(0)
    for i, member in enumerate(members):
        value = getattr(member, basis)
        if value is None:
            field = f"members[{i}].usage" if basis == "usage" else f"members[{i}].code"
            violations.append(Violation(field, f"{basis}_required", f"{member.code} has no {basis} figure"))
        elif value < 0:
            violations.append(
                Violation(f"members[{i}].{basis}", "non_negative", f"{basis} cannot be negative")
            )
        else:
            total += Fraction(value)
    if not violations and total == 0:
        violations.append(
            Violation(
                "weights",
                f"{basis}_total_positive",
                f"the {basis} weight is {weight} but the members' {basis} sums to 0",
            )
        )
    return total
