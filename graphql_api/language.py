"""The language a request is answered in: its `Accept-Language`, else JEJAK_LANG, else English.

An ASGI wrapper of /graphql and /exports, outermost, so every refusal (401, 413, 504, …) and
every GraphQL error is shaped in it; the answer says which with `Content-Language`, and
`Vary: Accept-Language` keeps caches from serving one language to another.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.i18n import default_language, language_of, speaking


class RequestLanguage:
    """Makes the request's language current (services/i18n) while the wrapped app answers."""

    def __init__(self, app: ASGIApp, fallback: str | None = None) -> None:
        self.app = app
        self.fallback = default_language() if fallback is None else fallback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = Headers(scope=scope).get("accept-language")
        language = language_of(asked, self.fallback)

        async def labelled(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Language"] = language
                headers.add_vary_header("Accept-Language")
            await send(message)

        with speaking(language):
            await self.app(scope, receive, labelled)
