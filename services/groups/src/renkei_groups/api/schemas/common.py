"""Schema pieces the groups resources share: strict yen and counts, decimal shares, texts, codes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints
from renkei_common.schema_types import Count, Yen

__all__ = [
    "Address",
    "Count",
    "Days",
    "DecimalShare",
    "GroupId",
    "LongText",
    "MachineCode",
    "Name",
    "NoticeNumber",
    "Text",
    "Yen",
]

# Yen and Count are strict (renkei_common.schema_types): a JSON 1.5 or "100" is refused, never coerced.
Days = Annotated[int, Field(strict=True, ge=0, le=3650)]
DecimalShare = Annotated[
    str,
    Field(pattern=r"^[0-9]{1,3}(\.[0-9]{1,6})?$", description="decimal share, e.g. 0.5", examples=["0.5"]),
]
MachineCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$"),
    Field(description="stable machine code (lower snake case)", examples=["area_cleaning"]),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
LongText = Annotated[str, StringConstraints(max_length=10_000)]
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
NoticeNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    Field(examples=["広島市告示第123号"]),
]
GroupId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,20}$")]
