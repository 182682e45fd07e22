"""Shared tables: outbox, inbox, dead letters, feed checkpoints, audit log, idempotency.

Revision ID: groups_0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from renkei_common.migrations import create_common_tables_v1, drop_common_tables_v1

revision: str = "groups_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_common_tables_v1()


def downgrade() -> None:
    drop_common_tables_v1()
