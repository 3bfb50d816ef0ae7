"""`jejak export <name> --tenant T [--format csv|xlsx|json|jsonl] [--output F] [--unit U]
[--cycle C] [--year Y] [--no-subunits]`: a report export written to a file or stdout.

The command reads as the database owner (an operator sees every tenant), so every export
filters by `--tenant`, as the API's row-level security would; it acts as the auditor
`jejak-cli`, and its reads of people's private records go to the access log like anyone's.
The bytes are those the API's download sends (graphql_api/exports/).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import IO, Any
from uuid import uuid4

import asyncpg

from domain.errors import DomainError
from domain.meta import Actor
from graphql_api.errors import ApiError
from graphql_api.exports.catalogue import EXPORTS, FORMATS
from graphql_api.exports.endpoint import body
from graphql_api.exports.sheet import Params, Reading, started
from graphql_api.guard import AccessGuard
from projections.positions import PositionWatcher
from projections.tenants import registered_tenants
from scripts.output import tr
from scripts.read_models import NO_READ_MODELS, operator_database
from services.caller import Caller, Role
from services.database import Database
from services.i18n import current_language
from services.i18n.messages import error_message

CLI_ACTOR = Actor("jejak-cli", Role.AUDITOR.value)


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak export <name> --tenant T …`."""
    export = commands.add_parser("export", help="a report as CSV or XLSX")
    export.add_argument("name", choices=sorted(EXPORTS), help="which report to export")
    export.add_argument("--tenant", required=True, help="the instansi (see `jejak tenants`)")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="csv (default) or xlsx for spreadsheets; siasn-kinerja: json (default), jsonl, csv",
    )
    export.add_argument("--output", help="the file to write (default: stdout)")
    export.add_argument("--unit", help="a unit kerja id (roster, leave-balances; optional else)")
    export.add_argument("--cycle", help="an appraisal cycle id (`jejak appraisal cycles`)")
    export.add_argument("--year", help="a calendar year (jp-compliance, leave-balances)")
    export.add_argument("--no-subunits", action="store_true", help="the unit alone")
    export.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """0 when written; 2 for an unknown tenant or a bad argument; 1 without read models."""
    values = {k: str(getattr(args, k)) for k in ("unit", "cycle", "year") if getattr(args, k)}
    kind = args.format or EXPORTS[args.name].formats[0]
    if args.no_subunits:
        values["subunits"] = "false"
    with operator_database() as database, _output(args.output) as output:
        try:
            return asyncio.run(write(database, args.name, args.tenant, kind, values, output))
        except asyncpg.exceptions.UndefinedTableError:
            print(tr(NO_READ_MODELS), file=sys.stderr)
            return 1


@contextmanager
def _output(path: str | None) -> Iterator[IO[bytes]]:
    if path is None:
        yield sys.stdout.buffer
        return
    with open(path, "wb") as file:
        yield file


async def write(
    database: Database, name: str, tenant: str, kind: str, values: dict[str, str], out: IO[bytes]
) -> int:
    """Write export `name` of `tenant` to `out`; the exit status."""
    pool: Any = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=2)
    try:
        if tenant not in {row.code for row in await registered_tenants(pool)}:
            refusal = tr(
                "{tenant} is not a registered instansi (see `jejak tenants`).", tenant=tenant
            )
            print(refusal, file=sys.stderr)
            return 2
        caller = Caller(CLI_ACTOR, tenant, f"cli-{uuid4()}")
        reading = Reading(pool, caller, AccessGuard(caller, pool), datetime.now(UTC).date())
        export, params = EXPORTS[name], Params(values)
        if kind not in export.formats:
            formats = ", ".join(export.formats)
            refusal = tr(
                "{name} is written as {formats}, not {kind}.", name=name, formats=formats, kind=kind
            )
            print(refusal, file=sys.stderr)
            return 2
        position = await PositionWatcher(pool).current()
        try:
            rows = await started(export.rows(reading, params))
        except (DomainError, ApiError) as error:
            message = error_message(
                error.code, error.template, error.params, str(error), current_language.get()
            )
            print(f"{error.code}: {message}", file=sys.stderr)
            return 2
        async for chunk in body(export, kind, rows, position, reading, params):
            out.write(chunk)
        print(tr("{name}: taken at log position {position}.", name=name, position=position),
              file=sys.stderr)  # fmt: skip
        return 0
    finally:
        await pool.close()
