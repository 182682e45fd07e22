"""The groups tables: ordinance profiles, groups and members, notices, effects and supervision.

Revision ID: groups_0002
Revises: groups_0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "groups_0002"
down_revision: str | None = "groups_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Children last on the way up, first on the way down, so that dropping follows the foreign keys.
TABLES = (
    "leased_asset",
    "ordinance_profile",
    "community_group",
    "annual_report",
    "coordination_request",
    "group_member",
    "group_support",
    "no_bid_contract",
    "property_lease",
    "public_notice",
    "supervision_act",
)


def upgrade() -> None:
    op.create_table(
        "leased_asset",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("asset_id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leased_asset")),
        sa.UniqueConstraint(
            "municipality_code", "asset_id", name=op.f("uq_leased_asset_municipality_code_asset_id")
        ),
    )
    op.create_table(
        "ordinance_profile",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("ordinance_title", sa.String(length=300), nullable=False),
        sa.Column("enacted_on", sa.Date(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("min_resident_share", sa.String(length=12), nullable=False),
        sa.Column("organisation_resident_share", sa.String(length=12), nullable=False),
        sa.Column("min_members", sa.Integer(), nullable=False),
        sa.Column("required_organisation_kinds", sa.JSON(), nullable=False),
        sa.Column("min_required_kinds", sa.Integer(), nullable=False),
        sa.Column("activities", sa.JSON(), nullable=False),
        sa.Column("article_items", sa.JSON(), nullable=False),
        sa.Column("required_documents", sa.JSON(), nullable=False),
        sa.Column("judgement_items", sa.JSON(), nullable=False),
        sa.Column("report_due_days", sa.Integer(), nullable=False),
        sa.Column("coordination_answer_days", sa.Integer(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ordinance_profile")),
        sa.UniqueConstraint(
            "municipality_code",
            "profile_version",
            name=op.f("uq_ordinance_profile_municipality_code_profile_version"),
        ),
    )
    op.create_index(
        op.f("ix_ordinance_profile_municipality_code"),
        "ordinance_profile",
        ["municipality_code"],
        unique=False,
    )
    op.create_table(
        "community_group",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "under_review",
                "designated",
                "rejected",
                "withdrawn",
                "revoked",
                name="applicationstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("office", sa.String(length=500), nullable=False),
        sa.Column("area", sa.String(length=1000), nullable=False),
        sa.Column("representative", sa.JSON(), nullable=False),
        sa.Column("activities", sa.JSON(), nullable=False),
        sa.Column("article_items", sa.JSON(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("member_summary", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("profile_id", sa.String(length=36), nullable=True),
        sa.Column("profile_version", sa.Integer(), nullable=True),
        sa.Column("judgement", sa.JSON(), nullable=True),
        sa.Column("judgement_outcome", sa.String(length=20), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_reasons", sa.Text(), nullable=True),
        sa.Column("designated_on", sa.Date(), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["ordinance_profile.id"],
            name=op.f("fk_community_group_profile_id_ordinance_profile"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_group")),
    )
    op.create_index(
        op.f("ix_community_group_municipality_code"), "community_group", ["municipality_code"], unique=False
    )
    op.create_index(op.f("ix_community_group_status"), "community_group", ["status"], unique=False)
    op.create_table(
        "annual_report",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_annual_report_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_report")),
        sa.UniqueConstraint("group_id", "fiscal_year", name=op.f("uq_annual_report_group_id_fiscal_year")),
    )
    op.create_index(op.f("ix_annual_report_group_id"), "annual_report", ["group_id"], unique=False)
    op.create_table(
        "coordination_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("counterparties", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "in_coordination",
                "answered",
                name="coordinationstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_group.id"],
            name=op.f("fk_coordination_request_group_id_community_group"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coordination_request")),
    )
    op.create_index(
        op.f("ix_coordination_request_group_id"), "coordination_request", ["group_id"], unique=False
    )
    op.create_index(
        op.f("ix_coordination_request_municipality_code"),
        "coordination_request",
        ["municipality_code"],
        unique=False,
    )
    op.create_index(op.f("ix_coordination_request_status"), "coordination_request", ["status"], unique=False)
    op.create_table(
        "group_member",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("individual", "organisation", name="memberkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("resident", sa.Boolean(), nullable=False),
        sa.Column(
            "organisation_kind",
            sa.Enum(
                "neighbourhood_association",
                "pta",
                "womens_association",
                "social_welfare_council",
                "npo",
                "disaster_prevention",
                "crime_prevention",
                "welfare_commissioners",
                "seniors_club",
                "childrens_association",
                "business",
                "other",
                name="organisationkind",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("resident_share", sa.String(length=12), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("contact", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_group_member_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("group_id", "position", name=op.f("pk_group_member")),
    )
    op.create_table(
        "group_support",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("grant", "information", name="supportkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("amount_yen", sa.BigInteger(), nullable=True),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=1000), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_group_support_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_support")),
    )
    op.create_index(op.f("ix_group_support_group_id"), "group_support", ["group_id"], unique=False)
    op.create_table(
        "no_bid_contract",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=False),
        sa.Column("awarded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_no_bid_contract_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_no_bid_contract")),
    )
    op.create_index(op.f("ix_no_bid_contract_group_id"), "no_bid_contract", ["group_id"], unique=False)
    op.create_index(
        op.f("ix_no_bid_contract_municipality_code"), "no_bid_contract", ["municipality_code"], unique=False
    )
    op.create_table(
        "property_lease",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("leased_asset_id", sa.String(length=36), nullable=False),
        sa.Column("asset_id", sa.String(length=100), nullable=False),
        sa.Column("asset_name", sa.String(length=300), nullable=False),
        sa.Column("part", sa.String(length=300), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("rent_yen", sa.BigInteger(), nullable=False),
        sa.Column("rent_reduced", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_property_lease_group_id_community_group")
        ),
        sa.ForeignKeyConstraint(
            ["leased_asset_id"],
            ["leased_asset.id"],
            name=op.f("fk_property_lease_leased_asset_id_leased_asset"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property_lease")),
    )
    op.create_index(op.f("ix_property_lease_group_id"), "property_lease", ["group_id"], unique=False)
    op.create_index(
        op.f("ix_property_lease_leased_asset_id"), "property_lease", ["leased_asset_id"], unique=False
    )
    op.create_table(
        "public_notice",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("designation", "change", "revocation", name="noticekind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("notice_number", sa.String(length=100), nullable=False),
        sa.Column("noticed_on", sa.Date(), nullable=False),
        sa.Column("group_name", sa.String(length=300), nullable=False),
        sa.Column("office", sa.String(length=500), nullable=False),
        sa.Column("area", sa.String(length=1000), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_public_notice_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_notice")),
    )
    op.create_index(op.f("ix_public_notice_group_id"), "public_notice", ["group_id"], unique=False)
    op.create_index(
        op.f("ix_public_notice_municipality_code"), "public_notice", ["municipality_code"], unique=False
    )
    op.create_index(op.f("ix_public_notice_noticed_on"), "public_notice", ["noticed_on"], unique=False)
    op.create_table(
        "supervision_act",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "report_request", "corrective_order", name="supervisionkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["community_group.id"], name=op.f("fk_supervision_act_group_id_community_group")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_act")),
    )
    op.create_index(op.f("ix_supervision_act_group_id"), "supervision_act", ["group_id"], unique=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
