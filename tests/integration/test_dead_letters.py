"""An event one projection cannot apply holds that projection alone; the others follow the log.

The `poisoned` log, after whatever the fixtures recorded first: a unit, an appointment, then
the bad event — an appointment whose name holds a NUL (the employees table refuses it; no
other read model stores the name as text) — then a second unit, another appointment and a
promotion of the first employee.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import psycopg
import pytest
from eventsourcing.utils import register_topic

from domain.aggregates.employee import Employee
from projections.reader import EventReader
from projections.rebuild import rebuild
from projections.registry import all_projections
from projections.retry import retry_held
from projections.runner import ProjectionRunner
from projections.status import DEGRADED, OK, projection_status
from services.database import Database
from services.personnel import PersonnelApplication
from tests.integration.poison import (
    NUL_NAME,
    Refuses,
    fixed_projections,
    head,
    save_appointment,
    save_promotion,
    save_unit,
)
from tests.integration.scenarios import nip

pytestmark = pytest.mark.integration

APPOINTED = "domain.aggregates.employee:Employee.Appointed"
NUL_ERROR = ("DataError", "PostgreSQL text fields cannot contain NUL (0x00) bytes")


@dataclasses.dataclass(frozen=True)
class PoisonedLog:
    bad: int  # the event the employees projection cannot apply
    head: int

    @property
    def before(self) -> int:
        return self.bad - 1


class Commended(Employee.Event):
    """An event class of a newer release: this code's projections have no handler for it."""


