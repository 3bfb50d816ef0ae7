"""Plain endpoints for the people documents: an employee's record with career and leave, a
filtered page, the unit tree, an employee's events and what became known about them.

Each calls the projection functions the resolvers call (graphql_api/employees, units, audit,
time_travel) and writes the JSON the document selects (scripts/bench/portal_documents.py).
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from starlette.routing import Route

from domain.employment import EmploymentStatus, EmploymentType
from domain.jabatan import JabatanKind, JenjangFungsional
from domain.leave import LeaveType
from domain.ranks import parse_golongan
from domain.units import UnitKind
from graphql_api.ids import nip_cursor
from graphql_api.paging import EMPLOYEE_CHANGES, EMPLOYEE_EVENTS, UNIT_TREE, page_after
from projections.career import career_histories
from projections.employees import EmployeeFilter, EmployeeRow, list_employees
from projections.event_log import events_about
from projections.history import point_for
from projections.history_changes import changes_known
from projections.leave import leave_balance, leave_records
from projections.units import unit_tree, units_by_ids
from scripts.bench.plain_portal import Read, Resources, endpoint, iso, name

RECORD_FIELDS = ("Employee.careerHistory", "Employee.leaveRecords", "Employee.leaveBalance")


def _pangkat(row: EmployeeRow) -> str | None:
    return parse_golongan(row.golongan, EmploymentType(row.employment_type)).pangkat


async def employee_record(read: Read) -> dict[str, Any] | None:
    """`employee(nip)` with its private career, leave records and the year's balance."""
    row = await read.employee(read.body["nip"])
    if row is None:
        return None
    for field in RECORD_FIELDS:  # PrivateField on each, as the schema puts it
        if not await read.guard.may_see(row.id, frozenset(), field):
            return None
    (career,), (leave,), balance = await asyncio.gather(
        career_histories(read.pool, [row.id]),
        leave_records(read.pool, [row.id]),
        leave_balance(read.pool, row, int(read.body["year"])),
    )
    return {
        "id": str(row.id), "nip": row.nip, "name": row.name, "golongan": row.golongan,
        "pangkat": _pangkat(row), "status": name(row.status, EmploymentStatus),
        "jabatan": {
            "kind": name(row.jabatan_kind, JabatanKind), "title": row.jabatan_title,
            "jenjang": name(row.jabatan_jenjang or None, JenjangFungsional),
        },
        "careerHistory": [
            {"position": e.position, "kind": e.kind, "effectiveOn": iso(e.effective_on),
             "golongan": e.golongan, "jabatanTitle": e.jabatan_title,
             "unitId": str(e.unit_id), "detail": e.detail}
            for e in career
        ],
        "leaveRecords": [
            {"position": e.position, "leaveType": name(e.leave_type, LeaveType),
             "start": iso(e.start), "end": iso(e.end), "days": e.days, "reason": e.reason}
            for e in leave
        ],
        "leaveBalance": {
            "year": balance.year, "entitlement": balance.entitlement,
            "carriedOver": balance.carried_over, "used": balance.used,
            "remaining": balance.remaining,
        },
    }  # fmt: skip


