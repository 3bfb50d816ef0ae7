"""The read model of registered instansi: written from the registrations, read by the API's
role, and started where the other read models stand when it is added to an older database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from domain.aggregates.org_unit import OrgUnit
from domain.meta import EventMeta
from projections.reader import EventReader
from projections.registry import all_projections
from projections.runner import ProjectionRunner
from projections.tenants import TenantRow, registered_tenants, tenant_by_code
from services.database import Database
from services.personnel import PersonnelApplication
from services.read_pool import open_read_pool
from services.runtime import build_personnel, prepare_read_models
from tests.tenants import REGISTERED_AT, register_tenants

pytestmark = pytest.mark.integration


@pytest.fixture
def writer(database: Database) -> Iterator[PersonnelApplication]:
    application = build_personnel(database)
    yield application
    application.close()


@pytest.fixture
async def api_pool(database: Database, writer: PersonnelApplication) -> AsyncIterator[Any]:
    """The read models made, and a pool reading them as the API's role does."""
    prepare_read_models(database, EventReader(writer))
    pool = await open_read_pool(database, min_size=1, max_size=2)
    yield pool
    await pool.close()


def catch_up(database: Database, writer: PersonnelApplication, **options: Any) -> int:
    runner = ProjectionRunner(database, EventReader(writer), **options)
    try:
        runner.ensure_schema()
        return runner.catch_up()
    finally:
        runner.close()


async def test_each_registration_is_a_row_the_api_role_reads(
    database: Database, writer: PersonnelApplication, api_pool: Any
) -> None:
    # given
    register_tenants(database, "pemkot-palangkaraya", "pemkab-kemuning")
    catch_up(database, writer)
    # when
    everyone = await registered_tenants(api_pool)
    one = await tenant_by_code(api_pool, "pemkab-kemuning")
    # then
    kemuning = TenantRow("pemkab-kemuning", "Pemerintah Kabupaten Kemuning", "PEMKAB",
                         REGISTERED_AT, 2)  # fmt: skip
    assert everyone == [
        kemuning,
        TenantRow("pemkot-palangkaraya", "Pemerintah Kota Palangkaraya", "PEMKOT",
                  REGISTERED_AT, 1),
    ]  # fmt: skip
    assert one == kemuning
    assert await tenant_by_code(api_pool, "pemkot-tidak-ada") is None


def test_added_to_read_models_made_before_it_it_starts_where_they_stand(
    database: Database, writer: PersonnelApplication
) -> None:
    # given a log from before registrations (a unit saved as it was then) and read models
    # made without the tenants projection, caught up with it
    meta = EventMeta("hr-1", "hr_officer", "pemkot-palangkaraya", "before-registrations")
    at = datetime(2024, 1, 2, tzinfo=UTC)
    writer.save(OrgUnit.create(code="DISDIK", name="Dinas Pendidikan", kind="DINAS",
                               parent_id=None, at=at, meta=meta))  # fmt: skip
    older = [p for p in all_projections() if p.name != "tenants"]
    assert catch_up(database, writer, projections=older) == 1
    # when the tenants read model joins them
    applied = catch_up(database, writer)
    # then nothing is applied again: it starts at their position
    assert applied == 0
    assert positions(database) == {p.name: 1 for p in all_projections()}
    # and a registration after it is projected as usual
    register_tenants(database, "pemkot-palangkaraya")
    assert catch_up(database, writer) == 1
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        assert conn.execute("SELECT code, position FROM rm.tenants").fetchall() == [
            ("pemkot-palangkaraya", 2)
        ]


def positions(database: Database) -> dict[str, int]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return dict(conn.execute("SELECT name, position FROM rm.projection_positions").fetchall())


def test_a_fresh_database_projects_the_registration_from_the_start(
    database: Database, writer: PersonnelApplication
) -> None:
    register_tenants(database, "pemkot-palangkaraya")
    assert catch_up(database, writer) == 1
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute("SELECT code, kind, registered_at, position FROM rm.tenants").fetchall()
    assert rows == [("pemkot-palangkaraya", "PEMKOT", datetime(1985, 1, 2, tzinfo=UTC), 1)]
