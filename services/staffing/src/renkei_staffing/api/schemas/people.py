"""Schemas of professions and specialists; personal fields are null or pseudonymised for other readers."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from renkei_staffing.api.schemas.common import Body, Code, Day, LongText, MachineCode, Page, ShortText


class ProfessionCreate(Body):
    code: MachineCode
    name: Annotated[str, Field(min_length=1, max_length=100)]
    required_licences: Annotated[list[MachineCode], Field(max_length=20, default_factory=list)]
    covered_by_measure: bool = Field(
        default=True, description="False for professions with separate measures (技術職員, デジタル人材)"
    )
    description: Annotated[str, Field(max_length=1000)] = ""


class ProfessionPublic(BaseModel):
    code: str
    name: str
    required_licences: list[str]
    covered_by_measure: bool
    description: str


class ProfessionsPublic(BaseModel):
    data: list[ProfessionPublic]


class LicenceIn(Body):
    kind: MachineCode
    number: Annotated[str, Field(min_length=1, max_length=100, description="登録番号; personal data")]
    valid_from: Day | None = None
    expires_on: Day | None = Field(default=None, description="null if the licence does not expire")


class SpecialistCreate(Body):
    profession_code: MachineCode
    employer_code: Code
    employed_from: Day
    employed_until: Day
    name: ShortText = Field(description="氏名; personal data")
    contact: LongText | None = Field(default=None, description="連絡先; personal data")
    licences: Annotated[list[LicenceIn], Field(max_length=20, default_factory=list)]


class SpecialistUpdate(Body):
    employed_until: Day | None = None
    contact: LongText | None = None
    licences: Annotated[list[LicenceIn] | None, Field(max_length=20)] = None


class LicencePublic(BaseModel):
    kind: str
    number: str | None = Field(description="null unless the reader may see personal data")
    valid_from: date | None
    expires_on: date | None


class SpecialistPublic(BaseModel):
    id: str
    profession_code: str
    employer_code: str
    employed_from: date
    employed_until: date
    display_name: str = Field(
        description="氏名 for the employer (and the receiving municipality during a "
        "dispatch), otherwise a stable pseudonym"
    )
    contact: str | None
    licences: list[LicencePublic]
    personal_data: bool = Field(description="whether name, contact and licence numbers are shown")


class SpecialistsPublic(Page):
    data: list[SpecialistPublic]
