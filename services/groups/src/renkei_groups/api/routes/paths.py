"""Path parameters the groups routes share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

GroupPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,20}$", description="the group's id (its org)")]
RequestPath = Annotated[str, Path(max_length=36)]
ContractPath = Annotated[str, Path(max_length=36)]
