"""A read model's state for the metrics: DEGRADED when held, or behind a held one it reads."""

from __future__ import annotations

from projections.health import ProjectionHealth, held_source

READS_FROM = {"employees": ("units",), "report": ("employees",)}


def test_a_projection_reading_a_held_one_waits_for_it_directly_or_through_another() -> None:
    assert held_source("employees", {"units"}, READS_FROM) == "units"
    assert held_source("report", {"units"}, READS_FROM) == "units"
    assert held_source("units", {"employees"}, READS_FROM) is None


def test_a_projection_is_degraded_when_held_or_behind_a_held_one() -> None:
    states = [
        ProjectionHealth("units", 7, held_at=8).degraded,
        ProjectionHealth("employees", 7, behind="units").degraded,
        ProjectionHealth("career", 9).degraded,
    ]
    assert states == [True, True, False]


def test_the_lag_counts_the_events_not_yet_applied_never_below_zero() -> None:
    assert (ProjectionHealth("units", 7).lag(10), ProjectionHealth("units", 12).lag(10)) == (3, 0)
