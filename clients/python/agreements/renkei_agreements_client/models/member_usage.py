from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberUsage")


@_attrs_define
class MemberUsage:
    """構成団体と、その団体の按分基礎数値 (人口は団体コードの登録値を使う).

    Attributes:
        code (str): 6-digit 団体コード with check digit
        fiscal_need_yen (int | None | Unset): 基準財政需要額 (円); 基準財政需要額割に重みがあれば必須
        tonnage (float | None | str | Unset): 累積搬入量 (トン); 累積搬入量割に重みがあれば必須
        usage (float | None | str | Unset): 利用割の基礎数値 (給食数、利用者数等); 利用割に重みがあれば必須
    """

    code: str
    fiscal_need_yen: int | None | Unset = UNSET
    tonnage: float | None | str | Unset = UNSET
    usage: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        fiscal_need_yen: int | None | Unset
        if isinstance(self.fiscal_need_yen, Unset):
            fiscal_need_yen = UNSET
        else:
            fiscal_need_yen = self.fiscal_need_yen

        tonnage: float | None | str | Unset
        if isinstance(self.tonnage, Unset):
            tonnage = UNSET
        else:
            tonnage = self.tonnage

        usage: float | None | str | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if fiscal_need_yen is not UNSET:
            field_dict["fiscal_need_yen"] = fiscal_need_yen
        if tonnage is not UNSET:
            field_dict["tonnage"] = tonnage
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_fiscal_need_yen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_need_yen = _parse_fiscal_need_yen(d.pop("fiscal_need_yen", UNSET))

        def _parse_tonnage(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tonnage = _parse_tonnage(d.pop("tonnage", UNSET))

        def _parse_usage(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        member_usage = cls(
            code=code,
            fiscal_need_yen=fiscal_need_yen,
            tonnage=tonnage,
            usage=usage,
        )

        return member_usage
