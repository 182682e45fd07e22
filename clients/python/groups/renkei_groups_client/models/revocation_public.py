from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_public import ContractPublic
    from ..models.lease_public import LeasePublic


T = TypeVar("T", bound="RevocationPublic")


@_attrs_define
class RevocationPublic:
    """
    Attributes:
        active_contracts (list[ContractPublic]): contracts still running: review them
        active_leases (list[LeasePublic]): leases still running: review them
        group_id (str):
        revoked_on (datetime.date):
        status (str):
    """

    active_contracts: list[ContractPublic]
    active_leases: list[LeasePublic]
    group_id: str
    revoked_on: datetime.date
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_contracts = []
        for active_contracts_item_data in self.active_contracts:
            active_contracts_item = active_contracts_item_data.to_dict()
            active_contracts.append(active_contracts_item)

        active_leases = []
        for active_leases_item_data in self.active_leases:
            active_leases_item = active_leases_item_data.to_dict()
            active_leases.append(active_leases_item)

        group_id = self.group_id

        revoked_on = self.revoked_on.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_contracts": active_contracts,
                "active_leases": active_leases,
                "group_id": group_id,
                "revoked_on": revoked_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_public import ContractPublic  # noqa: PLC0415
        from ..models.lease_public import LeasePublic  # noqa: PLC0415

        d = dict(src_dict)
        active_contracts = []
        _active_contracts = d.pop("active_contracts")
        for active_contracts_item_data in _active_contracts:
            active_contracts_item = ContractPublic.from_dict(active_contracts_item_data)

            active_contracts.append(active_contracts_item)

        active_leases = []
        _active_leases = d.pop("active_leases")
        for active_leases_item_data in _active_leases:
            active_leases_item = LeasePublic.from_dict(active_leases_item_data)

            active_leases.append(active_leases_item)

        group_id = d.pop("group_id")

        revoked_on = datetime.date.fromisoformat(d.pop("revoked_on"))

        status = d.pop("status")

        revocation_public = cls(
            active_contracts=active_contracts,
            active_leases=active_leases,
            group_id=group_id,
            revoked_on=revoked_on,
            status=status,
        )

        revocation_public.additional_properties = d
        return revocation_public

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
