"""`jejak serve --demo` as the README starts it, and `jejak` commands run beside it.

The server runs in its own folder (so its development signing key, `.jejak/dev-issuer`, is the
one `jejak token` uses there) on a free port, with the embedded PostgreSQL in that folder;
every wait is bounded.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

JEJAK = Path(sys.executable).with_name("jejak")
START_SECONDS = 300.0  # initdb and 500 generated employees, on a busy two-core machine
STOP_SECONDS = 30.0  # requests' grace (10 s), the lifespan, PostgreSQL's fast shutdown
COMMAND_SECONDS = 120.0
LISTENING = re.compile(r"Jejak on (http://\S+)/graphql")
TOKEN_LINE = re.compile(r"^\s+(?P<role>[a-z_]+)\s+(?P<user>\S+)\s+(?P<token>eyJ\S+)$", re.M)
OURS = ("DATABASE_URL", "JEJAK_OIDC_ISSUER", "JEJAK_DEV_ISSUER_URL", "JEJAK_DEV_ISSUER_KEY")


@dataclass
class Demo:
    """A running demo server: its process, folder, address and the tokens it printed."""

    process: subprocess.Popen[bytes]
    home: Path
    env: dict[str, str]
    base: str = ""
    tokens: dict[str, str] = field(default_factory=dict)  # role -> bearer token
    users: dict[str, str] = field(default_factory=dict)  # role -> the user it names

    def said(self) -> str:
        return (self.home / "serve.log").read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_demo(data_dir: Path) -> Demo:
    """`jejak serve --demo` on a free port with its PostgreSQL in `data_dir`, once it listens."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in OURS}
    env |= {
        "JEJAK_DATA_DIR": str(data_dir),
        "JEJAK_DEV_ISSUER_URL": f"http://127.0.0.1:{port}/dev-issuer",  # for `jejak token`
    }
    home = data_dir.parent
    with (home / "serve.log").open("wb") as out:
        process = subprocess.Popen(
            [str(JEJAK), "serve", "--demo", "--port", str(port)],
            cwd=home, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    demo = Demo(process, home, env)
    deadline = time.monotonic() + START_SECONDS
    while (found := LISTENING.search(demo.said())) is None:
        if process.poll() is not None:
            raise AssertionError(f"serve --demo exited with {process.returncode}:\n{demo.said()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(
                f"serve --demo did not listen in {START_SECONDS} s:\n{demo.said()}"
            )
        time.sleep(0.2)
    demo.base = found.group(1)
    for line in TOKEN_LINE.finditer(demo.said()):
        demo.tokens[line["role"]] = line["token"]
        demo.users[line["role"]] = line["user"]
    caught_up(demo, deadline)
    return demo


def caught_up(demo: Demo, deadline: float) -> None:
    """Wait until every read model has the demo's events: serve listens while they catch up."""
    while True:
        status = jejak(demo, ["projections", "status", "--json"])
        rows = [json.loads(line) for line in status.stdout.splitlines() if line.strip()]
        if status.returncode == 0 and rows and all(row["lag"] == 0 for row in rows):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the read models did not catch up:\n{status.stdout}")
        time.sleep(1.0)


def jejak(demo: Demo, words: list[str]) -> subprocess.CompletedProcess[str]:
    """A `jejak` command run beside the demo server, in its folder, on its database."""
    return subprocess.run(
        [str(JEJAK), *words], cwd=demo.home, env=demo.env, capture_output=True, text=True,
        timeout=COMMAND_SECONDS, check=False,
    )  # fmt: skip


def stop(demo: Demo) -> int:
    """SIGTERM, as an operator stops it; the exit code, killed if it outlasts STOP_SECONDS."""
    if demo.process.poll() is None:
        demo.process.send_signal(signal.SIGTERM)
    try:
        return demo.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        demo.process.kill()
        demo.process.wait(STOP_SECONDS)
        raise AssertionError(
            f"serve ran on {STOP_SECONDS} s after SIGTERM:\n{demo.said()}"
        ) from None
