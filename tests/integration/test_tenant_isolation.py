"""Row-level security keeps tenants apart on the read side, even for a query with no filter."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from domain.errors import InvalidInput
from domain.policy import NATIONAL
from projections.base import READ_SCHEMA
from projections.security import API_READABLE, API_ROLE, BOOKKEEPING
from scripts.cli import main
from services.database import Database
from services.read_pool import TenantPool, open_read_pool
from tests.integration.scenarios import database_url
from tests.integration.two_tenants import (
    NO_GENERATED_ROWS,
    TENANT_TABLES,
    TENANTS,
    api_role_state,
    rows_by_tenant,
    two_tenants_database,
)

pytestmark = pytest.mark.integration

MULYOREJO, PALANGKARAYA = TENANTS


@pytest.fixture(scope="module")
def two_tenants(postgres_server: Database) -> Iterator[Database]:
    """One database with both tenants' history projected, shared by this module's tests."""
    with two_tenants_database(postgres_server) as database:
        yield database


@pytest.fixture
async def api_pool(two_tenants: Database) -> AsyncIterator[Any]:
    """The API's read pool with one connection, so every read reuses the one before's."""
    pool = await open_read_pool(two_tenants, min_size=1, max_size=1)
    yield pool
    await pool.close()


def test_every_read_model_table_is_tenant_data_or_named_bookkeeping(
    two_tenants: Database,
) -> None:
    state = api_role_state(two_tenants)
    tables = {row[0] for row in state[:-1]}
    assert tables - API_READABLE - BOOKKEEPING == set(TENANT_TABLES)


@pytest.mark.parametrize("table", [t for t in TENANT_TABLES if t not in NO_GENERATED_ROWS])
async def test_an_unfiltered_query_returns_only_the_callers_tenant(
    two_tenants: Database, api_pool: Any, table: str
) -> None:
    expected = rows_by_tenant(two_tenants, table)
    # The policy register's national events (holidays) are the platform's, not a tenant's.
    assert set(expected) - {NATIONAL} == set(TENANTS), "both tenants have rows here"
    # Alternating tenants on the one connection: its prepared statement is reused each time.
    for tenant in (MULYOREJO, PALANGKARAYA, MULYOREJO):
        rows = await TenantPool(api_pool, tenant).fetch(f"SELECT * FROM {READ_SCHEMA}.{table}")
        assert {row["tenant"] for row in rows} == {tenant}
        assert len(rows) == expected[tenant]


@pytest.mark.parametrize("table", TENANT_TABLES)
async def test_without_a_tenant_an_unfiltered_query_returns_nothing(
    api_pool: Any, table: str
) -> None:
    assert await TenantPool(api_pool, None).fetch(f"SELECT * FROM {READ_SCHEMA}.{table}") == []


async def test_a_connection_given_back_forgets_its_tenant_but_stays_the_api_role(
    api_pool: Any,
) -> None:
    await TenantPool(api_pool, PALANGKARAYA).fetch(f"SELECT * FROM {READ_SCHEMA}.employees")
    # The pool's one connection, as the next request without a tenant gets it.
    setting = await api_pool.fetchval("SELECT current_setting('jejak.tenant', true)")
    assert setting in ("", None)
    assert await api_pool.fetchval("SELECT current_user") == API_ROLE
    assert await api_pool.fetch(f"SELECT * FROM {READ_SCHEMA}.employees") == []


async def test_reset_role_cannot_turn_the_api_role_back_into_the_owner(api_pool: Any) -> None:
    async with api_pool.acquire() as connection:
        await connection.execute("RESET ROLE")
        await connection.execute("RESET ALL")
        assert await connection.fetchval("SELECT current_user") == API_ROLE


async def test_statements_on_one_acquired_connection_all_see_the_tenant(
    two_tenants: Database, api_pool: Any
) -> None:
    async with TenantPool(api_pool, MULYOREJO).acquire() as connection:
        units = await connection.fetch(f"SELECT tenant FROM {READ_SCHEMA}.units")
        employees = await connection.fetchval(f"SELECT count(*) FROM {READ_SCHEMA}.employees")
    assert {row["tenant"] for row in units} == {MULYOREJO}
    assert employees == rows_by_tenant(two_tenants, "employees")[MULYOREJO]


async def test_after_projections_rebuild_the_same_grants_and_policies_hold(
    two_tenants: Database, api_pool: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = api_role_state(two_tenants)
    monkeypatch.setenv("DATABASE_URL", database_url(two_tenants))

    assert main(["projections", "rebuild"]) == 0

    assert api_role_state(two_tenants) == before
    for table in (t for t in TENANT_TABLES if t not in NO_GENERATED_ROWS):
        rows = await TenantPool(api_pool, PALANGKARAYA).fetch(
            f"SELECT tenant FROM {READ_SCHEMA}.{table}"
        )
        assert {row["tenant"] for row in rows} == {PALANGKARAYA}, table
        assert await TenantPool(api_pool, None).fetch(f"SELECT * FROM {READ_SCHEMA}.{table}") == []


def test_a_tenant_code_that_is_not_a_slug_is_refused_before_any_statement() -> None:
    with pytest.raises(InvalidInput):
        TenantPool(None, "x'; RESET ROLE; --")
