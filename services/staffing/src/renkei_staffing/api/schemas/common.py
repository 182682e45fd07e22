"""Schema pieces of the staffing API: the shared ones (renkei_common.api_deps), plus machine codes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from renkei_common.api_deps import Body, Code, Day, FiscalYear, LongText, Page, Public, ResourceId, ShortText
from renkei_common.schema_types import Count, Yen

__all__ = [
    "Body",
    "Code",
    "Count",
    "Day",
    "FiscalYear",
    "LongText",
    "MachineCode",
    "Page",
    "Public",
    "ResourceId",
    "ShortText",
    "Yen",
]

MachineCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,39}$", description="lower-case, digits, _")]
