from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.factor_public import FactorPublic


T = TypeVar("T", bound="CandidatePublic")


@_attrs_define
class CandidatePublic:
    """
    Attributes:
        display_name (str):
        employer_code (str):
        factors (list[FactorPublic]):
        rank (int):
        score (int):
        specialist_id (str):
    """

    display_name: str
    employer_code: str
    factors: list[FactorPublic]
    rank: int
    score: int
    specialist_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        employer_code = self.employer_code

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)

        rank = self.rank

        score = self.score

        specialist_id = self.specialist_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "employer_code": employer_code,
                "factors": factors,
                "rank": rank,
                "score": score,
                "specialist_id": specialist_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor_public import FactorPublic  # noqa: PLC0415

        d = dict(src_dict)
        display_name = d.pop("display_name")

        employer_code = d.pop("employer_code")

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in _factors:
            factors_item = FactorPublic.from_dict(factors_item_data)

            factors.append(factors_item)

        rank = d.pop("rank")

        score = d.pop("score")

        specialist_id = d.pop("specialist_id")

        candidate_public = cls(
            display_name=display_name,
            employer_code=employer_code,
            factors=factors,
            rank=rank,
            score=score,
            specialist_id=specialist_id,
        )

        candidate_public.additional_properties = d
        return candidate_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
