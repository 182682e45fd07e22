"""Keyed messages: text that reads as English wherever a string is expected, and renders in any language.

`msg("auth.missing_claim", claim="org")` is a `str` (the English text, so logs, `str(exc)` and existing
callers keep working) that also carries its key and parameters; problem handlers and response models
render it again in the language the caller asked for. A plain `str` is still accepted everywhere and is
answered as it is, in English: the fallback for text nobody has keyed yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from renkei_common.i18n.catalogue import render
from renkei_common.i18n.negotiation import DEFAULT_LANGUAGE, current_language

_NESTED = "$message"


class Message(str):
    """An English text that knows its catalogue key and parameters."""

    key: str
    params: dict[str, Any]
    english: str | None

    def __new__(
        cls, key: str, params: Mapping[str, Any] | None = None, *, english: str | None = None
    ) -> Message:
        """`english` replaces the English template where the English text comes from elsewhere (pydantic)."""
        params = dict(params or {})
        self = super().__new__(cls, english if english is not None else render(key, params, DEFAULT_LANGUAGE))
        self.key = key
        self.params = params
        self.english = english
        return self

    def render(self, language: str) -> str:
        if language == DEFAULT_LANGUAGE and self.english is not None:
            return self.english
        return render(self.key, self.params, language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params, self.english))

    def __repr__(self) -> str:
        return f"msg({self.key!r}, **{self.params!r})"

    def to_json(self) -> dict[str, Any]:
        """Key and parameters as JSON, to store with a record and render again when it is read."""
        data = {"key": self.key, "params": {name: _encode(v) for name, v in self.params.items()}}
        return data if self.english is None else {**data, "english": self.english}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        params = {name: _decode(v) for name, v in dict(data.get("params") or {}).items()}
        return cls(str(data["key"]), params, english=data.get("english"))


def _rebuild(key: str, params: dict[str, Any], english: str | None) -> Message:
    return Message(key, params, english=english)


def msg(key: str, /, **params: Any) -> Message:
    """The message `key` of the catalogues with its parameters; its value is the English text."""
    return Message(key, params)


def text_in(value: str | None, language: str | None = None) -> str | None:
    """`value` in `language` (default: the current request's): a Message rendered, a plain str as it is."""
    if isinstance(value, Message):
        return value.render(language or current_language())
    return value


def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return {_NESTED: value.to_json()}
    if isinstance(value, Enum):
        return _encode(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and _NESTED in value:
        return Message.from_json(value[_NESTED])
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def stored(message: str) -> dict[str, Any]:
    """What to store beside a record's English `message` so that it can be rendered again when read."""
    return {STORED_KEY: message.to_json()} if isinstance(message, Message) else {}


def localized(record: Any, *, field: str = "message", language: str | None = None) -> Any:
    """A stored record (a dict) with `field` rendered in `language` (default: the request's) from what
    `stored` kept; records stored before messages were keyed keep their English text."""
    if not isinstance(record, Mapping) or not isinstance(record.get(STORED_KEY), Mapping):
        return record
    message = Message.from_json(record[STORED_KEY])
    return {**record, field: message.render(language or current_language())}


STORED_KEY = "message_i18n"
