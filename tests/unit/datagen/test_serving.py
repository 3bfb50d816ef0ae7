"""Who serves where on a day, read off a planned career."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from scripts.datagen.plan import EmployeePlan
from scripts.datagen.serving import serving_all_year, serving_on
from scripts.datagen.steps import Appoint, ChangeJabatan, ConfirmAsPns, EndEmployment, Transfer

NIP = "199001012015031001"
CAREER = EmployeePlan(
    NIP,
    "PNS",
    (
        Appoint(
            date(2015, 3, 1), NIP, "Ani", "CPNS", "III/a", ("PELAKSANA", "Analis", None), "A", "x"
        ),
        ConfirmAsPns(date(2016, 3, 1), "lulus latsar", UUID(int=1)),
        Transfer(date(2020, 1, 6), "B", "mutasi"),
        ChangeJabatan(date(2021, 1, 4), ("PENGAWAS", "Kepala Seksi Data", None), None),
        EndEmployment(date(2024, 6, 30), "RESIGNATION", "mengundurkan diri"),
    ),
)


def test_nobody_serves_before_the_appointment() -> None:
    assert serving_on(CAREER, date(2015, 2, 28)) is None


def test_the_unit_jabatan_and_employment_type_follow_the_steps_up_to_the_day() -> None:
    early, later = serving_on(CAREER, date(2015, 6, 1)), serving_on(CAREER, date(2022, 1, 1))

    assert early is not None
    assert later is not None
    assert (early.unit, early.jabatan_kind, early.employment_type) == ("A", "PELAKSANA", "CPNS")
    assert (later.unit, later.jabatan_title, later.employment_type) == (
        "B",
        "Kepala Seksi Data",
        "PNS",
    )


def test_nobody_serves_after_the_end_of_employment() -> None:
    assert serving_on(CAREER, date(2024, 7, 1)) is None


def test_a_year_counts_those_serving_from_its_start_to_its_end() -> None:
    assert [s.nip for s in serving_all_year([CAREER], 2023)] == [NIP]
    assert serving_all_year([CAREER], 2024) == []
