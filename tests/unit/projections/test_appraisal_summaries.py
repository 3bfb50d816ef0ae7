"""Cycle summaries from appraisal rows: next actions, bands by the domain's rule, the 9-box."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from projections.appraisal_cycles import CycleRow
from projections.appraisal_summaries import (
    outstanding_actions,
    talent_grid,
    unit_summaries,
    unit_summary,
)

UNIT = uuid4()


def cycle(org_rating: str | None = "BAIK", finalised: bool = False) -> CycleRow:
    ratings = {str(UNIT): org_rating} if org_rating else {}
    return CycleRow(
        id=uuid4(), tenant="pemkot-palangkaraya", year=2025, period="QUARTERLY", unit_ids=[UNIT],
        org_ratings=ratings, settings={"most_is_plurality": False},
        finalised_on=date(2025, 12, 28) if finalised else None, rules_version=None,
        enrolled=0, last_position=1,
    )  # fmt: skip


def row(nip: str, **changes: Any) -> dict[str, Any]:
    base = {"nip": nip, "unit_id": UNIT, "appraiser": "KASI", "superior": "KABID",
            "skp_status": "APPROVED", "annual_predikat": None, "potensial": None,
            "objection": None, "annual_rated": False}  # fmt: skip
    return base | changes


def rated(nip: str, predikat: str, **changes: Any) -> dict[str, Any]:
    return row(nip, annual_predikat=predikat, annual_rated=True, **changes)


def test_each_appraisal_waits_for_the_person_whose_step_is_next() -> None:
    rows = [
        row("A", skp_status=None), row("B", skp_status="DRAFT"), row("C"),
        rated("D", "BAIK", objection="FILED"), rated("E", "BAIK"),
    ]  # fmt: skip
    actions = [(a.actor, a.action, a.nip) for a in outstanding_actions(rows)]
    assert actions == [
        ("A", "DRAFT_SKP", "A"), ("KASI", "APPROVE_SKP", "B"), ("KASI", "RATE_ANNUAL", "C"),
        ("KABID", "DECIDE_OBJECTION", "D"),
    ]  # fmt: skip


def test_a_unit_all_baik_is_out_of_the_baik_band() -> None:
    rows = [rated(nip, "BAIK") for nip in "ABCD"]
    summary = unit_summary(cycle("BAIK"), UNIT, rows)
    assert summary.distribution.in_band is False
    assert summary.distribution.counts["BAIK"] == 4


def test_a_unit_with_some_butuh_perbaikan_is_in_the_baik_band() -> None:
    rows = [rated("A", "BAIK"), rated("B", "BAIK"), rated("C", "BUTUH_PERBAIKAN")]
    assert unit_summary(cycle("BAIK"), UNIT, rows).distribution.in_band is True


def test_progress_counts_finalised_results_only_once_the_cycle_is_finalised() -> None:
    rows = [rated("A", "BAIK"), row("B", skp_status="DRAFT")]
    open_progress = unit_summary(cycle(), UNIT, rows).progress
    final_progress = unit_summary(cycle(finalised=True), UNIT, rows).progress
    assert (open_progress.skp_approved, open_progress.assessed) == (1, 1)
    assert (open_progress.finalised, final_progress.finalised) == (0, 1)


def test_the_talent_grid_places_only_those_with_a_predikat_and_a_potential() -> None:
    rows = [
        rated("A", "SANGAT_BAIK", potensial="TINGGI"),
        rated("B", "BAIK"),
        row("C", potensial="RENDAH"),
    ]
    [cell] = talent_grid(rows)
    assert (cell.nip, cell.box.box, cell.box.in_talent_pool) == ("A", 9, True)


def test_the_summaries_of_every_unit_are_each_units_own_in_the_cycles_order() -> None:
    other = uuid4()
    rows = [rated("A", "BAIK"), rated("B", "BAIK", unit_id=other), row("C")]
    the_cycle = cycle()
    the_cycle = CycleRow(**{**vars(the_cycle), "unit_ids": [other, UNIT]})
    summaries = unit_summaries(the_cycle, rows)
    assert [s.unit_id for s in summaries] == [other, UNIT]
    assert summaries == [unit_summary(the_cycle, u, rows) for u in (other, UNIT)]
