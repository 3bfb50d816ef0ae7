"""`jejak import employees FILE.csv --tenant T [--dry-run] [--batch-size N] [--resume]
[--format text|json] [--quiet]`: staff and their current position from a SIASN/SAPK export.

The import acts as a verified person: the bearer token (`--token` or JEJAK_TOKEN) is checked
by the API's own authenticator (`graphql_api.identity`), its role must be one the policy lets
call appointEmployee, and its tenant must be `--tenant`. Exit codes: 0 done (or a clean dry
run), 1 rows refused or a batch not saved, 2 the caller, tenant, file or arguments refused.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from uuid import uuid4

from starlette.datastructures import Headers

from access.dev_issuer import dev_issuer_url
from access.policy import may_call
from access.roles import Role
from access.settings import ConfigurationError, IdentitySettings
from domain.errors import N_, DomainError
from graphql_api.identity import Authenticator
from scripts.output import error_line, json_line, one_line, table, tr
from scripts.progress import ProgressBar
from scripts.read_models import operator_database
from services.bulk_import import DEFAULT_BATCH_SIZE, BulkImport, ImportReport
from services.caller import Caller
from services.import_file import ImportFile, read_import_file
from services.runtime import build_personnel

TOKEN_VARIABLE = "JEJAK_TOKEN"  # noqa: S105 - the variable's name, not a token


class Refused(Exception):
    """The caller may not import here; the message says why (exit code 2)."""


def add_import_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak import employees FILE …`."""
    kinds = commands.add_parser(
        "import", help="bulk import of existing records from a SIASN/SAPK export (CSV)"
    ).add_subparsers(dest="kind", required=True)
    employees = kinds.add_parser(
        "employees", help="employees and their current position (docs/import.md)"
    )
    employees.add_argument("file", type=Path, help="the CSV file (UTF-8, `;` or `,`)")
    employees.add_argument("--tenant", required=True, help="the instansi the staff belong to")
    employees.add_argument(
        "--token", help=f"the bearer token to act as (default: ${TOKEN_VARIABLE}; safer)"
    )
    employees.add_argument(
        "--dry-run", action="store_true", help="check every row, list refused ones, record nothing"
    )
    employees.add_argument(
        "--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE,
        help=f"rows saved per transaction ({DEFAULT_BATCH_SIZE})",
    )  # fmt: skip
    employees.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted import: rows imported identically are skipped "
        "(a plain rerun does the same; see docs/import.md)",
    )
    employees.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    employees.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    employees.add_argument(
        "--host", default="127.0.0.1", help="host of `jejak serve` (the development issuer's URL)"
    )
    employees.add_argument(
        "--port", type=int, default=8000, help="port of `jejak serve` (the development issuer's)"
    )
    employees.set_defaults(func=cmd_import_employees)


def cmd_import_employees(args: argparse.Namespace) -> int:
    """0 imported (or a clean dry run); 1 rows refused or a batch not saved; 2 refused."""
    token = args.token or os.environ.get(TOKEN_VARIABLE, "")
    try:
        caller = asyncio.run(verified_caller(token, args.tenant, args.host, args.port))
        source = read_import_file(args.file)
    except (Refused, DomainError) as error:
        refusal = error_line(error) if isinstance(error, DomainError) else str(error)
        print(f"jejak import: {refusal}", file=sys.stderr)
        return 2
    bars = _Bars(enabled=not args.quiet and sys.stderr.isatty())
    with operator_database() as database:
        personnel = build_personnel(database)
        try:
            personnel.check_registered(caller.tenant)
            bulk = BulkImport(personnel, caller, source, batch_size=args.batch_size, progress=bars)
            report = bulk.check() if args.dry_run else bulk.run()
        except DomainError as error:
            print(f"jejak import: {error_line(error)}", file=sys.stderr)
            return 2
        finally:
            bars.finish()
            personnel.close()
    _print(report, source, args)
    return 1 if report.rejected else 0


