"""Settings of the finance service (environment variables RENKEI_*)."""

from pydantic import Field
from renkei_common.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "finance"
    first_fiscal_year: int = Field(default=2024, description="first FY the recompute worker keeps current")
    last_fiscal_year: int = Field(default=2027, description="last FY the recompute worker keeps current")
    recompute_interval_s: float = Field(
        default=0.2, gt=0, description="how often the worker looks for dirty cells"
    )
    recompute_debounce_s: float = Field(
        default=0.1, ge=0, description="a cell is recomputed once it has been quiet this long"
    )

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))
