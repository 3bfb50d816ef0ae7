"""`jejak appraisal what-if <cycle-id> --policy FILE.json`: a finalised cycle under a draft policy.

Reads the draft scoring policy (the values of kind `scoring`, as `policyValues` shows them) from
a file, runs it over the cycle as an auditor of the cycle's tenant, writes nothing, and prints
one JSON object: the recorded and draft labels, the tenant's counts under both, each unit group
under both (in band or not) and every employee whose predikat would change, with why. Exit 0;
2 for an unknown cycle, a file that is not a JSON object, or a refused draft or cycle.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any
from uuid import UUID

from domain.appraisal_rules import GroupReport
from domain.appraisal_whatif import WhatIf
from domain.errors import DomainError
from domain.meta import Actor
from scripts.output import error_line, json_line, tr
from services.appraisal import AppraisalApplication
from services.caller import Caller, Role
from services.database import resolve_database
from services.runtime import build_application

CLI_ACTOR = Actor("jejak-cli", Role.AUDITOR.value)


def add_what_if_command(
    appraisal: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register `what-if` under `jejak appraisal`."""
    what_if = appraisal.add_parser(
        "what-if", help="a finalised cycle under a draft scoring policy; writes nothing"
    )
    what_if.add_argument(
        "cycle_id", type=UUID, metavar="CYCLE-ID", help="the cycle (`jejak appraisal cycles`)"
    )
    what_if.add_argument(
        "--policy", type=Path, required=True, metavar="FILE",
        help="a JSON object: the draft's values of policy kind `scoring`",
    )  # fmt: skip
    what_if.add_argument("--label", default="draft", help="the draft's name in the answer")
    what_if.set_defaults(func=cmd_appraisal_what_if)


def cmd_appraisal_what_if(args: argparse.Namespace) -> int:
    try:
        values = json.loads(args.policy.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        print(tr("Cannot read the policy file: {problem}", problem=problem), file=sys.stderr)
        return 2
    if not isinstance(values, dict):
        print(tr("The policy file holds a JSON object."), file=sys.stderr)
        return 2
    database, embedded = resolve_database()
    try:
        application = build_application(AppraisalApplication, database)
        try:
            return run(application, args.cycle_id, values, args.label)
        finally:
            application.close()
    finally:
        if embedded is not None:
            embedded.stop()


def run(
    application: AppraisalApplication, cycle_id: UUID, values: dict[str, Any], label: str
) -> int:
    """Print the what-if of a cycle as one JSON object; 2 when the cycle or draft is refused."""
    try:
        tenant = application.tenant_of(cycle_id)
        caller = Caller(CLI_ACTOR, tenant, f"cli-what-if-{cycle_id}")
        report = application.what_if_scoring(caller, cycle_id, values, label)
    except DomainError as error:
        print(error_line(error), file=sys.stderr)
        return 2
    print(json_line(as_json(cycle_id, tenant, report)))
    return 0


def as_json(cycle_id: UUID, tenant: str, w: WhatIf) -> dict[str, Any]:
    """The what-if as plain JSON: the same fields as GraphQL's WhatIfReport."""
    draft = {g.unit_id: g for g in w.draft_groups}
    return {
        "cycle_id": str(cycle_id),
        "tenant": tenant,
        "recorded_policy": w.recorded_label,
        "draft_policy": w.draft_label,
        "tenant_recorded": w.tenant_recorded,
        "tenant_draft": w.tenant_draft,
        "units": [
            {
                "unit_id": str(g.unit_id),
                "members": [str(u) for u in g.members],
                "recorded": _group(g),
                "draft": _group(draft.get(g.unit_id)),
            }
            for g in w.recorded_groups
        ],
        "changes": [asdict(c) | {"unit_id": str(c.unit_id)} for c in w.changes],
    }


def _group(g: GroupReport | None) -> dict[str, Any] | None:
    if g is None:
        return None
    r = g.report
    return {
        "org_rating": r.org_rating,
        "total": r.total,
        "counts": r.counts,
        "in_band": r.in_band or (g.too_small and r.org_rating is not None),
        "too_small": g.too_small,
        "failures": [asdict(f) for f in r.failures],
    }
