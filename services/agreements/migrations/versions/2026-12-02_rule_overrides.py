"""Approved overrides of blocking requirement rules (the 定住自立圏 centre floor), with who recorded them.

Revision ID: agreements_0004
Revises: agreements_0003
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "agreements_0004"
down_revision: str | None = "agreements_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rule_override",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rule", sa.String(length=80), nullable=False),
        sa.Column("centre_code", sa.String(length=6), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_sub", sa.String(length=200), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_override")),
    )
    op.create_index(op.f("ix_rule_override_centre_code"), "rule_override", ["centre_code"])


def downgrade() -> None:
    op.drop_table("rule_override")
