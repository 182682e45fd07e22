"""Typed dependencies of the routes: the database, the If-Match header, pagination."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Response
from renkei_common.app import get_db
from renkei_common.db import Database
from renkei_common.writes import etag_for

DbDep = Annotated[Database, Depends(get_db)]
IfMatch = Annotated[
    str | None,
    Header(max_length=500, description="ETag from a GET; the write is refused (412) if it changed"),
]
CursorQuery = Annotated[str | None, Query(max_length=100, description="next_cursor of the previous page")]
LimitQuery = Annotated[int, Query(ge=1, le=500)]


def set_etag(response: Response, resource_id: str, version: int) -> None:
    response.headers["ETag"] = etag_for(resource_id, version)
