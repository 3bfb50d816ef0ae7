"""`jejak serve` as operators run it: SIGTERM or SIGINT stops it and its PostgreSQL, exit 0.

Each test starts the real command on its own data folder (no DATABASE_URL, no --demo), in its
own working directory; every wait is bounded, and whatever a failing test leaves running is
killed afterwards.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.integration.postgres_leftovers import (
    data_folder,
    is_running,
    postgres_of,
    postmaster_pid,
)

pytestmark = pytest.mark.integration

JEJAK = Path(sys.executable).with_name("jejak")
LISTENING = "Jejak on http://"
START_SECONDS = 120.0  # initdb and the runtime, on a busy two-core machine
STOP_SECONDS = 30.0  # requests' grace (10 s), the lifespan, PostgreSQL's fast shutdown


@dataclass
class Serve:
    """One `jejak serve` process and where it writes."""

    process: subprocess.Popen[bytes]
    output: Path
    base: str

    def said(self) -> str:
        return self.output.read_text(errors="replace")


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A data folder whose PostgreSQL is killed after the test, whatever happened in it."""
    with data_folder() as folder:
        yield folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_serve(data_dir: Path, output: Path) -> subprocess.Popen[bytes]:
    """`jejak serve` on a free port with its embedded PostgreSQL in `data_dir`."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["JEJAK_DATA_DIR"] = str(data_dir)
    with output.open("wb") as out:
        return subprocess.Popen(
            [str(JEJAK), "serve", "--port", str(free_port())],
            cwd=data_dir.parent,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@contextmanager
def serving(data_dir: Path, output: Path) -> Iterator[Serve]:
    """`jejak serve` on `data_dir`, once it has said it listens; killed afterwards if still up."""
    process = start_serve(data_dir, output)
    try:
        serve = Serve(process, output, "")
        serve.base = wait_until_listening(serve)
        yield serve
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(STOP_SECONDS)


def wait_until_listening(serve: Serve) -> str:
    """The address serve says it listens on, once it says so."""
    deadline = time.monotonic() + START_SECONDS
    while (found := re.search(rf"{LISTENING}(\S+)/graphql", serve.said())) is None:
        if serve.process.poll() is not None:
            pytest.fail(f"serve exited with {serve.process.returncode}:\n{serve.said()}")
        if time.monotonic() > deadline:
            pytest.fail(f"serve did not listen within {START_SECONDS} s:\n{serve.said()}")
        time.sleep(0.1)
    return f"http://{found.group(1)}"


def healthz(serve: Serve) -> int:
    return httpx.get(f"{serve.base}/healthz", timeout=5.0).status_code


def stop(serve: Serve, *signals: signal.Signals) -> int:
    """Send `signals` one after the other; the exit code, within STOP_SECONDS."""
    for stop_signal in signals:
        serve.process.send_signal(stop_signal)
    try:
        return serve.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"serve still ran {STOP_SECONDS} s after {signals}:\n{serve.said()}")


def connections_still_held(server_log: str) -> set[str]:
    """Backends PostgreSQL's shutdown ended while their client still held the connection.

    On a busy machine a backend may not yet have read its client's goodbye when the shutdown
    comes: it is ended too, but its farewell then finds the socket closed, and it says so.
    """
    ended = re.findall(r"\[(\d+)\] FATAL:  terminating connection due to administrator", server_log)
    closed = re.findall(r"\[(\d+)\] LOG:  could not send data to client", server_log)
    return set(ended) - set(closed)


def test_serve_says_it_listens_only_once_healthz_answers(data_dir: Path, tmp_path: Path) -> None:
    with serving(data_dir, tmp_path / "serve.out") as serve:
        # No retry: the line is printed once uvicorn has bound the port and run the lifespan.
        assert healthz(serve) == 200
        assert stop(serve, signal.SIGTERM) == 0


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_stop_signal_ends_serve_with_exit_code_0_and_stops_its_postgresql(
    stop_signal: signal.Signals, data_dir: Path, tmp_path: Path
) -> None:
    with serving(data_dir, tmp_path / "serve.out") as serve:
        assert healthz(serve) == 200
        postmaster = postmaster_pid(data_dir)

        assert stop(serve, stop_signal) == 0

    assert not is_running(postmaster)
    assert postgres_of(data_dir) == []
    assert not (data_dir / "postmaster.pid").exists()
    server_log = (data_dir / "log").read_text(errors="replace")
    assert "database system is shut down" in server_log
    # The lifespan had closed every connection before PostgreSQL was asked to stop.
    assert connections_still_held(server_log) == set(), serve.said()


def test_a_stop_signal_while_serve_starts_up_stops_postgresql_too(
    data_dir: Path, tmp_path: Path
) -> None:
    process = start_serve(data_dir, tmp_path / "serve.out")
    try:
        deadline = time.monotonic() + START_SECONDS
        while not (data_dir / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)  # PostgreSQL is starting, or the runtime opening

        assert process.wait(STOP_SECONDS) == 0
        assert postgres_of(data_dir) == []
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(STOP_SECONDS)


def test_a_second_signal_while_stopping_still_stops_postgresql(
    data_dir: Path, tmp_path: Path
) -> None:
    with serving(data_dir, tmp_path / "serve.out") as serve:
        assert healthz(serve) == 200

        assert stop(serve, signal.SIGTERM, signal.SIGINT) == 0

    assert postgres_of(data_dir) == []
    assert connections_still_held((data_dir / "log").read_text(errors="replace")) == set()
    assert '"level": "ERROR"' not in serve.said()


def test_after_a_kill_9_the_next_serve_replaces_the_orphaned_postgresql_and_stops_it(
    data_dir: Path, tmp_path: Path
) -> None:
    with serving(data_dir, tmp_path / "killed.out") as killed:
        orphan = postmaster_pid(data_dir)
        killed.process.kill()
        killed.process.wait(STOP_SECONDS)
    assert is_running(orphan), "kill -9 of serve leaves its PostgreSQL running"

    with serving(data_dir, tmp_path / "next.out") as serve:
        assert healthz(serve) == 200
        assert not is_running(orphan)

        assert stop(serve, signal.SIGTERM) == 0

    assert postgres_of(data_dir) == []