def rows(database: Database, query: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return conn.execute(query).fetchall()


def positions(database: Database) -> dict[str, tuple[int, int | None]]:
    """Each projection's (position, held_at)."""
    found = rows(database, "SELECT name, position, held_at FROM rm.projection_positions")
    return {name: (position, held_at) for name, position, held_at in found}


def dead_letters(database: Database) -> list[tuple[Any, ...]]:
    return rows(
        database,
        "SELECT projection, position, topic, error_class, error_message, attempts, "
        "resolved_at IS NOT NULL FROM rm.dead_letters ORDER BY position, projection",
    )


def employee_names(database: Database) -> list[str]:
    return [name for (name,) in rows(database, "SELECT name FROM rm.employees ORDER BY name")]


@pytest.fixture
def poisoned(personnel: PersonnelApplication) -> PoisonedLog:
    """The log described above."""
    dinas = save_unit(personnel, "DISDIK")
    first = save_appointment(personnel, 0, dinas)
    save_appointment(personnel, 1, dinas, name=NUL_NAME)
    bad = head(personnel)
    save_unit(personnel, "DINKES")
    save_appointment(personnel, 2, dinas)
    save_promotion(personnel, first)
    return PoisonedLog(bad, head(personnel))


def test_the_other_projections_follow_the_log_past_an_event_one_cannot_apply(
    runner: ProjectionRunner, database: Database, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    others = {name: at for name, at in positions(database).items() if name != "employees"}
    assert others == {name: (poisoned.head, None) for name in others}
    assert rows(database, "SELECT code FROM rm.units ORDER BY code") == [("DINKES",), ("DISDIK",)]
    assert rows(database, "SELECT count(*) FROM rm.career_entries") == [(4,)]
    assert rows(database, "SELECT max(position) FROM rm.event_log") == [(poisoned.head,)]


def test_the_projection_that_cannot_apply_it_stops_just_before_it_with_its_rows_so_far(
    runner: ProjectionRunner, database: Database, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    assert positions(database)["employees"] == (poisoned.before, poisoned.bad)
    assert employee_names(database) == ["Pegawai 0"]
    assert rows(database, "SELECT golongan FROM rm.employees") == [("III/a",)]  # not promoted


def test_the_dead_letter_names_the_projection_the_event_its_topic_and_the_error(
    runner: ProjectionRunner, database: Database, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    assert dead_letters(database) == [("employees", poisoned.bad, APPOINTED, *NUL_ERROR, 1, False)]


def test_a_held_projection_is_not_tried_again_with_every_batch(
    runner: ProjectionRunner,
    database: Database,
    personnel: PersonnelApplication,
    poisoned: PoisonedLog,
) -> None:
    runner.catch_up()

    save_unit(personnel, "BAPPEDA")
    assert runner.catch_up() == 1
    assert runner.catch_up() == 0

    assert [(d[0], d[1], d[5]) for d in dead_letters(database)] == [("employees", poisoned.bad, 1)]
    assert positions(database)["units"] == (poisoned.head + 1, None)
    assert positions(database)["employees"] == (poisoned.before, poisoned.bad)


def test_the_runner_position_is_that_of_the_held_projection(
    runner: ProjectionRunner, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    assert runner.position() == poisoned.before


def test_status_marks_the_held_projection_degraded_with_its_event_and_error(
    runner: ProjectionRunner, database: Database, reader: EventReader, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    status = {row.name: row for row in projection_status(database, reader)}
    employees = status.pop("employees")
    assert (employees.state, employees.position) == (DEGRADED, poisoned.before)
    assert employees.lag == poisoned.head - poisoned.before
    assert employees.reason == (f"held at #{poisoned.bad} ({APPOINTED}): {': '.join(NUL_ERROR)}")
    assert {(row.state, row.lag) for row in status.values()} == {(OK, 0)}


def test_a_projection_that_reads_a_held_one_stops_where_that_one_is_held(
    runner: ProjectionRunner,
    database: Database,
    personnel: PersonnelApplication,
    reader: EventReader,
) -> None:
    dinas = save_unit(personnel, "DISDIK")
    save_appointment(personnel, 0, dinas)
    bad_unit = save_unit(personnel, "DINKES", name="Dinas\x00Kesehatan")  # units refuse it
    bad = head(personnel)
    save_appointment(personnel, 1, bad_unit)  # employees would look its path up in units
    save_appointment(personnel, 2, dinas)

    runner.catch_up()

    assert {name: positions(database)[name] for name in ("units", "employees", "career")} == {
        "units": (bad - 1, bad),
        "employees": (bad - 1, None),
        "career": (bad - 1, None),
    }
    assert positions(database)["event_log"] == (head(personnel), None)
    assert [(d[0], d[1]) for d in dead_letters(database)] == [("units", bad)]
    status = {row.name: row for row in projection_status(database, reader)}
    assert (status["employees"].state, status["employees"].behind) == (DEGRADED, "units")


def test_retry_after_a_fix_applies_the_event_and_releases_the_projection(
    runner: ProjectionRunner, database: Database, reader: EventReader, poisoned: PoisonedLog
) -> None:
    runner.catch_up()
    fixed = ProjectionRunner(database, reader, projections=fixed_projections())
    try:
        report = retry_held(fixed)
    finally:
        fixed.close()

    assert [(d.projection, d.position) for d in report.resolved] == [("employees", poisoned.bad)]
    assert report.failing == []
    assert positions(database)["employees"] == (poisoned.head, None)
    assert employee_names(database) == ["Pegawai 0", "Pegawai 2", "SitiAminah"]
    promoted = f"SELECT golongan FROM rm.employees WHERE nip = '{nip(0)}'"
    assert rows(database, promoted) == [("III/b",)]
    assert [(d[0], d[1], d[6]) for d in dead_letters(database)] == [
        ("employees", poisoned.bad, True)
    ]
    assert {row.state for row in projection_status(database, reader)} == {OK}


def test_retry_without_a_fix_keeps_the_projection_held_and_counts_the_attempt(
    runner: ProjectionRunner, database: Database, poisoned: PoisonedLog
) -> None:
    runner.catch_up()

    report = retry_held(runner)

    assert [(d.projection, d.position, d.attempts) for d in report.failing] == [
        ("employees", poisoned.bad, 2)
    ]
    assert report.resolved == []
    assert positions(database)["employees"] == (poisoned.before, poisoned.bad)


def test_a_retry_that_gets_past_its_event_and_meets_another_is_held_at_that_one(
    database: Database, reader: EventReader, poisoned: PoisonedLog
) -> None:
    first, second = poisoned.bad - 1, poisoned.bad + 1
    refuses = Refuses(first, second)
    runner = ProjectionRunner(database, reader, projections=[*all_projections(), refuses])
    try:
        runner.ensure_schema()
        runner.catch_up()
        refuses.refused = {second}  # the fix covers the first event only

        report = retry_held(runner, ["refuses"])
    finally:
        runner.close()

    assert [(d.projection, d.position) for d in report.resolved] == [("refuses", first)]
    assert [(d.projection, d.position) for d in report.failing] == [("refuses", second)]
    assert positions(database)["refuses"] == (second - 1, second)


def test_an_event_nobody_can_decode_holds_every_projection_until_its_class_is_known(
    runner: ProjectionRunner, database: Database, personnel: PersonnelApplication
) -> None:
    dinas = save_unit(personnel, "DISDIK")
    employee = Employee.id_for(save_appointment(personnel, 0, dinas))
    # An event a newer release wrote: this code does not know its class.
    [stored] = personnel.recorder.select_events(employee)
    topic = "jejak.future:Employee.Commended"
    personnel.recorder.insert_events(
        [dataclasses.replace(stored, topic=topic, originator_version=2)]
    )
    bad = head(personnel)
    save_unit(personnel, "DINKES")

    runner.catch_up()

    names = sorted(p.name for p in all_projections())
    assert positions(database) == dict.fromkeys(names, (bad - 1, bad))
    assert {(d[0], d[1], d[2], d[3]) for d in dead_letters(database)} == {
        (name, bad, topic, "TopicError") for name in names
    }

    register_topic(topic, Commended)  # the release that knows the event is deployed
    report = retry_held(runner)

    assert report.failing == []
    assert positions(database) == dict.fromkeys(names, (head(personnel), None))


def test_rebuild_completes_beside_a_bad_event_and_reports_its_dead_letter(
    runner: ProjectionRunner, database: Database, reader: EventReader, poisoned: PoisonedLog
) -> None:
    report = rebuild(database, reader, batch_size=2)

    assert [(d.projection, d.position, d.topic) for d in report.dead_letters] == [
        ("employees", poisoned.bad, APPOINTED)
    ]
    assert report.position == poisoned.before
    assert positions(database)["employees"] == (poisoned.before, poisoned.bad)
    assert positions(database)["units"] == (poisoned.head, None)
    assert rows(database, "SELECT max(position) FROM rm.event_log") == [(poisoned.head,)]
