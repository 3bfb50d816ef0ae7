"""A generated region's log and every read-model table of a schema, for tests that compare
read models built in different ways."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg

from projections.base import READ_SCHEMA
from projections.reader import EventReader
from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel

EMPLOYEES = 40
TODAY = date(2026, 12, 5)  # a finished appraisal and training year, and one under way
# Columns that hold the wall clock of a batch, not anything the log says.
WALL_CLOCK = {
    "projection_positions": {"updated_at"},
    "dead_letters": {"first_failed_at", "last_failed_at", "resolved_at"},
}


@contextmanager
def generated_region(database: Database) -> Iterator[EventReader]:
    """A generated region's log (appraisal, training, careers) and a reader of it."""
    generate(database, EMPLOYEES, seed=3, regions=[PALANGKARAYA], today=TODAY)
    personnel = build_personnel(database)
    try:
        yield EventReader(personnel)
    finally:
        personnel.close()


def every_table(database: Database, schema: str = READ_SCHEMA) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows in `schema` as text, sorted, wall-clock columns left out."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", (schema,)
            )
        ]
        contents = {}
        for table in tables:
            columns = [
                row[0]
                for row in conn.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
                    (schema, table),
                )
                if row[0] not in WALL_CLOCK.get(table, set())
            ]
            listed = ", ".join(f'"{column}"::text' for column in columns)
            rows = conn.execute(f'SELECT {listed} FROM {schema}."{table}"').fetchall()
            contents[table] = sorted(rows, key=repr)
        return contents
