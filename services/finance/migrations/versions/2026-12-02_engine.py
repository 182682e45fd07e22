"""Projections of areas, visions, cost sharing, groups and staffing; rule overrides, lines, runs, actuals.

Revision ID: finance_0003
Revises: finance_0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "finance_0003"
down_revision: str | None = "finance_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actual_amount",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("recipient_code", sa.String(length=6), nullable=False),
        sa.Column("measure", sa.String(length=60), nullable=False),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "recipient_code", "measure", name=op.f("pk_actual_amount")),
    )
    op.create_table(
        "allocation_line",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("recipient_code", sa.String(length=6), nullable=False),
        sa.Column("measure", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column("rule_id", sa.String(length=100), nullable=False),
        sa.Column("arithmetic", sa.Text(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("unconfirmed", sa.Boolean(), nullable=False),
        sa.Column("estimate", sa.Boolean(), nullable=False),
        sa.Column("run_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint(
            "fiscal_year", "recipient_code", "measure", "key", name=op.f("pk_allocation_line")
        ),
    )
    op.create_table(
        "allocation_run",
        sa.Column("run_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trigger_event_ids", sa.JSON(), nullable=False),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("total_delta_yen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_allocation_run")),
        sa.UniqueConstraint("sequence", name=op.f("uq_allocation_run_sequence")),
    )
    op.create_table(
        "area_projection",
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("area_type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("centre_codes", sa.JSON(), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=True),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("area_id", name=op.f("pk_area_projection")),
    )
    op.create_table(
        "cost_share_projection",
        sa.Column("shared_service_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("share_yen", sa.BigInteger(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("usage", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint(
            "shared_service_id", "fiscal_year", "municipality_code", name=op.f("pk_cost_share_projection")
        ),
    )
    with op.batch_alter_table("cost_share_projection", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cost_share_projection_code", ["municipality_code", "fiscal_year"], unique=False
        )

    op.create_table(
        "cost_sharing_projection",
        sa.Column("shared_service_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=True),
        sa.Column("cost_yen", sa.BigInteger(), nullable=False),
        sa.Column("formula", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("shared_service_id", "fiscal_year", name=op.f("pk_cost_sharing_projection")),
    )
    op.create_table(
        "dirty_cell",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("recipient_code", sa.String(length=6), nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dirty_cell")),
    )
    op.create_table(
        "dispatch_projection",
        sa.Column("dispatch_id", sa.String(length=36), nullable=False),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("receiving_code", sa.String(length=6), nullable=False),
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("profession_code", sa.String(length=40), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dispatch_id", name=op.f("pk_dispatch_projection")),
    )
    op.create_table(
        "group_funding_projection",
        sa.Column("funding_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("funding_id", name=op.f("pk_group_funding_projection")),
    )
    with op.batch_alter_table("group_funding_projection", schema=None) as batch_op:
        batch_op.create_index(
            "ix_group_funding_projection_code", ["municipality_code", "fiscal_year"], unique=False
        )

    op.create_table(
        "group_projection",
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("designated_on", sa.Date(), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_group_projection")),
    )
    op.create_table(
        "rule_row",
        sa.Column("rule_id", sa.String(length=100), nullable=False),
        sa.Column("measure", sa.String(length=60), nullable=False),
        sa.Column("fy_from", sa.Integer(), nullable=False),
        sa.Column("fy_to", sa.Integer(), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("rule_id", name=op.f("pk_rule_row")),
    )
    op.create_table(
        "staffing_cost_projection",
        sa.Column("cost_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("employer_code", sa.String(length=6), nullable=False),
        sa.Column("receiving_code", sa.String(length=6), nullable=True),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.Column("eligible_yen", sa.BigInteger(), nullable=False),
        sa.Column("dispatch_id", sa.String(length=36), nullable=True),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("cost_id", name=op.f("pk_staffing_cost_projection")),
    )
    with op.batch_alter_table("staffing_cost_projection", schema=None) as batch_op:
        batch_op.create_index(
            "ix_staffing_cost_projection_employer", ["employer_code", "fiscal_year"], unique=False
        )

    op.create_table(
        "vision_projection",
        sa.Column("vision_id", sa.String(length=36), nullable=False),
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("area_type", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("first_fiscal_year", sa.Integer(), nullable=False),
        sa.Column("last_fiscal_year", sa.Integer(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("vision_id", name=op.f("pk_vision_projection")),
    )
    op.create_table(
        "area_member_projection",
        sa.Column("area_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area_projection.area_id"],
            name=op.f("fk_area_member_projection_area_id_area_projection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("area_id", "code", "since", name=op.f("pk_area_member_projection")),
    )
    with op.batch_alter_table("area_member_projection", schema=None) as batch_op:
        batch_op.create_index("ix_area_member_projection_code", ["code"], unique=False)

    op.create_table(
        "vision_budget_projection",
        sa.Column("vision_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("project_name", sa.String(length=300), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("bond_eligibility", sa.String(length=100), nullable=True),
        sa.Column("amount_yen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["vision_id"],
            ["vision_projection.vision_id"],
            name=op.f("fk_vision_budget_projection_vision_id_vision_projection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "vision_id",
            "project_id",
            "fiscal_year",
            "municipality_code",
            name=op.f("pk_vision_budget_projection"),
        ),
    )
    with op.batch_alter_table("vision_budget_projection", schema=None) as batch_op:
        batch_op.create_index(
            "ix_vision_budget_projection_code", ["municipality_code", "fiscal_year"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("vision_budget_projection", schema=None) as batch_op:
        batch_op.drop_index("ix_vision_budget_projection_code")

    op.drop_table("vision_budget_projection")
    with op.batch_alter_table("area_member_projection", schema=None) as batch_op:
        batch_op.drop_index("ix_area_member_projection_code")

    op.drop_table("area_member_projection")
    op.drop_table("vision_projection")
    with op.batch_alter_table("staffing_cost_projection", schema=None) as batch_op:
        batch_op.drop_index("ix_staffing_cost_projection_employer")

    op.drop_table("staffing_cost_projection")
    op.drop_table("rule_row")
    op.drop_table("group_projection")
    with op.batch_alter_table("group_funding_projection", schema=None) as batch_op:
        batch_op.drop_index("ix_group_funding_projection_code")

    op.drop_table("group_funding_projection")
    op.drop_table("dispatch_projection")
    op.drop_table("dirty_cell")
    op.drop_table("cost_sharing_projection")
    with op.batch_alter_table("cost_share_projection", schema=None) as batch_op:
        batch_op.drop_index("ix_cost_share_projection_code")

    op.drop_table("cost_share_projection")
    op.drop_table("area_projection")
    op.drop_table("allocation_run")
    op.drop_table("allocation_line")
    op.drop_table("actual_amount")
