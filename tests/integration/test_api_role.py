"""The API's database role: SELECT on read models only, made by `ensure_schema` when it can."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import asyncpg
import psycopg
import pytest

from access import access_log
from access.access_log import AccessEntry
from projections.base import READ_SCHEMA
from projections.reader import EventReader
from projections.security import ApiRoleMissing, ensure_api_role
from services.database import Database
from services.read_pool import TenantPool, open_read_pool
from services.runtime import build_personnel, prepare_read_models
from tests.integration.two_tenants import TENANTS, api_role_state, load_two_tenants

pytestmark = pytest.mark.integration

# Tables whose rows gained a tenant column with row-level security, and where older read
# models take it from.
TABLES_GIVEN_A_TENANT = (
    "career_entries", "leave_entries", "event_subjects", "mentoring_meetings",
    "training_participants",
)  # fmt: skip


@pytest.fixture
def two_tenants(database: Database) -> Database:
    load_two_tenants(database)
    return database


@pytest.fixture
async def reader_of_one_tenant(two_tenants: Database) -> AsyncIterator[TenantPool]:
    """The API's read pool scoped to one tenant."""
    pool = await open_read_pool(two_tenants, min_size=1, max_size=1)
    yield TenantPool(pool, TENANTS[0])
    await pool.close()


class Roles:
    """Roles made for one test on the server (roles are the server's, not the database's)."""

    def __init__(self, admin: psycopg.Connection[Any], database: Database) -> None:
        self.admin, self.database = admin, database
        self.logins: list[str] = []
        self.api_roles: list[str] = []

    def login(self, options: str) -> Database:
        """A LOGIN role with `options`, as settings to connect to the test database."""
        self.logins.append(f"jejak_login_{uuid.uuid4().hex[:8]}")
        self.admin.execute(f'CREATE ROLE "{self.logins[-1]}" LOGIN {options}')
        return replace(self.database, user=self.logins[-1], password="")

    def api_role(self) -> str:
        """A name for an API role that does not exist yet."""
        self.api_roles.append(f"jejak_api_{uuid.uuid4().hex[:8]}")
        return self.api_roles[-1]

    def drop(self) -> None:
        for name in [*self.api_roles, *self.logins]:  # a role before the login that made it
            self.admin.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def roles(postgres_server: Database, database: Database) -> Iterator[Roles]:
    with psycopg.connect(**postgres_server.psycopg_kwargs(), autocommit=True) as admin:
        made = Roles(admin, database)
        yield made
        made.drop()


def rows_of(database: Database, table: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return conn.execute(f"SELECT * FROM {READ_SCHEMA}.{table} t ORDER BY t::text").fetchall()


def tables_of(database: Database, schema: str) -> list[str]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,))
        return sorted(name for (name,) in rows)


