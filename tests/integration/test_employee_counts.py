"""Head counts kept beside the employees table: always what counting the employee rows gives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import psycopg
import pytest

from domain.aggregates.org_unit import OrgUnit
from projections.employees import EmployeeFilter, list_employees
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.runner import ProjectionRunner
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from tests.integration.scenarios import TENANT, record_careers

pytestmark = pytest.mark.integration

BY_UNIT = "tenant, unit_id, unit_path, status"
BY_SUBTREE = "tenant, unit_id, status"
BY_COMBINATION = "tenant, unit_id, unit_path, employment_type, golongan, jabatan_kind, status"


def rows(database: Database, query: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return conn.execute(query).fetchall()


def counted(database: Database, group: str) -> list[tuple[Any, ...]]:
    """Employee rows counted per group, the way the kept counts must add up."""
    query = f"SELECT {group}, count(*) FROM rm.employees GROUP BY {group} ORDER BY {group}"
    return rows(database, query)


def counted_by_subtree(database: Database) -> list[tuple[Any, ...]]:
    """Employee rows counted for every unit on their path: the unit and all above it."""
    return rows(
        database,
        "SELECT e.tenant, a.id::uuid, e.status, count(*) FROM rm.employees e "
        "CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from e.unit_path), '/')) a(id) "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )


def kept(database: Database, table: str, group: str) -> list[tuple[Any, ...]]:
    return rows(database, f"SELECT {group}, n FROM rm.{table} ORDER BY {group}")


@pytest.fixture
def careers(personnel: PersonnelApplication, caller: Caller) -> int:
    """Thirty careers: promotions, a jabatan change, transfers, leave, awards, resignations."""
    return record_careers(personnel, caller, employees=30)


@pytest.fixture
async def pool(database: Database) -> AsyncIterator[asyncpg.Pool]:
    created = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=2)
    yield created
    await created.close()


def test_the_totals_per_unit_and_status_agree_with_the_employee_rows_batch_by_batch(
    database: Database, reader: EventReader, runner: ProjectionRunner, careers: int
) -> None:
    runner.batch_size = 7  # each career spans many batches
    while runner.process_batch():
        assert kept(database, "employee_totals", BY_UNIT) == counted(database, BY_UNIT)
    statuses = {row[3] for row in counted(database, BY_UNIT)}
    assert statuses == {"ACTIVE", "ENDED"}


def test_the_subtree_totals_agree_with_the_employee_rows_batch_by_batch(
    database: Database, reader: EventReader, runner: ProjectionRunner, careers: int
) -> None:
    runner.batch_size = 7
    while runner.process_batch():
        assert kept(database, "employee_subtree_totals", BY_SUBTREE) == counted_by_subtree(database)
    root = OrgUnit.id_for(TENANT, "SETDA")
    [(everyone,)] = rows(database, "SELECT count(*) FROM rm.employees")
    [(at_root,)] = rows(
        database, f"SELECT sum(n) FROM rm.employee_subtree_totals WHERE unit_id = '{root}'"
    )
    assert at_root == everyone > 0


def test_the_combinations_agree_with_the_employee_rows_batch_by_batch(
    database: Database, reader: EventReader, runner: ProjectionRunner, careers: int
) -> None:
    runner.batch_size = 7
    while runner.process_batch():
        assert kept(database, "employee_counts", BY_COMBINATION) == counted(
            database, BY_COMBINATION
        )


def test_after_a_rebuild_every_count_table_agrees_with_the_employee_rows(
    database: Database, reader: EventReader, runner: ProjectionRunner, careers: int
) -> None:
    runner.catch_up()

    rebuild(database, reader, batch_size=11)

    assert kept(database, "employee_totals", BY_UNIT) == counted(database, BY_UNIT)
    assert kept(database, "employee_subtree_totals", BY_SUBTREE) == counted_by_subtree(database)
    assert kept(database, "employee_counts", BY_COMBINATION) == counted(database, BY_COMBINATION)


def test_read_models_made_before_the_totals_get_them_from_the_kept_counts(
    database: Database, reader: EventReader, runner: ProjectionRunner, careers: int
) -> None:
    runner.catch_up()
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute("DROP TABLE rm.employee_totals")
        conn.execute("DROP TABLE rm.employee_subtree_totals")

    runner.ensure_schema()

    assert kept(database, "employee_totals", BY_UNIT) == counted(database, BY_UNIT)
    assert kept(database, "employee_subtree_totals", BY_SUBTREE) == counted_by_subtree(database)


@pytest.mark.parametrize(
    ("filter", "where"),
    [
        (EmployeeFilter(), "true"),
        (EmployeeFilter(status="ENDED"), "status = 'ENDED'"),
        (EmployeeFilter(golongan="III/c"), "golongan = 'III/c'"),
        (
            EmployeeFilter(status="ACTIVE", jabatan_kind="FUNGSIONAL"),
            "status = 'ACTIVE' AND jabatan_kind = 'FUNGSIONAL'",
        ),
    ],
)
@pytest.mark.parametrize("include_subunits", [True, False])
async def test_a_page_s_total_count_is_the_number_of_matching_employees(
    database: Database,
    runner: ProjectionRunner,
    careers: int,
    pool: asyncpg.Pool,
    filter: EmployeeFilter,
    where: str,
    include_subunits: bool,
) -> None:
    runner.catch_up()
    root, bagian = OrgUnit.id_for(TENANT, "SETDA"), OrgUnit.id_for(TENANT, "SETDA-2")
    for unit_id in (root, bagian):
        scope = "true" if include_subunits and unit_id == root else f"unit_id = '{unit_id}'"
        query = f"SELECT count(*) FROM rm.employees WHERE {scope} AND {where}"
        [(expected,)] = rows(database, query)

        page = await list_employees(
            pool,
            tenant=TENANT,
            unit_id=unit_id,
            include_subunits=include_subunits,
            filter=filter,
            first=5,
            after_nip=None,
        )

        assert page.total_count == expected
