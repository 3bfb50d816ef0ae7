"""A scratch copy of a data set's database, so benchmarks that write leave the data set as
generated (PostgreSQL copies a database from a template, with no connection open to it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import psycopg
from psycopg import sql

from services.database import Database

SCRATCH = "jejak_bench_scratch"


@contextmanager
def scratch_copy(database: Database, copy_name: str = SCRATCH) -> Iterator[Database]:
    """A fresh copy of `database` named `copy_name` (a benchmark's own), dropped afterwards."""
    admin = replace(database, dbname="template1")
    name, source = sql.Identifier(copy_name), sql.Identifier(database.dbname)
    with psycopg.connect(**admin.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(name, source))
    try:
        yield replace(database, dbname=copy_name)
    finally:
        with psycopg.connect(**admin.psycopg_kwargs(), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
