"""The door for trusted documents: a `documentId` request becomes the registered document's.

As the GraphQL-over-HTTP persisted-documents appendix describes it, a layer in front of the
GraphQL view turns a persisted document request (POST body or GET query with `documentId`)
into a GraphQL-over-HTTP request carrying the registered text, and marks the request with the
document's plan (graphql_api/planned_documents.py) so its checks are not made again. Refused
here, in GraphQL's error shape: `query` and `documentId` together (400 BAD_REQUEST), an id not
registered (404 PERSISTED_DOCUMENT_NOT_FOUND), a mutation by GET (405, as the appendix says),
and, with JEJAK_TRUSTED_DOCUMENTS_ONLY=1, any document that is not registered (400
PERSISTED_DOCUMENT_REQUIRED), except GraphiQL's while the development issuer is on.

GraphiQL is told apart by the browser's Fetch Metadata: its requests are `Sec-Fetch-Site:
same-origin`, and Jejak serves no other page that sends GraphQL. A browser page of another
origin cannot forge that header; a program can, which is why the exception holds only with
the development issuer, where anyone on the machine can mint tokens anyway. With an external
issuer (production) there is no exception.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import Headers, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from domain.errors import N_
from graphql_api.planned_documents import PlannedDocument, planned_document
from graphql_api.refusals import BAD_REQUEST, METHOD_NOT_ALLOWED, refusal
from graphql_api.trusted_documents import TrustedDocuments

NOT_FOUND = "PERSISTED_DOCUMENT_NOT_FOUND"
REQUIRED = "PERSISTED_DOCUMENT_REQUIRED"
DOCUMENT_ID = "documentId"


class Refused(Exception):
    """A request this gate answers itself."""

    def __init__(self, status: int, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.params = status, code, message, params


class TrustedDocumentsGate:
    """ASGI wrapper of the GraphQL view: resolves `documentId`, refuses what may not run."""

    def __init__(self, app: ASGIApp, documents: TrustedDocuments, graphiql_open: bool) -> None:
        self.app = app
        self.documents = documents
        self.graphiql_open = graphiql_open  # the development issuer is on

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            if scope["method"] == "GET":
                scope, planned = self.from_query_string(scope, headers)
            else:
                body = await read_body(receive)
                body, planned = self.from_body(body, headers)
                scope, receive = with_body(scope, body, receive)
        except Refused as refused:
            answer = refusal(refused.status, refused.message, refused.code, params=refused.params)
            await answer(scope, receive, send)
            return
        token = planned_document.set(planned)
        try:
            await self.app(scope, receive, send)
        finally:
            planned_document.reset(token)

    def from_query_string(
        self, scope: Scope, headers: Headers
    ) -> tuple[Scope, PlannedDocument | None]:
        """A GET: `documentId` replaced by the registered `query`."""
        params = QueryParams(scope.get("query_string", b""))
        if DOCUMENT_ID not in params and not self.documents.only:
            return scope, None  # a sent document, run as sent
        request = dict(params)
        planned = self.resolve(request, headers, "GET")
        if planned is None or DOCUMENT_ID not in request:
            return scope, planned
        items = [(k, v) for k, v in params.multi_items() if k != DOCUMENT_ID]
        query_string = urlencode([("query", planned.text), *items]).encode()
        return {**scope, "query_string": query_string}, planned

    def from_body(self, body: bytes, headers: Headers) -> tuple[bytes, PlannedDocument | None]:
        """A POST: a JSON object's `documentId` replaced by the registered `query`; any other
        body passes as it came, for the view to answer. A sent document's text is looked up
        (and then runs as planned) only where nothing else may run."""
        if "json" not in headers.get("content-type", ""):
            return body, None
        if DOCUMENT_ID.encode() not in body and not self.documents.only:
            return body, None  # a sent document, run as sent: not even decoded here
        try:
            request = json.loads(body)
        except (ValueError, RecursionError):
            return body, None
        if not isinstance(request, dict):
            return body, None
        planned = self.resolve(request, headers, "POST")
        if planned is None or DOCUMENT_ID not in request:
            return body, planned
        del request[DOCUMENT_ID]
        request["query"] = planned.text
        return json.dumps(request).encode(), planned

    def resolve(
        self, request: dict[str, Any], headers: Headers, method: str
    ) -> PlannedDocument | None:
        """The planned document the request runs (None: a sent, unregistered one), or Refused."""
        query, key = request.get("query"), request.get(DOCUMENT_ID)
        if key is not None:
            if query not in (None, ""):
                raise Refused(
                    400, BAD_REQUEST, N_("Send either `query` or `documentId`, not both.")
                )
            if not isinstance(key, str):
                raise Refused(400, BAD_REQUEST, N_("`documentId` must be a string."))
            planned = self.documents.by_id.get(key)
            if planned is None:
                raise Refused(404, NOT_FOUND, N_("No document is registered as {id}."), id=key)
            name = request.get("operationName") or None
            if method == "GET" and planned.operation_type(name) == "mutation":
                raise Refused(
                    405, METHOD_NOT_ALLOWED, N_("A mutation is sent by POST, not by GET.")
                )
            return planned
        if not isinstance(query, str):
            return None
        if not self.documents.only:
            return None  # a sent document runs as sent
        planned = self.documents.by_text.get(query)
        if planned is None and not self.from_graphiql(headers):
            raise Refused(
                400,
                REQUIRED,
                N_("Only registered documents run here: send a registered `documentId`."),
            )
        return planned

    def from_graphiql(self, headers: Headers) -> bool:
        """A request from Jejak's own GraphiQL page, while the development issuer is on."""
        return self.graphiql_open and headers.get("sec-fetch-site") == "same-origin"


async def read_body(receive: Receive) -> bytes:
    """The whole body (RequestBounds, outside, has bounded it and replays it)."""
    chunks, more = [], True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)


def with_body(scope: Scope, body: bytes, receive: Receive) -> tuple[Scope, Receive]:
    """`scope` and a receive channel that give `body` first, then the original channel."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    headers = [(k, v) for k, v in scope["headers"] if k != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    return {**scope, "headers": headers}, replay
