"""Mentoring: pairing a senior with a mentee, logging meetings, JP from the minutes logged."""

from __future__ import annotations

from datetime import date

import pytest

from domain.aggregates.mentoring import Mentoring, Side
from domain.errors import InvalidLearning, MentoringNotActive, MentorNotSenior, ReasonRequired
from domain.learning import credit_from
from tests.unit.training.conftest import AT, HR, because, employee, records_nothing, settle

SENIOR, JUNIOR = employee(1), employee(2)
STARTS, ENDS = date(2025, 3, 1), date(2025, 5, 31)


def pair(mentor_start: date = date(2010, 1, 1), mentee_start: date = date(2024, 2, 1)) -> Mentoring:
    """A senior in service since 2010 mentors a new ASN from March to May 2025."""
    return Mentoring.pair(
        id=employee(99),
        mentor_id=SENIOR,
        mentor_service_start=mentor_start,
        mentee_id=JUNIOR,
        mentee_service_start=mentee_start,
        starts_on=STARTS,
        ends_on=ENDS,
        goals=["Menguasai aplikasi layanan kepegawaian"],
        competency_codes=["DIGITAL-PELAYANAN"],
        at=AT,
        meta=HR,
    )


def with_meetings(*minutes: int) -> Mentoring:
    mentoring = pair()
    for day, duration in enumerate(minutes, start=1):
        mentoring.log_meeting(date(2025, 3, day), duration, "Praktik layanan", AT, HR)
    return settle(mentoring)


def test_pairing_records_the_pair_the_period_and_the_goals() -> None:
    [paired] = pair().collect_events()
    assert isinstance(paired, Mentoring.Paired)
    assert (paired.mentor_id, paired.mentee_id) == (SENIOR, JUNIOR)
    assert paired.goals == ["Menguasai aplikasi layanan kepegawaian"]


def test_a_mentor_must_be_longer_in_service_than_the_mentee() -> None:
    with pytest.raises(MentorNotSenior):
        pair(mentor_start=date(2024, 2, 1), mentee_start=date(2024, 2, 1))


def test_a_meeting_is_logged_with_its_minutes() -> None:
    mentoring = settle(pair())
    mentoring.log_meeting(date(2025, 3, 10), 90, "Alur layanan", AT, HR)
    [logged] = mentoring.collect_events()
    assert isinstance(logged, Mentoring.MeetingLogged)
    assert (logged.held_on, logged.minutes) == (date(2025, 3, 10), 90)


def test_a_meeting_outside_the_period_is_refused() -> None:
    mentoring = settle(pair())
    records_nothing(
        mentoring,
        InvalidLearning,
        lambda: mentoring.log_meeting(date(2025, 6, 1), 60, "Terlambat", AT, HR),
    )


def test_completion_grants_jp_for_the_logged_minutes_only_rounded_down() -> None:
    # given meetings of 60 + 50 + 70 = 180 minutes over a three-month period
    mentoring = with_meetings(60, 50, 70)
    # when
    jp = mentoring.complete(ENDS, AT, HR)
    # then 180 / 45 = 4 JP go to the mentee, whatever the period's length
    [completed] = mentoring.collect_events()
    assert isinstance(completed, Mentoring.Completed)
    assert (jp, completed.jp, completed.total_minutes, completed.meetings) == (4, 4, 180, 3)
    credit = credit_from(completed, source="7")
    assert (credit.employee_id, credit.form.value, credit.year) == (JUNIOR, "MENTORING", 2025)


def test_a_mentoring_without_meetings_grants_no_jp() -> None:
    mentoring = settle(pair())
    assert mentoring.complete(ENDS, AT, HR) == 0


def test_completing_before_the_agreed_end_is_refused() -> None:
    mentoring = with_meetings(60)
    records_nothing(
        mentoring, InvalidLearning, lambda: mentoring.complete(date(2025, 5, 30), AT, HR)
    )


def test_ending_early_grants_jp_for_the_meetings_logged_and_keeps_side_and_reason() -> None:
    # given 100 minutes logged
    mentoring = with_meetings(55, 45)
    # when the mentee ends it early
    jp = mentoring.end_early(Side.MENTEE, date(2025, 4, 1), AT, because("Mutasi ke kecamatan"))
    # then 100 / 45 = 2 JP
    [ended] = mentoring.collect_events()
    assert isinstance(ended, Mentoring.EndedEarly)
    assert (jp, ended.ended_by, ended.meta.reason) == (2, "MENTEE", "Mutasi ke kecamatan")
    assert ended.completed_on == date(2025, 4, 1)


def test_ending_early_needs_a_reason() -> None:
    mentoring = with_meetings(60)
    records_nothing(
        mentoring,
        ReasonRequired,
        lambda: mentoring.end_early(Side.MENTOR, date(2025, 4, 1), AT, HR),
    )


def test_an_early_end_before_the_last_meeting_is_refused() -> None:
    mentoring = with_meetings(60, 60, 60)  # the last on 3 March
    records_nothing(
        mentoring,
        InvalidLearning,
        lambda: mentoring.end_early(Side.HR, date(2025, 3, 2), AT, because("Salah pasangan")),
    )


@pytest.mark.parametrize("ending", ["completed", "ended early"])
def test_logging_a_meeting_on_an_ended_mentoring_is_refused(ending: str) -> None:
    mentoring = pair()
    if ending == "completed":
        mentoring.complete(ENDS, AT, HR)
    else:
        mentoring.end_early(Side.MENTOR, STARTS, AT, because("Mentor pensiun"))
    mentoring = settle(mentoring)
    records_nothing(
        mentoring,
        MentoringNotActive,
        lambda: mentoring.log_meeting(date(2025, 3, 5), 60, "Lanjutan", AT, HR),
    )


def test_completing_an_ended_mentoring_again_is_refused() -> None:
    mentoring = pair()
    mentoring.complete(ENDS, AT, HR)
    mentoring = settle(mentoring)
    records_nothing(mentoring, MentoringNotActive, lambda: mentoring.complete(ENDS, AT, HR))
