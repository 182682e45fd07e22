"""Cost sharing of a joint task or facility: 均等割 + 人口割 + 利用割, to the yen (docs/domain.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from renkei_common.domain_errors import RuleViolation, Violation


@dataclass(frozen=True)
class Weights:
    """Decimal weights of the equal, population and usage shares; they must sum to exactly 1."""

    equal: Decimal
    population: Decimal
    usage: Decimal

    def violations(self) -> list[Violation]:
        """Every weight outside 0 to 1, or else a sum other than 1 (negative weights could still meet it)."""
        found = [
            Violation(f"weights.{name}", "between_0_and_1", f"the {name} weight must be 0 to 1, not {value}")
            for name, value in (("equal", self.equal), ("population", self.population), ("usage", self.usage))
            if not value.is_finite() or value < 0 or value > 1
        ]
        if found:
            return found
        total = self.equal + self.population + self.usage
        if total != 1:
            return [
                Violation(
                    "weights",
                    "weights_sum_to_one",
                    f"the weights sum to {total}, not 1: {self.equal} + {self.population} + {self.usage}",
                )
            ]
        return []


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
    """Each member's integer-yen share; the shares sum to `cost_yen` exactly, by construction.

    Each exact share is rounded down and the yen left over go to `remainder_to`, as the members agreed: its
    share is the cost less everyone else's, so no rounding can make the total differ from the cost.
    """
    violations = weights.violations()
    if cost_yen < 0:
        violations.append(Violation("cost_yen", "non_negative", "the cost cannot be negative"))
    if not members:
        violations.append(
            Violation("members", "at_least_one", "a cost needs at least one member to share it")
        )
    seen: set[str] = set()
    for i, member in enumerate(members):
        if member.code in seen:
            # The remainder goes to one member by code: a code listed twice would get it twice.
            violations.append(Violation(f"members[{i}].code", "distinct", f"{member.code} is listed twice"))
        seen.add(member.code)
    if members and remainder_to not in seen:
        violations.append(
            Violation("remainder_to", "member", f"{remainder_to} is not a member of this shared service")
        )
    if violations:
        raise RuleViolation(violations=violations)
    # Each basis is checked on its own, so a usage total of 0 is reported along with bad populations.
    population_problems: list[Violation] = []
    usage_problems: list[Violation] = []
    total_population = _total(members, "population", weights.population, population_problems)
    total_usage = _total(members, "usage", weights.usage, usage_problems)
    if population_problems or usage_problems:
        raise RuleViolation(violations=population_problems + usage_problems)
    exact: list[Fraction] = []
    for member in members:
        part = Fraction(weights.equal) / len(members)
        if weights.population:
            part += Fraction(weights.population) * Fraction(member.population or 0) / total_population
        if weights.usage:
            part += Fraction(weights.usage) * Fraction(member.usage or 0) / total_usage
        exact.append(part * cost_yen)
    shares = [value.numerator // value.denominator for value in exact]
    at = next(i for i, member in enumerate(members) if member.code == remainder_to)
    shares[at] = cost_yen - sum(shares[:at]) - sum(shares[at + 1 :])
    return [MemberShare(m.code, share, value) for m, share, value in zip(members, shares, exact, strict=True)]


def _total(
    members: Sequence[MemberBasis], basis: str, weight: Decimal, violations: list[Violation]
) -> Fraction:
    """Sum of one basis over the members; missing figures are violations only when the basis is weighted.

    `violations` must hold this basis's problems only: a total of 0 is reported when no figure was bad.
    """
    if not weight:
        return Fraction(0)
    total = Fraction(0)
    for i, member in enumerate(members):
        value = getattr(member, basis)
        if value is None:
            # Populations come from the registry, not the request: the member's code is what to fix.
            field = f"members[{i}].usage" if basis == "usage" else f"members[{i}].code"
            violations.append(Violation(field, f"{basis}_required", f"{member.code} has no {basis} figure"))
        elif isinstance(value, Decimal) and not value.is_finite():
            violations.append(
                Violation(f"members[{i}].{basis}", "finite", f"{basis} must be a finite number")
            )
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
