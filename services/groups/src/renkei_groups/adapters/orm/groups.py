"""The group aggregate: its application, the review, the designation and its notices, and its members."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_groups.adapters.orm.base import (
    Base,
    Versioned,
    code_column,
    enum_column,
    id_column,
    moment_column,
)
from renkei_groups.domain.kinds import ApplicationStatus, MemberKind, NoticeKind, OrganisationKind


class GroupRow(Versioned, Base):
    """An applicant group; its id is the `org` of the group's representative token."""

    __tablename__ = "community_group"

    id: Mapped[str] = id_column()
    municipality_code: Mapped[str] = code_column(index=True)
    status: Mapped[ApplicationStatus] = enum_column(ApplicationStatus, index=True)
    name: Mapped[str] = mapped_column(String(300))
    office: Mapped[str] = mapped_column(String(500))
    area: Mapped[str] = mapped_column(String(1000))
    # Personal data of the representative: shown only to the group and its municipality.
    representative: Mapped[dict[str, Any]] = mapped_column(JSON)  # {name, address, contact}
    activities: Mapped[list[Any]] = mapped_column(JSON)  # [{code, description}]
    article_items: Mapped[list[Any]] = mapped_column(JSON)
    documents: Mapped[list[Any]] = mapped_column(JSON)  # [{kind, title, reference}]
    # {members, organisations, organisation_kinds}: what every reader may see, without loading members.
    member_summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    profile_id: Mapped[str | None] = mapped_column(ForeignKey("ordinance_profile.id"), nullable=True)
    profile_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    judgement: Mapped[list[Any] | None] = mapped_column(
        JSON, nullable=True
    )  # [{requirement, outcome, reason}]
    judgement_outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reviewed_at: Mapped[datetime | None] = moment_column(nullable=True)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_reasons: Mapped[str | None] = mapped_column(Text, nullable=True)
    designated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revoked_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    # Loaded only where needed (selectinload): a list of groups or an effect never reads members.
    members: Mapped[list[GroupMemberRow]] = relationship(
        lazy="raise", order_by="GroupMemberRow.position", cascade="all, delete-orphan"
    )


class GroupMemberRow(Base):
    """A direct member; name, address and contact are personal data."""

    __tablename__ = "group_member"

    group_id: Mapped[str] = mapped_column(ForeignKey("community_group.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[MemberKind] = enum_column(MemberKind)
    name: Mapped[str] = mapped_column(String(300))
    resident: Mapped[bool] = mapped_column(Boolean)
    organisation_kind: Mapped[OrganisationKind | None] = enum_column(OrganisationKind, nullable=True)
    resident_share: Mapped[str | None] = mapped_column(String(12), nullable=True)
    address: Mapped[str | None] = mapped_column(String(500), nullable=True)
    contact: Mapped[str | None] = mapped_column(String(300), nullable=True)


class PublicNoticeRow(Base):
    """A 告示 of a designation, change or revocation: public open data, with no member's personal data."""

    __tablename__ = "public_notice"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = mapped_column(ForeignKey("community_group.id"), index=True)
    municipality_code: Mapped[str] = code_column(index=True)
    kind: Mapped[NoticeKind] = enum_column(NoticeKind)
    notice_number: Mapped[str] = mapped_column(String(100))
    noticed_on: Mapped[date] = mapped_column(Date, index=True)
    group_name: Mapped[str] = mapped_column(String(300))
    office: Mapped[str] = mapped_column(String(500))
    area: Mapped[str] = mapped_column(String(1000))
    summary: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = moment_column()
