from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_kind import DocumentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labelled_code_public import LabelledCodePublic
    from ..models.membership_rules_public import MembershipRulesPublic


T = TypeVar("T", bound="ProfilePublic")


@_attrs_define
class ProfilePublic:
    """
    Attributes:
        activities (list[LabelledCodePublic]):
        article_items (list[LabelledCodePublic]):
        coordination_answer_days (int):
        effective_on (datetime.date):
        enacted_on (datetime.date):
        id (None | str): null for the shipped default, which is not recorded
        judgement_items (list[str]):
        membership (MembershipRulesPublic):
        municipality_code (str):
        ordinance_title (str):
        profile_version (int):
        report_due_days (int):
        required_documents (list[DocumentKind]):
        created_at (datetime.datetime | None | Unset):
    """

    activities: list[LabelledCodePublic]
    article_items: list[LabelledCodePublic]
    coordination_answer_days: int
    effective_on: datetime.date
    enacted_on: datetime.date
    id: None | str
    judgement_items: list[str]
    membership: MembershipRulesPublic
    municipality_code: str
    ordinance_title: str
    profile_version: int
    report_due_days: int
    required_documents: list[DocumentKind]
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        article_items = []
        for article_items_item_data in self.article_items:
            article_items_item = article_items_item_data.to_dict()
            article_items.append(article_items_item)

        coordination_answer_days = self.coordination_answer_days

        effective_on = self.effective_on.isoformat()

        enacted_on = self.enacted_on.isoformat()

        id: None | str
        id = self.id

        judgement_items = self.judgement_items

        membership = self.membership.to_dict()

        municipality_code = self.municipality_code

        ordinance_title = self.ordinance_title

        profile_version = self.profile_version

        report_due_days = self.report_due_days

        required_documents = []
        for required_documents_item_data in self.required_documents:
            required_documents_item = required_documents_item_data.value
            required_documents.append(required_documents_item)

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "article_items": article_items,
                "coordination_answer_days": coordination_answer_days,
                "effective_on": effective_on,
                "enacted_on": enacted_on,
                "id": id,
                "judgement_items": judgement_items,
                "membership": membership,
                "municipality_code": municipality_code,
                "ordinance_title": ordinance_title,
                "profile_version": profile_version,
                "report_due_days": report_due_days,
                "required_documents": required_documents,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labelled_code_public import LabelledCodePublic  # noqa: PLC0415
        from ..models.membership_rules_public import MembershipRulesPublic  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = LabelledCodePublic.from_dict(activities_item_data)

            activities.append(activities_item)

        article_items = []
        _article_items = d.pop("article_items")
        for article_items_item_data in _article_items:
            article_items_item = LabelledCodePublic.from_dict(article_items_item_data)

            article_items.append(article_items_item)

        coordination_answer_days = d.pop("coordination_answer_days")

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        enacted_on = datetime.date.fromisoformat(d.pop("enacted_on"))

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        judgement_items = cast(list[str], d.pop("judgement_items"))

        membership = MembershipRulesPublic.from_dict(d.pop("membership"))

        municipality_code = d.pop("municipality_code")

        ordinance_title = d.pop("ordinance_title")

        profile_version = d.pop("profile_version")

        report_due_days = d.pop("report_due_days")

        required_documents = []
        _required_documents = d.pop("required_documents")
        for required_documents_item_data in _required_documents:
            required_documents_item = DocumentKind(required_documents_item_data)

            required_documents.append(required_documents_item)

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        profile_public = cls(
            activities=activities,
            article_items=article_items,
            coordination_answer_days=coordination_answer_days,
            effective_on=effective_on,
            enacted_on=enacted_on,
            id=id,
            judgement_items=judgement_items,
            membership=membership,
            municipality_code=municipality_code,
            ordinance_title=ordinance_title,
            profile_version=profile_version,
            report_due_days=report_due_days,
            required_documents=required_documents,
            created_at=created_at,
        )

        profile_public.additional_properties = d
        return profile_public

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
