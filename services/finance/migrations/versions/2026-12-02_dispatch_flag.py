"""Dispatch projection keeps the flag of a dispatch its 連携協約 no longer covers (DispatchFlagged).

Revision ID: finance_0004
Revises: finance_0003
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "finance_0004"
down_revision: str | None = "finance_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dispatch_projection") as batch:
        batch.add_column(sa.Column("flag_terminated_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("flag_reason", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dispatch_projection") as batch:
        batch.drop_column("flag_reason")
        batch.drop_column("flag_terminated_on")
