"""Schema pieces of the agreements API: the kit's shared ones, and consensus rules, numbers, decimals."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from renkei_common.api_deps import (
    AS_LITERAL,
    Body,
    Code,
    Day,
    FiscalYear,
    LongText,
    Page,
    ResourceId,
    ShortText,
)
from renkei_common.schema_types import Count

from renkei_agreements.domain.consensus import DecisionMethod

__all__ = [
    "AS_LITERAL",
    "Body",
    "Code",
    "ConsensusRules",
    "Day",
    "DecimalString",
    "FiscalYear",
    "LongText",
    "Number",
    "Page",
    "ResourceId",
    "ShortText",
]

Number = Annotated[
    str, Field(min_length=1, max_length=100, description="議案番号, 告示番号 or other reference")
]
DecimalString = Annotated[str, Field(pattern=r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$", description="decimal 0–1")]


class ConsensusRules(Body):
    """合意形成過程のルール: how partners are consulted and how a proposal is decided (seed §1(1))."""

    text: Annotated[str, Field(max_length=4000, description="the rules as written in the agreement")]
    decision_method: Annotated[DecisionMethod, AS_LITERAL] = DecisionMethod.UNANIMITY
    consultation_period_days: Annotated[Count, Field(le=365)] | None = None
    objection_handling: Annotated[str | None, Field(max_length=2000)] = None
