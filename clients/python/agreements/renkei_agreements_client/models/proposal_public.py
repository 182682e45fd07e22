from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_public_decision_method_type_0 import ProposalPublicDecisionMethodType0
from ..models.proposal_public_outcome import ProposalPublicOutcome
from ..models.proposal_public_subject_type import ProposalPublicSubjectType

if TYPE_CHECKING:
    from ..models.partner_status import PartnerStatus
    from ..models.position_public import PositionPublic


T = TypeVar("T", bound="ProposalPublic")


@_attrs_define
class ProposalPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        decision_method (None | ProposalPublicDecisionMethodType0):
        history (list[PositionPublic]): who said what and when, oldest first
        id (str):
        opened_on (datetime.date):
        outcome (ProposalPublicOutcome): under the subject's decision method
        partners (list[PartnerStatus]):
        proposer_code (str):
        subject_id (str):
        subject_type (ProposalPublicSubjectType):
        text (None | str):
        title (str):
    """

    created_at: datetime.datetime
    decision_method: None | ProposalPublicDecisionMethodType0
    history: list[PositionPublic]
    id: str
    opened_on: datetime.date
    outcome: ProposalPublicOutcome
    partners: list[PartnerStatus]
    proposer_code: str
    subject_id: str
    subject_type: ProposalPublicSubjectType
    text: None | str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        decision_method: None | str
        if isinstance(self.decision_method, ProposalPublicDecisionMethodType0):
            decision_method = self.decision_method.value
        else:
            decision_method = self.decision_method

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = self.id

        opened_on = self.opened_on.isoformat()

        outcome = self.outcome.value

        partners = []
        for partners_item_data in self.partners:
            partners_item = partners_item_data.to_dict()
            partners.append(partners_item)

        proposer_code = self.proposer_code

        subject_id = self.subject_id

        subject_type = self.subject_type.value

        text: None | str
        text = self.text

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "decision_method": decision_method,
                "history": history,
                "id": id,
                "opened_on": opened_on,
                "outcome": outcome,
                "partners": partners,
                "proposer_code": proposer_code,
                "subject_id": subject_id,
                "subject_type": subject_type,
                "text": text,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_status import PartnerStatus  # noqa: PLC0415
        from ..models.position_public import PositionPublic  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decision_method(data: object) -> None | ProposalPublicDecisionMethodType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decision_method_type_0 = ProposalPublicDecisionMethodType0(data)

                return decision_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposalPublicDecisionMethodType0, data)

        decision_method = _parse_decision_method(d.pop("decision_method"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = PositionPublic.from_dict(history_item_data)

            history.append(history_item)

        id = d.pop("id")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        outcome = ProposalPublicOutcome(d.pop("outcome"))

        partners = []
        _partners = d.pop("partners")
        for partners_item_data in _partners:
            partners_item = PartnerStatus.from_dict(partners_item_data)

            partners.append(partners_item)

        proposer_code = d.pop("proposer_code")

        subject_id = d.pop("subject_id")

        subject_type = ProposalPublicSubjectType(d.pop("subject_type"))

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        title = d.pop("title")

        proposal_public = cls(
            created_at=created_at,
            decision_method=decision_method,
            history=history,
            id=id,
            opened_on=opened_on,
            outcome=outcome,
            partners=partners,
            proposer_code=proposer_code,
            subject_id=subject_id,
            subject_type=subject_type,
            text=text,
            title=title,
        )

        proposal_public.additional_properties = d
        return proposal_public

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
