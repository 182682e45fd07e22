"""Areas (連携中枢都市圏, 定住自立圏, other wide-area cooperation), their declaration and members."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_agreements.adapters.orm.base import Base, Versioned, code_column, enum_column, id_column
from renkei_agreements.domain.vocabulary import AreaType, DeclarationKind, MemberRole


class AreaRow(Versioned, Base):
    __tablename__ = "area"

    id: Mapped[str] = id_column()
    area_type: Mapped[AreaType] = enum_column(AreaType, index=True)
    name: Mapped[str] = mapped_column(String(200))
    centre_codes: Mapped[list[Any]] = mapped_column(JSON)
    # 連携中枢都市宣言 or 中心市宣言; None for other wide-area cooperation, which has no declaration.
    declaration_kind: Mapped[DeclarationKind | None] = enum_column(DeclarationKind, length=40, nullable=True)
    declared_on: Mapped[date] = mapped_column(Date)
    # What the declarant supplied for the checks (ratios, commuting shares, adjacency), as given.
    declaration_inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    warnings: Mapped[list[Any]] = mapped_column(JSON)
    consensus_rules: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    members: Mapped[list[AreaMemberRow]] = relationship(
        lazy="selectin", order_by="(AreaMemberRow.since, AreaMemberRow.code)", cascade="all, delete-orphan"
    )


class AreaMemberRow(Base):
    """A government's role in an area for a period; a role change ends one row and starts another."""

    __tablename__ = "area_member"

    id: Mapped[str] = id_column()
    area_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    # Copied from the area so that the one-area-per-type check is one indexed query.
    area_type: Mapped[AreaType] = enum_column(AreaType)
    code: Mapped[str] = code_column(index=True)
    role: Mapped[MemberRole] = enum_column(MemberRole)
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
