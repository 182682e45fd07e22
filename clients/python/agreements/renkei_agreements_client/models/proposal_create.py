from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.proposal_create_subject_type import ProposalCreateSubjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """
    Attributes:
        opened_on (datetime.date):
        subject_id (str):
        subject_type (ProposalCreateSubjectType):
        title (str):
        partners (list[str] | None | Unset): default: every other participant
        text (None | str | Unset):
    """

    opened_on: datetime.date
    subject_id: str
    subject_type: ProposalCreateSubjectType
    title: str
    partners: list[str] | None | Unset = UNSET
    text: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        opened_on = self.opened_on.isoformat()

        subject_id = self.subject_id

        subject_type = self.subject_type.value

        title = self.title

        partners: list[str] | None | Unset
        if isinstance(self.partners, Unset):
            partners = UNSET
        elif isinstance(self.partners, list):
            partners = self.partners

        else:
            partners = self.partners

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "opened_on": opened_on,
                "subject_id": subject_id,
                "subject_type": subject_type,
                "title": title,
            }
        )
        if partners is not UNSET:
            field_dict["partners"] = partners
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        subject_id = d.pop("subject_id")

        subject_type = ProposalCreateSubjectType(d.pop("subject_type"))

        title = d.pop("title")

        def _parse_partners(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                partners_type_0 = cast(list[str], data)

                return partners_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        partners = _parse_partners(d.pop("partners", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        proposal_create = cls(
            opened_on=opened_on,
            subject_id=subject_id,
            subject_type=subject_type,
            title=title,
            partners=partners,
            text=text,
        )

        return proposal_create
