"""`jejak appraisal verify <cycle-id>`: recompute every predikat of a cycle from the event log.

Exits 0 when every recorded predikat equals its recomputation under its rules version, 1 when
any differs (each difference is printed), 2 when the cycle is unknown. `scripts/cli.py` wires
it in with `add_appraisal_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys
from uuid import UUID

from domain.errors import CycleNotFound
from domain.meta import Actor
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
    verify.add_argument("cycle_id", type=UUID, metavar="CYCLE-ID")
    verify.set_defaults(func=cmd_appraisal_verify)


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
        print(error, file=sys.stderr)
        return 2
    caller = Caller(CLI_ACTOR, tenant, f"cli-verify-{cycle_id}")
    report = application.recompute_cycle(caller, cycle_id)
    for nip, r in report.differences:
        print(
            f"DIFFERS {nip} {r.checkpoint} v{r.version} ({r.rules_version}): "
            f"recorded {r.recorded}, recomputed {r.recomputed or 'nothing'}"
        )
    state = "finalised" if report.finalised else "open"
    print(
        f"Cycle {cycle_id} ({tenant}, {state}): {len(report.results)} predikat recomputed, "
        f"{len(report.differences)} differ."
    )
    return 1 if report.differences else 0
