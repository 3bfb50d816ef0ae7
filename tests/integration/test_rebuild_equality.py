"""A rebuild gives exactly what the incremental runner gives: every read-model table row for
row, and the same indexes on tables that are all logged."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from projections.base import READ_SCHEMA
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.runner import ProjectionRunner
from services.database import Database
from services.runtime import prepare_read_models
from tests.integration.read_model_tables import EMPLOYEES, every_table, generated_region

pytestmark = pytest.mark.integration


@pytest.fixture
def reader(database: Database) -> Iterator[EventReader]:
    with generated_region(database) as region:
        yield region


def project_incrementally(database: Database, reader: EventReader) -> None:
    """What a live service does: create the read models, then follow the log in small batches."""
    prepare_read_models(database, reader)
    runner = ProjectionRunner(database, reader, batch_size=97)
    try:
        runner.catch_up()
    finally:
        runner.close()


def indexes(database: Database) -> set[tuple[str, str]]:
    """Every index of the read models: its table and its definition."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = %s", (READ_SCHEMA,)
        ).fetchall()
    return {(str(table), str(definition)) for table, definition in rows}


def persistence(database: Database) -> set[str]:
    """The persistence of every table of the read models (p: logged, u: unlogged)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT DISTINCT c.relpersistence FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
            (READ_SCHEMA,),
        ).fetchall()
    return {str(row[0]) for row in rows}


def test_a_rebuild_equals_incremental_projection_in_every_table_row_for_row(
    database: Database, reader: EventReader
) -> None:
    project_incrementally(database, reader)
    incremental = every_table(database)

    report = rebuild(database, reader)

    assert report.events == reader.head()
    assert not report.dead_letters
    rebuilt = every_table(database)
    assert sorted(rebuilt) == sorted(incremental)
    for table, rows in incremental.items():
        assert rebuilt[table] == rows, f"{table} differs after the rebuild"
    # the region filled the big tables, so the comparison compares something
    assert len(incremental["event_log"]) == reader.head()
    assert len(incremental["appraisals"]) > EMPLOYEES


def test_a_rebuilt_schema_has_the_incremental_ones_indexes_and_only_logged_tables(
    database: Database, reader: EventReader
) -> None:
    project_incrementally(database, reader)
    incremental = indexes(database)

    rebuild(database, reader)

    assert indexes(database) == incremental
    assert persistence(database) == {"p"}
