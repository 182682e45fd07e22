"""Shared tables and the agreements tables: registry, areas, agreements, consensus, visions, shared services.

Revision ID: agreements_0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from renkei_common.migrations import create_common_tables_v1, drop_common_tables_v1

revision: str = "agreements_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Children first, so that dropping follows the foreign keys.
TABLES = (
    "shared_service_member",
    "kpi_actual",
    "cost_sharing",
    "agreement_step",
    "vision_project",
    "vision_kpi",
    "shared_service",
    "agreement_version",
    "agreement_recommendation",
    "agreement_procedure",
    "agreement_dispute",
    "vision",
    "proposal_position",
    "area_member",
    "agreement",
    "proposal",
    "population_import",
    "municipality",
    "area",
)


def upgrade() -> None:
    create_common_tables_v1()
    op.create_table(
        "area",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("centre_codes", sa.JSON(), nullable=False),
        sa.Column("declaration_kind", sa.String(length=40), nullable=True),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("declaration_inputs", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("consensus_rules", sa.JSON(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
    )
    op.create_index(op.f("ix_area_area_type"), "area", ["area_type"])
    op.create_table(
        "municipality",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("prefecture_code", sa.String(length=2), nullable=False),
        sa.Column("prefecture", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("population_year", sa.Integer(), nullable=True),
        sa.Column("population_source", sa.String(length=200), nullable=True),
        sa.Column("designated_city", sa.Boolean(), nullable=False),
        sa.Column("core_city", sa.Boolean(), nullable=False),
        sa.Column("prefectural_capital", sa.Boolean(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_municipality")),
    )
    op.create_index(op.f("ix_municipality_kind"), "municipality", ["kind"])
    op.create_index(op.f("ix_municipality_prefecture_code"), "municipality", ["prefecture_code"])
    op.create_table(
        "population_import",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("changed_codes", sa.JSON(), nullable=False),
        sa.Column("imported_by_org", sa.String(length=20), nullable=False),
        sa.Column("imported_by_sub", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population_import")),
    )
    op.create_table(
        "proposal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("subject_type", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("proposer_code", sa.String(length=6), nullable=False),
        sa.Column("partner_codes", sa.JSON(), nullable=False),
        sa.Column("decision_method", sa.String(length=30), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
    )
    op.create_index(op.f("ix_proposal_subject_id"), "proposal", ["subject_id"])
    op.create_table(
        "agreement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("party_a_code", sa.String(length=6), nullable=False),
        sa.Column("party_b_code", sa.String(length=6), nullable=False),
        sa.Column("party_a_role", sa.String(length=20), nullable=False),
        sa.Column("party_b_role", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("in_force_version", sa.Integer(), nullable=True),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("consensus_rules", sa.JSON(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_agreement_area_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    op.create_index(op.f("ix_agreement_area_id"), "agreement", ["area_id"])
    op.create_index(op.f("ix_agreement_party_a_code"), "agreement", ["party_a_code"])
    op.create_index(op.f("ix_agreement_party_b_code"), "agreement", ["party_b_code"])
    op.create_index(op.f("ix_agreement_status"), "agreement", ["status"])
    op.create_table(
        "area_member",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("area_type", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_area_member_area_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area_member")),
    )
    op.create_index(op.f("ix_area_member_area_id"), "area_member", ["area_id"])
    op.create_index(op.f("ix_area_member_code"), "area_member", ["code"])
    op.create_table(
        "proposal_position",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("proposal_id", sa.String(length=36), nullable=False),
        sa.Column("partner_code", sa.String(length=6), nullable=False),
        sa.Column("position", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("stated_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_by_sub", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposal.id"], name=op.f("fk_proposal_position_proposal_id_proposal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_position")),
    )
    op.create_index(op.f("ix_proposal_position_proposal_id"), "proposal_position", ["proposal_id"])
    op.create_table(
        "vision",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("area_type", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("first_fiscal_year", sa.Integer(), nullable=False),
        sa.Column("last_fiscal_year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_vision_area_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vision")),
    )
    op.create_index(op.f("ix_vision_area_id"), "vision", ["area_id"])
    op.create_table(
        "agreement_dispute",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("applicant_code", sa.String(length=6), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("authority", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("plan_presented_on", sa.Date(), nullable=True),
        sa.Column("plan_summary", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_dispute_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_dispute")),
    )
    op.create_index(op.f("ix_agreement_dispute_agreement_id"), "agreement_dispute", ["agreement_id"])
    op.create_table(
        "agreement_procedure",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("notification_targets", sa.JSON(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_procedure_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_procedure")),
    )
    op.create_index(op.f("ix_agreement_procedure_agreement_id"), "agreement_procedure", ["agreement_id"])
    op.create_table(
        "agreement_recommendation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("issued_by", sa.String(length=20), nullable=False),
        sa.Column("issuer_code", sa.String(length=6), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("reference_number", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_recommendation_agreement_id_agreement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_recommendation")),
    )
    op.create_index(
        op.f("ix_agreement_recommendation_agreement_id"), "agreement_recommendation", ["agreement_id"]
    )
    op.create_table(
        "agreement_version",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("policy", sa.Text(), nullable=True),
        sa.Column("subjects", sa.JSON(), nullable=False),
        sa.Column("role_division", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("in_force_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_version_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_version")),
        sa.UniqueConstraint("agreement_id", "number", name=op.f("uq_agreement_version_agreement_id_number")),
    )
    op.create_index(op.f("ix_agreement_version_agreement_id"), "agreement_version", ["agreement_id"])
    op.create_table(
        "shared_service",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=True),
        sa.Column("agreement_id", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("lead_code", sa.String(length=6), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_shared_service_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_shared_service_area_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_service")),
    )
    op.create_index(op.f("ix_shared_service_area_id"), "shared_service", ["area_id"])
    op.create_table(
        "vision_kpi",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("baseline_fiscal_year", sa.Integer(), nullable=True),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["vision_id"], ["vision.id"], name=op.f("fk_vision_kpi_vision_id_vision")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vision_kpi")),
    )
    op.create_index(op.f("ix_vision_kpi_vision_id"), "vision_kpi", ["vision_id"])
    op.create_table(
        "vision_project",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("bond_eligibility", sa.String(length=40), nullable=True),
        sa.Column("budgets", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["vision_id"], ["vision.id"], name=op.f("fk_vision_project_vision_id_vision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vision_project")),
    )
    op.create_index(op.f("ix_vision_project_vision_id"), "vision_project", ["vision_id"])
    op.create_table(
        "agreement_step",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("procedure_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("party_code", sa.String(length=6), nullable=True),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_by_sub", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["agreement_procedure.id"],
            name=op.f("fk_agreement_step_procedure_id_agreement_procedure"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_step")),
    )
    op.create_index(op.f("ix_agreement_step_procedure_id"), "agreement_step", ["procedure_id"])
    op.create_table(
        "cost_sharing",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("shared_service_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("cost_yen", sa.BigInteger(), nullable=False),
        sa.Column("equal_weight", sa.String(length=12), nullable=False),
        sa.Column("population_weight", sa.String(length=12), nullable=False),
        sa.Column("usage_weight", sa.String(length=12), nullable=False),
        sa.Column("remainder_to", sa.String(length=6), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shared_service_id"],
            ["shared_service.id"],
            name=op.f("fk_cost_sharing_shared_service_id_shared_service"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_sharing")),
        sa.UniqueConstraint(
            "shared_service_id", "fiscal_year", name=op.f("uq_cost_sharing_shared_service_id_fiscal_year")
        ),
    )
    op.create_index(op.f("ix_cost_sharing_shared_service_id"), "cost_sharing", ["shared_service_id"])
    op.create_table(
        "kpi_actual",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kpi_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_org", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["kpi_id"], ["vision_kpi.id"], name=op.f("fk_kpi_actual_kpi_id_vision_kpi")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_actual")),
    )
    op.create_index(op.f("ix_kpi_actual_kpi_id"), "kpi_actual", ["kpi_id"])
    op.create_table(
        "shared_service_member",
        sa.Column("shared_service_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shared_service_id"],
            ["shared_service.id"],
            name=op.f("fk_shared_service_member_shared_service_id_shared_service"),
        ),
        sa.PrimaryKeyConstraint("shared_service_id", "code", name=op.f("pk_shared_service_member")),
    )
    op.create_index(op.f("ix_shared_service_member_code"), "shared_service_member", ["code"])


def downgrade() -> None:
    # Dropping a table drops its indexes too, on SQLite and PostgreSQL alike.
    for table in TABLES:
        op.drop_table(table)
    drop_common_tables_v1()
