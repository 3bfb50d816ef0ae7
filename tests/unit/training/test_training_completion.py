"""Training, finishing a programme: attendance, results and JP, finishing and cancelling."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.training import Seat, Training
from domain.errors import (
    AttendanceInsufficient,
    InvalidLearning,
    ParticipantNotEligible,
    ProgrammeNotOpen,
    ReasonRequired,
)
from domain.learning import LearningForm, credit_from
from tests.unit.training.conftest import (
    AT,
    HR,
    LAST_SESSION,
    accepted,
    attended_all,
    because,
    define,
    employee,
    records_nothing,
    settle,
)

ANI, BUDI, CITRA = employee(1), employee(2), employee(3)


def passing(training: Training) -> None:
    """Ani passes with a score of 85 and certificate SERT-001 on the day of the last session."""
    training.complete(ANI, "PASSED", 85.0, "SERT-001", LAST_SESSION, AT, HR)


def ready() -> Training:
    """A programme (capacity 2, 2 sessions of 180 minutes, 8 JP) where Ani attended both."""
    return settle(attended_all(accepted(define(), ANI), ANI))


def cancelled() -> Training:
    training = accepted(define(), ANI)
    training.cancel(AT, because("Anggaran dialihkan"))
    return settle(training)


# --- attendance ----------------------------------------------------------------------------
def test_attendance_is_recorded_per_session_with_its_date_and_minutes() -> None:
    training = settle(accepted(define(), ANI))
    training.record_attendance(ANI, 2, AT, HR)
    [event] = training.collect_events()
    assert isinstance(event, Training.AttendanceRecorded)
    assert (event.session, event.session_on, event.minutes) == (2, date(2025, 5, 6), 180)


def test_attendance_at_a_session_still_to_come_is_refused() -> None:
    training = settle(accepted(define(sessions=[(date(2025, 7, 1), 180)], jp=4), ANI))
    records_nothing(training, InvalidLearning, lambda: training.record_attendance(ANI, 1, AT, HR))


def test_attendance_is_recorded_once_per_session() -> None:
    training = accepted(define(), ANI)
    training.record_attendance(ANI, 1, AT, HR)
    training = settle(training)
    records_nothing(
        training, ParticipantNotEligible, lambda: training.record_attendance(ANI, 1, AT, HR)
    )


def test_attendance_of_someone_not_accepted_is_refused() -> None:
    training = define()
    training.nominate(ANI, set(), AT, HR)
    training = settle(training)
    records_nothing(
        training, ParticipantNotEligible, lambda: training.record_attendance(ANI, 1, AT, HR)
    )


def test_attendance_after_cancellation_is_refused() -> None:
    training = cancelled()
    records_nothing(training, ProgrammeNotOpen, lambda: training.record_attendance(ANI, 1, AT, HR))


# --- completion ----------------------------------------------------------------------------
def test_a_pass_grants_the_programme_jp_traceable_to_employee_year_form_and_competencies() -> None:
    # given Ani attended both sessions
    training = ready()
    # when
    passing(training)
    # then
    [completed] = training.collect_events()
    assert isinstance(completed, Training.ParticipantCompleted)
    assert (completed.result, completed.score, completed.certificate_ref) == (
        "PASSED",
        85.0,
        "SERT-001",
    )
    credit = credit_from(completed, source="42")
    assert (credit.employee_id, credit.jp, credit.year) == (ANI, 8, 2025)
    assert (credit.form, credit.competency_codes) == (
        LearningForm.PELATIHAN_KLASIKAL,
        ("DIGITAL-PELAYANAN",),
    )
    assert training.has_passed(ANI)


def test_a_fail_grants_no_jp() -> None:
    training = ready()
    training.complete(ANI, "FAILED", 40.0, None, LAST_SESSION, AT, HR)
    [completed] = training.collect_events()
    assert isinstance(completed, Training.ParticipantCompleted)
    assert completed.jp == 0
    assert training.seat_of(ANI) is Seat.FAILED


def test_completion_needs_80_percent_of_the_minutes_attended() -> None:
    # given Ani attended one of two equal sessions: 50%
    training = accepted(define(), ANI)
    training.record_attendance(ANI, 1, AT, HR)
    training = settle(training)
    # when / then
    records_nothing(training, AttendanceInsufficient, lambda: passing(training))


def test_completing_twice_is_refused() -> None:
    training = attended_all(accepted(define(), ANI), ANI)
    passing(training)
    training = settle(training)
    records_nothing(training, ParticipantNotEligible, lambda: passing(training))


def test_a_scored_form_needs_a_score() -> None:
    training = ready()
    records_nothing(
        training,
        InvalidLearning,
        lambda: training.complete(ANI, "PASSED", None, "SERT-001", LAST_SESSION, AT, HR),
    )


def test_a_form_without_an_exam_takes_no_score() -> None:
    training = settle(attended_all(accepted(define(form=LearningForm.SEMINAR), ANI), ANI))
    records_nothing(
        training,
        InvalidLearning,
        lambda: training.complete(ANI, "PASSED", 90.0, "SERT-001", LAST_SESSION, AT, HR),
    )


def test_a_pass_needs_a_certificate_reference() -> None:
    training = ready()
    records_nothing(
        training,
        InvalidLearning,
        lambda: training.complete(ANI, "PASSED", 85.0, " ", LAST_SESSION, AT, HR),
    )


@pytest.mark.parametrize("on", [date(2025, 5, 5), date(2025, 6, 3)])
def test_a_completion_date_before_the_last_session_or_in_the_future_is_refused(on: date) -> None:
    training = ready()
    records_nothing(
        training,
        InvalidLearning,
        lambda: training.complete(ANI, "PASSED", 85.0, "SERT-001", on, AT, HR),
    )


# --- finishing and cancelling --------------------------------------------------------------
def test_finishing_releases_candidates_and_the_waitlist() -> None:
    # given Ani passed, Budi nominated and never decided
    training = attended_all(accepted(define(), ANI), ANI)
    passing(training)
    training.nominate(BUDI, set(), AT, HR)
    training = settle(training)
    # when
    training.finish(AT, HR)
    # then
    [finished] = training.collect_events()
    assert isinstance(finished, Training.Finished)
    assert finished.released_ids == [BUDI]
    assert training.status == "FINISHED"
    assert training.has_passed(ANI)


def test_finishing_while_a_participant_has_no_result_is_refused() -> None:
    training = ready()
    records_nothing(training, ParticipantNotEligible, lambda: training.finish(AT, HR))


def test_cancelling_releases_everybody_and_keeps_the_reason() -> None:
    # given Ani and Budi seated, Citra waitlisted
    training = settle(accepted(define(capacity=2), ANI, BUDI, CITRA))
    # when
    training.cancel(AT, because("Narasumber berhalangan"))
    # then
    [cancelled_event] = training.collect_events()
    assert isinstance(cancelled_event, Training.Cancelled)
    assert cancelled_event.released_ids == [ANI, BUDI, CITRA]
    assert cancelled_event.meta.reason == "Narasumber berhalangan"
    assert training.seats == {}
    assert training.waitlist == []


def test_cancelling_needs_a_reason() -> None:
    training = settle(define())
    records_nothing(training, ReasonRequired, lambda: training.cancel(AT, HR))


def test_a_cancelled_programme_grants_no_jp() -> None:
    # given Ani attended everything, then the programme was cancelled
    training = attended_all(accepted(define(), ANI), ANI)
    training.cancel(AT, because("Anggaran dialihkan"))
    training = settle(training)
    # when a result is recorded / then refused: no JP-granting event can follow a cancellation
    records_nothing(training, ProgrammeNotOpen, lambda: passing(training))


def test_a_programme_with_results_cannot_be_cancelled() -> None:
    # a cancellation grants no JP, so it cannot come after JP were granted
    training = attended_all(accepted(define(), ANI), ANI)
    passing(training)
    training = settle(training)
    records_nothing(training, ProgrammeNotOpen, lambda: training.cancel(AT, because("Salah input")))


@pytest.mark.parametrize("ended", ["cancelled", "finished"])
def test_enrolling_in_an_ended_programme_is_refused(ended: str) -> None:
    training = define()
    if ended == "cancelled":
        training.cancel(AT, because("Tidak ada peminat"))
    else:
        training.finish(AT, HR)
    training = settle(training)
    records_nothing(training, ProgrammeNotOpen, lambda: training.apply_for(ANI, set(), AT, HR))