async def filtered_page(read: Read) -> dict[str, Any]:
    """`employees(unitId, filter, first)` with each employee's unit read in one query."""
    given = read.body.get("filter") or {}
    found = await list_employees(
        read.pool,
        tenant=read.tenant,
        unit_id=UUID(read.body["unitId"]),
        include_subunits=True,
        filter=EmployeeFilter(
            employment_type=_member(EmploymentType, given.get("employmentType")),
            golongan=given.get("golongan"),
            jabatan_kind=_member(JabatanKind, given.get("jabatanKind")),
            status=_member(EmploymentStatus, given.get("status")),
        ),
        first=int(read.body["first"]),
        after_nip=None,
    )
    unit_ids = list(dict.fromkeys(row.unit_id for row in found.rows))
    units = {u.id: u for u in await units_by_ids(read.pool, unit_ids) if u is not None}
    edges = []
    for row in found.rows:
        unit = units[row.unit_id]
        node = {
            "id": str(row.id), "nip": row.nip, "name": row.name, "golongan": row.golongan,
            "pangkat": _pangkat(row), "status": name(row.status, EmploymentStatus),
            "jabatan": {"title": row.jabatan_title},
            "unit": {"id": str(unit.id), "code": unit.code, "name": unit.name},
        }  # fmt: skip
        edges.append({"cursor": nip_cursor(row.nip), "node": node})
    return {
        "totalCount": found.total_count,
        "pageInfo": {
            "hasNextPage": found.has_next,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
        "edges": edges,
    }


def _member(kind: Any, given: str | None) -> Any:
    return None if given is None else kind[given]


async def whole_unit_tree(read: Read) -> list[dict[str, Any]]:
    """`unitTree(first)`: the tenant's tree, parents first, with head counts."""
    rows = await unit_tree(read.pool, read.tenant, None)
    page = page_after(rows, int(read.body["first"]), UNIT_TREE, lambda row: row.id)
    return [
        {"id": str(u.id), "code": u.code, "name": u.name, "kind": name(u.kind, UnitKind),
         "parentId": str(u.parent_id) if u.parent_id else None, "depth": u.depth,
         "headCount": u.head_count}
        for u in page
    ]  # fmt: skip


async def employee_events(read: Read) -> list[dict[str, Any]] | None:
    """`employeeEvents(nip, first)`: an auditor's view of one employee's events."""
    row = await read.employee(read.body["nip"])
    if row is None:
        return None
    first = int(read.body.get("first", EMPLOYEE_EVENTS.default))
    events = await events_about(read.pool, row.id, None, first)
    return [
        {"position": e.position, "aggregate": e.aggregate_type,
         "aggregateId": str(e.originator_id), "version": e.originator_version,
         "type": e.event_type, "recordedAt": iso(e.recorded_at), "actorId": e.actor_id,
         "actorRole": e.actor_role, "reason": e.reason, "payload": json.loads(e.payload)}
        for e in events
    ]  # fmt: skip


async def employee_changes(read: Read) -> dict[str, Any] | None:
    """`employeeChanges(nip, from)`: what became known since `from`, and the point read at."""
    await read.require_private("employeeChanges", read.body["nip"])
    row = await read.employee(read.body["nip"])
    if row is None:
        return None
    since = datetime.fromisoformat(read.body["from"])
    until = datetime.max.replace(tzinfo=since.tzinfo)
    point = await point_for(
        read.pool, row.id, known_at=None, position=None, valid_on=datetime.now(UTC).date()
    )
    rows = await changes_known(
        read.pool, row.id, since, until, after_position=None, first=EMPLOYEE_CHANGES.default
    )
    return {
        "asOf": {"position": point.position, "knownAt": iso(point.known_at),
                 "validOn": iso(point.valid_on)},
        "changes": [
            {"position": c.position, "kind": c.kind, "effectiveOn": iso(c.effective_on),
             "recordedAt": iso(c.recorded_at), "retroactive": c.retroactive,
             "actorId": c.actor_id, "actorRole": c.actor_role, "reason": c.reason,
             "detail": c.detail}
            for c in rows if c.position <= point.position
        ],
    }  # fmt: skip


def routes(resources: Resources) -> list[Route]:
    """The people documents' endpoints."""
    handlers = {
        "employee_record": ("employee", employee_record),
        "filtered_page": ("employees", filtered_page),
        "unit_tree": ("unitTree", whole_unit_tree),
        "employee_events": ("employeeEvents", employee_events),
        "employee_changes": ("employeeChanges", employee_changes),
    }
    return [
        Route(f"/plain/portal/{key}", endpoint(resources, root, handler), methods=["POST"])
        for key, (root, handler) in handlers.items()
    ]
