"""Group projection keeps the leases and contracts a revocation listed as active (to review).

Revision ID: finance_0006
Revises: finance_0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "finance_0006"
down_revision: str | None = "finance_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("group_projection") as batch:
        batch.add_column(sa.Column("review_funding_ids", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("group_projection") as batch:
        batch.drop_column("review_funding_ids")
