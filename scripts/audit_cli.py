"""`jejak audit employee <NIP> [--json]`: every event concerning one employee, from the store
(and `jejak audit events …`, the audit queries across the log: scripts/audit_events_cli.py).

A table for people (times ISO 8601 with their offset, reasons on one line) or one JSON object
per event for programs, the payload nested as an object. `scripts/cli.py` wires it in with
`add_audit_command(commands)`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from domain.aggregates.employee import Employee
from domain.errors import N_
from projections.event_log import LoggedEvent
from scripts.audit_events_cli import add_events_command
from scripts.output import iso_time, json_line, one_line, table, tr
from scripts.read_models import operator_database
from services.audit import employee_trail
from services.personnel import normalize_nip
from services.runtime import build_personnel

HEADERS = [
    N_("position"), N_("version"), N_("recorded_at"), N_("event"),
    N_("actor"), N_("role"), N_("tenant"), N_("reason"),
]  # fmt: skip


def add_audit_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak audit employee <NIP> [--json]` and `jejak audit events …`."""
    audit = commands.add_parser("audit", help="oversight").add_subparsers(
        dest="subject", required=True
    )
    add_events_command(audit)
    employee = audit.add_parser(
        "employee", help="every event of one employee, from the event store"
    )
    employee.add_argument("nip", metavar="NIP", help="18 digits; spaces and dots are ignored")
    employee.add_argument(
        "--json", action="store_true", help="one JSON object per event, the payload nested"
    )
    employee.set_defaults(func=cmd_audit_employee)


def cmd_audit_employee(args: argparse.Namespace) -> int:
    with operator_database() as database:
        personnel = build_personnel(database)
        try:
            events = employee_trail(personnel, Employee.id_for(normalize_nip(args.nip)))
        finally:
            personnel.close()
    if not events:
        print(tr("No events for NIP {nip}.", nip=args.nip), file=sys.stderr)
        return 1
    if args.json:
        for event in events:
            print(json_line(event_object(event)))
    else:
        headers = [*HEADERS, N_("payload")]
        print(table(headers, [_cells(e) for e in events], ["position", "version"]))
    return 0


def event_object(event: LoggedEvent) -> dict[str, Any]:
    """The event as JSON: its payload an object, not the text it is stored as."""
    return {**asdict(event), "payload": json.loads(event.payload)}


def _cells(event: LoggedEvent) -> list[str]:
    return [
        str(event.position),
        str(event.originator_version),
        iso_time(event.recorded_at),
        f"{event.aggregate_type}.{event.event_type}",
        one_line(event.actor_id),
        event.actor_role,
        event.tenant,
        one_line(event.reason) if event.reason else "-",
        event.payload,
    ]
