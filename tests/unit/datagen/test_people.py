"""People: valid, unique NIPs that agree with the birth date, TMT and sex of the person."""

from __future__ import annotations

from datetime import date

from domain.employment import EmploymentType, Sex
from domain.nip import parse_nip, tmt_cpns
from scripts.datagen.people import FEMALE, MALE, NipRegistry
from scripts.datagen.plan import Plan
from tests.unit.datagen.conftest import appointments


def test_every_generated_nip_is_valid_for_its_employment_type(plan: Plan) -> None:
    steps = appointments(plan)
    kinds = {EmploymentType(s.employment_type) for s in steps}

    for step in steps:
        parse_nip(step.nip, EmploymentType(step.employment_type))  # raises if invalid
    assert kinds == {EmploymentType.CPNS, EmploymentType.PPPK}  # every PNS started as CPNS


def test_nips_are_unique(plan: Plan) -> None:
    nips = [s.nip for s in appointments(plan)]
    assert len(set(nips)) == len(nips) == plan.employees


def test_a_cpns_nip_carries_the_tmt_of_the_appointment(plan: Plan) -> None:
    for step in appointments(plan):
        if step.employment_type == "CPNS":
            assert tmt_cpns(parse_nip(step.nip, EmploymentType.CPNS)) == step.on


def test_an_ni_pppk_carries_the_year_of_appointment_and_code_21(plan: Plan) -> None:
    for step in appointments(plan):
        if step.employment_type == "PPPK":
            nip = parse_nip(step.nip, EmploymentType.PPPK)
            assert (nip.appointment_year, nip.pppk_code) == (step.on.year, "21")


def test_civil_servants_are_appointed_between_20_and_35(plan: Plan) -> None:
    for step in appointments(plan):
        if step.employment_type == "CPNS":
            born = parse_nip(step.nip, EmploymentType.CPNS).birth_date
            assert 20 <= _age(born, step.on) <= 35


def test_the_given_name_fits_the_sex_digit_of_the_nip(plan: Plan) -> None:
    for step in appointments(plan):
        sex = parse_nip(step.nip, EmploymentType(step.employment_type)).sex
        given = (
            step.name.removeprefix("dr. ").removeprefix("Drs. ").removeprefix("Dra. ").split()[0]
        )
        assert given in (FEMALE if sex is Sex.FEMALE else MALE), step.name


def test_the_registry_numbers_people_sharing_the_first_15_digits() -> None:
    registry = NipRegistry()
    born, tmt = date(1990, 2, 3), date(2019, 3, 1)

    first, second = registry.pns(born, tmt, Sex.MALE), registry.pns(born, tmt, Sex.MALE)

    assert (first, second) == ("199002032019031001", "199002032019031002")
    assert registry.pppk(born, 2022, Sex.FEMALE) == "199002032022212001"


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
