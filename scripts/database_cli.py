"""`jejak database url|bin`: what `psql`, `pg_dump` and `pg_restore` need to reach Jejak's database.

Operators back up and inspect the database with PostgreSQL's own tools (docs/guides/operator.md).
With `DATABASE_URL` set, that is the server they already know; with the embedded default, the
server listens on a socket in its data folder and its tools ship in the `pgserver` wheel.
`scripts/cli.py` wires it in with `add_database_command(commands)`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scripts.output import tr
from scripts.read_models import operator_database


def add_database_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak database url` and `jejak database bin`."""
    database = commands.add_parser(
        "database", help="connection string and client tools for psql, pg_dump, pg_restore"
    ).add_subparsers(dest="database_command", required=True)
    database.add_parser(
        "url", help="the libpq connection string of Jejak's database (secrets included)"
    ).set_defaults(func=cmd_database_url)
    database.add_parser(
        "bin", help="the folder of the PostgreSQL client tools that match the embedded server"
    ).set_defaults(func=cmd_database_bin)


def cmd_database_url(_: argparse.Namespace) -> int:
    """Print the connection string; warn that an embedded server must be kept running."""
    with operator_database() as database:
        print(database.conninfo())
    if not os.environ.get("DATABASE_URL"):
        print(
            tr(
                "The embedded PostgreSQL answers on this string while `jejak serve` (or another "
                "jejak command) keeps it running."
            ),
            file=sys.stderr,
        )
    return 0


def cmd_database_bin(_: argparse.Namespace) -> int:
    """Print the folder holding pg_dump, pg_restore and psql of the embedded server's version."""
    print(client_tools())
    return 0


def client_tools() -> Path:
    """The `bin` folder of the PostgreSQL that the `pgserver` wheel installs."""
    import pgserver  # here: importing it warns about XDG_RUNTIME_DIR on machines without one

    folder = Path(pgserver.__file__).parent / "pginstall" / "bin"
    if not (folder / "pg_dump").exists():
        raise FileNotFoundError(
            tr("No pg_dump in {folder}: is the pgserver wheel installed?", folder=folder)
        )
    return folder