async def test_the_api_role_may_not_write_to_any_read_model_table(
    two_tenants: Database, reader_of_one_tenant: TenantPool
) -> None:
    for table in tables_of(two_tenants, READ_SCHEMA):
        for statement in ("INSERT INTO {} DEFAULT VALUES", "DELETE FROM {}", "TRUNCATE {}"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await reader_of_one_tenant.execute(statement.format(f"{READ_SCHEMA}.{table}"))
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await reader_of_one_tenant.execute(f"UPDATE {READ_SCHEMA}.employees SET name = 'x'")
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await reader_of_one_tenant.execute(f"CREATE TABLE {READ_SCHEMA}.planted (x int)")


async def test_the_api_role_may_not_read_the_event_store(
    two_tenants: Database, reader_of_one_tenant: TenantPool
) -> None:
    event_store = tables_of(two_tenants, "public")
    assert "jejak_events" in event_store
    for table in event_store:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await reader_of_one_tenant.fetch(f"SELECT * FROM public.{table}")


async def test_the_api_role_reads_the_positions_but_no_other_bookkeeping(
    reader_of_one_tenant: TenantPool,
) -> None:
    positions = await reader_of_one_tenant.fetch(
        f"SELECT * FROM {READ_SCHEMA}.projection_positions"
    )
    assert positions
    for table in ("owned_aggregates", "dead_letters"):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await reader_of_one_tenant.fetch(f"SELECT * FROM {READ_SCHEMA}.{table}")


def test_preparing_the_read_models_again_leaves_grants_and_policies_as_they_were(
    two_tenants: Database,
) -> None:
    before = api_role_state(two_tenants)
    personnel = build_personnel(two_tenants)
    try:
        prepare_read_models(two_tenants, EventReader(personnel))
    finally:
        personnel.close()
    assert api_role_state(two_tenants) == before


def test_read_models_made_before_rows_carried_their_tenant_take_it_from_the_log(
    two_tenants: Database,
) -> None:
    contents = {table: rows_of(two_tenants, table) for table in TABLES_GIVEN_A_TENANT}
    state = api_role_state(two_tenants)
    with psycopg.connect(**two_tenants.psycopg_kwargs()) as conn:
        for table in TABLES_GIVEN_A_TENANT:  # as the tables were before (and so no policy)
            conn.execute(f"ALTER TABLE {READ_SCHEMA}.{table} DROP COLUMN tenant CASCADE")

    personnel = build_personnel(two_tenants)
    try:
        prepare_read_models(two_tenants, EventReader(personnel))
    finally:
        personnel.close()

    # The column comes back last, where a fresh table has it, NOT NULL, filled as projected.
    assert {table: rows_of(two_tenants, table) for table in TABLES_GIVEN_A_TENANT} == contents
    assert api_role_state(two_tenants) == state


def test_an_old_row_whose_event_is_not_in_the_log_stops_the_upgrade_saying_to_rebuild(
    two_tenants: Database,
) -> None:
    with psycopg.connect(**two_tenants.psycopg_kwargs()) as conn:
        conn.execute(f"ALTER TABLE {READ_SCHEMA}.leave_entries DROP COLUMN tenant CASCADE")
        conn.execute(
            f"INSERT INTO {READ_SCHEMA}.leave_entries SELECT 999999, employee_id, leave_type, "
            f"start_on, end_on, days, reason FROM {READ_SCHEMA}.leave_entries LIMIT 1"
        )
    personnel = build_personnel(two_tenants)
    try:
        with pytest.raises(psycopg.errors.RaiseException, match="jejak projections rebuild"):
            prepare_read_models(two_tenants, EventReader(personnel))
    finally:
        personnel.close()


def test_a_login_that_may_create_roles_makes_the_api_role_and_may_act_as_it(
    roles: Roles,
) -> None:
    owner, role = roles.login("CREATEROLE"), roles.api_role()
    with psycopg.connect(**owner.psycopg_kwargs()) as conn, conn.cursor() as cur:
        ensure_api_role(cur, role)
        ensure_api_role(cur, role)  # a second time finds it made
        cur.execute(f'SET ROLE "{role}"')
        cur.execute("SELECT current_user")
        assert cur.fetchone() == (role,)


def test_a_login_that_may_not_create_roles_is_told_what_an_operator_runs(roles: Roles) -> None:
    owner, role = roles.login(""), roles.api_role()
    with (
        psycopg.connect(**owner.psycopg_kwargs()) as conn,
        conn.cursor() as cur,
        pytest.raises(ApiRoleMissing, match=f"CREATE ROLE {role} NOLOGIN; GRANT {role} TO"),
    ):
        ensure_api_role(cur, role)


async def test_the_api_role_appends_to_the_access_log_and_reads_it_for_its_tenant_only(
    two_tenants: Database, reader_of_one_tenant: TenantPool
) -> None:
    personnel = build_personnel(two_tenants)
    try:
        prepare_read_models(two_tenants, EventReader(personnel))  # makes the access log
    finally:
        personnel.close()
    own, other = TENANTS
    read = AccessEntry(datetime.now(UTC), own, "hr-1", "hr_officer", None, "199001012015031001",
                       ("salary",), "corr-1")  # fmt: skip

    await access_log.append(reader_of_one_tenant, [read])
    with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
        await access_log.append(reader_of_one_tenant, [replace(read, tenant=other)])
    for change in ("UPDATE audit.access_log SET viewer = 'x'", "DELETE FROM audit.access_log"):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await reader_of_one_tenant.execute(change)

    logged = await access_log.reads_of(reader_of_one_tenant, own, None, 0, 9)
    assert [(r["viewer"], r["fields"]) for r in logged] == [("hr-1", ["salary"])]
    assert await access_log.reads_of(reader_of_one_tenant, other, None, 0, 9) == []
    unfiltered = await reader_of_one_tenant.fetch("SELECT tenant FROM audit.access_log")
    assert [r["tenant"] for r in unfiltered] == [own]
