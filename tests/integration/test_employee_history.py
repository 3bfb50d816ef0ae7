"""An employee's history holds the events of other aggregates that concern them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from domain.aggregates.employee import Employee
from projections.runner import ProjectionRunner
from services.audit import employee_trail
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_application
from services.training import TrainingApplication
from tests.integration.scenarios import Office, SteppingClock

pytestmark = pytest.mark.integration

SENIOR = "197505152000031001"  # in service since 2000: may mentor the office's 2015 intake


@pytest.fixture
def training(database: Database, clock: SteppingClock) -> Iterator[TrainingApplication]:
    application = build_application(TrainingApplication, database, clock=clock)
    yield application
    application.close()


@pytest.fixture
def mentored(
    personnel: PersonnelApplication, training: TrainingApplication, caller: Caller, office: Office
) -> dict[str, int]:
    """A senior mentoring the office's second employee, and learning the mentee submitted."""
    personnel.appoint_employee(
        caller, nip=SENIOR, name="Pegawai Senior", employment_type="PNS", golongan="III/d",
        jabatan_kind="PELAKSANA", jabatan_title="Analis Kepegawaian",
        unit_id=office.bidang_id, appointed_on=date(2000, 3, 1),
    )  # fmt: skip
    mentor, mentee = SENIOR, office.nips[1]
    paired = training.pair_mentoring(
        caller, mentor_nip=mentor, mentee_nip=mentee, starts_on=date(2024, 1, 8),
        ends_on=date(2024, 6, 28), goals=["Menyusun SKP pertama"],
    )  # fmt: skip
    meeting = training.log_meeting(
        caller, mentoring_id=paired.aggregate_id, held_on=date(2024, 2, 5), minutes=90,
        topic="Rencana hasil kerja",
    )  # fmt: skip
    submitted = training.submit_external_learning(
        caller, nip=mentee, title="Webinar Pelayanan Publik Digital", form="SEMINAR",
        provider="LAN RI", completed_on=date(2024, 3, 4), minutes=180, evidence_ref="SERT-001",
    )  # fmt: skip
    recognised = training.recognise_external_learning(
        caller, learning_id=submitted.aggregate_id, jp=4
    )
    return {
        "paired": paired.position,
        "meeting": meeting.position,
        "submitted": submitted.position,
        "recognised": recognised.position,
    }


def test_a_mentee_history_holds_the_pairing_its_meetings_and_their_own_learning(
    personnel: PersonnelApplication, runner: ProjectionRunner, office: Office,
    mentored: dict[str, int],
) -> None:  # fmt: skip
    runner.catch_up()
    trail = employee_trail(personnel, Employee.id_for(office.nips[1]))
    positions = [event.position for event in trail]
    assert set(mentored.values()) <= set(positions)
    assert positions == sorted(positions)
    assert [e.event_type for e in trail if e.position in mentored.values()] == [
        "Paired", "MeetingLogged", "Submitted", "Recognised",
    ]  # fmt: skip


def test_a_mentor_history_holds_the_pairing_but_not_the_mentee_learning(
    personnel: PersonnelApplication, runner: ProjectionRunner, office: Office,
    mentored: dict[str, int],
) -> None:  # fmt: skip
    runner.catch_up()
    positions = {e.position for e in employee_trail(personnel, Employee.id_for(SENIOR))}
    assert {mentored["paired"], mentored["meeting"]} <= positions
    assert not {mentored["submitted"], mentored["recognised"]} & positions


def test_without_read_models_the_trail_is_the_record_own_events(
    personnel: PersonnelApplication, office: Office, mentored: dict[str, int]
) -> None:
    trail = employee_trail(personnel, Employee.id_for(office.nips[1]))
    assert {e.aggregate_type for e in trail} == {"Employee"}
