"""The commands the use cases take: plain frozen dataclasses the routes build from requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from renkei_staffing.domain.enums import EndReason, RecruitmentCostItem


@dataclass(frozen=True, slots=True)
class DefineProfession:
    code: str
    name: str
    required_licences: tuple[str, ...]
    covered_by_measure: bool
    description: str = ""


@dataclass(frozen=True, slots=True)
class LicenceInput:
    kind: str
    number: str
    valid_from: date | None
    expires_on: date | None


@dataclass(frozen=True, slots=True)
class RegisterSpecialist:
    profession_code: str
    employer_code: str
    employed_from: date
    employed_until: date
    name: str
    contact: str | None
    licences: tuple[LicenceInput, ...]


@dataclass(frozen=True, slots=True)
class UpdateSpecialist:
    """Fields left None keep their value; `licences` replaces the whole list (a renewal)."""

    employed_until: date | None = None
    contact: str | None = None
    licences: tuple[LicenceInput, ...] | None = None


@dataclass(frozen=True, slots=True)
class OpenRecruitment:
    employer_code: str
    profession_code: str
    fiscal_year: int
    title: str
    headcount_sought: int
    headcount_hired: int = 0


@dataclass(frozen=True, slots=True)
class UpdateRecruitment:
    headcount_sought: int | None = None
    headcount_hired: int | None = None


@dataclass(frozen=True, slots=True)
class RecordRecruitmentCost:
    item: RecruitmentCostItem
    amount_yen: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StateNeed:
    municipality_code: str
    profession_code: str
    starts_on: date
    ends_on: date
    workload_percent: int
    description: str


@dataclass(frozen=True, slots=True)
class DispatchSpecialist:
    specialist_id: str
    receiving_code: str
    agreement_id: str
    starts_on: date
    ends_on: date
    need_id: str | None = None


@dataclass(frozen=True, slots=True)
class EndDispatch:
    ended_on: date
    reason: EndReason
    note: str | None = None


@dataclass(frozen=True, slots=True)
class RecordPersonnelCost:
    fiscal_year: int
    month: int | None
    salary_yen: int
    allowances_yen: int
    social_insurance_yen: int
    note: str | None = None
