"""`jejak appraisal verify <cycle-id>`: recompute every predikat of a cycle from the event log;
`jejak appraisal cycles [--tenant T]`: list the cycles, to find their ids;
`jejak appraisal what-if <cycle-id> --policy FILE.json` (scripts/appraisal_whatif_cli.py).

Verify exits 0 when every recorded predikat equals its recomputation under its rules version, 1
when any differs (each difference is printed), 2 when the cycle is unknown. `scripts/cli.py`
wires them in with `add_appraisal_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any
from uuid import UUID

from domain.errors import N_, CycleNotFound
from domain.meta import Actor
from projections.appraisal_cycles import CycleRow, tenant_cycles
from projections.tenants import registered_tenants
from scripts.appraisal_whatif_cli import add_what_if_command
from scripts.output import error_line, json_line, table, tr
from scripts.read_models import NO_READ_MODELS, NoReadModels, operator_database, query
from services.appraisal import AppraisalApplication
from services.caller import Caller, Role
from services.database import resolve_database
from services.runtime import build_application

CLI_ACTOR = Actor("jejak-cli", Role.AUDITOR.value)


def add_appraisal_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register `jejak appraisal verify <cycle-id>`."""
    appraisal = subparsers.add_parser("appraisal", help="appraisal cycles").add_subparsers(
        dest="action", required=True
    )
    verify = appraisal.add_parser(
        "verify", help="recompute every predikat of a cycle; exit 1 on any difference"
    )
    verify.add_argument(
        "cycle_id", type=UUID, metavar="CYCLE-ID", help="the cycle (`jejak appraisal cycles`)"
    )
    verify.set_defaults(func=cmd_appraisal_verify)
    cycles = appraisal.add_parser(
        "cycles", help="list the cycles (id, year, period, enrolled, finalised) to find their ids"
    )
    cycles.add_argument("--tenant", help="only this instansi's (a code from `jejak tenants`)")
    cycles.add_argument("--json", action="store_true", help="one JSON object per line")
    cycles.set_defaults(func=cmd_appraisal_cycles)
    add_what_if_command(appraisal)


def cmd_appraisal_cycles(args: argparse.Namespace) -> int:
    """Cycles from the read model, by tenant, newest year first; 2 for an unknown tenant."""

    async def read(pool: Any) -> list[CycleRow] | None:
        registered = [row.code for row in await registered_tenants(pool)]
        if args.tenant is not None and args.tenant not in registered:
            return None
        return [row for code in ([args.tenant] if args.tenant else registered)
                for row in await tenant_cycles(pool, code)]  # fmt: skip

    with operator_database() as database:
        try:
            rows = query(database, read)
        except NoReadModels:
            print(tr(NO_READ_MODELS), file=sys.stderr)
            return 1
    if rows is None:
        refusal = tr(
            "{tenant} is not a registered instansi (see `jejak tenants`).", tenant=args.tenant
        )
        print(refusal, file=sys.stderr)
        return 2
    if not rows:
        print(tr("No appraisal cycle is recorded yet."), file=sys.stderr)
    elif args.json:
        for row in rows:
            print(json_line(asdict(row)))
    else:
        cells = [
            [str(r.id), r.tenant, str(r.year), r.period, str(r.enrolled),
             r.finalised_on.isoformat() if r.finalised_on else "-"]
            for r in rows
        ]  # fmt: skip
        headers = [
            N_("id"),
            N_("tenant"),
            N_("year"),
            N_("period"),
            N_("enrolled"),
            N_("finalised"),
        ]
        print(table(headers, cells, right=["year", "enrolled"]))
    return 0


def cmd_appraisal_verify(args: argparse.Namespace) -> int:
    database, embedded = resolve_database()
    try:
        application = build_application(AppraisalApplication, database)
        try:
            return verify(application, args.cycle_id)
        finally:
            application.close()
    finally:
        if embedded is not None:
            embedded.stop()


def verify(application: AppraisalApplication, cycle_id: UUID) -> int:
    """Print the recomputation of a cycle; the exit code says whether all matched."""
    try:
        tenant = application.tenant_of(cycle_id)
    except CycleNotFound as error:
        print(error_line(error), file=sys.stderr)
        return 2
    caller = Caller(CLI_ACTOR, tenant, f"cli-verify-{cycle_id}")
    report = application.recompute_cycle(caller, cycle_id)
    for nip, r in report.differences:
        line = tr(
            "DIFFERS {nip} {checkpoint} v{version} ({rules}): recorded {recorded}, "
            "recomputed {recomputed}",
            nip=nip, checkpoint=r.checkpoint, version=r.version, rules=r.rules_version,
            recorded=r.recorded, recomputed=r.recomputed or tr("nothing"),
        )  # fmt: skip
        print(line)
    state = tr("finalised") if report.finalised else tr("open")
    summary = tr(
        "Cycle {cycle} ({tenant}, {state}): {results} predikat recomputed, {differ} differ.",
        cycle=cycle_id, tenant=tenant, state=state,
        results=len(report.results), differ=len(report.differences),
    )  # fmt: skip
    print(summary)
    return 1 if report.differences else 0
