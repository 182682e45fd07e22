from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.activity_in import ActivityIn
    from ..models.document_in import DocumentIn
    from ..models.member_in import MemberIn
    from ..models.representative_in import RepresentativeIn


T = TypeVar("T", bound="ApplicationCreate")


@_attrs_define
class ApplicationCreate:
    """A group's application for designation (指定申請) to its municipality.

    Attributes:
        activities (list[ActivityIn]):
        area (str):
        article_items (list[str]): items the 規約 contains
        documents (list[DocumentIn]):
        members (list[MemberIn]):
        municipality_code (str): 6-digit 団体コード with check digit
        name (str):
        office (str):
        representative (RepresentativeIn):
    """

    activities: list[ActivityIn]
    area: str
    article_items: list[str]
    documents: list[DocumentIn]
    members: list[MemberIn]
    municipality_code: str
    name: str
    office: str
    representative: RepresentativeIn

    def to_dict(self) -> dict[str, Any]:
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        area = self.area

        article_items = self.article_items

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        municipality_code = self.municipality_code

        name = self.name

        office = self.office

        representative = self.representative.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activities": activities,
                "area": area,
                "article_items": article_items,
                "documents": documents,
                "members": members,
                "municipality_code": municipality_code,
                "name": name,
                "office": office,
                "representative": representative,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_in import ActivityIn  # noqa: PLC0415
        from ..models.document_in import DocumentIn  # noqa: PLC0415
        from ..models.member_in import MemberIn  # noqa: PLC0415
        from ..models.representative_in import RepresentativeIn  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = ActivityIn.from_dict(activities_item_data)

            activities.append(activities_item)

        area = d.pop("area")

        article_items = cast(list[str], d.pop("article_items"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentIn.from_dict(documents_item_data)

            documents.append(documents_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberIn.from_dict(members_item_data)

            members.append(members_item)

        municipality_code = d.pop("municipality_code")

        name = d.pop("name")

        office = d.pop("office")

        representative = RepresentativeIn.from_dict(d.pop("representative"))

        application_create = cls(
            activities=activities,
            area=area,
            article_items=article_items,
            documents=documents,
            members=members,
            municipality_code=municipality_code,
            name=name,
            office=office,
            representative=representative,
        )

        return application_create
