"""How far each projection may go in a batch, given where the held ones are held."""

from __future__ import annotations

from projections.base import Envelope
from projections.standings import NO_LIMIT, Standings

READS_FROM = {"employees": ("units",), "career": ("units",), "report": ("employees",)}


def standings(positions: dict[str, int], holds: dict[str, int]) -> Standings:
    return Standings("rm", positions, dict(holds), dict(holds), READS_FROM)


def batch(first: int, last: int) -> list[Envelope]:
    return [Envelope(position, object()) for position in range(first, last + 1)]


def test_a_projection_that_reads_no_other_has_no_limit() -> None:
    assert standings({"units": 4}, {}).limit("units") == NO_LIMIT


def test_a_projection_may_not_reach_the_event_a_projection_it_reads_from_is_held_at() -> None:
    assert standings({"units": 4, "employees": 4}, {"units": 5}).limit("employees") == 5


def test_the_limit_passes_through_a_projection_read_in_between() -> None:
    assert standings({"units": 4, "employees": 4, "report": 4}, {"units": 5}).limit("report") == 5


def test_a_held_projection_does_not_move() -> None:
    assert not standings({"units": 4}, {"units": 5}).movable("units")


def test_one_stopped_just_before_a_hold_does_not_move_and_one_further_behind_does() -> None:
    stopped = standings({"units": 4, "employees": 4}, {"units": 5})
    behind = standings({"units": 4, "employees": 2}, {"units": 5})
    assert (stopped.movable("employees"), behind.movable("employees")) == (False, True)


def test_every_projection_at_the_batch_start_is_given_the_batch_itself() -> None:
    events = batch(5, 9)
    assert standings({"units": 4}, {}).due("units", events) == (events, 9)
    assert standings({"units": 4}, {}).due("units", events)[0] is events  # not a copy


def test_a_projection_ahead_of_the_batch_start_is_given_only_the_events_after_it() -> None:
    due, reached = standings({"units": 7}, {}).due("units", batch(5, 9))
    assert ([e.position for e in due], reached) == ([8, 9], 9)


def test_a_projection_behind_a_hold_is_given_the_events_before_it_and_stops_there() -> None:
    due, reached = standings({"units": 2, "employees": 2}, {"units": 5}).due(
        "employees", batch(3, 9)
    )
    assert ([e.position for e in due], reached) == ([3, 4], 4)
