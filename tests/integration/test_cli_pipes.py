"""`jejak … | head`: when the reader of its output goes away, the CLI stops without a traceback.

Each command runs in its own process writing into a real pipe whose reading end is already
closed, as it is once `head` has read what it wanted: every write then fails with EPIPE.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

import pytest

from scripts.cli import main
from scripts.output import CLOSED_PIPE
from services.database import Database
from tests.integration.scenarios import Office, database_url

pytestmark = pytest.mark.integration


def run_into_closed_pipe(database: Database, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`jejak arguments…` with stdout a pipe nobody reads any more."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "scripts.cli", *arguments],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "DATABASE_URL": database_url(database)},
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.fixture
def built(database: Database, office: Office, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Three staff appointed, and the read models built from their events."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    assert main(["projections", "rebuild"]) == 0
    return database


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "employee", "{nip}"],
        ["audit", "employee", "{nip}", "--json"],
        ["projections", "status"],
        ["tenants", "--json"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_ends_the_command_quietly_with_the_sigpipe_code(
    built: Database, office: Office, command: Sequence[str]
) -> None:
    done = run_into_closed_pipe(built, *(part.format(nip=office.nips[0]) for part in command))

    assert (done.returncode, done.stderr) == (CLOSED_PIPE, "")


def test_a_reader_that_stays_gets_the_whole_output_and_exit_zero(
    built: Database, office: Office
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "audit", "employee", office.nips[0]],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url(built)},
        timeout=120,
        check=False,
    )

    assert (done.returncode, done.stderr) == (0, "")
    assert "Employee.Appointed" in done.stdout
