"""Settings of the finance service (environment variables RENKEI_*)."""

from typing import Literal, Self

from pydantic import Field, model_validator
from renkei_common.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "finance"
    first_fiscal_year: int = Field(default=2024, description="first FY the recompute worker keeps current")
    last_fiscal_year: int = Field(default=2027, description="last FY the recompute worker keeps current")
    recompute_interval_s: float = Field(
        default=0.5,
        gt=0,
        description="how often the worker looks for dirty marks it was not woken for (other replicas)",
    )
    recompute_debounce_s: float = Field(
        # 0: a run starts as soon as marks are committed; the marks committed while it runs make the next
        # run, so bursts batch themselves. 0.02 and 0.05 s were measured side by side: later, and no fewer
        # late events (docs/benchmarks-finance.md).
        default=0.0,
        ge=0,
        description="a run waits until the oldest dirty mark is this old (a burst becomes one run)",
    )
    recompute_worker: Literal["in_process", "separate", "dedicated"] = Field(
        default="in_process",
        description=(
            "where the recompute worker runs: `in_process` beside this process's consumers; `separate`:"
            " not here, this process's commits of dirty marks wake it elsewhere (PostgreSQL NOTIFY);"
            " `dedicated`: this process is that worker, and consumes no event"
        ),
    )

    @model_validator(mode="after")
    def _dedicated_worker_can_listen(self) -> Self:
        # LISTEN holds a server session; PgBouncer's transaction mode hands sessions round between
        # transactions, so notifications would reach no one (or someone else).
        if self.recompute_worker == "dedicated" and self.database_pooler == "pgbouncer":
            raise ValueError(
                "RENKEI_RECOMPUTE_WORKER=dedicated listens for commits (PostgreSQL LISTEN), which"
                " PgBouncer's transaction mode cannot carry: give this process the server's URL and"
                " RENKEI_DATABASE_POOLER=none"
            )
        return self

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))
