"""The message catalogues, one JSON file per language in this package: templates by key, and terms.

A template is a `str.format` string. Besides the usual format specs, the catalogues use these, so that
numbers are written one way per language: `{n:people}` (40,000人), `{amount:yen}` (¥18,000,000),
`{n:num}` (40,000), `{codes:list}` (a list joined as the language joins lists) and `{what:term}` (a domain
word that a caller passes as English, such as "agreement", looked up in the language's `terms`).
"""

from __future__ import annotations

import json
import logging
import string
from collections.abc import Mapping
from datetime import date
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

from renkei_common.i18n.negotiation import DEFAULT_LANGUAGE, LANGUAGES
from renkei_common.i18n.numbers import as_number, grouped, people, yen

log = logging.getLogger(__name__)

_LIST_SEPARATOR = {"en": ", ", "ja": "、"}


@cache
def catalogue(language: str) -> dict[str, Any]:
    """The parsed catalogue of `language`: {"messages": {key: template}, "terms": {english: word}}."""
    text = resources.files(__package__).joinpath(f"{language}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def templates(language: str) -> dict[str, str]:
    messages: dict[str, str] = catalogue(language)["messages"]
    return messages


def terms(language: str) -> dict[str, str]:
    words: dict[str, str] = catalogue(language).get("terms", {})
    return words


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses: "{name} has {n:people}" -> {"name", "n"}."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def template(key: str, language: str) -> str | None:
    """The template of `key` in `language`, else in English; None when neither catalogue has it."""
    found = templates(language).get(key)
    if found is None and language != DEFAULT_LANGUAGE:
        log.warning("message %s has no %s text; answering in English", key, language)
        found = templates(DEFAULT_LANGUAGE).get(key)
    return found


def translate_term(word: str, language: str) -> str:
    return terms(language).get(word, word)


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        value = localize(value, self.language)
        if format_spec == "people":
            return people(value, self.language)
        if format_spec == "yen":
            return yen(value, self.language)
        if format_spec == "num":
            return grouped(value)
        if format_spec == "term":
            return translate_term(str(value), self.language)
        if format_spec == "list":
            items = value if isinstance(value, list | tuple) else [value]
            return _LIST_SEPARATOR[self.language].join(str(localize(v, self.language)) for v in items)
        if format_spec:
            value = as_number(value) if any(c in format_spec for c in ",_df%") else value
        return super().format_field(value, format_spec)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return super().convert_field(localize(value, self.language), conversion)


def localize(value: Any, language: str) -> Any:
    """A parameter as the template needs it: a nested message rendered, an enum as its value."""
    from renkei_common.i18n.messages import Message

    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def render(key: str, params: Mapping[str, Any], language: str) -> str:
    """The text of message `key` with `params`, in `language` (English when `language` lacks it)."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    text = template(key, language)
    if text is None:
        log.error("message %s is in no catalogue", key)
        return key
    try:
        return _Formatter(language).vformat(text, (), dict(params))
    except (KeyError, IndexError, ValueError, TypeError):
        # A broken template must not turn a 4xx into a 500; the completeness test keeps this from happening.
        log.exception("message %s cannot be rendered in %s with %s", key, language, sorted(params))
        return text
