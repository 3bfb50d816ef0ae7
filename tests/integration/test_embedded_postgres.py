"""The embedded PostgreSQL: the last user stops it, and what a killed process left is cleared."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from services.database import Database, EmbeddedPostgres
from tests.integration.postgres_leftovers import (
    data_folder,
    is_running,
    postgres_of,
    postmaster_pid,
    wait_until_gone,
)

pytestmark = pytest.mark.integration

REPOSITORY = Path(__file__).resolve().parents[2]
READY_SECONDS = 60.0
EXIT_SECONDS = 30.0


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A data folder whose PostgreSQL is killed after the test, whatever happened in it."""
    with data_folder() as folder:
        yield folder


@pytest.fixture
def owners() -> Iterator[list[subprocess.Popen[str]]]:
    """Other processes the test starts to use the server; killed after it if still running."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(EXIT_SECONDS)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def start_owner(data_dir: Path, owners: list[subprocess.Popen[str]]) -> subprocess.Popen[str]:
    """Another process using the server on `data_dir`, once it has started or joined it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.embedded_owner", str(data_dir)],
        cwd=REPOSITORY,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    owners.append(process)
    assert process.stdout is not None
    readable, _, _ = select.select([process.stdout], [], [], READY_SECONDS)
    assert readable, f"the owner process did not start the server within {READY_SECONDS} s"
    assert process.stdout.readline().strip() == "ready"
    return process


def answers(database: Database) -> bool:
    with psycopg.connect(**database.psycopg_kwargs(), connect_timeout=5) as conn:
        return conn.execute("SELECT 1").fetchone() == (1,)


def test_stopping_the_only_user_stops_the_server_and_removes_its_lock_files(
    data_dir: Path,
) -> None:
    embedded = EmbeddedPostgres(data_dir)
    assert answers(embedded.start())

    embedded.stop()

    assert postgres_of(data_dir) == []
    assert not (data_dir / "postmaster.pid").exists()
    assert list(data_dir.glob(".s.PGSQL.*")) == []


def test_a_server_in_use_by_a_live_process_is_joined_and_outlives_a_user_that_leaves(
    data_dir: Path, owners: list[subprocess.Popen[str]]
) -> None:
    other = start_owner(data_dir, owners)
    postmaster = postmaster_pid(data_dir)
    embedded = EmbeddedPostgres(data_dir)

    assert answers(embedded.start())
    assert postmaster_pid(data_dir) == postmaster
    embedded.stop()
    assert is_running(postmaster)

    # The other user leaves last, and so stops the server.
    assert other.stdin is not None
    other.stdin.close()
    assert other.wait(EXIT_SECONDS) == 0
    assert wait_until_gone(postmaster, EXIT_SECONDS)
    assert postgres_of(data_dir) == []


def test_two_handles_in_one_process_leave_separately(data_dir: Path) -> None:
    first, second = EmbeddedPostgres(data_dir), EmbeddedPostgres(data_dir)
    first.start()
    database = second.start()

    first.stop()
    assert answers(database)
    second.stop()

    assert postgres_of(data_dir) == []


def test_a_server_whose_user_was_killed_is_stopped_and_started_afresh(
    data_dir: Path, owners: list[subprocess.Popen[str]]
) -> None:
    killed = start_owner(data_dir, owners)
    orphan = postmaster_pid(data_dir)
    killed.kill()
    killed.wait(EXIT_SECONDS)
    assert is_running(orphan), "kill -9 of its user leaves the server running"

    embedded = EmbeddedPostgres(data_dir)
    database = embedded.start()

    assert not is_running(orphan)
    assert postmaster_pid(data_dir) != orphan
    assert answers(database)
    embedded.stop()
    assert postgres_of(data_dir) == []


def test_a_killed_postmaster_and_its_lingering_children_do_not_block_the_next_start(
    data_dir: Path, owners: list[subprocess.Popen[str]]
) -> None:
    killed = start_owner(data_dir, owners)
    dead = postmaster_pid(data_dir)
    killed.kill()
    os.kill(dead, 9)
    killed.wait(EXIT_SECONDS)
    assert wait_until_gone(dead, EXIT_SECONDS)

    embedded = EmbeddedPostgres(data_dir)
    database = embedded.start()

    assert answers(database)
    embedded.stop()
    assert postgres_of(data_dir) == []


def test_a_postmaster_pid_file_naming_a_reused_pid_does_not_pass_for_a_running_server(
    data_dir: Path,
) -> None:
    embedded = EmbeddedPostgres(data_dir)
    embedded.start()
    embedded.stop()
    # A stranger now holds the pid the files name, as after a reboot or a long uptime.
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        folder = data_dir.resolve()
        (data_dir / "postmaster.pid").write_text(
            f"{stranger.pid}\n{folder}\n1700000000\n5432\n{folder}\n\n  0  0\nready   \n"
        )
        (data_dir / ".s.PGSQL.5432.lock").write_text(
            f"{stranger.pid}\n{folder}\n1700000000\n5432\n{folder}\n"
        )

        database = embedded.start()

        assert answers(database)
        assert postmaster_pid(data_dir) != stranger.pid
        embedded.stop()
        assert postgres_of(data_dir) == []
    finally:
        stranger.kill()
        stranger.wait(EXIT_SECONDS)


def test_a_running_server_whose_postmaster_pid_was_deleted_is_replaced_not_doubled(
    data_dir: Path, owners: list[subprocess.Popen[str]]
) -> None:
    other = start_owner(data_dir, owners)
    unrecorded = postmaster_pid(data_dir)
    (data_dir / "postmaster.pid").unlink()

    embedded = EmbeddedPostgres(data_dir)
    database = embedded.start()

    assert not is_running(unrecorded)
    postmasters = [p for p in postgres_of(data_dir) if "-D" in p.cmdline()]
    assert [p.pid for p in postmasters] == [postmaster_pid(data_dir)]
    assert answers(database)
    embedded.stop()
    assert other.stdin is not None
    other.stdin.close()
    assert other.wait(EXIT_SECONDS) == 0
    assert postgres_of(data_dir) == []
