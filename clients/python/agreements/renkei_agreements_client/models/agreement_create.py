from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.agreement_create_kind import AgreementCreateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consensus_rules import ConsensusRules
    from ..models.role_division import RoleDivision
    from ..models.subject import Subject


T = TypeVar("T", bound="AgreementCreate")


@_attrs_define
class AgreementCreate:
    """A draft agreement between two governments; its conclusion procedure starts at once.

    Attributes:
        kind (AgreementCreateKind):
        parties (list[str]):
        title (str):
        area_id (None | str | Unset):
        consensus_rules (ConsensusRules | None | Unset):
        effective_on (datetime.date | None | Unset): when it takes effect; default: the notification date
        policy (None | str | Unset): 基本方針
        role_division (list[RoleDivision] | Unset):
        subjects (list[Subject] | Unset):
    """

    kind: AgreementCreateKind
    parties: list[str]
    title: str
    area_id: None | str | Unset = UNSET
    consensus_rules: ConsensusRules | None | Unset = UNSET
    effective_on: datetime.date | None | Unset = UNSET
    policy: None | str | Unset = UNSET
    role_division: list[RoleDivision] | Unset = UNSET
    subjects: list[Subject] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415

        kind = self.kind.value

        parties = self.parties

        title = self.title

        area_id: None | str | Unset
        if isinstance(self.area_id, Unset):
            area_id = UNSET
        else:
            area_id = self.area_id

        consensus_rules: dict[str, Any] | None | Unset
        if isinstance(self.consensus_rules, Unset):
            consensus_rules = UNSET
        elif isinstance(self.consensus_rules, ConsensusRules):
            consensus_rules = self.consensus_rules.to_dict()
        else:
            consensus_rules = self.consensus_rules

        effective_on: None | str | Unset
        if isinstance(self.effective_on, Unset):
            effective_on = UNSET
        elif isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        policy: None | str | Unset
        if isinstance(self.policy, Unset):
            policy = UNSET
        else:
            policy = self.policy

        role_division: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.role_division, Unset):
            role_division = []
            for role_division_item_data in self.role_division:
                role_division_item = role_division_item_data.to_dict()
                role_division.append(role_division_item)

        subjects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subjects, Unset):
            subjects = []
            for subjects_item_data in self.subjects:
                subjects_item = subjects_item_data.to_dict()
                subjects.append(subjects_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "parties": parties,
                "title": title,
            }
        )
        if area_id is not UNSET:
            field_dict["area_id"] = area_id
        if consensus_rules is not UNSET:
            field_dict["consensus_rules"] = consensus_rules
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on
        if policy is not UNSET:
            field_dict["policy"] = policy
        if role_division is not UNSET:
            field_dict["role_division"] = role_division
        if subjects is not UNSET:
            field_dict["subjects"] = subjects

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415
        from ..models.role_division import RoleDivision  # noqa: PLC0415
        from ..models.subject import Subject  # noqa: PLC0415

        d = dict(src_dict)
        kind = AgreementCreateKind(d.pop("kind"))

        parties = cast(list[str], d.pop("parties"))

        title = d.pop("title")

        def _parse_area_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area_id = _parse_area_id(d.pop("area_id", UNSET))

        def _parse_consensus_rules(data: object) -> ConsensusRules | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consensus_rules_type_0 = ConsensusRules.from_dict(data)

                return consensus_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsensusRules | None | Unset, data)

        consensus_rules = _parse_consensus_rules(d.pop("consensus_rules", UNSET))

        def _parse_effective_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_on = _parse_effective_on(d.pop("effective_on", UNSET))

        def _parse_policy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy = _parse_policy(d.pop("policy", UNSET))

        _role_division = d.pop("role_division", UNSET)
        role_division: list[RoleDivision] | Unset = UNSET
        if _role_division is not UNSET:
            role_division = []
            for role_division_item_data in _role_division:
                role_division_item = RoleDivision.from_dict(role_division_item_data)

                role_division.append(role_division_item)

        _subjects = d.pop("subjects", UNSET)
        subjects: list[Subject] | Unset = UNSET
        if _subjects is not UNSET:
            subjects = []
            for subjects_item_data in _subjects:
                subjects_item = Subject.from_dict(subjects_item_data)

                subjects.append(subjects_item)

        agreement_create = cls(
            kind=kind,
            parties=parties,
            title=title,
            area_id=area_id,
            consensus_rules=consensus_rules,
            effective_on=effective_on,
            policy=policy,
            role_division=role_division,
            subjects=subjects,
        )

        return agreement_create
