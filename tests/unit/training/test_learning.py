"""Forms of learning, JP from minutes, JP credits per year, form and competency, 20 JP status."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from domain.errors import InvalidLearning
from domain.learning import (
    JPCredit,
    JPStatus,
    LearningForm,
    LearningMode,
    check_programme_jp,
    credit_from,
    jp_by_competency,
    jp_by_form,
    jp_earned,
    jp_from_minutes,
    jp_status,
    meets_attendance,
    parse_form,
)
from tests.unit.training.conftest import employee

ME, OTHER = employee(1), employee(2)


def credit(
    jp: int, on: date, form: LearningForm = LearningForm.E_LEARNING, *codes: str
) -> JPCredit:
    return JPCredit(ME, jp, form, codes or ("DIGITAL",), on, source=f"position-{on}")


# --- forms ---------------------------------------------------------------------------------
def test_a_form_is_parsed_from_its_spoken_spelling() -> None:
    assert parse_form(" e-learning ") is LearningForm.E_LEARNING
    assert parse_form("belajar mandiri") is LearningForm.BELAJAR_MANDIRI


def test_an_unknown_form_is_refused_listing_the_forms() -> None:
    with pytest.raises(InvalidLearning, match="PELATIHAN_KLASIKAL"):
        parse_form("tugas belajar")


def test_seminar_is_classical_and_coaching_is_not() -> None:
    # §3 [H] lists seminar, kursus and penataran under pelatihan klasikal
    assert LearningForm.SEMINAR.mode is LearningMode.KLASIKAL
    assert LearningForm.COACHING.mode is LearningMode.NONKLASIKAL


# --- JP from minutes -----------------------------------------------------------------------
@pytest.mark.parametrize(("minutes", "jp"), [(0, 0), (44, 0), (45, 1), (89, 1), (90, 2), (900, 20)])
def test_jp_are_whole_45_minute_units_rounded_down(minutes: int, jp: int) -> None:
    assert jp_from_minutes(minutes) == jp


def test_negative_minutes_are_refused() -> None:
    with pytest.raises(InvalidLearning):
        jp_from_minutes(-1)


def test_a_programme_grants_no_more_jp_than_its_schedule_holds() -> None:
    # given 360 scheduled minutes: 8 JP
    assert check_programme_jp(8, 360) == 8
    # when / then
    with pytest.raises(InvalidLearning, match="405 minutes"):
        check_programme_jp(9, 360)


def test_a_programme_grants_at_least_one_jp() -> None:
    with pytest.raises(InvalidLearning, match="at least 1 JP"):
        check_programme_jp(0, 360)


@pytest.mark.parametrize(("attended", "meets"), [(288, True), (287, False), (360, True)])
def test_completion_needs_80_percent_of_the_scheduled_minutes(attended: int, meets: bool) -> None:
    assert meets_attendance(attended, 360) is meets


# --- JP per year, form and competency ------------------------------------------------------
def test_jp_count_in_the_year_of_completion_so_31_december_and_1_january_differ() -> None:
    # given learning completed on the last day of 2024 and the first of 2025
    credits = [credit(3, date(2024, 12, 31)), credit(5, date(2025, 1, 1))]
    # then each year counts only its own
    assert jp_earned(credits, ME, 2024) == 3
    assert jp_earned(credits, ME, 2025) == 5


def test_jp_earned_counts_only_the_employee_asked_for() -> None:
    credits = [
        credit(3, date(2025, 3, 1)),
        JPCredit(OTHER, 7, LearningForm.SEMINAR, (), date(2025, 3, 1), "x"),
    ]
    assert jp_earned(credits, ME, 2025) == 3


def test_jp_by_form_adds_up_each_form_of_the_year() -> None:
    credits = [
        credit(3, date(2025, 2, 1), LearningForm.E_LEARNING),
        credit(4, date(2025, 5, 1), LearningForm.E_LEARNING),
        credit(8, date(2025, 6, 1), LearningForm.MENTORING),
        credit(0, date(2025, 6, 1), LearningForm.SEMINAR),  # a fail grants 0: not listed
    ]
    assert jp_by_form(credits, ME, 2025) == {"E_LEARNING": 7, "MENTORING": 8}


def test_learning_for_two_competencies_counts_for_each() -> None:
    credits = [credit(6, date(2025, 4, 1), LearningForm.KURSUS, "DIGITAL", "PELAYANAN")]
    assert jp_by_competency(credits, ME, 2025) == {"DIGITAL": 6, "PELAYANAN": 6}


def test_a_credit_keeps_the_event_it_came_from() -> None:
    # given a JP-granting event as a projection decodes it
    event = SimpleNamespace(
        employee_id=ME,
        jp=4,
        form="SEMINAR",
        competency_codes=["DIGITAL"],
        completed_on=date(2025, 3, 3),
    )
    # when
    made = credit_from(event, source="1042")
    # then
    assert made == JPCredit(ME, 4, LearningForm.SEMINAR, ("DIGITAL",), date(2025, 3, 3), "1042")
    assert made.year == 2025


# --- the 20 JP status ----------------------------------------------------------------------
def test_twenty_jp_meet_the_duty_on_any_day() -> None:
    assert jp_status(20, date(2025, 1, 1)) is JPStatus.MET


def test_nothing_earned_on_1_january_is_on_track() -> None:
    # no day of the year has elapsed yet, so nothing is expected
    assert jp_status(0, date(2025, 1, 1)) is JPStatus.ON_TRACK


def test_exactly_the_pro_rata_share_is_on_track() -> None:
    # given 73 of 365 days elapsed on 15 March 2025: 20 × 73 / 365 = 4 JP expected
    assert jp_status(4, date(2025, 3, 15)) is JPStatus.ON_TRACK


def test_one_jp_below_the_pro_rata_share_is_at_risk() -> None:
    assert jp_status(3, date(2025, 3, 15)) is JPStatus.AT_RISK


def test_nineteen_jp_on_31_december_are_at_risk() -> None:
    assert jp_status(19, date(2025, 12, 31)) is JPStatus.AT_RISK


def test_a_leap_year_counts_366_days() -> None:
    # 15 March 2024 has 74 of 366 days elapsed: 20 × 74 / 366 = 4.04 JP expected
    assert jp_status(4, date(2024, 3, 15)) is JPStatus.AT_RISK
    assert jp_status(5, date(2024, 3, 15)) is JPStatus.ON_TRACK


def test_negative_jp_earned_are_refused() -> None:
    with pytest.raises(InvalidLearning):
        jp_status(-1, date(2025, 1, 1))
