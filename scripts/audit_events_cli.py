"""`jejak audit events [--actor A] [--role R] [--tenant T] [--type E] [--from T0] [--to T1]
[--text W] [--format csv|jsonl] [--output F]`: the audit query across the whole log.

The same query module (projections/audit_events.py) and the same rows and stamp (log position,
latest ledger checkpoint) as the API's `GET /exports/audit-events.csv|jsonl`; read as the
database owner, so every tenant unless `--tenant` names one.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator
from typing import IO, Any

import asyncpg

from graphql_api.errors import ApiError
from graphql_api.exports.audit import (
    COLUMNS,
    FILTERS,
    event_filter,
    event_row,
    latest_checkpoint,
)
from graphql_api.exports.formats import csv_chunks, json_chunks
from graphql_api.exports.sheet import Params, Row
from projections.audit_events import EventFilter, all_audit_events
from projections.positions import PositionWatcher
from scripts.export_cli import _output
from scripts.output import tr
from scripts.read_models import NO_READ_MODELS, operator_database
from services.database import Database
from services.i18n import current_language
from services.i18n.messages import error_message


def add_events_command(audit: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak audit events …` under `jejak audit`."""
    events = audit.add_parser("events", help="events across the log by actor, role, type, …")
    events.add_argument("--actor", help="the user id recorded on the event (a NIP for people)")
    events.add_argument("--role", help="the role it was recorded in, e.g. hr_officer")
    events.add_argument("--tenant", help="the instansi (default: every one)")
    events.add_argument("--type", help="the event's class: Promoted or Employee.Promoted")
    events.add_argument("--from", dest="from_", help="recorded at or after (ISO 8601, offset)")
    events.add_argument("--to", help="recorded before (ISO 8601 with offset)")
    events.add_argument("--text", help="words in the reason, all of them, as whole words")
    events.add_argument(
        "--format", choices=("csv", "jsonl"), default="csv", help="csv (default) or JSON Lines"
    )
    events.add_argument("--output", help="the file to write (default: stdout)")
    events.set_defaults(func=cmd_audit_events)


def cmd_audit_events(args: argparse.Namespace) -> int:
    """0 when written; 2 for a bad argument; 1 without read models."""
    given = {name: getattr(args, "from_" if name == "from" else name) for name in FILTERS}
    values = {name: str(value) for name, value in given.items() if value is not None}
    try:
        where = event_filter(Params(values))
    except ApiError as error:
        message = error_message(
            error.code, error.template, error.params, str(error), current_language.get()
        )
        print(f"{error.code}: {message}", file=sys.stderr)
        return 2
    with operator_database() as database, _output(args.output) as output:
        try:
            position = asyncio.run(write_events(database, where, args.format, output))
        except asyncpg.exceptions.UndefinedTableError:
            print(tr(NO_READ_MODELS), file=sys.stderr)
            return 1
    print(tr("{name}: taken at log position {position}.", name="audit events", position=position),
          file=sys.stderr)  # fmt: skip
    return 0


async def write_events(database: Database, where: EventFilter, kind: str, out: IO[bytes]) -> int:
    """Write the events `where` selects to `out` as `kind`; the log position it was taken at."""
    pool: Any = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=2)
    try:
        position = await PositionWatcher(pool).current()
        checkpoint = await latest_checkpoint(pool)

        async def rows() -> AsyncIterator[Row]:
            async for event in all_audit_events(pool, where, position):
                yield event_row(event, checkpoint)

        if kind == "csv":
            chunks = csv_chunks(COLUMNS, rows(), position)
        else:
            chunks = json_chunks(COLUMNS, rows(), lines=True, position=position)
        async for chunk in chunks:
            out.write(chunk)
        return position
    finally:
        await pool.close()
