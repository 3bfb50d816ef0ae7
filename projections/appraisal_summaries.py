"""Summaries of a cycle read from its appraisals: bands, progress, outstanding actions, 9-box.

No table of its own: these are queries over `appraisals` and `appraisal_cycles`, judged by the
domain's own rules (`distribution_report` for the bands, `talent_box` for the 9-box), so the
read side never re-implements a rule the write side enforces.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg

from domain.scoring import DistributionReport, OrgRating, Predikat, distribution_report
from domain.scoring_policy import ScoringPolicy, cycle_policy
from domain.talent import Potensial, TalentBox, talent_box
from projections.appraisal_cycles import CycleRow
from projections.appraisal_records import standings_in_cycle

Row = dict[str, Any]


@dataclass(frozen=True)
class Progress:
    enrolled: int
    skp_approved: int
    assessed: int  # with an annual predikat
    finalised: int  # annual predikat locked by the cycle's finalisation
    objections_open: int


@dataclass(frozen=True)
class UnitSummary:
    unit_id: UUID
    distribution: DistributionReport
    progress: Progress


@dataclass(frozen=True)
class OutstandingAction:
    """Something a person must do next in a cycle: who, what, for whom."""

    actor: str | None  # a NIP; None when nobody is set (HR must override)
    action: str  # DRAFT_SKP, APPROVE_SKP, RATE_ANNUAL, DECIDE_OBJECTION
    nip: str  # the appraised employee


@dataclass(frozen=True)
class TalentCell:
    nip: str
    unit_id: UUID
    predikat: str
    box: TalentBox


def progress_of(cycle: CycleRow, rows: list[Row]) -> Progress:
    """How far the appraisals have come."""
    assessed = sum(1 for r in rows if r["annual_predikat"])
    return Progress(
        enrolled=len(rows),
        skp_approved=sum(1 for r in rows if r["skp_status"] == "APPROVED"),
        assessed=assessed,
        finalised=assessed if cycle.finalised_on else 0,
        objections_open=sum(1 for r in rows if r["objection"] == "FILED"),
    )


def unit_summary(cycle: CycleRow, unit_id: UUID, rows: list[Row]) -> UnitSummary:
    """A unit's annual predikat against the band of its organisation rating, and its progress."""
    in_unit = [r for r in rows if r["unit_id"] == unit_id]
    return _summary(cycle, cycle_policy(cycle.settings), unit_id, in_unit)


def unit_summaries(cycle: CycleRow, rows: list[Row]) -> list[UnitSummary]:
    """Every participating unit's summary, in the cycle's order (the rows grouped once)."""
    by_unit: dict[UUID, list[Row]] = {}
    for r in rows:
        by_unit.setdefault(r["unit_id"], []).append(r)
    policy = cycle_policy(cycle.settings)  # the scoring policy the cycle adopted
    return [_summary(cycle, policy, u, by_unit.get(u, [])) for u in cycle.unit_ids]


def _summary(
    cycle: CycleRow, policy: ScoringPolicy, unit_id: UUID, in_unit: list[Row]
) -> UnitSummary:
    rating = cycle.org_ratings.get(str(unit_id))
    report = distribution_report(
        OrgRating(rating) if rating else None,
        [Predikat(r["annual_predikat"]) for r in in_unit if r["annual_predikat"]],
        most_is_plurality=policy.most_is_plurality,
        bands=policy.bands,
    )
    return UnitSummary(unit_id, report, progress_of(cycle, in_unit))


def outstanding_actions(rows: list[Row]) -> list[OutstandingAction]:
    """The next step each appraisal waits for, and whose it is."""
    actions = []
    for r in rows:
        nip, status = r["nip"], r["skp_status"]
        if status is None:
            actions.append(OutstandingAction(nip, "DRAFT_SKP", nip))
        elif status == "DRAFT":
            actions.append(OutstandingAction(r["appraiser"], "APPROVE_SKP", nip))
        elif not r["annual_rated"]:
            actions.append(OutstandingAction(r["appraiser"], "RATE_ANNUAL", nip))
        if r["objection"] == "FILED":
            actions.append(OutstandingAction(r["superior"], "DECIDE_OBJECTION", nip))
    return actions


def talent_grid(rows: list[Row]) -> list[TalentCell]:
    """Everyone with an annual predikat and a potential assessment, on the 9-box."""
    return [
        TalentCell(
            r["nip"],
            r["unit_id"],
            r["annual_predikat"],
            talent_box(Predikat(r["annual_predikat"]), Potensial(r["potensial"])),
        )
        for r in rows
        if r["annual_predikat"] and r["potensial"]
    ]


def box_counts(cells: list[TalentCell]) -> dict[int, int]:
    """How many employees sit in each box, 1–9."""
    counted = Counter(cell.box.box for cell in cells)
    return {box: counted[box] for box in range(1, 10)}


async def cycle_rows(pool: asyncpg.Pool, cycle: CycleRow, unit_id: UUID | None = None) -> list[Row]:
    """The appraisals a summary is computed from: their columns, not their documents."""
    return await standings_in_cycle(pool, cycle.id, unit_id)
