"""Accept-Language negotiation (RFC 9110 §12.5.4) and the language of the request being served."""

from __future__ import annotations

from contextvars import ContextVar

LANGUAGES = ("en", "ja")
DEFAULT_LANGUAGE = "en"

# Set by LanguageMiddleware for one request, so that response models (requirement warnings) can render
# their messages in the caller's language without every use case passing it along.
language_var: ContextVar[str] = ContextVar("renkei_language", default=DEFAULT_LANGUAGE)


def current_language() -> str:
    """The negotiated language of the request being served; English outside a request."""
    return language_var.get()


def negotiate(accept_language: str | None) -> str:
    """The best of LANGUAGES for an Accept-Language header: "ja-JP,en;q=0.5" -> "ja"; unknown -> "en".

    Ranges are matched by their primary subtag (ja-JP counts as ja); q=0 refuses a language; among equal
    weights the first listed wins; `*` stands for the default.
    """
    if not accept_language:
        return DEFAULT_LANGUAGE
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(accept_language.split(",")):
        tag, _, params = item.strip().partition(";")
        weight = _weight(params)
        primary = tag.strip().lower().split("-")[0]
        language = DEFAULT_LANGUAGE if primary == "*" else primary
        if language not in LANGUAGES or weight <= 0:
            continue
        candidate = (-weight, position, language)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else DEFAULT_LANGUAGE


def _weight(params: str) -> float:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                return 0.0  # a malformed weight: ignore the range rather than guess
            return weight if 0 <= weight <= 1 else 0.0
    return 1.0
