"""Cost sharings state their formula: one per cost class, weights by FY range, and the rounding rule.

Revision ID: agreements_0006
Revises: agreements_0005
Create Date: 2026-12-03

Existing sharings keep a null formula: they were agreed on the three weights of their row as one class,
rounded down to the yen, and are read (and recomputed) that way.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "agreements_0006"
down_revision: str | None = "agreements_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cost_sharing") as batch:
        batch.add_column(sa.Column("formula", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cost_sharing") as batch:
        batch.drop_column("formula")
