"""Backup and restore with PostgreSQL's own tools, as docs/guides/operator.md tells operators."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from scripts.cli import main
from scripts.database_cli import client_tools
from services.database import Database
from tests.integration.scenarios import Office, database_url

pytestmark = pytest.mark.integration


@pytest.fixture
def empty_database(postgres_server: Database) -> Iterator[Database]:
    """A second, empty database on the test server to restore into."""
    name = f"jejak_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**postgres_server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield Database(
        postgres_server.host, postgres_server.port, postgres_server.user,
        postgres_server.password, name,
    )  # fmt: skip
    with psycopg.connect(**postgres_server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def events(database: Database) -> list[tuple[object, ...]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return conn.execute(
            "SELECT notification_id, originator_id, originator_version, topic, state"
            " FROM jejak_events ORDER BY notification_id"
        ).fetchall()


def test_database_url_prints_the_connection_string_psql_connects_with(
    database: Database, office: Office, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", database_url(database))

    assert main(["database", "url"]) == 0
    url = capsys.readouterr().out.strip()
    asked = subprocess.run(
        [str(client_tools() / "psql"), url, "-At", "-c", "SELECT count(*) FROM jejak_events"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip

    assert int(asked.stdout) == len(events(database)) > len(office.nips)


def test_a_pg_dump_restored_into_an_empty_database_holds_the_same_log_and_rebuilds(
    database: Database, office: Office, empty_database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dump = tmp_path / "jejak.dump"
    tools = client_tools()
    subprocess.run(
        [str(tools / "pg_dump"), "--format=custom", f"--file={dump}", database.conninfo()],
        check=True,
    )
    subprocess.run(
        [str(tools / "pg_restore"), "--no-owner", "--no-privileges",
         f"--dbname={empty_database.conninfo()}", str(dump)],
        check=True,
    )  # fmt: skip

    assert events(empty_database) == events(database)
    monkeypatch.setenv("DATABASE_URL", database_url(empty_database))
    assert main(["projections", "rebuild"]) == 0
