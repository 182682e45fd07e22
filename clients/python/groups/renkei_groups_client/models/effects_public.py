from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contract_public import ContractPublic
    from ..models.coordination_public import CoordinationPublic
    from ..models.lease_public import LeasePublic
    from ..models.support_public import SupportPublic


T = TypeVar("T", bound="EffectsPublic")


@_attrs_define
class EffectsPublic:
    """
    Attributes:
        contracts (list[ContractPublic]):
        coordination_requests (list[CoordinationPublic]):
        leases (list[LeasePublic]):
        supports (list[SupportPublic]):
    """

    contracts: list[ContractPublic]
    coordination_requests: list[CoordinationPublic]
    leases: list[LeasePublic]
    supports: list[SupportPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contracts = []
        for contracts_item_data in self.contracts:
            contracts_item = contracts_item_data.to_dict()
            contracts.append(contracts_item)

        coordination_requests = []
        for coordination_requests_item_data in self.coordination_requests:
            coordination_requests_item = coordination_requests_item_data.to_dict()
            coordination_requests.append(coordination_requests_item)

        leases = []
        for leases_item_data in self.leases:
            leases_item = leases_item_data.to_dict()
            leases.append(leases_item)

        supports = []
        for supports_item_data in self.supports:
            supports_item = supports_item_data.to_dict()
            supports.append(supports_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contracts": contracts,
                "coordination_requests": coordination_requests,
                "leases": leases,
                "supports": supports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_public import ContractPublic  # noqa: PLC0415
        from ..models.coordination_public import CoordinationPublic  # noqa: PLC0415
        from ..models.lease_public import LeasePublic  # noqa: PLC0415
        from ..models.support_public import SupportPublic  # noqa: PLC0415

        d = dict(src_dict)
        contracts = []
        _contracts = d.pop("contracts")
        for contracts_item_data in _contracts:
            contracts_item = ContractPublic.from_dict(contracts_item_data)

            contracts.append(contracts_item)

        coordination_requests = []
        _coordination_requests = d.pop("coordination_requests")
        for coordination_requests_item_data in _coordination_requests:
            coordination_requests_item = CoordinationPublic.from_dict(coordination_requests_item_data)

            coordination_requests.append(coordination_requests_item)

        leases = []
        _leases = d.pop("leases")
        for leases_item_data in _leases:
            leases_item = LeasePublic.from_dict(leases_item_data)

            leases.append(leases_item)

        supports = []
        _supports = d.pop("supports")
        for supports_item_data in _supports:
            supports_item = SupportPublic.from_dict(supports_item_data)

            supports.append(supports_item)

        effects_public = cls(
            contracts=contracts,
            coordination_requests=coordination_requests,
            leases=leases,
            supports=supports,
        )

        effects_public.additional_properties = d
        return effects_public

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
