"""The HTTP bounds of /graphql: method, body size, time and the client's presence.

The wrapped app here stands in for strawberry's view: a slow one, to see work cancelled.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from graphql_api.bounds import RequestBounds
from graphql_api.limits import Limits

LIMITS = Limits(max_body_bytes=100, request_timeout_ms=200)


@dataclass
class Client:
    """The server side of one connection: what the app received and sent."""

    chunks: list[bytes]
    disconnect_after: float | None = None  # seconds after the body, None: stays connected
    received: int = 0
    sent: list[Message] = field(default_factory=list)

    async def receive(self) -> Message:
        if self.received < len(self.chunks):
            self.received += 1
            more = self.received < len(self.chunks)
            return {"type": "http.request", "body": self.chunks[self.received - 1],
                    "more_body": more}  # fmt: skip
        if self.disconnect_after is None:
            await asyncio.Event().wait()
        await asyncio.sleep(self.disconnect_after or 0)
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        self.sent.append(message)

    def status(self) -> int:
        return int(self.sent[0]["status"])

    def body(self) -> Any:
        return json.loads(b"".join(m.get("body", b"") for m in self.sent[1:]))

    def header(self, name: bytes) -> bytes | None:
        return dict(self.sent[0]["headers"]).get(name)


@dataclass
class SlowApp:
    """Reads the body, then works for `seconds` before answering; notes a cancellation."""

    seconds: float = 0.0
    body: bytes | None = None
    cancelled: bool = False
    fails: bool = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        self.body = message["body"]
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.fails:
            raise RuntimeError("a bug with a secret in its message")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b'{"data": {}}'})


def scope(method: str = "POST", headers: list[tuple[bytes, bytes]] | None = None) -> Scope:
    return {"type": "http", "method": method, "path": "/graphql", "headers": headers or []}


async def test_a_request_within_the_bounds_reaches_the_app_with_its_whole_body() -> None:
    app, client = SlowApp(), Client([b'{"query": ', b'"{ __typename }"}'])
    await RequestBounds(app, LIMITS)(scope(), client.receive, client.send)
    assert app.body == b'{"query": "{ __typename }"}'
    assert client.status() == 200


async def test_a_method_other_than_get_or_post_is_refused_in_graphql_shape() -> None:
    app, client = SlowApp(), Client([b""])
    await RequestBounds(app, LIMITS)(scope("PUT"), client.receive, client.send)
    assert client.status() == 405
    assert client.header(b"allow") == b"GET, POST"
    assert client.body()["errors"][0]["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    assert app.body is None


async def test_a_declared_length_over_the_limit_is_refused_before_reading_the_body() -> None:
    app, client = SlowApp(), Client([b"x" * 1000])
    request = scope(headers=[(b"content-length", b"1000")])
    await RequestBounds(app, LIMITS)(request, client.receive, client.send)
    assert client.status() == 413
    assert client.header(b"content-type") == b"application/json"
    assert client.body() == {
        "data": None,
        "errors": [{"message": "The request body is over 100 bytes.",
                    "extensions": {"code": "REQUEST_TOO_LARGE"}}],
    }  # fmt: skip
    assert client.received == 0


async def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit() -> None:
    app, client = SlowApp(), Client([b"x" * 60] * 10)
    await RequestBounds(app, LIMITS)(scope(), client.receive, client.send)
    assert client.status() == 413
    assert client.received == 2  # 120 bytes read of 600: the rest is never taken in
    assert app.body is None


async def test_a_client_that_disconnects_cancels_the_work() -> None:
    app, client = SlowApp(seconds=30), Client([b"{}"], disconnect_after=0.05)
    started = asyncio.get_running_loop().time()
    await RequestBounds(app, Limits())(scope(), client.receive, client.send)
    assert app.cancelled
    assert asyncio.get_running_loop().time() - started < 5
    assert client.sent == []  # nobody is listening any more


async def test_work_past_the_timeout_is_cancelled_and_answered_504() -> None:
    app, client = SlowApp(seconds=30), Client([b"{}"])
    await RequestBounds(app, LIMITS)(scope(), client.receive, client.send)
    assert app.cancelled
    assert client.status() == 504
    assert client.body()["errors"][0] == {
        "message": "The request took over 200 ms.", "extensions": {"code": "REQUEST_TIMEOUT"},
    }  # fmt: skip


async def test_an_unexpected_error_is_a_masked_500_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app, client = SlowApp(fails=True), Client([b"{}"])
    with caplog.at_level(logging.ERROR, "jejak.graphql"):
        await RequestBounds(app, LIMITS)(scope(), client.receive, client.send)
    assert client.status() == 500
    assert client.body()["errors"][0] == {
        "message": "Unexpected error", "extensions": {"code": "INTERNAL_ERROR"},
    }  # fmt: skip
    assert "a bug with a secret" in caplog.text
