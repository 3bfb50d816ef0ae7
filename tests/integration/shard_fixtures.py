"""Two tenants' generated log, left unprojected, and what the shard-worker tests compare.

The log is generated once per module into a template database; each test gets its own copy
(PostgreSQL copies a database from a template), so the tests are independent and the
generator runs once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from projections.base import READ_SCHEMA
from scripts.datagen.loader import generate
from scripts.datagen.regions import MULYOREJO, PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel
from tests.integration.scenarios import database_url

REPOSITORY = Path(__file__).resolve().parents[2]
JEJAK = Path(sys.executable).parent / "jejak"
TENANTS = (MULYOREJO.tenant, PALANGKARAYA.tenant)
SINGLE_SCHEMA = "rm_single"  # where one unsplit runner builds the reference read models
# Tables whose rows say where the runners are, not what the log holds.
BOOKKEEPING = ("projection_positions", "dead_letters")


@contextmanager
def generated_template(server: Database, employees: int = 20) -> Iterator[Database]:
    """A database holding two tenants' generated log and no read models; dropped after."""
    template = replace(server, dbname=f"jejak_test_{uuid.uuid4().hex[:12]}")
    with psycopg.connect(**server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{template.dbname}"')
        try:
            generate(template, employees, 20_251_205, (MULYOREJO, PALANGKARAYA),
                     today=date(2025, 12, 5))  # fmt: skip
            yield template
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{template.dbname}" WITH (FORCE)')


@contextmanager
def copy_of(template: Database) -> Iterator[Database]:
    """A fresh database with the template's log; dropped after."""
    copy = replace(template, dbname=f"jejak_test_{uuid.uuid4().hex[:12]}")
    with psycopg.connect(**template.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{copy.dbname}" TEMPLATE "{template.dbname}"')
        try:
            yield copy
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy.dbname}" WITH (FORCE)')


def start_worker(database: Database, *options: str) -> subprocess.Popen[bytes]:
    """`jejak projections run OPTIONS…` on `database`, as an operator starts it."""
    env = {**os.environ, "DATABASE_URL": database_url(database)}
    return subprocess.Popen(
        [str(JEJAK), "projections", "run", *options],
        cwd=REPOSITORY,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run_workers(database: Database, *shards: str, batch_size: int = 1000) -> None:
    """One `--shard S --once` process per shard, all at once; each must exit 0."""
    workers = [
        start_worker(database, "--shard", shard, "--once", "--batch-size", str(batch_size))
        for shard in shards
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err.decode()


def contents(database: Database, schema: str = READ_SCHEMA) -> dict[str, list[Any]]:
    """Every read-model table of `schema` (bookkeeping apart), its rows as text, sorted."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                "AND table_type = 'BASE TABLE' AND NOT table_name = ANY(%s) ORDER BY 1",
                (schema, list(BOOKKEEPING)),
            )
        ]
        return {
            table: [
                r[0] for r in conn.execute(f"SELECT t::text FROM {schema}.{table} t ORDER BY 1")
            ]
            for table in tables
        }


def positions(database: Database, schema: str = READ_SCHEMA) -> dict[str, tuple[int, int | None]]:
    """Each position row: (position, held_at)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            f"SELECT name, position, held_at FROM {schema}.projection_positions"
        ).fetchall()
    return {name: (int(position), held_at) for name, position, held_at in rows}


def stored_events(database: Database) -> list[tuple[int, bytes]]:
    """The log as stored: each event's position and its JSON state."""
    personnel = build_personnel(database)
    try:
        table = personnel.recorder.events_table_name  # type: ignore[attr-defined]
    finally:
        personnel.close()
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return [
            (int(position), bytes(state))
            for position, state in conn.execute(
                f"SELECT notification_id, state FROM {table} ORDER BY 1"
            )
        ]


def head(database: Database) -> int:
    """The position of the newest event in the log."""
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()
