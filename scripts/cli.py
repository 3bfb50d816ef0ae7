"""`jejak`: the operator's command line (serve, projections, audit, generate).

`--lang id` (or JEJAK_LANG=id) prints the human output in Bahasa Indonesia; `--json` output,
codes and exit codes stay as they are."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from domain.errors import N_, DomainError
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.registry import all_projections
from projections.retry import retry_dead_letters
from projections.status import ProjectionStatus, projection_status
from scripts.appraisal_cli import add_appraisal_command
from scripts.audit_cli import add_audit_command
from scripts.bench.cli import add_bench_command
from scripts.database_cli import add_database_command
from scripts.datagen.cli import add_generate_command
from scripts.datagen.demo_stamp import demo_planned_until
from scripts.datagen.loader import load_demo_if_empty
from scripts.documents_cli import add_documents_command, serve_trusted_documents
from scripts.export_cli import add_export_command
from scripts.graphiql_demo import add_graphiql_option, graphiql_settings
from scripts.import_cli import add_import_command
from scripts.ledger_cli import add_ledger_command, announce_log_key
from scripts.output import error_line, iso_time, json_line, quiet_after_closed_pipe, table, tr
from scripts.progress import ProgressBar
from scripts.read_models import operator_database
from scripts.tenants_cli import add_tenants_command
from scripts.token_cli import add_token_command, print_demo_tokens, serve_authenticator
from scripts.witness_cli import add_witness_command
from scripts.workers_cli import add_run_command
from services.database import Database
from services.i18n import LANGUAGES, default_language, speaking
from services.personnel import PersonnelApplication
from services.runtime import build_personnel


@contextmanager
def _personnel(database: Database) -> Iterator[PersonnelApplication]:
    personnel = build_personnel(database)
    try:
        yield personnel
    finally:
        personnel.close()


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve until SIGTERM or SIGINT, then stop the embedded PostgreSQL if this process was last."""
    from graphql_api.app import create_app
    from graphql_api.logging import configure_logging
    from scripts.serve import StopSignals, serve
    from services.runtime import open_runtime

    configure_logging()
    authenticator = serve_authenticator(args.host, args.port)  # a bad setting stops us here
    trusted = serve_trusted_documents()  # so does a manifest that does not check out
    # Outermost, so a signal while PostgreSQL starts or stops is noted, never raised midway.
    with StopSignals() as stop, operator_database() as database:
        if args.demo and not stop.requested and load_demo_if_empty(database):
            print(tr("Loaded the demo data: 500 generated employees."), file=sys.stderr)
        planned_until = demo_planned_until(database) if args.demo else None
        if args.demo:
            print_demo_tokens(authenticator, planned_until)
        if not stop.requested:
            announce_log_key(database)
            graphiql = graphiql_settings(
                args.graphiql_role, args.demo, authenticator, planned_until
            )
            app = create_app(
                lambda: open_runtime(database, run_projections=not args.no_projections),
                authenticator=authenticator,
                graphiql=graphiql,
                trusted=trusted,
            )
            serve(app, args.host, args.port, announce=_announce_listening)
    return 0


def _announce_listening(address: str) -> None:
    print(tr("Jejak on {address}/graphql", address=address), file=sys.stderr, flush=True)


def cmd_projections_rebuild(args: argparse.Namespace) -> int:
    with operator_database() as database, _personnel(database) as personnel:
        bar = ProgressBar("rebuild")
        report = rebuild(database, EventReader(personnel), batch_size=args.batch_size, progress=bar)
        bar.finish()
        print(
            tr(
                "Rebuilt every read model from {events} events in {seconds}s ({rate} events/s); "
                "live at position {position}.",
                events=f"{report.events:,}",
                seconds=f"{report.seconds:.1f}",
                rate=f"{report.rate:,.0f}",
                position=f"{report.position:,}",
            )
        )
    for dead_letter in report.dead_letters:
        print(tr("DEGRADED: {problem}", problem=dead_letter.describe()))
    if report.dead_letters:
        print(tr("Held read models are stale: fix the cause, then run `jejak projections retry`."))
        return 1
    return 0


