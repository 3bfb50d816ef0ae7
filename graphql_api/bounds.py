"""The outer bounds of a /graphql request: its method, its body's size, its time, its client.

An ASGI wrapper, outside strawberry, because strawberry reads the whole body before looking
at it and keeps executing after the client has gone. Here the body is read in chunks and
refused (413) as soon as it passes `max_body_bytes`; the work runs as a task that is
cancelled when `request_timeout_ms` passes (504) or when the server reports the client
disconnected (`http.disconnect` on the receive channel); anything unexpected is a masked 500.
Every refusal has GraphQL's error shape (graphql_api/refusals.py).

Cancellation reaches the work at its next `await`: a command already handed to a worker
thread still finishes there (and its events are recorded); only the answer is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from domain.errors import N_
from graphql_api.errors import INTERNAL_ERROR
from graphql_api.limits import Limits
from graphql_api.refusals import refusal

ALLOWED_METHODS = ("GET", "POST")
logger = logging.getLogger("jejak.graphql")


class BodyTooLarge(Exception):
    """The request body passed the limit."""


class ClientGone(Exception):
    """The server reported that the client disconnected."""


class Exchange:
    """The response side of one request: whether it has started."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


class RequestBounds:
    """ASGI wrapper of the GraphQL endpoint enforcing the HTTP-level limits."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        exchange = Exchange(send)
        if scope["method"] not in ALLOWED_METHODS:
            allow = {"Allow": ", ".join(ALLOWED_METHODS)}
            message = N_("/graphql answers GET and POST, not {method}.")
            answer = refusal(405, message, headers=allow, params={"method": scope["method"]})
            await answer(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.limits.request_timeout_ms / 1000):
                body = await self.read_body(scope, receive)
                await run_until_gone(self.app, scope, body, receive, exchange.send)
        except BodyTooLarge:
            limit = {"limit": self.limits.max_body_bytes}
            await self.answer(
                exchange, scope, 413, N_("The request body is over {limit} bytes."), params=limit
            )
        except TimeoutError:
            limit = {"limit": self.limits.request_timeout_ms}
            await self.answer(
                exchange, scope, 504, N_("The request took over {limit} ms."), params=limit
            )
        except ClientGone:
            return
        except Exception:
            logger.exception("Unexpected error answering %s /graphql", scope["method"])
            await self.answer(exchange, scope, 500, "Unexpected error", INTERNAL_ERROR)

    async def read_body(self, scope: Scope, receive: Receive) -> bytes:
        """The whole body, read chunk by chunk; BodyTooLarge as soon as it passes the limit."""
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limits.max_body_bytes:
            raise BodyTooLarge
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limits.max_body_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    @staticmethod
    async def answer(
        exchange: Exchange,
        scope: Scope,
        status: int,
        message: str,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        """A refusal, unless the response has begun (then the connection just ends)."""
        if not exchange.started:

            async def nothing() -> Message:
                return {"type": "http.disconnect"}

            await refusal(status, message, code, params=params)(scope, nothing, exchange.send)


async def run_until_gone(
    app: ASGIApp, scope: Scope, body: bytes, receive: Receive, send: Send
) -> None:
    """Run `app` on the read `body`; cancel it and raise ClientGone if the client leaves."""
    gone = asyncio.Event()
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        await gone.wait()
        return {"type": "http.disconnect"}

    async def watch() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        gone.set()

    async def serve() -> None:
        await app(scope, replay, send)

    work = asyncio.create_task(serve())
    watcher = asyncio.create_task(watch())
    try:
        await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if not work.done():
            raise ClientGone
        work.result()
    finally:
        for task in (work, watcher):
            task.cancel()
        # Wait for both to end; their outcome, if any, was taken above.
        await asyncio.gather(work, watcher, return_exceptions=True)
