"""Staffing domain tables, the standard professions, and the projections of agreements and governments.

Professions (seeded), specialists, recruitments, needs, dispatches and costs.

Revision ID: staffing_0002
Revises: staffing_0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from renkei_common.refdata.projection import create_government_table_v1, drop_government_table_v1

revision: str = "staffing_0002"
down_revision: str | None = "staffing_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of the standard professions at this revision (the domain's list may grow later).
STANDARD_PROFESSIONS = [
    ("public_health_nurse", "保健師", ["public_health_nurse_licence", "nurse_licence"], True, ""),
    ("childcare_worker", "保育士", ["childcare_worker_registration"], True, ""),
    ("local_tax", "税務", [], True, "地方税の徴収等"),
    ("land_acquisition", "用地", [], True, "道路建設に伴う買収等"),
    ("civil_engineer", "土木技師", [], False, "技術職員: 別途措置"),
    ("digital", "デジタル人材", [], False, "別途措置"),
    ("forester", "フォレスター", ["forester_certificate"], True, "例: 奈良県フォレスター"),
    ("social_worker", "社会福祉士", ["social_worker_registration"], True, ""),
    ("registered_dietitian", "管理栄養士", ["registered_dietitian_licence"], True, ""),
]


def upgrade() -> None:
    create_government_table_v1()
    op.create_table(
        "staffing_agreement_projection",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("party_codes", sa.JSON(), nullable=False),
        sa.Column("in_force_on", sa.Date(), nullable=True),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", name=op.f("pk_staffing_agreement_projection")),
    )
    op.create_table(
        "staffing_cost",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("recruitment", "personnel", name="costkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column(
            "item",
            sa.Enum(
                "advertising",
                "examination",
                "briefing",
                "travel",
                "agency",
                "other",
                name="recruitmentcostitem",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("breakdown", sa.JSON(), nullable=True),
        sa.Column("recruitment_id", sa.String(length=36), nullable=True),
        sa.Column("dispatch_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_cost")),
    )
    with op.batch_alter_table("staffing_cost", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staffing_cost_dispatch_id"), ["dispatch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_cost_employer_code"), ["employer_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_cost_fiscal_year"), ["fiscal_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_staffing_cost_recruitment_id"), ["recruitment_id"], unique=False)

    op.create_table(
        "staffing_dispatch",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("specialist_id", sa.String(length=36), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=False),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("receiving_code", sa.String(length=6), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("need_id", sa.String(length=36), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("active", "ended", name="dispatchstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column(
            "end_reason",
            sa.Enum(
                "completed",
                "agreement_terminated",
                "employment_ended",
                "recalled",
                "other",
                name="endreason",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("end_note", sa.Text(), nullable=True),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agreement_terminated_on", sa.Date(), nullable=True),
        sa.Column(
            "flag_reason",
            sa.Enum(
                "agreement_terminated",
                "party_left_agreement",
                name="flagreason",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_dispatch")),
    )
    with op.batch_alter_table("staffing_dispatch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staffing_dispatch_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_staffing_dispatch_employer_code"), ["employer_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staffing_dispatch_receiving_code"), ["receiving_code"], unique=False
        )
        batch_op.create_index(
            "ix_staffing_dispatch_specialist_period", ["specialist_id", "starts_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_staffing_dispatch_status"), ["status"], unique=False)

    op.create_table(
        "staffing_need",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("workload_percent", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "filled", "cancelled", name="needstatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("dispatch_id", sa.String(length=36), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_need")),
    )
    with op.batch_alter_table("staffing_need", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staffing_need_municipality_code"), ["municipality_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_staffing_need_status"), ["status"], unique=False)

    op.create_table(
        "staffing_profession",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("required_licences", sa.JSON(), nullable=False),
        sa.Column("covered_by_measure", sa.Boolean(), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_staffing_profession")),
    )
    op.create_table(
        "staffing_recruitment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("headcount_sought", sa.Integer(), nullable=False),
        sa.Column("headcount_hired", sa.Integer(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_recruitment")),
    )
    with op.batch_alter_table("staffing_recruitment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staffing_recruitment_employer_code"), ["employer_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staffing_recruitment_fiscal_year"), ["fiscal_year"], unique=False
        )

    op.create_table(
        "staffing_specialist",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=False),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("employed_from", sa.Date(), nullable=False),
        sa.Column("employed_until", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("licences", sa.JSON(), nullable=False),
        sa.Column("licence_valid_from", sa.Date(), nullable=True),
        sa.Column("licence_valid_until", sa.Date(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_specialist")),
    )
    with op.batch_alter_table("staffing_specialist", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staffing_specialist_employer_code"), ["employer_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_staffing_specialist_profession_code"), ["profession_code"], unique=False
        )

    profession = sa.table(
        "staffing_profession",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("required_licences", sa.JSON),
        sa.column("covered_by_measure", sa.Boolean),
        sa.column("description", sa.String),
        sa.column("row_version", sa.Integer),
        sa.column("created_by_org", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    at = datetime(2026, 12, 2, tzinfo=UTC)
    op.bulk_insert(
        profession,
        [
            {
                "code": code,
                "name": name,
                "required_licences": licences,
                "covered_by_measure": covered,
                "description": description,
                "row_version": 1,
                "created_by_org": "migration",
                "created_at": at,
            }
            for code, name, licences, covered, description in STANDARD_PROFESSIONS
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("staffing_specialist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_specialist_profession_code"))
        batch_op.drop_index(batch_op.f("ix_staffing_specialist_employer_code"))

    op.drop_table("staffing_specialist")
    with op.batch_alter_table("staffing_recruitment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_recruitment_fiscal_year"))
        batch_op.drop_index(batch_op.f("ix_staffing_recruitment_employer_code"))

    op.drop_table("staffing_recruitment")
    op.drop_table("staffing_profession")
    with op.batch_alter_table("staffing_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_need_status"))
        batch_op.drop_index(batch_op.f("ix_staffing_need_municipality_code"))

    op.drop_table("staffing_need")
    with op.batch_alter_table("staffing_dispatch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_dispatch_status"))
        batch_op.drop_index("ix_staffing_dispatch_specialist_period")
        batch_op.drop_index(batch_op.f("ix_staffing_dispatch_receiving_code"))
        batch_op.drop_index(batch_op.f("ix_staffing_dispatch_employer_code"))
        batch_op.drop_index(batch_op.f("ix_staffing_dispatch_agreement_id"))

    op.drop_table("staffing_dispatch")
    with op.batch_alter_table("staffing_cost", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_cost_recruitment_id"))
        batch_op.drop_index(batch_op.f("ix_staffing_cost_fiscal_year"))
        batch_op.drop_index(batch_op.f("ix_staffing_cost_employer_code"))
        batch_op.drop_index(batch_op.f("ix_staffing_cost_dispatch_id"))

    op.drop_table("staffing_cost")
    op.drop_table("staffing_agreement_projection")
    drop_government_table_v1()
