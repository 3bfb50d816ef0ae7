"""`jejak serve` under uvicorn: SIGTERM and SIGINT end it cleanly, and it says when it listens.

`uvicorn.run` raises the signal it caught again once the server has stopped; SIGTERM's default
action then ends the process before any `finally` runs, and the embedded PostgreSQL outlives
it. Here a signal only ends serving, so the caller stops what it started and exits 0.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType

import uvicorn
from starlette.types import ASGIApp

#: Signals that stop the service: SIGTERM from systemd, Docker and Kubernetes; SIGINT from Ctrl-C.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
#: How long requests in flight may take to finish once a stop signal came.
GRACE_SECONDS = 10

SignalHandler = Callable[[int, FrameType | None], object] | int | None


def say(message: str) -> None:
    """One line on stderr, safe inside a signal handler (print could re-enter its buffer)."""
    os.write(2, f"{message}\n".encode())


class StopSignals:
    """SIGINT and SIGTERM while uvicorn is not listening: remembered, never raised.

    Starting or stopping PostgreSQL is then never cut in half by an exception or by SIGTERM's
    default action; the caller looks at `requested` before each long step.
    """

    def __init__(self) -> None:
        self.received: list[int] = []
        self._previous: dict[int, SignalHandler] = {}

    @property
    def requested(self) -> bool:
        return bool(self.received)

    def __enter__(self) -> StopSignals:
        self._previous = {sig: signal.signal(sig, self._note) for sig in STOP_SIGNALS}
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _note(self, sig: int, _: FrameType | None) -> None:
        if not self.received:
            say(f"{signal.Signals(sig).name}: stopping once this step is done.")
        self.received.append(sig)


class GracefulServer(uvicorn.Server):
    """uvicorn's server, whose stop signals end serving but not the process."""

    def __init__(self, config: uvicorn.Config, announce: Callable[[str], None]) -> None:
        super().__init__(config)
        self.announce = announce

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        """uvicorn's, less raising the signal again at the end: that skips the caller's cleanup."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """The first signal lets requests in flight finish; a second cancels them."""
        name = signal.Signals(sig).name
        if self.should_exit:
            self.force_exit = True
            say(f"{name} again: cancelling requests in flight.")
        else:
            self.should_exit = True
            grace = self.config.timeout_graceful_shutdown
            say(f"{name}: finishing requests in flight (at most {grace} s); again to hurry.")

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's; when hurried, requests in flight are cancelled and the lifespan still ends.

        Hurried, uvicorn skips the lifespan's shutdown: the runtime would then be torn down only
        when the event loop cancels everything, with an error in the log.
        """
        await super().shutdown(sockets)
        if self.force_exit:
            for task in self.server_state.tasks:
                task.cancel(msg="a second stop signal")
            await self.lifespan.shutdown()  # once ended, a second call returns at once

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """Start as uvicorn does, then announce the address: only now does it answer."""
        await super().startup(sockets)
        if self.started:
            self.announce(self.address())

    def address(self) -> str:
        """http://host:port the server listens on (the real port when asked for port 0)."""
        port = self.servers[0].sockets[0].getsockname()[1] if self.servers else self.config.port
        host = f"[{self.config.host}]" if ":" in self.config.host else self.config.host
        return f"http://{host}:{port}"


def serve(app: ASGIApp, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Serve `app` until SIGTERM or SIGINT; return once requests and the lifespan have ended."""
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=GRACE_SECONDS,
    )
    GracefulServer(config, announce).run()
