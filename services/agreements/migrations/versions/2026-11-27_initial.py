"""Shared tables and the agreement table.

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


def upgrade() -> None:
    create_common_tables_v1()
    op.create_table(
        "agreement",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("party_a_code", sa.String(6), nullable=False),
        sa.Column("party_b_code", sa.String(6), nullable=False),
        sa.Column("area_id", sa.String(36), nullable=True),
        sa.Column("subjects", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("concluded_on", sa.Date(), nullable=False),
        sa.Column("in_force_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_org", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agreement"),
    )
    op.create_index("ix_agreement_party_a_code", "agreement", ["party_a_code"])
    op.create_index("ix_agreement_party_b_code", "agreement", ["party_b_code"])


def downgrade() -> None:
    op.drop_index("ix_agreement_party_b_code", table_name="agreement")
    op.drop_index("ix_agreement_party_a_code", table_name="agreement")
    op.drop_table("agreement")
    drop_common_tables_v1()
