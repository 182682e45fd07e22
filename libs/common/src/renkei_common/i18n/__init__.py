"""Messages in the caller's language: keyed catalogues (en, ja), Accept-Language negotiation, numbers.

Code raises `msg(key, **params)` instead of free text; handlers render it in the negotiated language.
Plain Python, so that the domain may use it; the web middleware lives in `renkei_common.i18n.middleware`.
docs/architecture.md ("Messages and languages") says how to add a message; ADR 0012 says why.
"""

from renkei_common.i18n.catalogue import placeholders, render, templates, terms
from renkei_common.i18n.messages import Message, localized, msg, stored, text_in
from renkei_common.i18n.negotiation import DEFAULT_LANGUAGE, LANGUAGES, current_language, negotiate
from renkei_common.i18n.numbers import people, yen
from renkei_common.i18n.validation import validation_message

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Message",
    "current_language",
    "localized",
    "msg",
    "negotiate",
    "people",
    "placeholders",
    "render",
    "stored",
    "templates",
    "terms",
    "text_in",
    "validation_message",
    "yen",
]
