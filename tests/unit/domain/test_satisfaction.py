"""IKM per PermenPANRB 14/2017: NRR per element, weight 1/9, × 25, mutu A–D, periods."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

import pytest

from domain.aggregates.service_survey import ServiceSurvey
from domain.errors import InvalidInput
from domain.meta import EventMeta
from domain.satisfaction import (
    ELEMENTS,
    check_tally,
    compute_ikm,
    mutu_of,
    parse_period,
    tally_responses,
)

# A worked example done by hand with the Lampiran's method (pengolahan data): five completed
# questionnaires, the answers of each respondent to U1…U9.
RESPONSES = [
    [4, 3, 4, 4, 3, 4, 4, 2, 3],
    [4, 3, 3, 4, 3, 3, 4, 3, 3],
    [3, 3, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 2, 4, 3, 3, 3, 3, 3],
    [4, 3, 3, 4, 3, 4, 4, 3, 4],
]
# Totals per element 18, 15, 15, 20, 16, 18, 19, 14, 16; NRR = total / 5.
EXPECTED_NRR = [
    Fraction(18, 5), Fraction(3), Fraction(3), Fraction(4), Fraction(16, 5),
    Fraction(18, 5), Fraction(19, 5), Fraction(14, 5), Fraction(16, 5),
]  # fmt: skip


def test_the_worked_example_has_the_nrr_of_each_element() -> None:
    ikm = compute_ikm(tally_responses(RESPONSES))
    assert [e.nrr for e in ikm.elements] == EXPECTED_NRR
    assert [e.code for e in ikm.elements] == [f"U{i}" for i in range(1, 10)]


def test_the_worked_example_scores_83_89_which_is_mutu_b_baik() -> None:
    # Σ NRR = 30.2; IKM = 30.2 / 9 = 3.3556; × 25 = 83.888… → 83.89, in 76.61–88.30.
    ikm = compute_ikm(tally_responses(RESPONSES))
    assert ikm.respondents == 5
    assert ikm.value == Fraction(302, 90)
    assert ikm.index == Decimal("83.89")
    assert (ikm.mutu, ikm.kinerja) == ("B", "Baik")


def test_all_answers_4_give_100_and_all_answers_1_give_25() -> None:
    best = compute_ikm(tally_responses([[4] * 9]))
    worst = compute_ikm(tally_responses([[1] * 9]))
    assert (best.index, best.mutu) == (Decimal("100.00"), "A")
    assert (worst.index, worst.mutu) == (Decimal("25.00"), "D")


@pytest.mark.parametrize(
    ("index", "grade"),
    [
        ("100.00", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
        ("65.00", "C"), ("64.99", "D"), ("25.00", "D"),
    ],
)  # fmt: skip
def test_the_conversion_intervals_of_the_lampiran_class_each_bound(index: str, grade: str) -> None:
    assert mutu_of(Decimal(index))[0] == grade


def test_the_nine_elements_are_those_of_the_regulation() -> None:
    assert len(ELEMENTS) == 9
    assert ELEMENTS[0] == ("U1", "Persyaratan")
    assert ELEMENTS[8] == ("U9", "Sarana dan Prasarana")


@pytest.mark.parametrize("response", [[4] * 8, [4] * 10, [0] + [4] * 8, [5] + [4] * 8])
def test_a_response_needs_nine_answers_from_1_to_4(response: list[int]) -> None:
    with pytest.raises(InvalidInput):
        tally_responses([response])


def test_a_tabulated_tally_must_count_every_respondent_on_every_element() -> None:
    with pytest.raises(InvalidInput):
        check_tally([[1, 1, 1, 1]] * 8 + [[1, 1, 1, 0]], 4)


@pytest.mark.parametrize(
    ("text", "label", "months"),
    [("2024", "2024", (1, 12)), ("2024-S2", "2024-S2", (7, 12)), ("2024-Q3", "2024-Q3", (7, 9))],
)
def test_a_period_is_a_year_semester_or_triwulan(
    text: str, label: str, months: tuple[int, int]
) -> None:
    period = parse_period(text)
    assert (period.label, (period.first_month, period.last_month)) == (label, months)


def test_a_year_covers_its_semesters_and_a_semester_its_triwulan_but_not_the_other_way() -> None:
    year, s2, q3, q1 = (parse_period(p) for p in ("2024", "2024-S2", "2024-Q3", "2024-Q1"))
    assert year.covers(s2)
    assert s2.covers(q3)
    assert not s2.covers(q1)
    assert not q3.covers(year)


@pytest.mark.parametrize("text", ["24", "2024-S3", "2024-Q5", "1999", "2024-H1"])
def test_other_periods_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_period(text)


def test_a_survey_records_counts_and_the_respondents_and_nobody_who_answered() -> None:
    meta = EventMeta("public-portal", "public_portal", "pemkot-palangkaraya", "c-1")
    at = datetime(2024, 7, 1, tzinfo=UTC)
    survey = ServiceSurvey.open(UUID(int=7), "2024-S1", at, meta)
    survey.record_responses(tally_responses(RESPONSES), 5, at, meta)
    survey.record_responses(tally_responses([[4] * 9]), 1, at, meta)
    recorded = survey.collect_events()[-1]
    assert survey.respondents == 6
    assert survey.tally[3] == (0, 0, 0, 6)
    assert sorted(vars(recorded)) == sorted(
        ["originator_id", "originator_version", "timestamp", "meta", "respondents", "tally"]
    )
