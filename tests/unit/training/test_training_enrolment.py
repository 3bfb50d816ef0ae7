"""Training, entering a programme: definition, nomination and application, capacity, waitlist."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.training import Seat, Training
from domain.errors import (
    InvalidLearning,
    ParticipantNotEligible,
    PrerequisitesNotMet,
    ReasonRequired,
)
from domain.learning import LearningForm
from tests.unit.training.conftest import (
    AT,
    HR,
    accepted,
    because,
    define,
    employee,
    programme_id,
    records_nothing,
    settle,
)

ANI, BUDI, CITRA = employee(1), employee(2), employee(3)


# --- definition ----------------------------------------------------------------------------
def test_defining_records_the_programme_with_its_schedule_competencies_and_jp() -> None:
    # when
    training = define(form=LearningForm.E_LEARNING, jp=8)
    # then
    [defined] = training.collect_events()
    assert isinstance(defined, Training.Defined)
    assert defined.tenant == HR.tenant
    assert defined.meta == HR
    assert defined.form == "E_LEARNING"
    assert defined.jp == 8
    assert defined.competency_codes == ["DIGITAL-PELAYANAN"]
    assert defined.sessions == [
        {"on": date(2025, 5, 5), "minutes": 180},
        {"on": date(2025, 5, 6), "minutes": 180},
    ]


def test_a_programme_cannot_grant_more_jp_than_its_sessions_hold() -> None:
    with pytest.raises(InvalidLearning, match="405 minutes"):
        define(jp=9)


def test_sessions_out_of_date_order_are_refused() -> None:
    with pytest.raises(InvalidLearning, match="date order"):
        define(sessions=[(date(2025, 5, 6), 180), (date(2025, 5, 5), 180)])


def test_a_programme_develops_at_least_one_competency() -> None:
    with pytest.raises(InvalidLearning, match="competency"):
        define(competency_codes=())


# --- nomination and application ------------------------------------------------------------
def test_a_nominated_employee_becomes_a_candidate() -> None:
    # given
    training = settle(define())
    # when
    training.nominate(ANI, set(), AT, HR)
    # then
    [nominated] = training.collect_events()
    assert isinstance(nominated, Training.ParticipantNominated)
    assert nominated.employee_id == ANI
    assert training.seat_of(ANI) is Seat.NOMINATED


def test_an_employee_enters_a_programme_only_once() -> None:
    # given Ani applied
    training = define()
    training.apply_for(ANI, set(), AT, HR)
    training = settle(training)
    # when nominated as well / then refused
    records_nothing(training, ParticipantNotEligible, lambda: training.nominate(ANI, set(), AT, HR))


def test_a_candidate_who_has_not_passed_the_prerequisites_is_refused() -> None:
    # given a programme that needs programme 7 passed
    training = settle(define(prerequisite_ids=[programme_id(7)]))
    # when Ani has passed nothing / then
    error = records_nothing(
        training, PrerequisitesNotMet, lambda: training.apply_for(ANI, set(), AT, HR)
    )
    assert str(programme_id(7)) in str(error)


def test_a_candidate_who_passed_the_prerequisites_may_enter() -> None:
    training = settle(define(prerequisite_ids=[programme_id(7)]))
    training.apply_for(ANI, {programme_id(7)}, AT, HR)
    assert training.seat_of(ANI) is Seat.APPLIED


# --- capacity and waitlist -----------------------------------------------------------------
def test_accepting_within_capacity_gives_a_seat() -> None:
    # given a programme of 2 seats and a candidate
    training = define(capacity=2)
    training.nominate(ANI, set(), AT, HR)
    training = settle(training)
    # when
    seat = training.accept(ANI, AT, HR)
    # then
    [event] = training.collect_events()
    assert isinstance(event, Training.ParticipantAccepted)
    assert not event.from_waitlist
    assert seat is Seat.ACCEPTED


def test_accepting_beyond_capacity_waitlists() -> None:
    # given a full programme of 2 seats
    training = accepted(define(capacity=2), ANI, BUDI)
    training.nominate(CITRA, set(), AT, HR)
    training = settle(training)
    # when
    seat = training.accept(CITRA, AT, HR)
    # then
    [event] = training.collect_events()
    assert isinstance(event, Training.ParticipantWaitlisted)
    assert seat is Seat.WAITLISTED
    assert training.waitlist == [str(CITRA)]


def test_a_withdrawal_gives_the_seat_to_the_first_waitlisted() -> None:
    # given Ani and Budi seated, Citra then Dewi waitlisted
    dewi = employee(4)
    training = accepted(define(capacity=2), ANI, BUDI, CITRA, dewi)
    training = settle(training)
    # when Ani withdraws
    promoted = training.withdraw(ANI, AT, because("Tugas dinas luar kota"))
    # then Citra takes the seat and Dewi waits on
    withdrawn, accepted_event = training.collect_events()
    assert isinstance(withdrawn, Training.ParticipantWithdrawn)
    assert withdrawn.previous_seat == "ACCEPTED"
    assert withdrawn.meta.reason == "Tugas dinas luar kota"
    assert isinstance(accepted_event, Training.ParticipantAccepted)
    assert accepted_event.employee_id == CITRA
    assert accepted_event.from_waitlist
    assert promoted == CITRA
    assert training.waitlist == [str(dewi)]


def test_a_waitlisted_withdrawal_frees_no_seat() -> None:
    training = settle(accepted(define(capacity=1), ANI, BUDI))
    assert training.withdraw(BUDI, AT, because("Cuti melahirkan")) is None
    assert training.waitlist == []


def test_a_withdrawal_needs_a_reason() -> None:
    training = settle(accepted(define(), ANI))
    records_nothing(training, ReasonRequired, lambda: training.withdraw(ANI, AT, HR))


def test_a_rejection_needs_a_reason() -> None:
    training = define()
    training.nominate(ANI, set(), AT, HR)
    training = settle(training)
    records_nothing(training, ReasonRequired, lambda: training.reject(ANI, AT, HR))


def test_a_rejected_candidate_keeps_the_reason() -> None:
    training = define()
    training.apply_for(ANI, set(), AT, HR)
    training = settle(training)
    training.reject(ANI, AT, because("Bukan sasaran pelatihan"))
    [rejected] = training.collect_events()
    assert isinstance(rejected, Training.ParticipantRejected)
    assert rejected.meta.reason == "Bukan sasaran pelatihan"
    assert training.seat_of(ANI) is Seat.REJECTED


def test_an_accepted_participant_cannot_be_accepted_again() -> None:
    training = settle(accepted(define(), ANI))
    records_nothing(training, ParticipantNotEligible, lambda: training.accept(ANI, AT, HR))
