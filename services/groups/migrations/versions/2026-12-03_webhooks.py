"""Shared tables of outgoing webhooks (endpoints, deliveries, attempts, dispatcher cursor); see ADR 0011.

Revision ID: groups_0003
Revises: groups_0002
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from renkei_common.migrations import create_common_tables_v2, drop_common_tables_v2

revision: str = "groups_0003"
down_revision: str | None = "groups_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_common_tables_v2()


def downgrade() -> None:
    drop_common_tables_v2()
