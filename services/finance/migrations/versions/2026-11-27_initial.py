"""Shared tables and the agreement projection.

Revision ID: finance_0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from renkei_common.migrations import create_common_tables_v1, drop_common_tables_v1

revision: str = "finance_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_common_tables_v1()
    op.create_table(
        "agreement_projection",
        sa.Column("agreement_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("party_codes", sa.JSON(), nullable=False),
        sa.Column("area_id", sa.String(36), nullable=True),
        sa.Column("in_force_on", sa.Date(), nullable=False),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("last_event_id", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", name="pk_agreement_projection"),
    )


def downgrade() -> None:
    op.drop_table("agreement_projection")
    drop_common_tables_v1()
