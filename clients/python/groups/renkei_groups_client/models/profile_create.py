from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.document_kind import DocumentKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labelled_code_in import LabelledCodeIn
    from ..models.membership_rules_in import MembershipRulesIn


T = TypeVar("T", bound="ProfileCreate")


@_attrs_define
class ProfileCreate:
    """A version of the ordinance (条例). Whatever is left out is the shipped default profile's.

    Attributes:
        effective_on (datetime.date):
        enacted_on (datetime.date):
        municipality_code (str): 6-digit 団体コード with check digit
        ordinance_title (str):
        activities (list[LabelledCodeIn] | None | Unset):
        additional_article_items (list[LabelledCodeIn] | Unset):
        coordination_answer_days (int | None | Unset):
        judgement_items (list[str] | None | Unset):
        membership (MembershipRulesIn | None | Unset):
        report_due_days (int | None | Unset):
        required_documents (list[DocumentKind] | None | Unset):
    """

    effective_on: datetime.date
    enacted_on: datetime.date
    municipality_code: str
    ordinance_title: str
    activities: list[LabelledCodeIn] | None | Unset = UNSET
    additional_article_items: list[LabelledCodeIn] | Unset = UNSET
    coordination_answer_days: int | None | Unset = UNSET
    judgement_items: list[str] | None | Unset = UNSET
    membership: MembershipRulesIn | None | Unset = UNSET
    report_due_days: int | None | Unset = UNSET
    required_documents: list[DocumentKind] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_rules_in import MembershipRulesIn  # noqa: PLC0415

        effective_on = self.effective_on.isoformat()

        enacted_on = self.enacted_on.isoformat()

        municipality_code = self.municipality_code

        ordinance_title = self.ordinance_title

        activities: list[dict[str, Any]] | None | Unset
        if isinstance(self.activities, Unset):
            activities = UNSET
        elif isinstance(self.activities, list):
            activities = []
            for activities_type_0_item_data in self.activities:
                activities_type_0_item = activities_type_0_item_data.to_dict()
                activities.append(activities_type_0_item)

        else:
            activities = self.activities

        additional_article_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.additional_article_items, Unset):
            additional_article_items = []
            for additional_article_items_item_data in self.additional_article_items:
                additional_article_items_item = additional_article_items_item_data.to_dict()
                additional_article_items.append(additional_article_items_item)

        coordination_answer_days: int | None | Unset
        if isinstance(self.coordination_answer_days, Unset):
            coordination_answer_days = UNSET
        else:
            coordination_answer_days = self.coordination_answer_days

        judgement_items: list[str] | None | Unset
        if isinstance(self.judgement_items, Unset):
            judgement_items = UNSET
        elif isinstance(self.judgement_items, list):
            judgement_items = self.judgement_items

        else:
            judgement_items = self.judgement_items

        membership: dict[str, Any] | None | Unset
        if isinstance(self.membership, Unset):
            membership = UNSET
        elif isinstance(self.membership, MembershipRulesIn):
            membership = self.membership.to_dict()
        else:
            membership = self.membership

        report_due_days: int | None | Unset
        if isinstance(self.report_due_days, Unset):
            report_due_days = UNSET
        else:
            report_due_days = self.report_due_days

        required_documents: list[str] | None | Unset
        if isinstance(self.required_documents, Unset):
            required_documents = UNSET
        elif isinstance(self.required_documents, list):
            required_documents = []
            for required_documents_type_0_item_data in self.required_documents:
                required_documents_type_0_item = required_documents_type_0_item_data.value
                required_documents.append(required_documents_type_0_item)

        else:
            required_documents = self.required_documents

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_on": effective_on,
                "enacted_on": enacted_on,
                "municipality_code": municipality_code,
                "ordinance_title": ordinance_title,
            }
        )
        if activities is not UNSET:
            field_dict["activities"] = activities
        if additional_article_items is not UNSET:
            field_dict["additional_article_items"] = additional_article_items
        if coordination_answer_days is not UNSET:
            field_dict["coordination_answer_days"] = coordination_answer_days
        if judgement_items is not UNSET:
            field_dict["judgement_items"] = judgement_items
        if membership is not UNSET:
            field_dict["membership"] = membership
        if report_due_days is not UNSET:
            field_dict["report_due_days"] = report_due_days
        if required_documents is not UNSET:
            field_dict["required_documents"] = required_documents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labelled_code_in import LabelledCodeIn  # noqa: PLC0415
        from ..models.membership_rules_in import MembershipRulesIn  # noqa: PLC0415

        d = dict(src_dict)
        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        enacted_on = datetime.date.fromisoformat(d.pop("enacted_on"))

        municipality_code = d.pop("municipality_code")

        ordinance_title = d.pop("ordinance_title")

        def _parse_activities(data: object) -> list[LabelledCodeIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                activities_type_0 = []
                _activities_type_0 = data
                for activities_type_0_item_data in _activities_type_0:
                    activities_type_0_item = LabelledCodeIn.from_dict(activities_type_0_item_data)

                    activities_type_0.append(activities_type_0_item)

                return activities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LabelledCodeIn] | None | Unset, data)

        activities = _parse_activities(d.pop("activities", UNSET))

        _additional_article_items = d.pop("additional_article_items", UNSET)
        additional_article_items: list[LabelledCodeIn] | Unset = UNSET
        if _additional_article_items is not UNSET:
            additional_article_items = []
            for additional_article_items_item_data in _additional_article_items:
                additional_article_items_item = LabelledCodeIn.from_dict(additional_article_items_item_data)

                additional_article_items.append(additional_article_items_item)

        def _parse_coordination_answer_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coordination_answer_days = _parse_coordination_answer_days(d.pop("coordination_answer_days", UNSET))

        def _parse_judgement_items(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                judgement_items_type_0 = cast(list[str], data)

                return judgement_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        judgement_items = _parse_judgement_items(d.pop("judgement_items", UNSET))

        def _parse_membership(data: object) -> MembershipRulesIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                membership_type_0 = MembershipRulesIn.from_dict(data)

                return membership_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MembershipRulesIn | None | Unset, data)

        membership = _parse_membership(d.pop("membership", UNSET))

        def _parse_report_due_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        report_due_days = _parse_report_due_days(d.pop("report_due_days", UNSET))

        def _parse_required_documents(data: object) -> list[DocumentKind] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                required_documents_type_0 = []
                _required_documents_type_0 = data
                for required_documents_type_0_item_data in _required_documents_type_0:
                    required_documents_type_0_item = DocumentKind(required_documents_type_0_item_data)

                    required_documents_type_0.append(required_documents_type_0_item)

                return required_documents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DocumentKind] | None | Unset, data)

        required_documents = _parse_required_documents(d.pop("required_documents", UNSET))

        profile_create = cls(
            effective_on=effective_on,
            enacted_on=enacted_on,
            municipality_code=municipality_code,
            ordinance_title=ordinance_title,
            activities=activities,
            additional_article_items=additional_article_items,
            coordination_answer_days=coordination_answer_days,
            judgement_items=judgement_items,
            membership=membership,
            report_due_days=report_due_days,
            required_documents=required_documents,
        )

        return profile_create
