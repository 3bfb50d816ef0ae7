from __future__ import annotations

from datetime import date

import pytest

from domain.employment import EmploymentType, Sex
from domain.errors import InvalidNIP
from domain.nip import parse_nip, tmt_cpns

PNS = EmploymentType.PNS
PPPK = EmploymentType.PPPK


def pns_nip(
    birth: str = "19860926", tmt: str = "201505", sex: str = "1", serial: str = "001"
) -> str:
    return birth + tmt + sex + serial


def pppk_nip(
    birth: str = "19890225",
    year: str = "2024",
    code: str = "21",
    sex: str = "1",
    serial: str = "013",
) -> str:
    return birth + year + code + sex + serial


def test_a_pns_nip_is_parsed_into_its_parts() -> None:
    nip = parse_nip("19860926 201505 1 001", PNS)
    assert nip.value == "198609262015051001"
    assert nip.birth_date == date(1986, 9, 26)
    assert (nip.appointment_year, nip.appointment_month) == (2015, 5)
    assert nip.pppk_code is None
    assert nip.sex is Sex.MALE
    assert nip.serial == 1


def test_a_pns_nip_is_formatted_with_spaces() -> None:
    assert parse_nip("198609262015051001", PNS).formatted == "19860926 201505 1 001"


def test_a_cpns_nip_uses_the_pns_layout() -> None:
    assert parse_nip(pns_nip(), EmploymentType.CPNS).appointment_month == 5


def test_an_ni_pppk_is_parsed_into_its_parts() -> None:
    nip = parse_nip("19890225 2024 21 1 013", PPPK)
    assert nip.birth_date == date(1989, 2, 25)
    assert (nip.appointment_year, nip.appointment_month) == (2024, None)
    assert nip.pppk_code == "21"
    assert nip.serial == 13


def test_an_ni_pppk_is_formatted_with_spaces() -> None:
    assert parse_nip(pppk_nip(), PPPK).formatted == "19890225 2024 21 1 013"


@pytest.mark.parametrize("code", ["00", "21", "24", "99"])
def test_the_pppk_code_may_be_any_two_digits_and_is_not_a_month(code: str) -> None:
    assert parse_nip(pppk_nip(code=code), PPPK).pppk_code == code


@pytest.mark.parametrize(
    "raw", ["19860926.201505.1.001", "19860926-201505-1-001", " 19860926 201505 1 001 "]
)
def test_spaces_dots_and_dashes_are_ignored(raw: str) -> None:
    assert parse_nip(raw, PNS).value == "198609262015051001"


@pytest.mark.parametrize("raw", ["19860926201505100", "1986092620150510011"])
def test_a_nip_without_18_digits_is_rejected(raw: str) -> None:
    with pytest.raises(InvalidNIP, match="18 digits"):
        parse_nip(raw, PNS)


@pytest.mark.parametrize("raw", ["19860926201505100A", "١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", ""])
def test_a_nip_with_anything_but_ascii_digits_is_rejected(raw: str) -> None:
    with pytest.raises(InvalidNIP, match="only digits"):
        parse_nip(raw, PNS)


@pytest.mark.parametrize("birth", ["19861332", "19860931", "19870229", "00000000"])
def test_a_birth_date_that_is_not_a_date_is_rejected(birth: str) -> None:
    with pytest.raises(InvalidNIP, match="digits 1–8"):
        parse_nip(pns_nip(birth=birth), PNS)


def test_a_birth_year_before_1900_is_rejected() -> None:
    with pytest.raises(InvalidNIP, match="before 1900"):
        parse_nip(pns_nip(birth="18991231", tmt="192001"), PNS)


@pytest.mark.parametrize("tmt", ["201500", "201513"])
def test_a_tmt_cpns_month_outside_01_to_12_is_rejected(tmt: str) -> None:
    with pytest.raises(InvalidNIP, match="digits 9–14"):
        parse_nip(pns_nip(tmt=tmt), PNS)


@pytest.mark.parametrize(("digit", "sex"), [("1", Sex.MALE), ("2", Sex.FEMALE)])
def test_digit_15_gives_the_sex(digit: str, sex: Sex) -> None:
    assert parse_nip(pns_nip(sex=digit), PNS).sex is sex


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_a_sex_digit_other_than_1_or_2_is_rejected(digit: str) -> None:
    with pytest.raises(InvalidNIP, match="digit 15"):
        parse_nip(pns_nip(sex=digit), PNS)


@pytest.mark.parametrize("employment_type", [PNS, PPPK])
def test_a_serial_of_000_is_rejected(employment_type: EmploymentType) -> None:
    raw = pppk_nip(serial="000") if employment_type is PPPK else pns_nip(serial="000")
    with pytest.raises(InvalidNIP, match="000"):
        parse_nip(raw, employment_type)


def test_a_pns_appointment_month_not_after_the_birth_month_is_rejected() -> None:
    with pytest.raises(InvalidNIP, match="not after the birth date"):
        parse_nip(pns_nip(birth="19860926", tmt="198609"), PNS)


def test_a_pppk_appointment_year_not_after_the_birth_year_is_rejected() -> None:
    with pytest.raises(InvalidNIP, match="not after the birth date"):
        parse_nip(pppk_nip(birth="19890225", year="1989"), PPPK)


@pytest.mark.parametrize(("tmt", "ok"), [("200805", False), ("200806", True)])
def test_a_pns_must_be_18_at_appointment_by_year_month(tmt: str, ok: bool) -> None:
    raw = pns_nip(birth="19900615", tmt=tmt)
    if ok:
        assert parse_nip(raw, PNS).appointment_year == 2008
    else:
        with pytest.raises(InvalidNIP, match="younger than 18"):
            parse_nip(raw, PNS)


@pytest.mark.parametrize(("year", "ok"), [("2007", False), ("2008", True)])
def test_a_pppk_must_be_18_at_appointment_by_year(year: str, ok: bool) -> None:
    raw = pppk_nip(birth="19901231", year=year)
    if ok:
        assert parse_nip(raw, PPPK).appointment_year == 2008
    else:
        with pytest.raises(InvalidNIP, match="younger than 18"):
            parse_nip(raw, PPPK)


def test_tmt_cpns_is_the_first_day_of_the_appointment_month() -> None:
    assert tmt_cpns(parse_nip(pns_nip(), PNS)) == date(2015, 5, 1)


def test_an_ni_pppk_has_no_tmt_cpns() -> None:
    assert tmt_cpns(parse_nip(pppk_nip(), PPPK)) is None
