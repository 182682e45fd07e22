from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agreement_public_kind import AgreementPublicKind
from ..models.agreement_public_status import AgreementPublicStatus

if TYPE_CHECKING:
    from ..models.consensus_rules import ConsensusRules
    from ..models.party_public import PartyPublic
    from ..models.procedure_public import ProcedurePublic
    from ..models.version_public import VersionPublic


T = TypeVar("T", bound="AgreementPublic")


@_attrs_define
class AgreementPublic:
    """
    Attributes:
        area_id (None | str):
        consensus_rules (ConsensusRules | None):
        created_at (datetime.datetime):
        current (None | VersionPublic): the version in force
        id (str):
        in_force_version (int | None):
        kind (AgreementPublicKind):
        latest_version (int):
        open_procedure (None | ProcedurePublic):
        parties (list[PartyPublic]):
        status (AgreementPublicStatus):
        title (str):
    """

    area_id: None | str
    consensus_rules: ConsensusRules | None
    created_at: datetime.datetime
    current: None | VersionPublic
    id: str
    in_force_version: int | None
    kind: AgreementPublicKind
    latest_version: int
    open_procedure: None | ProcedurePublic
    parties: list[PartyPublic]
    status: AgreementPublicStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415
        from ..models.procedure_public import ProcedurePublic  # noqa: PLC0415
        from ..models.version_public import VersionPublic  # noqa: PLC0415

        area_id: None | str
        area_id = self.area_id

        consensus_rules: dict[str, Any] | None
        if isinstance(self.consensus_rules, ConsensusRules):
            consensus_rules = self.consensus_rules.to_dict()
        else:
            consensus_rules = self.consensus_rules

        created_at = self.created_at.isoformat()

        current: dict[str, Any] | None
        if isinstance(self.current, VersionPublic):
            current = self.current.to_dict()
        else:
            current = self.current

        id = self.id

        in_force_version: int | None
        in_force_version = self.in_force_version

        kind = self.kind.value

        latest_version = self.latest_version

        open_procedure: dict[str, Any] | None
        if isinstance(self.open_procedure, ProcedurePublic):
            open_procedure = self.open_procedure.to_dict()
        else:
            open_procedure = self.open_procedure

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area_id": area_id,
                "consensus_rules": consensus_rules,
                "created_at": created_at,
                "current": current,
                "id": id,
                "in_force_version": in_force_version,
                "kind": kind,
                "latest_version": latest_version,
                "open_procedure": open_procedure,
                "parties": parties,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415
        from ..models.party_public import PartyPublic  # noqa: PLC0415
        from ..models.procedure_public import ProcedurePublic  # noqa: PLC0415
        from ..models.version_public import VersionPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_area_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_id = _parse_area_id(d.pop("area_id"))

        def _parse_consensus_rules(data: object) -> ConsensusRules | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consensus_rules_type_0 = ConsensusRules.from_dict(data)

                return consensus_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsensusRules | None, data)

        consensus_rules = _parse_consensus_rules(d.pop("consensus_rules"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_current(data: object) -> None | VersionPublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0 = VersionPublic.from_dict(data)

                return current_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VersionPublic, data)

        current = _parse_current(d.pop("current"))

        id = d.pop("id")

        def _parse_in_force_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        in_force_version = _parse_in_force_version(d.pop("in_force_version"))

        kind = AgreementPublicKind(d.pop("kind"))

        latest_version = d.pop("latest_version")

        def _parse_open_procedure(data: object) -> None | ProcedurePublic:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_procedure_type_0 = ProcedurePublic.from_dict(data)

                return open_procedure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProcedurePublic, data)

        open_procedure = _parse_open_procedure(d.pop("open_procedure"))

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = PartyPublic.from_dict(parties_item_data)

            parties.append(parties_item)

        status = AgreementPublicStatus(d.pop("status"))

        title = d.pop("title")

        agreement_public = cls(
            area_id=area_id,
            consensus_rules=consensus_rules,
            created_at=created_at,
            current=current,
            id=id,
            in_force_version=in_force_version,
            kind=kind,
            latest_version=latest_version,
            open_procedure=open_procedure,
            parties=parties,
            status=status,
            title=title,
        )

        agreement_public.additional_properties = d
        return agreement_public

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
