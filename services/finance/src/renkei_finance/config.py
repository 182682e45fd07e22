"""Settings of the finance service (environment variables RENKEI_*)."""

from pydantic import Field
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
        default=0.02,
        ge=0,
        description="a run waits until the oldest dirty mark is this old (a burst becomes one run)",
    )

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))