async def verified_caller(token: str, tenant: str, host: str, port: int) -> Caller:
    """The caller the token names, as the API would verify it, if it may appoint in `tenant`."""
    try:
        settings = IdentitySettings.from_env()
    except ConfigurationError as error:
        raise Refused(str(error)) from None
    if not token:
        raise Refused(
            tr("UNAUTHENTICATED: give a bearer token in ${variable} or --token.",
               variable=TOKEN_VARIABLE)
        )  # fmt: skip
    if not settings.external and not settings.dev_issuer_key.exists():
        raise Refused(
            tr("UNAUTHENTICATED: no development issuer key at {key}; "
               "mint a token with `jejak token` (or set JEJAK_OIDC_ISSUER).",
               key=settings.dev_issuer_key)
        )  # fmt: skip
    authenticator = Authenticator.from_settings(settings, dev_issuer_url(host, port))
    headers = Headers({"authorization": f"Bearer {token}"})
    identity = await authenticator.identify(headers, f"import-{uuid4()}")
    if identity.caller is None:
        problem = tr(identity.problem) if identity.problem else identity.problem
        raise Refused(f"UNAUTHENTICATED ({identity.reason}): {problem}")
    caller = identity.caller
    if not may_call("mutation", "appointEmployee", Role(caller.actor.role)):
        raise Refused(
            tr("FORBIDDEN: the role {role} may not appoint employees (appointEmployee).",
               role=caller.actor.role)
        )  # fmt: skip
    if caller.tenant != tenant:
        raise Refused(
            tr("FORBIDDEN: the token acts for {acting}, not {tenant}.", acting=caller.tenant,
               tenant=tenant)
        )  # fmt: skip
    return caller


class _Bars:
    """A tqdm bar per stage (check, import) on stderr; none when it is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bars: dict[str, ProgressBar] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        bar = self.bars.get(stage)
        if bar is None:
            for previous in self.bars.values():
                previous.finish()
            bar = self.bars[stage] = ProgressBar(f"{stage:<6}", noun="rows", unit=" rows")
        bar(done, total)

    def finish(self) -> None:
        for bar in self.bars.values():
            bar.finish()


def _print(report: ImportReport, source: ImportFile, args: argparse.Namespace) -> None:
    if args.format == "json":
        print(json_line(_as_object(report, source, args.dry_run)))
        return
    if report.rejected:
        cells = [[str(r.row), r.nip, r.code, one_line(r.reason)] for r in report.rejected]
        headers = [N_("row"), N_("nip"), N_("code"), N_("reason")]
        print(table(headers, cells, right=["row"]))
    if args.dry_run:
        verdict = tr("nothing was recorded (dry run)")
    elif report.failed_batch is not None:
        verdict = tr("stopped at batch {batch}: nothing of it was recorded",
                     batch=report.failed_batch)  # fmt: skip
    elif report.rejected:
        verdict = tr("nothing was recorded: fix the rows above and run it again")
    else:
        verdict = tr("done, log position {position}", position=report.position)
    if report.resumed_at is not None:
        print(tr("Resumed at row {row}: the rows before it were imported earlier.",
                 row=report.resumed_at))  # fmt: skip
    print(
        tr("{file}: rows read {read}, imported {imported}, skipped as already imported "
           "{skipped}, rejected {rejected}; {batches} batch(es) saved; {verdict}.",
           file=source.label, read=report.read, imported=report.imported,
           skipped=report.skipped, rejected=len(report.rejected),
           batches=report.batches_saved, verdict=verdict)
    )  # fmt: skip


def _as_object(report: ImportReport, source: ImportFile, dry_run: bool) -> dict[str, object]:
    return {
        "file": source.name, "sha256": source.sha256, "dry_run": dry_run,
        "read": report.read, "imported": report.imported, "skipped": report.skipped,
        "rejected": [
            {"row": r.row, "nip": r.nip, "code": r.code, "reason": r.reason}
            for r in report.rejected
        ],
        "batches_saved": report.batches_saved, "failed_batch": report.failed_batch,
        "resumed_at": report.resumed_at, "position": report.position,
    }  # fmt: skip


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1.")
    return value
