"""Request input rules every service shares: clean text in every string field, and strict integers for money.

`RequestModel` is the base of request bodies. Every `str` in it, however deeply nested (lists, dicts,
optional fields, nested models), refuses
- U+0000 and the other C0 control characters except TAB, LF and CR, and DEL (`no_control_characters`):
  PostgreSQL cannot store U+0000 in `text` or `jsonb` (a 500), SQLite stores it silently, and neither
  belongs in a name or a title;
- lone surrogates (`valid_unicode`): JSON's `\\ud800` escape yields them, and they cannot be encoded
  as UTF-8, so no database can store them.
Each refusal is a 422 naming the field (`body.members[1].code`). `text_guard` applies the same rules to
query and path parameters; the shared app factory installs it on every route.

`Yen`, `Count` and `Population` are strict: a JSON integer only. Pydantic's lax mode would take "1000",
"1_000", 1000.0 and even `true` as 1000 (JSON Schema draft 2020-12 calls 1000.0 an integer, but an amount
written as a float is a client bug worth refusing).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, Strict
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from renkei_common.errors import FieldError, Unprocessable
from renkei_common.i18n import msg

__all__ = [
    "Count",
    "Population",
    "RequestModel",
    "Yen",
    "check_text",
    "text_guard",
    "text_problem",
]

# C0 controls except TAB (09), LF (0A) and CR (0D), and DEL: never part of a name, a title or a note.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

NO_CONTROL_CHARACTERS = "no_control_characters"
VALID_UNICODE = "valid_unicode"

Yen = Annotated[int, Strict(), Field(ge=0, le=10**13, description="integer yen")]
Count = Annotated[int, Strict(), Field(ge=0, le=10**9)]
# Japan's population is about 124 million; the bound only stops absurd input.
Population = Annotated[int, Strict(), Field(ge=0, le=200_000_000, description="number of residents")]


def text_problem(value: str) -> tuple[str, str] | None:
    """(rule, message) when `value` breaks a text rule, else None."""
    if control := _CONTROL.search(value):
        character = f"U+{ord(control.group()):04X}"
        return NO_CONTROL_CHARACTERS, msg("text.no_control_characters", character=character)
    if surrogate := _SURROGATE.search(value):
        return VALID_UNICODE, msg("text.valid_unicode", character=f"U+{ord(surrogate.group()):04X}")
    return None


def check_text(value: Any) -> Any:
    """A pydantic validator: pass `value` on unless it is a string that breaks a text rule."""
    if isinstance(value, str) and (problem := text_problem(value)):
        # The message as context too, so that the 422 handler finds its key and renders it per language.
        raise PydanticCustomError(problem[0], problem[1], {"error": ValueError(problem[1])})
    return value


def _check_anything(value: Any) -> Any:
    # For `Any` fields: the rules hold for every string inside, keys included.
    if isinstance(value, str):
        return check_text(value)
    if isinstance(value, Mapping):
        for key, item in value.items():
            _check_anything(key)
            _check_anything(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_anything(item)
    return value


def _is_guard(schema: Mapping[str, Any]) -> bool:
    function = schema.get("function")
    return isinstance(function, Mapping) and function.get("function") in (check_text, _check_anything)


def _guard(schema: Any) -> Any:
    """`schema` with every str (and Any) schema in it wrapped in the text check."""
    if isinstance(schema, list):
        return [_guard(item) for item in schema]
    if isinstance(schema, tuple):
        return tuple(_guard(item) for item in schema)
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") in ("function-before", "function-after") and _is_guard(schema):
        return schema  # a nested RequestModel guarded its own fields already
    # Serialisation and metadata describe output and docs, not what is validated.
    guarded = {k: v if k in ("serialization", "metadata") else _guard(v) for k, v in schema.items()}
    if guarded.get("type") == "str":
        # Before the str schema itself, so that a NUL is reported as such, not as a pattern mismatch.
        return core_schema.no_info_before_validator_function(check_text, guarded)
    if guarded.get("type") == "any":
        return core_schema.no_info_after_validator_function(_check_anything, guarded)
    return guarded


class RequestModel(BaseModel):
    """Base of request bodies: unknown fields are refused, and every text field refuses control characters
    and broken Unicode (see the module docstring)."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema: CoreSchema = _guard(handler(source))
        return schema


async def text_guard(request: Request) -> None:
    """Refuse query and path parameters that break the text rules, each named (`query.prefecture`)."""
    errors = []
    for location, params in (("path", request.path_params), ("query", request.query_params)):
        for name, value in params.items():
            if isinstance(value, str) and (problem := text_problem(value)):
                errors.append(FieldError(field=f"{location}.{name}", rule=problem[0], message=problem[1]))
    if errors:
        raise Unprocessable(errors=errors, detail=errors[0].message if len(errors) == 1 else None)
