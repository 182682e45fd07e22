"""Contracts of the staffing service: specialists recruited and dispatched under a 連携協約, and their costs.

Events carry no personal data: a specialist is named only by its opaque id (no name, licence number or
contact). The vocabularies below are StrEnums shared by the staffing domain, its tables, its API and these
contracts, so one value means one thing everywhere.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from renkei_common.events.contracts.base import EventPayload, LocalGovernmentCode


class CostKind(StrEnum):
    RECRUITMENT = "recruitment"  # 募集経費
    PERSONNEL = "personnel"  # 人件費


class RecruitmentCostItem(StrEnum):
    ADVERTISING = "advertising"  # 広告費
    EXAMINATION = "examination"  # 試験実施経費
    BRIEFING = "briefing"  # 説明会
    TRAVEL = "travel"  # 旅費
    AGENCY = "agency"  # 委託費
    OTHER = "other"


class EndReason(StrEnum):
    """Why a dispatch (派遣) ended."""

    COMPLETED = "completed"  # the period ran out as planned
    AGREEMENT_TERMINATED = "agreement_terminated"  # the 連携協約 it rests on was terminated
    EMPLOYMENT_ENDED = "employment_ended"  # the specialist left the employer
    RECALLED = "recalled"  # the employer recalled the specialist early
    OTHER = "other"


class IneligibleReason(StrEnum):
    """Why a yen of cost does not qualify for the special allocation tax (特別交付税措置)."""

    BEFORE_FY2024 = "before_fy2024"  # the measure starts in 令和6年度
    PROFESSION_SEPARATE_MEASURE = "profession_separate_measure"  # 技術職員・デジタル人材: other measures
    OUTSIDE_DISPATCH = "outside_dispatch"  # a personnel cost of a month with no day under the dispatch
    NO_AGREEMENT_IN_FORCE = "no_agreement_in_force"  # the 連携協約 was not in force in that month
    NO_DISPATCH_IN_FISCAL_YEAR = "no_dispatch_in_fiscal_year"  # a recruitment cost with no dispatch that FY


class NeedStatus(StrEnum):
    OPEN = "open"
    FILLED = "filled"
    CANCELLED = "cancelled"


class FlagReason(StrEnum):
    """Why an active dispatch no longer rests on its 連携協約 and needs action."""

    AGREEMENT_TERMINATED = "agreement_terminated"  # the agreement was terminated
    PARTY_LEFT_AGREEMENT = "party_left_agreement"  # an amendment no longer binds employer and receiver


class _Staffing(EventPayload):
    service: ClassVar[str] = "staffing"


class LicenceValidity(BaseModel):
    """A licence's kind and validity; its number is personal data and never travels in an event."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    kind: str
    valid_from: date | None = None
    expires_on: date | None = None


class ProfessionDefined(_Staffing):
    event_name: ClassVar[str] = "ProfessionDefined"
    aggregate: ClassVar[str] = "profession"
    description: ClassVar[str] = "A profession (職種) was added to the catalogue, with the licences it needs."
    public: ClassVar[bool] = True  # a catalogue entry, concerning no government in particular
    profession_code: str
    name: str
    required_licences: list[str] = Field(default_factory=list)
    covered_by_measure: bool = Field(
        description="False for professions with separate measures (技術職員, デジタル人材)"
    )


class SpecialistRegistered(_Staffing):
    event_name: ClassVar[str] = "SpecialistRegistered"
    aggregate: ClassVar[str] = "specialist"
    description: ClassVar[str] = (
        "An employer registered a specialist, or changed its employment or licences; carries the full state."
    )
    specialist_id: str = Field(description="opaque id; the only thing that identifies the person")
    profession_code: str
    employer_code: LocalGovernmentCode
    employed_from: date
    employed_until: date
    licences: list[LicenceValidity] = Field(default_factory=list)


class RecruitmentUpdated(_Staffing):
    event_name: ClassVar[str] = "RecruitmentUpdated"
    aggregate: ClassVar[str] = "recruitment"
    description: ClassVar[str] = "A recruitment campaign (募集) was opened or its headcounts changed."
    recruitment_id: str
    employer_code: LocalGovernmentCode
    profession_code: str
    fiscal_year: int
    headcount_sought: int
    headcount_hired: int


class NeedStated(_Staffing):
    event_name: ClassVar[str] = "NeedStated"
    aggregate: ClassVar[str] = "need"
    description: ClassVar[str] = "A municipality stated a need for a specialist, or cancelled it."
    need_id: str
    municipality_code: LocalGovernmentCode
    profession_code: str
    starts_on: date
    ends_on: date
    workload_percent: int = Field(description="share of a full-time post, 1–100")
    status: NeedStatus


class SpecialistDispatched(_Staffing):
    event_name: ClassVar[str] = "SpecialistDispatched"
    aggregate: ClassVar[str] = "dispatch"
    description: ClassVar[str] = (
        "An employer dispatched a specialist to a municipality under a 連携協約 in force over the period."
    )
    dispatch_id: str
    specialist_id: str
    profession_code: str
    employer_code: LocalGovernmentCode
    receiving_code: LocalGovernmentCode
    agreement_id: str
    starts_on: date
    ends_on: date
    need_id: str | None = None


class DispatchEnded(_Staffing):
    event_name: ClassVar[str] = "DispatchEnded"
    aggregate: ClassVar[str] = "dispatch"
    description: ClassVar[str] = "A dispatch ended, on its planned last day or early, with the reason."
    dispatch_id: str
    specialist_id: str
    employer_code: LocalGovernmentCode
    receiving_code: LocalGovernmentCode
    agreement_id: str
    ended_on: date = Field(description="the last day of the dispatch")
    reason: EndReason


class DispatchFlagged(_Staffing):
    event_name: ClassVar[str] = "DispatchFlagged"
    aggregate: ClassVar[str] = "dispatch"
    description: ClassVar[str] = (
        "The 連携協約 an active dispatch rests on stops covering it before the dispatch ends (terminated, "
        "or amended so that it no longer binds both): action is needed."
    )
    dispatch_id: str
    employer_code: LocalGovernmentCode
    receiving_code: LocalGovernmentCode
    agreement_id: str
    terminated_on: date = Field(description="the first day the agreement no longer covers the dispatch")
    ends_on: date
    reason: FlagReason = FlagReason.AGREEMENT_TERMINATED


class StaffingCostRecorded(_Staffing):
    event_name: ClassVar[str] = "StaffingCostRecorded"
    aggregate: ClassVar[str] = "staffing_cost"
    description: ClassVar[str] = (
        "A recruitment cost (募集経費) or a personnel cost (人件費) was recorded in integer yen, with its "
        "eligibility for the special allocation tax as assessed when recorded."
    )
    cost_id: str
    kind: CostKind
    employer_code: LocalGovernmentCode
    profession_code: str
    fiscal_year: int
    month: int | None = Field(default=None, description="1–12 for a monthly personnel cost, else null")
    amount_yen: int
    item: RecruitmentCostItem | None = None
    salary_yen: int | None = None
    allowances_yen: int | None = None
    social_insurance_yen: int | None = None
    recruitment_id: str | None = None
    dispatch_id: str | None = None
    receiving_code: LocalGovernmentCode | None = None
    agreement_id: str | None = None
    eligible_yen: int
    ineligible_yen: int
    ineligible_reason: IneligibleReason | None = None
