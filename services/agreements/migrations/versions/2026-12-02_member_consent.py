"""Shared-service members consent before they are billed: each member's basis and date of consent.

Revision ID: agreements_0003
Revises: agreements_0002
Create Date: 2026-12-02

Existing leads count as consented (they registered the service); every other existing member is pending
until it consents or is found a party, with the lead, of the linked agreement: a government is not billed on
a membership nobody asked it about.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "agreements_0003"
down_revision: str | None = "agreements_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("consent_basis", "consented_on", "consent_recorded_at")


def upgrade() -> None:
    with op.batch_alter_table("shared_service_member") as batch:
        batch.add_column(sa.Column("consent_basis", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("consented_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("consent_recorded_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE shared_service_member SET consent_basis = 'lead' WHERE code = (SELECT lead_code "
        "FROM shared_service WHERE shared_service.id = shared_service_member.shared_service_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("shared_service_member") as batch:
        for column in COLUMNS:
            batch.drop_column(column)
