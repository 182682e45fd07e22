"""Shared tables of outgoing webhooks (endpoints, deliveries, attempts, dispatcher cursor); see ADR 0011.

Revision ID: finance_0005
Revises: finance_0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from renkei_common.migrations import create_common_tables_v2, drop_common_tables_v2

revision: str = "finance_0005"
down_revision: str | None = "finance_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_common_tables_v2()


def downgrade() -> None:
    drop_common_tables_v2()
