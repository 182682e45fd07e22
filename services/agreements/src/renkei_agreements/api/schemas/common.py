"""Schema pieces every resource shares: codes, ids, text bounds, fiscal years, consensus rules."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Code = Annotated[
    str, Field(pattern=r"^[0-9]{6}$", description="6-digit 団体コード with check digit", examples=["062014"])
]
ResourceId = Annotated[str, Field(min_length=1, max_length=36)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(max_length=10_000)]
Number = Annotated[
    str, Field(min_length=1, max_length=100, description="議案番号, 告示番号 or other reference")
]
FiscalYear = Annotated[
    int, Field(ge=1947, le=2200, description="年度 (April–March), e.g. 2025 for 令和7年度")
]
Day = Annotated[date, Field(ge=date(1947, 1, 1), le=date(2200, 12, 31))]
Limit = Annotated[int, Field(ge=1, le=500)]
DecimalString = Annotated[str, Field(pattern=r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$", description="decimal 0–1")]


class Body(BaseModel):
    """Base of request bodies: unknown fields are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class ConsensusRules(Body):
    """合意形成過程のルール: how partners are consulted and how a proposal is decided (seed §1(1))."""

    text: Annotated[str, Field(max_length=4000, description="the rules as written in the agreement")]
    decision_method: Literal["unanimity", "majority", "consultation_only", "other"] = "unanimity"
    consultation_period_days: Annotated[int | None, Field(ge=0, le=365)] = None
    objection_handling: Annotated[str | None, Field(max_length=2000)] = None


class Page(BaseModel):
    next_cursor: str | None = Field(
        description="pass as `cursor` to read the next page; null on the last one"
    )
