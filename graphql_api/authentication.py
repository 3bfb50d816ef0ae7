"""The door of /graphql: every request is authenticated once, before strawberry sees it.

A request without a usable identity is answered here with HTTP 401 (403 for a role the token
does not grant) and a GraphQL-shaped body, so no operation, introspection included, runs for
it. Only the GraphiQL page itself (a GET for HTML without a query) passes unauthenticated: it
is static, and every request it then sends carries the token from its headers pane.
"""

from __future__ import annotations

from starlette.datastructures import Headers, QueryParams
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from access.principal import Reason
from graphql_api.errors import Unauthenticated
from graphql_api.identity import Authenticator, Identity
from graphql_api.logging import correlation_id_from
from graphql_api.refusals import refusal

REALM = 'Bearer realm="jejak"'
_UNAVAILABLE = {Reason.ISSUER_UNAVAILABLE.value}


def identity_of(scope: Scope) -> Identity | None:
    """The identity the gate stored for this request, if it ran."""
    identity = scope.get("state", {}).get("identity")
    return identity if isinstance(identity, Identity) else None


def is_ide_page(scope: Scope, headers: Headers) -> bool:
    """Whether strawberry will answer with the GraphiQL page (its own test, mirrored)."""
    query = QueryParams(scope.get("query_string", b""))
    accept = headers.get("accept", "")
    return (
        scope["method"] == "GET"
        and query.get("query") is None
        and query.get("documentId") is None  # a persisted document request (trusted_gate.py)
        and ("text/html" in accept or "*/*" in accept)
    )


class AuthenticationGate:
    """ASGI wrapper of the GraphQL endpoint storing the request's Identity in its state."""

    def __init__(self, app: ASGIApp, authenticator: Authenticator) -> None:
        self.app = app
        self.authenticator = authenticator

    def open_without_token(self, scope: Scope, headers: Headers) -> bool:
        """What passes unauthenticated: the GraphiQL page (it holds no data)."""
        return is_ide_page(scope, headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        if scope["type"] != "http" or self.open_without_token(scope, headers):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        correlation_id = state.get("correlation_id") or correlation_id_from(headers)
        identity = await self.authenticator.identify(headers, correlation_id)
        if identity.caller is None:
            await refused(identity)(scope, receive, send)
            return
        state["identity"] = identity
        await self.app(scope, receive, send)


def refused(identity: Identity) -> JSONResponse:
    """401 with a Bearer challenge; 403 for a role not granted; 503 if the issuer is down."""
    if identity.status == 403:
        return refusal(
            403, identity.problem, "FORBIDDEN", params=identity.params, reason=identity.reason
        )
    if identity.reason in _UNAVAILABLE:
        return refusal(
            503,
            identity.problem,
            Unauthenticated.code,
            params=identity.params,
            reason=identity.reason,
        )
    # RFC 6750 §3.1: a request that sent no credentials gets the challenge without an error.
    challenge = (
        REALM if identity.reason == Reason.TOKEN_MISSING else f'{REALM}, error="invalid_token"'
    )
    headers = {"WWW-Authenticate": challenge}
    return refusal(
        401,
        identity.problem,
        Unauthenticated.code,
        headers,
        params=identity.params,
        reason=identity.reason,
    )
