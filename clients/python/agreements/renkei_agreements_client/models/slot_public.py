from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slot_public_step import SlotPublicStep

T = TypeVar("T", bound="SlotPublic")


@_attrs_define
class SlotPublic:
    """
    Attributes:
        party (None | str):
        step (SlotPublicStep):
    """

    party: None | str
    step: SlotPublicStep
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        party: None | str
        party = self.party

        step = self.step.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "party": party,
                "step": step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_party(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        party = _parse_party(d.pop("party"))

        step = SlotPublicStep(d.pop("step"))

        slot_public = cls(
            party=party,
            step=step,
        )

        slot_public.additional_properties = d
        return slot_public

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
