from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..models.outcome import Outcome

if TYPE_CHECKING:
    from ..models.application_public_activities_item import ApplicationPublicActivitiesItem
    from ..models.application_public_documents_item import ApplicationPublicDocumentsItem
    from ..models.application_public_representative_type_0 import ApplicationPublicRepresentativeType0
    from ..models.finding_public import FindingPublic
    from ..models.member_public import MemberPublic
    from ..models.member_summary import MemberSummary


T = TypeVar("T", bound="ApplicationPublic")


@_attrs_define
class ApplicationPublic:
    """
    Attributes:
        activities (list[ApplicationPublicActivitiesItem]):
        area (str):
        article_items (list[str]):
        created_at (datetime.datetime):
        decided_on (datetime.date | None):
        decision_reasons (None | str):
        designated_on (datetime.date | None):
        documents (list[ApplicationPublicDocumentsItem]):
        findings (list[FindingPublic] | None):
        id (str):
        judgement_outcome (None | Outcome):
        member_summary (MemberSummary): What readers other than the group and its municipality see: counts only.
        members (list[MemberPublic] | None): only for the group and its municipality
        municipality_code (str):
        name (str):
        office (str):
        profile_id (None | str):
        profile_version (int | None):
        representative (ApplicationPublicRepresentativeType0 | None): only for the group and its municipality
        revision (int):
        revoked_on (datetime.date | None):
        status (ApplicationStatus): The application, then the designation it became (指定, 指定の取消し).
        submitted_on (datetime.date | None):
    """

    activities: list[ApplicationPublicActivitiesItem]
    area: str
    article_items: list[str]
    created_at: datetime.datetime
    decided_on: datetime.date | None
    decision_reasons: None | str
    designated_on: datetime.date | None
    documents: list[ApplicationPublicDocumentsItem]
    findings: list[FindingPublic] | None
    id: str
    judgement_outcome: None | Outcome
    member_summary: MemberSummary
    members: list[MemberPublic] | None
    municipality_code: str
    name: str
    office: str
    profile_id: None | str
    profile_version: int | None
    representative: ApplicationPublicRepresentativeType0 | None
    revision: int
    revoked_on: datetime.date | None
    status: ApplicationStatus
    submitted_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.application_public_representative_type_0 import ApplicationPublicRepresentativeType0  # noqa: PLC0415

        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        area = self.area

        article_items = self.article_items

        created_at = self.created_at.isoformat()

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        decision_reasons: None | str
        decision_reasons = self.decision_reasons

        designated_on: None | str
        if isinstance(self.designated_on, datetime.date):
            designated_on = self.designated_on.isoformat()
        else:
            designated_on = self.designated_on

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        findings: list[dict[str, Any]] | None
        if isinstance(self.findings, list):
            findings = []
            for findings_type_0_item_data in self.findings:
                findings_type_0_item = findings_type_0_item_data.to_dict()
                findings.append(findings_type_0_item)

        else:
            findings = self.findings

        id = self.id

        judgement_outcome: None | str
        if isinstance(self.judgement_outcome, Outcome):
            judgement_outcome = self.judgement_outcome.value
        else:
            judgement_outcome = self.judgement_outcome

        member_summary = self.member_summary.to_dict()

        members: list[dict[str, Any]] | None
        if isinstance(self.members, list):
            members = []
            for members_type_0_item_data in self.members:
                members_type_0_item = members_type_0_item_data.to_dict()
                members.append(members_type_0_item)

        else:
            members = self.members

        municipality_code = self.municipality_code

        name = self.name

        office = self.office

        profile_id: None | str
        profile_id = self.profile_id

        profile_version: int | None
        profile_version = self.profile_version

        representative: dict[str, Any] | None
        if isinstance(self.representative, ApplicationPublicRepresentativeType0):
            representative = self.representative.to_dict()
        else:
            representative = self.representative

        revision = self.revision

        revoked_on: None | str
        if isinstance(self.revoked_on, datetime.date):
            revoked_on = self.revoked_on.isoformat()
        else:
            revoked_on = self.revoked_on

        status = self.status.value

        submitted_on: None | str
        if isinstance(self.submitted_on, datetime.date):
            submitted_on = self.submitted_on.isoformat()
        else:
            submitted_on = self.submitted_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "area": area,
                "article_items": article_items,
                "created_at": created_at,
                "decided_on": decided_on,
                "decision_reasons": decision_reasons,
                "designated_on": designated_on,
                "documents": documents,
                "findings": findings,
                "id": id,
                "judgement_outcome": judgement_outcome,
                "member_summary": member_summary,
                "members": members,
                "municipality_code": municipality_code,
                "name": name,
                "office": office,
                "profile_id": profile_id,
                "profile_version": profile_version,
                "representative": representative,
                "revision": revision,
                "revoked_on": revoked_on,
                "status": status,
                "submitted_on": submitted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_public_activities_item import ApplicationPublicActivitiesItem  # noqa: PLC0415
        from ..models.application_public_documents_item import ApplicationPublicDocumentsItem  # noqa: PLC0415
        from ..models.application_public_representative_type_0 import ApplicationPublicRepresentativeType0  # noqa: PLC0415
        from ..models.finding_public import FindingPublic  # noqa: PLC0415
        from ..models.member_public import MemberPublic  # noqa: PLC0415
        from ..models.member_summary import MemberSummary  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = ApplicationPublicActivitiesItem.from_dict(activities_item_data)

            activities.append(activities_item)

        area = d.pop("area")

        article_items = cast(list[str], d.pop("article_items"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_decision_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reasons = _parse_decision_reasons(d.pop("decision_reasons"))

        def _parse_designated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                designated_on_type_0 = datetime.date.fromisoformat(data)

                return designated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        designated_on = _parse_designated_on(d.pop("designated_on"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = ApplicationPublicDocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        def _parse_findings(data: object) -> list[FindingPublic] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                findings_type_0 = []
                _findings_type_0 = data
                for findings_type_0_item_data in _findings_type_0:
                    findings_type_0_item = FindingPublic.from_dict(findings_type_0_item_data)

                    findings_type_0.append(findings_type_0_item)

                return findings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FindingPublic] | None, data)

        findings = _parse_findings(d.pop("findings"))

        id = d.pop("id")

        def _parse_judgement_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                judgement_outcome_type_0 = Outcome(data)

                return judgement_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        judgement_outcome = _parse_judgement_outcome(d.pop("judgement_outcome"))

        member_summary = MemberSummary.from_dict(d.pop("member_summary"))

        def _parse_members(data: object) -> list[MemberPublic] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = []
                _members_type_0 = data
                for members_type_0_item_data in _members_type_0:
                    members_type_0_item = MemberPublic.from_dict(members_type_0_item_data)

                    members_type_0.append(members_type_0_item)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MemberPublic] | None, data)

        members = _parse_members(d.pop("members"))

        municipality_code = d.pop("municipality_code")

        name = d.pop("name")

        office = d.pop("office")

        def _parse_profile_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profile_id = _parse_profile_id(d.pop("profile_id"))

        def _parse_profile_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        profile_version = _parse_profile_version(d.pop("profile_version"))

        def _parse_representative(data: object) -> ApplicationPublicRepresentativeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                representative_type_0 = ApplicationPublicRepresentativeType0.from_dict(data)

                return representative_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationPublicRepresentativeType0 | None, data)

        representative = _parse_representative(d.pop("representative"))

        revision = d.pop("revision")

        def _parse_revoked_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_on_type_0 = datetime.date.fromisoformat(data)

                return revoked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        revoked_on = _parse_revoked_on(d.pop("revoked_on"))

        status = ApplicationStatus(d.pop("status"))

        def _parse_submitted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_on_type_0 = datetime.date.fromisoformat(data)

                return submitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        submitted_on = _parse_submitted_on(d.pop("submitted_on"))

        application_public = cls(
            activities=activities,
            area=area,
            article_items=article_items,
            created_at=created_at,
            decided_on=decided_on,
            decision_reasons=decision_reasons,
            designated_on=designated_on,
            documents=documents,
            findings=findings,
            id=id,
            judgement_outcome=judgement_outcome,
            member_summary=member_summary,
            members=members,
            municipality_code=municipality_code,
            name=name,
            office=office,
            profile_id=profile_id,
            profile_version=profile_version,
            representative=representative,
            revision=revision,
            revoked_on=revoked_on,
            status=status,
            submitted_on=submitted_on,
        )

        application_public.additional_properties = d
        return application_public

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
