"""Servers under uvicorn, each in its own process, on a free local port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

from scripts.bench.identity import server_environment
from services.database import Database

GRAPHQL_APP = "scripts.bench.apps:graphql_app"
PLAIN_APP = "scripts.bench.apps:plain_app"


def database_url(database: Database) -> str:
    """A DATABASE_URL for `database` (its host may be a socket directory)."""
    auth = f"{quote(database.user)}:{quote(database.password)}"
    return (
        f"postgresql://{auth}@/{quote(database.dbname)}"
        f"?host={quote(database.host)}&port={database.port}"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(
    factory: str, database: Database, workers: int, log: Path,
    environment: Mapping[str, str] | None = None,
) -> Iterator[str]:  # fmt: skip
    """Start `factory` under uvicorn with `workers` (and `environment` over the benchmark's
    identity variables); yields its base URL once it answers."""
    port = _free_port()
    env = dict(os.environ, DATABASE_URL=database_url(database), **server_environment())
    env.update(environment or {})
    argv = [sys.executable, "-m", "uvicorn", "--factory", factory, "--host", "127.0.0.1"]
    argv += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    argv += ["--no-access-log"]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as errors:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            argv, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"The server did not answer within 60 s; see {log}")
