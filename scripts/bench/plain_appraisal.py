"""Plain endpoints for the appraisal documents: a score explanation with its appraisal, a
cycle summary with its unit distributions, and the talent grid.

Each calls the read-model functions graphql_api/appraisal/queries.py calls (cycles by id,
`appraisal_of`, `cycle_rows` and the summaries over them) and the domain's own matrix rule,
and writes the JSON the document selects (scripts/bench/portal_documents.py).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.routing import Route

from domain.appraisal import ANNUAL, FeedbackSource
from domain.scoring import OrgRating, Predikat, Rating, predikat_for
from domain.talent import Potensial
from graphql_api.paging import TALENT_GRID, page_after
from projections.appraisal_cycles import CycleRow, cycles_by_ids
from projections.appraisal_records import appraisal_of
from projections.appraisal_summaries import (
    Progress,
    cycle_rows,
    outstanding_actions,
    progress_of,
    talent_grid,
    unit_summaries,
)
from scripts.bench.plain_portal import Read, Resources, endpoint, iso, name
from services.personnel import normalize_nip


async def _cycle(read: Read) -> CycleRow | None:
    """The caller's tenant's cycle, as `load_cycle` finds it."""
    (cycle,) = await cycles_by_ids(read.pool, [UUID(read.body["cycleId"])])
    return cycle if cycle is not None and cycle.tenant == read.tenant else None


def _progress(p: Progress) -> dict[str, Any]:
    return {"enrolled": p.enrolled, "skpApproved": p.skp_approved, "assessed": p.assessed,
            "finalised": p.finalised, "objectionsOpen": p.objections_open}  # fmt: skip


async def score_explanation(read: Read) -> dict[str, Any] | None:
    """`scoreExplanation(cycleId, nip)`: the appraisal, its matrix cell and feedback counts."""
    await read.require_private("scoreExplanation", read.body["nip"])
    cycle = await _cycle(read)
    if cycle is None:
        return None
    row = await appraisal_of(read.pool, cycle.id, normalize_nip(read.body["nip"]))
    if row is None:
        return None
    doc = row["doc"]
    annual = doc["predikat"].get(ANNUAL)
    cell = None
    if annual is not None:
        hasil, perilaku = Rating(annual["hasil_kerja"]), Rating(annual["perilaku_kerja"])
        cell = {"hasilKerja": hasil.name, "perilakuKerja": perilaku.name,
                "predikat": predikat_for(hasil, perilaku).name}  # fmt: skip
    org = cycle.org_ratings.get(str(row["unit_id"]))
    appraisal = {
        "nip": row["nip"], "year": row["year"], "unitId": str(row["unit_id"]),
        "appraiser": row["appraiser"], "skpStatus": row["skp_status"],
        "annualPredikat": name(row["annual_predikat"] or None, Predikat),
        "potensial": row["potensial"], "lastPosition": row["last_position"],
        "ratings": [
            {"checkpoint": cp, "hasilKerja": name(r["hasil_kerja"], Rating),
             "perilakuKerja": name(r["perilaku_kerja"], Rating),
             "justification": r["justification"], "author": r["actor"],
             "calibrated": r["calibrated"], "position": r["position"]}
            for cp, r in doc["ratings"].items()
        ],
        "predikat": [
            {"checkpoint": cp, "predikat": name(p["predikat"], Predikat),
             "hasilKerja": name(p["hasil_kerja"], Rating),
             "perilakuKerja": name(p["perilaku_kerja"], Rating),
             "rulesVersion": p["rules_version"], "sourcePositions": p["source_positions"],
             "position": p["position"]}
            for cp, p in doc["predikat"].items()
        ],
        "calibrations": [
            {"checkpoint": c["checkpoint"], "hasilKerja": name(c["hasil_kerja"], Rating),
             "perilakuKerja": name(c["perilaku_kerja"], Rating), "actor": c["actor"],
             "reason": c["reason"], "position": c["position"]}
            for c in doc["calibrations"]
        ],
    }  # fmt: skip
    return {
        "orgRating": name(org or None, OrgRating),
        "rulesVersion": annual["rules_version"] if annual else None,
        "annualPredikatPosition": annual["position"] if annual else None,
        "matrixCell": cell,
        "feedbackSummary": _feedback_summary(doc["feedback"]),
        "appraisal": appraisal,
    }


def _feedback_summary(feedback: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feedback counted per source kind, first seen first, as `summarise_feedback` counts."""
    by_source: dict[str, list[dict[str, Any]]] = {}
    for item in feedback:
        by_source.setdefault(FeedbackSource(item["source"]).name, []).append(item)
    summary = []
    for source, items in by_source.items():
        scores = [f["score"] for f in items if f["score"] is not None]
        average = round(sum(scores) / len(scores), 2) if scores else None
        summary.append({"source": source, "count": len(items), "averageScore": average,
                        "positions": [f["position"] for f in items]})  # fmt: skip
    return summary


async def cycle_summary(read: Read) -> dict[str, Any] | None:
    """`appraisalCycleSummary(cycleId)`: progress, every unit's distribution, what is open."""
    cycle = await _cycle(read)
    if cycle is None:
        return None
    rows = await cycle_rows(read.pool, cycle)
    units = []
    for s in unit_summaries(cycle, rows):
        d = s.distribution
        units.append({
            "unitId": str(s.unit_id), "orgRating": name(d.org_rating or None, OrgRating),
            "total": d.total, "inBand": d.in_band,
            "counts": [{"predikat": name(p, Predikat), "count": n} for p, n in d.counts.items()],
            "failures": [{"condition": f.condition, "count": f.count, "total": f.total,
                          "percent": f.percent} for f in d.failures],
            "progress": {"enrolled": s.progress.enrolled, "assessed": s.progress.assessed,
                         "finalised": s.progress.finalised},
        })  # fmt: skip
    return {
        "cycle": {"id": str(cycle.id), "year": cycle.year, "period": cycle.period,
                  "enrolled": cycle.enrolled, "finalisedOn": iso(cycle.finalised_on),
                  "rulesVersion": cycle.rules_version},
        "progress": _progress(progress_of(cycle, rows)),
        "units": units,
        "outstanding": [{"actor": a.actor, "action": a.action, "nip": a.nip}
                        for a in outstanding_actions(rows)],
    }  # fmt: skip


async def whole_talent_grid(read: Read) -> list[dict[str, Any]] | None:
    """`talentGrid(cycleId, first)`: everyone on the 9-box, by NIP."""
    cycle = await _cycle(read)
    if cycle is None:
        return None
    rows = await cycle_rows(read.pool, cycle, None)
    cells = page_after(talent_grid(rows), int(read.body["first"]), TALENT_GRID, lambda c: c.nip)
    return [
        {"nip": c.nip, "unitId": str(c.unit_id), "predikat": name(c.predikat, Predikat),
         "kinerja": name(c.box.kinerja, Rating), "potensial": name(c.box.potensial, Potensial),
         "box": c.box.box, "recommendation": c.box.recommendation,
         "inTalentPool": c.box.in_talent_pool, "rulesVersion": c.box.rules_version}
        for c in cells
    ]  # fmt: skip


def routes(resources: Resources) -> list[Route]:
    """The appraisal documents' endpoints."""
    handlers = {
        "score_explanation": ("scoreExplanation", score_explanation),
        "cycle_summary": ("appraisalCycleSummary", cycle_summary),
        "talent_grid": ("talentGrid", whole_talent_grid),
    }
    return [
        Route(f"/plain/portal/{key}", endpoint(resources, root, handler), methods=["POST"])
        for key, (root, handler) in handlers.items()
    ]
