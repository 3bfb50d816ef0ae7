"""Plain endpoints for the training documents: an employee's JP year, a dinas's 20 JP
compliance and its competency gaps.

Each calls what graphql_api/training/queries.py calls (`credits_of` and the domain's JP rules,
`compliance`, `unit_gaps`) and writes the JSON the document selects
(scripts/bench/portal_documents.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from starlette.routing import Route

from domain.dates import check_year
from domain.learning import (
    ANNUAL_JP_TARGET,
    JPStatus,
    LearningForm,
    jp_by_competency,
    jp_by_form,
    jp_earned,
    jp_status,
)
from graphql_api.paging import COMPETENCY_GAPS, check_first
from projections.jp_ledger import credits_of
from projections.training_reports import compliance, status_basis, unit_gaps
from scripts.bench.plain_portal import Read, Resources, endpoint, iso, name


def _today() -> Any:
    """The training application's clock (utc_now), as a date."""
    return datetime.now(UTC).date()


def _amounts(totals: dict[str, int]) -> list[dict[str, Any]]:
    return [{"key": k, "jp": v} for k, v in sorted(totals.items())]


async def training_year(read: Read) -> dict[str, Any] | None:
    """`trainingYear(nip, year)`: JP earned, by form and competency, and every credit."""
    await read.require_private("trainingYear", read.body["nip"])
    year = check_year(int(read.body["year"]))
    row = await read.employee(read.body["nip"])
    if row is None:
        return None
    [rows] = await credits_of(read.pool, [row.id], year)
    credits = [r.credit() for r in rows]
    earned = jp_earned(credits, row.id, year)
    basis = status_basis(year, _today())
    return {
        "nip": row.nip, "year": year, "earned": earned, "target": ANNUAL_JP_TARGET,
        "status": name(jp_status(earned, basis), JPStatus), "statusBasis": iso(basis),
        "byForm": _amounts(jp_by_form(credits, row.id, year)),
        "byCompetency": _amounts(jp_by_competency(credits, row.id, year)),
        "credits": [
            {"position": r.position, "jp": r.jp, "form": name(r.form, LearningForm),
             "competencyCodes": r.competency_codes, "completedOn": iso(r.completed_on),
             "sourceKind": r.source_kind, "title": r.title}
            for r in rows
        ],
    }  # fmt: skip


async def training_compliance(read: Read) -> dict[str, Any]:
    """`trainingCompliance(year, unitId)`: the 20 JP rule across a dinas."""
    unit = read.body.get("unitId")
    c = await compliance(
        read.pool, read.tenant, UUID(unit) if unit is not None else None,
        check_year(int(read.body["year"])), _today(), True,
    )  # fmt: skip
    at_risk = [e for e in c.employees if e.status is JPStatus.AT_RISK]
    return {
        "year": c.year, "statusBasis": iso(c.basis), "employeeCount": len(c.employees),
        "met": c.count(JPStatus.MET), "onTrack": c.count(JPStatus.ON_TRACK),
        "atRisk": len(at_risk), "complianceRate": c.compliance_rate,
        "distribution": [{"band": b, "employees": n} for b, n in c.distribution()],
        "employeesAtRisk": [
            {"nip": e.nip, "name": e.name, "unitId": str(e.unit_id), "earned": e.earned,
             "status": name(e.status, JPStatus)}
            for e in at_risk
        ],
        "programmeFillRate": c.fill_rate, "programmeCompletionRate": c.completion_rate,
    }  # fmt: skip


async def competency_gaps(read: Read) -> list[dict[str, Any]]:
    """`competencyGaps(unitId, first)`: required competencies not yet developed, biggest first,
    with the open programmes closing each."""
    first = check_first(int(read.body["first"]), COMPETENCY_GAPS)
    unit = read.body.get("unitId")
    report = await unit_gaps(read.pool, read.tenant, UUID(unit) if unit is not None else None)
    by_code: dict[str, list[str]] = defaultdict(list)
    closing: dict[str, tuple[UUID, ...]] = {}
    for gap in report.gaps:
        by_code[gap.competency_code].append(report.nips[gap.employee_id])
        closing[gap.competency_code] = gap.programme_ids
    ordered = sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [
        {"competencyCode": code, "competencyName": report.names.get(code),
         "employeesMissing": len(nips), "nips": sorted(nips),
         "programmes": [
             {"id": str(report.offers[p].programme_id), "title": report.offers[p].title,
              "competencyCodes": sorted(report.offers[p].competency_codes)}
             for p in closing[code]
         ]}
        for code, nips in ordered
    ][:first]  # fmt: skip


def routes(resources: Resources) -> list[Route]:
    """The training documents' endpoints."""
    handlers = {
        "training_year": ("trainingYear", training_year),
        "training_compliance": ("trainingCompliance", training_compliance),
        "competency_gaps": ("competencyGaps", competency_gaps),
    }
    return [
        Route(f"/plain/portal/{key}", endpoint(resources, root, handler), methods=["POST"])
        for key, (root, handler) in handlers.items()
    ]
