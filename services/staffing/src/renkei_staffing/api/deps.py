"""Route parameters of the staffing API beside the shared ones (renkei_common.api_deps)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

ResourceId = Annotated[str, Path(min_length=1, max_length=36)]
CodeQuery = Annotated[str | None, Query(pattern=r"^[0-9]{6}$", description="団体コード")]
