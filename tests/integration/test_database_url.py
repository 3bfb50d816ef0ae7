"""The options of DATABASE_URL reach every connection Jejak makes: psycopg's, the event store's
and asyncpg's, the API's read pool included (its role added to them, not in their place)."""

from __future__ import annotations

import asyncpg
import psycopg
import pytest

from projections.runner import ProjectionRunner
from projections.security import API_ROLE
from services.database import Database
from services.read_pool import open_read_pool
from services.runtime import build_personnel
from tests.integration.scenarios import database_url

pytestmark = pytest.mark.integration

NAME = "jejak-url-test"
SHOW = (
    "SELECT current_setting('application_name') AS name, "
    "current_setting('statement_timeout') AS timeout"
)


@pytest.fixture
def configured(database: Database) -> Database:
    """The test database as a DATABASE_URL with an application name and a server option."""
    options = f"&application_name={NAME}&options=-c%20statement_timeout%3D4321"
    return Database.from_url(database_url(database) + options)


def test_psycopg_connections_carry_the_urls_options(configured: Database) -> None:
    with psycopg.connect(**configured.psycopg_kwargs()) as conn:
        assert conn.execute(SHOW).fetchone() == (NAME, "4321ms")


def test_the_event_stores_connections_carry_the_urls_options(configured: Database) -> None:
    personnel = build_personnel(configured)
    try:
        with personnel.recorder.datastore.transaction(commit=False) as cur:  # type: ignore[attr-defined]
            cur.execute(SHOW)
            row = cur.fetchone()
    finally:
        personnel.close()

    assert row == {"name": NAME, "timeout": "4321ms"}


async def test_asyncpg_connections_carry_the_urls_options(configured: Database) -> None:
    connection = await asyncpg.connect(**configured.asyncpg_kwargs())
    try:
        assert tuple(await connection.fetchrow(SHOW)) == (NAME, "4321ms")
    finally:
        await connection.close()


async def test_the_read_pool_acts_as_the_api_role_with_the_urls_options(
    configured: Database, runner: ProjectionRunner
) -> None:
    pool = await open_read_pool(configured, min_size=1, max_size=1)
    try:
        row = await pool.fetchrow(f"{SHOW}, current_user")
    finally:
        await pool.close()

    assert tuple(row) == (NAME, "4321ms", API_ROLE)
