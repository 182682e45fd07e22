from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecruitmentCreate")


@_attrs_define
class RecruitmentCreate:
    """
    Attributes:
        employer_code (str): 6-digit 団体コード with check digit
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        headcount_sought (int):
        profession_code (str): lower-case, digits, _
        title (str):
        headcount_hired (int | Unset):  Default: 0.
    """

    employer_code: str
    fiscal_year: int
    headcount_sought: int
    profession_code: str
    title: str
    headcount_hired: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        employer_code = self.employer_code

        fiscal_year = self.fiscal_year

        headcount_sought = self.headcount_sought

        profession_code = self.profession_code

        title = self.title

        headcount_hired = self.headcount_hired

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employer_code": employer_code,
                "fiscal_year": fiscal_year,
                "headcount_sought": headcount_sought,
                "profession_code": profession_code,
                "title": title,
            }
        )
        if headcount_hired is not UNSET:
            field_dict["headcount_hired"] = headcount_hired

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employer_code = d.pop("employer_code")

        fiscal_year = d.pop("fiscal_year")

        headcount_sought = d.pop("headcount_sought")

        profession_code = d.pop("profession_code")

        title = d.pop("title")

        headcount_hired = d.pop("headcount_hired", UNSET)

        recruitment_create = cls(
            employer_code=employer_code,
            fiscal_year=fiscal_year,
            headcount_sought=headcount_sought,
            profession_code=profession_code,
            title=title,
            headcount_hired=headcount_hired,
        )

        return recruitment_create
