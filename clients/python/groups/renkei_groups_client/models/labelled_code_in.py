from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LabelledCodeIn")


@_attrs_define
class LabelledCodeIn:
    """
    Attributes:
        code (str): stable machine code (lower snake case)
        label (str):
    """

    code: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label = d.pop("label")

        labelled_code_in = cls(
            code=code,
            label=label,
        )

        return labelled_code_in
