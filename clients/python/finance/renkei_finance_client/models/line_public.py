from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_public_inputs import LinePublicInputs


T = TypeVar("T", bound="LinePublic")


@_attrs_define
class LinePublic:
    """
    Attributes:
        amount_yen (int):
        arithmetic (str): the computation in words, e.g. min(21,400,000 × 1.0, cap 18,000,000)
        estimate (bool): an estimate by design (the ordinary-tax measure)
        fiscal_year (int):
        inputs (LinePublicInputs):
        key (str): tells apart lines of one measure for one recipient (area, bond)
        measure (Measure):
        recipient_code (str):
        rule_id (str):
        run_id (str):
        unconfirmed (bool): the rule row is unconfirmed: treat the amount as provisional
        attribution (None | str | Unset): source of the population figures used
    """

    amount_yen: int
    arithmetic: str
    estimate: bool
    fiscal_year: int
    inputs: LinePublicInputs
    key: str
    measure: Measure
    recipient_code: str
    rule_id: str
    run_id: str
    unconfirmed: bool
    attribution: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        arithmetic = self.arithmetic

        estimate = self.estimate

        fiscal_year = self.fiscal_year

        inputs = self.inputs.to_dict()

        key = self.key

        measure = self.measure.value

        recipient_code = self.recipient_code

        rule_id = self.rule_id

        run_id = self.run_id

        unconfirmed = self.unconfirmed

        attribution: None | str | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        else:
            attribution = self.attribution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "arithmetic": arithmetic,
                "estimate": estimate,
                "fiscal_year": fiscal_year,
                "inputs": inputs,
                "key": key,
                "measure": measure,
                "recipient_code": recipient_code,
                "rule_id": rule_id,
                "run_id": run_id,
                "unconfirmed": unconfirmed,
            }
        )
        if attribution is not UNSET:
            field_dict["attribution"] = attribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_public_inputs import LinePublicInputs  # noqa: PLC0415

        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        arithmetic = d.pop("arithmetic")

        estimate = d.pop("estimate")

        fiscal_year = d.pop("fiscal_year")

        inputs = LinePublicInputs.from_dict(d.pop("inputs"))

        key = d.pop("key")

        measure = Measure(d.pop("measure"))

        recipient_code = d.pop("recipient_code")

        rule_id = d.pop("rule_id")

        run_id = d.pop("run_id")

        unconfirmed = d.pop("unconfirmed")

        def _parse_attribution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))

        line_public = cls(
            amount_yen=amount_yen,
            arithmetic=arithmetic,
            estimate=estimate,
            fiscal_year=fiscal_year,
            inputs=inputs,
            key=key,
            measure=measure,
            recipient_code=recipient_code,
            rule_id=rule_id,
            run_id=run_id,
            unconfirmed=unconfirmed,
            attribution=attribution,
        )

        line_public.additional_properties = d
        return line_public

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
