"""Request-validation errors (pydantic's) as keyed messages: English as pydantic says it, other languages
from the catalogue by the error's `type` (`validation.<type>`), and `validation.fallback` for a type that
has no entry, so that a Japanese answer never falls back to English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from renkei_common.i18n.catalogue import templates
from renkei_common.i18n.messages import Message

FALLBACK = "validation.fallback"
PREFIX = "validation."


def validation_message(error: Mapping[str, Any]) -> Message:
    """The message of one pydantic error dict (`type`, `msg`, `ctx`)."""
    kind = str(error.get("type", ""))
    context = dict(error.get("ctx") or {})
    cause = context.pop("error", None)
    if isinstance(cause, Exception) and cause.args and isinstance(cause.args[0], Message):
        return cause.args[0]  # a validator that raised a keyed message says it best itself
    # Pydantic prefixes custom validators' messages; the caller only needs the message itself.
    english = str(error.get("msg", "")).removeprefix("Value error, ")
    params: dict[str, Any] = {name: _plain(value) for name, value in context.items()}
    params["type"] = kind
    key = PREFIX + kind if PREFIX + kind in templates("ja") else FALLBACK
    return Message(key, params, english=english)


def _plain(value: Any) -> Any:
    # ctx values are numbers, strings, or (for literal_error) a text listing the choices.
    return value if isinstance(value, int | float | str) else str(value)
