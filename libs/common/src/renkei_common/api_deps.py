"""What every service's routes share: the database, If-Match, paging, the ETag, and common schema pieces."""

from __future__ import annotations

import dataclasses
import types
from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin, get_type_hints

from fastapi import Depends, Header, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from renkei_common.app import get_db
from renkei_common.db import Database
from renkei_common.events.contracts.base import AS_LITERAL
from renkei_common.schema_types import RequestModel
from renkei_common.writes import etag_for

C = TypeVar("C")
__all__ = [
    "AS_LITERAL",  # Annotated[SomeStrEnum, AS_LITERAL]: an enum field documented and refused as a Literal
    "Body",
    "Code",
    "CursorQuery",
    "Day",
    "DbDep",
    "FiscalYear",
    "IfMatch",
    "LimitQuery",
    "LongText",
    "Page",
    "Public",
    "ResourceId",
    "ShortText",
    "get_db",
    "set_etag",
    "to_command",
]

DbDep = Annotated[Database, Depends(get_db)]
IfMatch = Annotated[
    str | None,
    Header(max_length=500, description="ETag from a GET; the write is refused (412) if it changed"),
]
CursorQuery = Annotated[str | None, Query(max_length=100, description="next_cursor of the previous page")]
LimitQuery = Annotated[int, Query(ge=1, le=500)]

Code = Annotated[
    str, Field(pattern=r"^[0-9]{6}$", description="6-digit 団体コード with check digit", examples=["062014"])
]
ResourceId = Annotated[str, Field(min_length=1, max_length=36)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(max_length=10_000)]
FiscalYear = Annotated[
    int, Field(ge=1947, le=2200, description="年度 (April–March), e.g. 2025 for 令和7年度")
]
Day = Annotated[date, Field(ge=date(1947, 1, 1), le=date(2200, 12, 31))]


class Body(RequestModel):
    """Base of request bodies: unknown fields are refused, so a typo never passes silently; text fields
    refuse control characters and broken Unicode (renkei_common.schema_types)."""


class Public(BaseModel):
    """Base of response bodies read from rows: `Model.model_validate(row)` maps attributes by name."""

    model_config = ConfigDict(from_attributes=True)


class Page(BaseModel):
    next_cursor: str | None = Field(
        description="pass as `cursor` to read the next page; null on the last one"
    )


def set_etag(response: Response, resource_id: str, version: int) -> None:
    response.headers["ETag"] = etag_for(resource_id, version)


def to_command(cls: type[C], body: BaseModel, **extra: Any) -> C:
    """The frozen dataclass `cls` from a request body with the same field names, plus `extra` (path values).

    Nested models become the nested dataclasses (or tuples of them) that `cls` declares, so a use case
    never sees a request schema; fields the command does not declare are an error, not silently dropped.
    """
    return _build(cls, {**{name: getattr(body, name) for name in type(body).model_fields}, **extra})


def _build(cls: type[C], values: dict[str, Any]) -> C:
    hints = get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = set(values) - fields
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    return cls(**{name: _convert(hints[name], value) for name, value in values.items()})


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if isinstance(hint, type) and issubclass(hint, Enum) and not isinstance(value, hint):
        return hint(value)
    if origin is tuple and isinstance(value, list | tuple):
        item = get_args(hint)[0]
        return tuple(_convert(item, v) for v in value)
    if isinstance(value, BaseModel):
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            return _build(hint, {name: getattr(value, name) for name in type(value).model_fields})
        return value.model_dump(mode="json")  # content kept as given, e.g. consensus rules stored as JSON
    return value
