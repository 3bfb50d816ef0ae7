from __future__ import annotations

import pytest

from domain.employment import EmploymentType
from domain.errors import InvalidGolongan
from domain.ranks import ALL_PNS_GOLONGAN, ALL_PPPK_GOLONGAN, parse_golongan, steps_between

PNS = EmploymentType.PNS
PPPK = EmploymentType.PPPK

PNS_TABLE = [
    ("I/a", 1, "Juru Muda"),
    ("I/b", 2, "Juru Muda Tk. I"),
    ("I/c", 3, "Juru"),
    ("I/d", 4, "Juru Tk. I"),
    ("II/a", 5, "Pengatur Muda"),
    ("II/b", 6, "Pengatur Muda Tk. I"),
    ("II/c", 7, "Pengatur"),
    ("II/d", 8, "Pengatur Tk. I"),
    ("III/a", 9, "Penata Muda"),
    ("III/b", 10, "Penata Muda Tk. I"),
    ("III/c", 11, "Penata"),
    ("III/d", 12, "Penata Tk. I"),
    ("IV/a", 13, "Pembina"),
    ("IV/b", 14, "Pembina Tk. I"),
    ("IV/c", 15, "Pembina Utama Muda"),
    ("IV/d", 16, "Pembina Utama Madya"),
    ("IV/e", 17, "Pembina Utama"),
]
PPPK_CODES = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII"
PPPK_TABLE = list(enumerate(PPPK_CODES.split(" "), start=1))


@pytest.mark.parametrize(("code", "rank", "pangkat"), PNS_TABLE)
def test_every_pns_golongan_has_its_rank_and_pangkat(code: str, rank: int, pangkat: str) -> None:
    golongan = parse_golongan(code, PNS)
    assert (golongan.rank, golongan.code, golongan.scheme) == (rank, code, "PNS")
    assert golongan.pangkat == pangkat


@pytest.mark.parametrize(("rank", "code"), PPPK_TABLE)
def test_every_pppk_golongan_has_its_rank_and_no_pangkat(rank: int, code: str) -> None:
    golongan = parse_golongan(code, PPPK)
    assert (golongan.rank, golongan.code, golongan.scheme) == (rank, code, "PPPK")
    assert golongan.pangkat is None


def test_the_golongan_tuples_list_17_steps_in_order() -> None:
    assert tuple(code for code, _, _ in PNS_TABLE) == ALL_PNS_GOLONGAN
    assert tuple(code for _, code in PPPK_TABLE) == ALL_PPPK_GOLONGAN


def test_a_cpns_uses_the_pns_scheme() -> None:
    assert parse_golongan("II/c", EmploymentType.CPNS).scheme == "PNS"


@pytest.mark.parametrize("raw", ["iii/a", "III / A", " Iii/A ", "III/a"])
def test_case_and_spaces_are_tolerated_and_the_code_is_canonical(raw: str) -> None:
    assert parse_golongan(raw, PNS).code == "III/a"


@pytest.mark.parametrize("raw", ["ix", " xvii "])
def test_a_pppk_golongan_is_parsed_case_insensitively(raw: str) -> None:
    assert parse_golongan(raw, PPPK).code == raw.strip().upper()


@pytest.mark.parametrize("employment_type", [PNS, EmploymentType.CPNS])
def test_a_pppk_golongan_for_a_pns_or_cpns_is_rejected_naming_the_pns_scheme(
    employment_type: EmploymentType,
) -> None:
    with pytest.raises(InvalidGolongan, match=r"is a PPPK golongan.*I/a to IV/e"):
        parse_golongan("IX", employment_type)


def test_a_pns_golongan_for_a_pppk_is_rejected_naming_the_pppk_scheme() -> None:
    with pytest.raises(InvalidGolongan, match=r"is a PNS golongan/ruang.*I to XVII"):
        parse_golongan("III/a", PPPK)


@pytest.mark.parametrize(
    ("raw", "employment_type"),
    [("V/a", PNS), ("III/e", PNS), ("I/e", PNS), ("", PNS), ("XVIII", PPPK), ("0", PPPK)],
)
def test_an_unknown_golongan_is_rejected(raw: str, employment_type: EmploymentType) -> None:
    with pytest.raises(InvalidGolongan, match="is not a golongan"):
        parse_golongan(raw, employment_type)


def test_golongan_order_by_rank() -> None:
    assert parse_golongan("III/d", PNS) < parse_golongan("IV/a", PNS)


@pytest.mark.parametrize(
    ("current", "target", "steps"), [("III/a", "III/b", 1), ("IV/a", "III/c", -2)]
)
def test_steps_between_counts_the_steps_up(current: str, target: str, steps: int) -> None:
    assert steps_between(parse_golongan(current, PNS), parse_golongan(target, PNS)) == steps


def test_steps_between_two_schemes_is_refused() -> None:
    with pytest.raises(InvalidGolongan, match="Cannot compare"):
        steps_between(parse_golongan("III/a", PNS), parse_golongan("IX", PPPK))
