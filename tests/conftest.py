"""Shared fixtures: a real PostgreSQL server for the integration and e2e tiers.

With JEJAK_TEST_DATABASE_URL set, tests use that server; otherwise they start a private one
from the pgserver wheel in a temporary folder. Each test that asks for `database` gets a
fresh, empty database on it, so tests never see each other's events.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from services.database import Database, EmbeddedPostgres
from tests.database_copies import drop_templates


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Database]:
    """The PostgreSQL server for this test session (embedded unless configured)."""
    url = os.environ.get("JEJAK_TEST_DATABASE_URL")
    if url:
        try:
            yield Database.from_url(url)
        finally:
            drop_templates()
        return
    # Its own folder, not pytest's numbered ones: pytest deletes the oldest of those when
    # other sessions start, which would pull the data folder from under a running server.
    folder = Path(tempfile.mkdtemp(prefix="jejak-test-pg-"))
    embedded = EmbeddedPostgres(folder / "data")
    try:
        yield embedded.start()
    finally:
        drop_templates()
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database(postgres_server: Database) -> Iterator[Database]:
    """A fresh database on the test server, dropped afterwards."""
    name = f"jejak_test_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(**postgres_server.psycopg_kwargs(), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    db = Database(
        postgres_server.host,
        postgres_server.port,
        postgres_server.user,
        postgres_server.password,
        name,
    )
    yield db
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()
