"""`jejak tenants`: the registered instansi, from the tenants read model, to find their codes.

`scripts/cli.py` wires it in with `add_tenants_command(commands)`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from domain.errors import N_
from projections.tenants import registered_tenants
from scripts.output import iso_time, json_line, table, tr
from scripts.read_models import NO_READ_MODELS, NoReadModels, operator_database, query


def add_tenants_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `jejak tenants [--json]`."""
    tenants = commands.add_parser(
        "tenants", help="list the registered instansi: code, name, kind, when registered"
    )
    tenants.add_argument("--json", action="store_true", help="one JSON object per line")
    tenants.set_defaults(func=cmd_tenants)


def cmd_tenants(args: argparse.Namespace) -> int:
    with operator_database() as database:
        try:
            rows = query(database, registered_tenants)
        except NoReadModels:
            print(tr(NO_READ_MODELS), file=sys.stderr)
            return 1
    if not rows:
        print(tr("No instansi is registered yet."), file=sys.stderr)
    elif args.json:
        for row in rows:
            print(json_line(asdict(row)))
    else:
        cells = [
            [row.code, row.name, row.kind, iso_time(row.registered_at), str(row.position)]
            for row in rows
        ]
        headers = [N_("code"), N_("name"), N_("kind"), N_("registered"), N_("position")]
        print(table(headers, cells, right=["position"]))
    return 0
