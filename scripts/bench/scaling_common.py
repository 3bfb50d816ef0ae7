"""What the scaling benchmarks share: a private PostgreSQL server, scratch databases on it, a
small generated log, percentiles and the machine's load, so each script stays about one thing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import psycopg
from psycopg import sql

from scripts.datagen.loader import generate
from scripts.datagen.regions import REGIONS
from services.database import Database, EmbeddedPostgres

SEED = 2025


@contextmanager
def private_server(
    prefix: str = "jejak-scaling-", settings: Mapping[str, str] | None = None
) -> Iterator[Database]:
    """A PostgreSQL server of our own from the pgserver wheel (admin database), removed after,
    so a run never touches another benchmark's server or data set. `settings` are written with
    ALTER SYSTEM and the server restarted, for those (wal_level) that take a restart."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    embedded = EmbeddedPostgres(folder / "data")
    try:
        admin = embedded.start()
        if settings:
            with psycopg.connect(**admin.psycopg_kwargs(), autocommit=True) as conn:
                for name, value in settings.items():
                    conn.execute(
                        sql.SQL("ALTER SYSTEM SET {} = {}").format(
                            sql.Identifier(name), sql.Literal(value)
                        )
                    )
            embedded.stop()  # we are its only owner: this stops the server
            admin = embedded.start()
        yield admin
    finally:
        embedded.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def scratch_database(admin: Database, name: str, template: str | None = None) -> Iterator[Database]:
    """A new database on `admin`'s server (a copy of `template` if given), dropped after."""
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        create = sql.SQL("{} TEMPLATE {}").format(create, sql.Identifier(template))
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(**admin.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(create)
    try:
        yield replace(admin, dbname=name)
    finally:
        with psycopg.connect(**admin.psycopg_kwargs(), autocommit=True) as conn:
            conn.execute(drop)


def generate_log(database: Database, employees: int) -> int:
    """Fill `database`'s empty log with generated employees (the data sets' generator, at a
    small size; a region per ten employees, up to the four); returns the events recorded."""
    regions = REGIONS[: max(1, min(len(REGIONS), employees // 10))]
    return generate(database, employees, SEED, regions).events


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (nearest rank) of `values`, 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, to print beside the figures."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def server_settings(database: Database) -> str:
    """The settings that shape write and read throughput, as `name=value` pairs."""
    names = ("server_version", "shared_buffers", "synchronous_commit", "fsync", "wal_level")
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(
            "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY(%s) "
            "ORDER BY name",
            (list(names),),
        ).fetchall()
    return ", ".join(f"{name}={value}" for name, value in rows)
