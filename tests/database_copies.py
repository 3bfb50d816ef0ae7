"""Test databases copied from a template built once per test session.

Generating a region takes seconds; PostgreSQL's `CREATE DATABASE … TEMPLATE` copies the
built database's files in a fraction of that. A test whose fixture asks for the same
generated data as an earlier test gets a copy: its own database, as fresh as the
`database` fixture's, with the same events (ids and times included, since generation is
seeded and its clock injected).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable
from dataclasses import replace

import psycopg

from services.database import Database

MAINTENANCE_DB = "postgres"  # where CREATE and DROP DATABASE are issued from
_templates: dict[tuple[str, int, Hashable], Database] = {}  # by server and key


def _admin(database: Database) -> psycopg.Connection[tuple[object, ...]]:
    kwargs = {**database.psycopg_kwargs(), "dbname": MAINTENANCE_DB}
    return psycopg.connect(**kwargs, autocommit=True)


def copy_of(database: Database, key: Hashable, build: Callable[[Database], None]) -> None:
    """Make the empty `database` a copy of the template `key`, which `build` fills the first
    time it is asked for on this server (it must leave no connection open to it)."""
    server = (database.host, database.port, key)
    with _admin(database) as admin:
        template = _templates.get(server)
        if template is None:
            name = f"jejak_template_{uuid.uuid4().hex[:12]}"
            admin.execute(f'CREATE DATABASE "{name}"')
            template = replace(database, dbname=name)
            try:
                build(template)
            except BaseException:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                raise
            _templates[server] = template
        admin.execute(f'DROP DATABASE "{database.dbname}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{database.dbname}" TEMPLATE "{template.dbname}"')


def drop_templates() -> None:
    """Drop every template this session made."""
    while _templates:
        _, template = _templates.popitem()
        with _admin(template) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{template.dbname}" WITH (FORCE)')
