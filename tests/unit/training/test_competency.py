"""Competency codes and kinds, gaps per jabatan, and programmes recommended after weak results."""

from __future__ import annotations

import pytest

from domain.competency import (
    CompetencyKind,
    EmployeeCompetence,
    Gap,
    Offer,
    below_baik,
    check_competency_code,
    competency_gaps,
    development_programmes,
    jabatan_key,
    parse_competency_kind,
    recommended_programmes,
)
from domain.errors import InvalidLearning
from tests.unit.training.conftest import employee, programme_id

ANALIS = "Analis SDM Aparatur"
REQUIRED = {jabatan_key(ANALIS): ["DIGITAL", "PELAYANAN", "KOMUNIKASI"]}
DIGITAL_COURSE = Offer(programme_id(1), "Aplikasi Pelayanan Digital", frozenset({"DIGITAL"}))
SERVICE_COURSE = Offer(programme_id(2), "Pelayanan Prima", frozenset({"PELAYANAN", "KOMUNIKASI"}))
LEADERSHIP = Offer(programme_id(3), "Kepemimpinan Pengawas", frozenset({"MANAJERIAL-1"}))
OFFERS = [DIGITAL_COURSE, SERVICE_COURSE, LEADERSHIP]


def test_a_competency_code_is_normalised_to_capitals() -> None:
    assert check_competency_code(" digital-pelayanan ") == "DIGITAL-PELAYANAN"


def test_a_competency_code_with_spaces_is_refused() -> None:
    with pytest.raises(InvalidLearning):
        check_competency_code("DIGITAL PELAYANAN")


def test_the_three_kinds_of_competence_are_parsed() -> None:
    assert parse_competency_kind("sosial kultural") is CompetencyKind.SOSIAL_KULTURAL
    with pytest.raises(InvalidLearning, match="TEKNIS"):
        parse_competency_kind("bahasa")


def test_a_gap_is_a_required_competency_not_yet_developed_with_the_programmes_closing_it() -> None:
    # given an analis who developed DIGITAL only
    staff = [EmployeeCompetence(employee(1), ANALIS, frozenset({"DIGITAL"}))]
    # when
    gaps = competency_gaps(staff, REQUIRED, OFFERS)
    # then
    assert gaps == [
        Gap(employee(1), "KOMUNIKASI", (programme_id(2),)),
        Gap(employee(1), "PELAYANAN", (programme_id(2),)),
    ]


def test_a_jabatan_title_matches_its_requirements_whatever_its_spacing_and_case() -> None:
    staff = [EmployeeCompetence(employee(1), " analis  sdm APARATUR", frozenset())]
    assert len(competency_gaps(staff, REQUIRED, OFFERS)) == 3


def test_a_gap_no_open_programme_develops_lists_no_programme() -> None:
    staff = [EmployeeCompetence(employee(1), ANALIS, frozenset({"DIGITAL", "PELAYANAN"}))]
    assert competency_gaps(staff, REQUIRED, [DIGITAL_COURSE]) == [
        Gap(employee(1), "KOMUNIKASI", ())
    ]


def test_a_jabatan_without_requirements_has_no_gaps() -> None:
    staff = [EmployeeCompetence(employee(2), "Pengemudi", frozenset())]
    assert competency_gaps(staff, REQUIRED, OFFERS) == []


@pytest.mark.parametrize(
    ("predikat", "below"),
    [
        ("SANGAT_BAIK", False),
        ("BAIK", False),
        ("Butuh Perbaikan", True),
        ("KURANG", True),
        ("SANGAT_KURANG", True),
    ],
)
def test_butuh_perbaikan_and_worse_are_below_baik(predikat: str, below: bool) -> None:
    assert below_baik(predikat) is below


def test_a_predikat_below_baik_recommends_programmes_covering_most_weak_competencies_first() -> (
    None
):
    # given weak results tied to DIGITAL, PELAYANAN and KOMUNIKASI
    weak = ["DIGITAL", "pelayanan", "KOMUNIKASI"]
    # when
    recommended = recommended_programmes("BUTUH_PERBAIKAN", weak, OFFERS)
    # then the programme covering two comes before the one covering one; leadership is left out
    assert recommended == [SERVICE_COURSE, DIGITAL_COURSE]


def test_a_baik_predikat_recommends_nothing() -> None:
    assert recommended_programmes("BAIK", ["DIGITAL"], OFFERS) == []


def test_no_predikat_yet_recommends_nothing() -> None:
    assert recommended_programmes(None, ["DIGITAL"], OFFERS) == []


def test_an_unknown_predikat_is_refused() -> None:
    with pytest.raises(InvalidLearning, match="SANGAT_BAIK"):
        recommended_programmes("CUKUP", ["DIGITAL"], OFFERS)


def test_a_top_performer_gets_the_programmes_of_the_competencies_they_develop_next() -> None:
    assert development_programmes(["MANAJERIAL-1", "DIGITAL"], OFFERS) == [
        DIGITAL_COURSE, LEADERSHIP,
    ]  # fmt: skip
