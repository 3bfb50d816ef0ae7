"""Stop signals of `jejak serve`: what each asks for, in-process, with no database.

Every test first installs a recorder as the signal's handler, so a signal the code under test
raised again would be recorded here instead of ending the test run.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from types import FrameType

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from scripts.serve import GracefulServer, StopSignals


class Recorder:
    """A signal handler that only remembers."""

    def __init__(self) -> None:
        self.received: list[int] = []

    def __call__(self, sig: int, _: FrameType | None) -> None:
        self.received.append(sig)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    """SIGINT and SIGTERM go to a recorder during the test; the old handlers come back after."""
    record = Recorder()
    previous = {sig: signal.signal(sig, record) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield record
    for sig, handler in previous.items():
        signal.signal(sig, handler)


@pytest.fixture
def server() -> GracefulServer:
    return GracefulServer(uvicorn.Config(Starlette()), announce=lambda _: None)


def test_the_first_stop_signal_lets_requests_in_flight_finish(
    server: GracefulServer, recorder: Recorder
) -> None:
    with server.capture_signals():
        signal.raise_signal(signal.SIGTERM)

    assert (server.should_exit, server.force_exit) == (True, False)


@pytest.mark.parametrize("second", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_second_stop_signal_stops_waiting_for_requests_in_flight(
    second: signal.Signals, server: GracefulServer, recorder: Recorder
) -> None:
    with server.capture_signals():
        signal.raise_signal(signal.SIGTERM)
        signal.raise_signal(second)

    assert server.force_exit


def test_uvicorns_signals_are_not_raised_again_once_it_has_stopped(
    server: GracefulServer, recorder: Recorder
) -> None:
    with server.capture_signals():
        signal.raise_signal(signal.SIGTERM)

    assert recorder.received == []
    assert signal.getsignal(signal.SIGTERM) is recorder


def test_a_stop_signal_outside_uvicorn_is_remembered_and_not_raised(recorder: Recorder) -> None:
    with StopSignals() as stop:
        assert not stop.requested
        signal.raise_signal(signal.SIGTERM)
        signal.raise_signal(signal.SIGINT)

    assert stop.received == [signal.SIGTERM, signal.SIGINT]
    assert recorder.received == []
    assert signal.getsignal(signal.SIGINT) is recorder


def slow_app(events: list[str]) -> Starlette:
    """An app whose /slow answers after `seconds`; `events` says what finished, in order."""

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        events.append("lifespan ended")

    async def slow(request: Request) -> PlainTextResponse:
        try:
            await asyncio.sleep(float(request.query_params["seconds"]))
        except asyncio.CancelledError:
            events.append("request cancelled")
            raise
        events.append("request finished")
        return PlainTextResponse("done")

    return Starlette(routes=[Route("/slow", slow)], lifespan=lifespan)


async def serving(events: list[str]) -> tuple[GracefulServer, asyncio.Task[None], str]:
    """A GracefulServer of slow_app on a free port, once it has started; its task and address."""
    config = uvicorn.Config(slow_app(events), host="127.0.0.1", port=0, log_level="critical")
    config.timeout_graceful_shutdown = 10
    server = GracefulServer(config, announce=lambda _: None)
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started)
    return server, task, server.address()


async def until(condition: Callable[[], object], seconds: float = 10.0) -> None:
    """Poll `condition` (uvicorn's state offers nothing to await), at most `seconds`."""
    async with asyncio.timeout(seconds):
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_after_one_stop_signal_a_request_in_flight_finishes_before_the_lifespan_ends(
    recorder: Recorder,
) -> None:
    events: list[str] = []
    server, serving_task, address = await serving(events)
    async with httpx.AsyncClient() as client:
        request = asyncio.create_task(client.get(f"{address}/slow?seconds=0.5"))
        await until(lambda: server.server_state.tasks)

        server.handle_exit(signal.SIGTERM, None)
        response = await asyncio.wait_for(request, 10)
    await asyncio.wait_for(serving_task, 10)

    assert response.status_code == 200
    assert events == ["request finished", "lifespan ended"]


async def test_a_second_stop_signal_cancels_requests_in_flight_and_still_ends_the_lifespan(
    recorder: Recorder,
) -> None:
    events: list[str] = []
    server, serving_task, address = await serving(events)
    async with httpx.AsyncClient() as client:
        request = asyncio.create_task(client.get(f"{address}/slow?seconds=60"))
        await until(lambda: server.server_state.tasks)

        server.handle_exit(signal.SIGTERM, None)
        server.handle_exit(signal.SIGTERM, None)
        await asyncio.wait_for(serving_task, 10)
        with contextlib.suppress(httpx.HTTPError):
            await asyncio.wait_for(request, 10)

    assert events == ["request cancelled", "lifespan ended"]