def cmd_projections_status(args: argparse.Namespace) -> int:
    with operator_database() as database, _personnel(database) as personnel:
        rows = projection_status(database, EventReader(personnel))
    if not rows:
        print(tr("No read models yet: run `jejak serve` or `jejak projections rebuild`."))
        return 1
    degraded = [row for row in rows if row.reason]
    if args.json:
        for row in rows:
            print(json_line(_status_object(row)))
        return 1 if degraded else 0
    headers = [N_("projection"), N_("position"), N_("head"), N_("lag"), N_("state"), N_("updated")]
    cells = [
        [row.name, f"{row.position:,}", f"{row.head:,}", f"{row.lag:,}", row.state,
         iso_time(row.updated_at) if row.updated_at else "-"]
        for row in rows
    ]  # fmt: skip
    print(table(headers, cells, right=["position", "head", "lag"]))
    for row in degraded:
        print(tr("{name} is DEGRADED: {reason}", name=row.name, reason=row.reason))
    return 1 if degraded else 0


def _status_object(row: ProjectionStatus) -> dict[str, object]:
    held = row.held
    return {
        "projection": row.name, "position": row.position, "head": row.head, "lag": row.lag,
        "state": row.state, "updated_at": row.updated_at, "reason": row.reason,
        "held_at": None if held is None else
        {"position": held.position, "topic": held.topic, "error": held.error},
        "waits_for": row.behind,
    }  # fmt: skip


def cmd_projections_retry(args: argparse.Namespace) -> int:
    with operator_database() as database, _personnel(database) as personnel:
        report = retry_dead_letters(database, EventReader(personnel), args.projection)
    if not report.retried:
        print(tr("No read model is held: nothing to retry."))
        return 0
    for applied in report.resolved:
        print(
            tr(
                "Applied #{position} ({topic}) to {projection}: caught up.",
                position=applied.position,
                topic=applied.topic,
                projection=applied.projection,
            )
        )
    for failing in report.failing:
        print(tr("Still failing: {problem}", problem=failing.describe()), file=sys.stderr)
    return 1 if report.failing else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jejak", description=__doc__)
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the human output: en or id (default: JEJAK_LANG, else en)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start the GraphQL service (GraphiQL at /graphql)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument(
        "--no-projections",
        action="store_true",
        help="do not follow the log in this process (run `jejak projections run`)",
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        help="first load 500 generated employees (fixed seed) if the event log is empty",
    )
    add_graphiql_option(serve)
    serve.set_defaults(func=cmd_serve)

    add_generate_command(commands)
    add_appraisal_command(commands)
    add_export_command(commands)
    add_import_command(commands)
    add_bench_command(commands)
    add_token_command(commands)
    add_database_command(commands)
    add_tenants_command(commands)
    add_witness_command(commands)
    add_audit_command(commands)
    add_ledger_command(commands)
    add_documents_command(commands)

    projections = commands.add_parser("projections", help="read models").add_subparsers(
        dest="action", required=True
    )
    add_run_command(projections)
    rebuild_parser = projections.add_parser(
        "rebuild", help="rebuild every read model beside the live ones, then swap"
    )
    rebuild_parser.add_argument(
        "--batch-size", type=int, default=2000, help="events applied per transaction (2000)"
    )
    rebuild_parser.set_defaults(func=cmd_projections_rebuild)
    status_parser = projections.add_parser(
        "status", help="each projection's position, lag and state (exits 1 if one is DEGRADED)"
    )
    status_parser.add_argument("--json", action="store_true", help="one JSON object per projection")
    status_parser.set_defaults(func=cmd_projections_status)
    retry_parser = projections.add_parser(
        "retry",
        help="after a fix, re-apply the events held projections could not apply "
        "(exits 1 naming those that still fail)",
    )
    retry_parser.add_argument(
        "--projection",
        action="append",
        choices=sorted(projection.name for projection in all_projections()),
        help="only this projection (repeatable); all held ones by default",
    )
    retry_parser.set_defaults(func=cmd_projections_retry)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with speaking(args.lang or default_language()):
            try:
                code = int(args.func(args))
            except DomainError as error:  # a refusal, not a crash: its code and why
                print(error_line(error), file=sys.stderr)
                code = 1
        sys.stdout.flush()  # a closed pipe shows here, not in the flush at exit
    except BrokenPipeError:  # `jejak … | head`: the reader has all it wanted
        return quiet_after_closed_pipe()
    return code


if __name__ == "__main__":
    sys.exit(main())
