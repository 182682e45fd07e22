from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sim_line_inputs import SimLineInputs


T = TypeVar("T", bound="SimLine")


@_attrs_define
class SimLine:
    """
    Attributes:
        amount_yen (int):
        arithmetic (str):
        difference_yen (int):
        estimate (bool):
        inputs (SimLineInputs):
        key (str):
        measure (str):
        recipient_code (str):
        rule_id (str):
        today_yen (int | None): the same line on today's projections; null if it is new
        unconfirmed (bool):
    """

    amount_yen: int
    arithmetic: str
    difference_yen: int
    estimate: bool
    inputs: SimLineInputs
    key: str
    measure: str
    recipient_code: str
    rule_id: str
    today_yen: int | None
    unconfirmed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        arithmetic = self.arithmetic

        difference_yen = self.difference_yen

        estimate = self.estimate

        inputs = self.inputs.to_dict()

        key = self.key

        measure = self.measure

        recipient_code = self.recipient_code

        rule_id = self.rule_id

        today_yen: int | None
        today_yen = self.today_yen

        unconfirmed = self.unconfirmed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "arithmetic": arithmetic,
                "difference_yen": difference_yen,
                "estimate": estimate,
                "inputs": inputs,
                "key": key,
                "measure": measure,
                "recipient_code": recipient_code,
                "rule_id": rule_id,
                "today_yen": today_yen,
                "unconfirmed": unconfirmed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sim_line_inputs import SimLineInputs  # noqa: PLC0415

        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        arithmetic = d.pop("arithmetic")

        difference_yen = d.pop("difference_yen")

        estimate = d.pop("estimate")

        inputs = SimLineInputs.from_dict(d.pop("inputs"))

        key = d.pop("key")

        measure = d.pop("measure")

        recipient_code = d.pop("recipient_code")

        rule_id = d.pop("rule_id")

        def _parse_today_yen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        today_yen = _parse_today_yen(d.pop("today_yen"))

        unconfirmed = d.pop("unconfirmed")

        sim_line = cls(
            amount_yen=amount_yen,
            arithmetic=arithmetic,
            difference_yen=difference_yen,
            estimate=estimate,
            inputs=inputs,
            key=key,
            measure=measure,
            recipient_code=recipient_code,
            rule_id=rule_id,
            today_yen=today_yen,
            unconfirmed=unconfirmed,
        )

        sim_line.additional_properties = d
        return sim_line

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
