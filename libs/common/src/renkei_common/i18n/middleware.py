"""The web side of languages: the middleware that negotiates each request's and names it in the answer."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from renkei_common.i18n.negotiation import language_var, negotiate


def language_of(connection: HTTPConnection) -> str:
    """The language negotiated for this request (from its own header, so it works in any handler)."""
    return negotiate(connection.headers.get("accept-language"))


def mark_language(headers: MutableHeaders, language: str) -> None:
    """Content-Language, and Vary so that caches keep the languages apart."""
    if "content-language" not in headers:
        headers["Content-Language"] = language
    vary = headers.get("vary")
    if not vary:
        headers["Vary"] = "Accept-Language"
    elif "accept-language" not in vary.lower():
        headers["Vary"] = f"{vary}, Accept-Language"


class LanguageMiddleware:
    """Negotiates the language of each HTTP request and says which one the answer is in."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        language = language_of(HTTPConnection(scope))
        token = language_var.set(language)

        async def send_with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                mark_language(MutableHeaders(scope=message), language)
            await send(message)

        try:
            await self.app(scope, receive, send_with_language)
        finally:
            language_var.reset(token)
