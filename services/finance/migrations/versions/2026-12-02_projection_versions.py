"""Projection rows keep their aggregate version and tombstone; agreement parties; projected governments.

Revision ID: finance_0002
Revises: finance_0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from renkei_common.refdata.projection import create_government_table_v1, drop_government_table_v1

revision: str = "finance_0002"
down_revision: str | None = "finance_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_projection") as batch:
        # Rows projected before this revision took their version from the agreement version.
        batch.add_column(sa.Column("aggregate_version", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("tombstone", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("concluded_on", sa.Date(), nullable=True))
        batch.alter_column("kind", existing_type=sa.String(40), nullable=True)
        batch.alter_column("title", existing_type=sa.String(300), nullable=True)
        batch.alter_column("in_force_on", existing_type=sa.Date(), nullable=True)
    op.execute(
        "UPDATE agreement_projection SET aggregate_version = version, tombstone = (status = 'terminated')"
    )
    with op.batch_alter_table("agreement_projection") as batch:
        batch.alter_column("aggregate_version", server_default=None, existing_type=sa.Integer())
        batch.alter_column("tombstone", server_default=None, existing_type=sa.Boolean())
    op.create_table(
        "agreement_party_projection",
        sa.Column("agreement_id", sa.String(36), nullable=False),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement_projection.agreement_id"],
            name="fk_agreement_party_projection_agreement_id_agreement_projection",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "code", name="pk_agreement_party_projection"),
    )
    op.create_index("ix_agreement_party_projection_code", "agreement_party_projection", ["code"])
    create_government_table_v1()


def downgrade() -> None:
    drop_government_table_v1()
    op.drop_index("ix_agreement_party_projection_code", table_name="agreement_party_projection")
    op.drop_table("agreement_party_projection")
    op.execute("DELETE FROM agreement_projection WHERE in_force_on IS NULL OR kind IS NULL OR title IS NULL")
    with op.batch_alter_table("agreement_projection") as batch:
        batch.alter_column("in_force_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("title", existing_type=sa.String(300), nullable=False)
        batch.alter_column("kind", existing_type=sa.String(40), nullable=False)
        batch.drop_column("concluded_on")
        batch.drop_column("tombstone")
        batch.drop_column("aggregate_version")
