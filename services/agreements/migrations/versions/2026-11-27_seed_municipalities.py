"""Seeds the municipality registry from the packaged reference data (2020 census populations).

Revision ID: agreements_0002
Revises: agreements_0001
Create Date: 2026-11-27

The registry is live data from here on: population imports change it, a later release of the packaged
file does not (a new migration would have to say what to do with figures operators already refreshed).
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from renkei_common.refdata import POPULATION_SOURCE, load_registry

revision: str = "agreements_0002"
down_revision: str | None = "agreements_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

municipality = sa.table(
    "municipality",
    *(
        sa.column(name)
        for name in (
            "code",
            "prefecture_code",
            "prefecture",
            "name",
            "kind",
            "population",
            "population_year",
            "population_source",
            "designated_city",
            "core_city",
            "prefectural_capital",
            "row_version",
            "updated_at",
        )
    ),
)


def upgrade() -> None:
    seeded_at = datetime.now(UTC)
    op.bulk_insert(
        municipality,
        [
            {
                "code": g.code,
                "prefecture_code": g.prefecture_code,
                "prefecture": g.prefecture,
                "name": g.name,
                "kind": g.kind.value,
                "population": g.population,
                "population_year": g.population_year,
                "population_source": POPULATION_SOURCE if g.population is not None else None,
                "designated_city": g.designated_city,
                "core_city": g.core_city,
                "prefectural_capital": g.prefectural_capital,
                "row_version": 1,
                "updated_at": seeded_at,
            }
            for g in load_registry()
        ],
    )


def downgrade() -> None:
    op.execute(municipality.delete())
