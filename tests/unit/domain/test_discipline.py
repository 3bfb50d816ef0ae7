from __future__ import annotations

import pytest

from domain.absence_sanction import sanction_for_absence
from domain.discipline import (
    SANCTIONS_BY_LEVEL,
    DisciplineLevel,
    Sanction,
    SanctionKind,
    parse_sanction,
)
from domain.errors import InvalidInput, InvalidSanction

RINGAN, SEDANG, BERAT = DisciplineLevel
K = SanctionKind

PASAL_8 = [
    (RINGAN, K.TEGURAN_LISAN, None),
    (RINGAN, K.TEGURAN_TERTULIS, None),
    (RINGAN, K.PERNYATAAN_TIDAK_PUAS_TERTULIS, None),
    (SEDANG, K.POTONGAN_TUKIN_25_6_BULAN, 6),
    (SEDANG, K.POTONGAN_TUKIN_25_9_BULAN, 9),
    (SEDANG, K.POTONGAN_TUKIN_25_12_BULAN, 12),
    (BERAT, K.PENURUNAN_JABATAN_12_BULAN, 12),
    (BERAT, K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN, 12),
    (BERAT, K.PDHTAPS, None),
]
WRONG_LEVEL = [
    (level, kind) for level in DisciplineLevel for _, kind, _ in PASAL_8
    if kind not in SANCTIONS_BY_LEVEL[level]
]  # fmt: skip


def test_the_table_holds_three_kinds_per_level_and_every_kind_once() -> None:
    kinds = [kind for level in DisciplineLevel for kind in SANCTIONS_BY_LEVEL[level]]
    assert sorted(kinds) == sorted(SanctionKind)
    assert all(len(SANCTIONS_BY_LEVEL[level]) == 3 for level in DisciplineLevel)


@pytest.mark.parametrize(("level", "kind", "months"), PASAL_8)
def test_every_sanction_kind_is_parsed_at_its_level_with_its_duration(
    level: DisciplineLevel, kind: SanctionKind, months: int | None
) -> None:
    assert parse_sanction(level.value, kind.value) == Sanction(level, kind, months)


@pytest.mark.parametrize(("level", "kind"), WRONG_LEVEL)
def test_a_kind_at_another_level_is_rejected_listing_the_allowed_kinds(
    level: DisciplineLevel, kind: SanctionKind
) -> None:
    allowed = ", ".join(k.value for k in SANCTIONS_BY_LEVEL[level])
    with pytest.raises(InvalidSanction, match=allowed):
        parse_sanction(level.value, kind.value)


def test_level_and_kind_are_parsed_case_insensitively() -> None:
    assert parse_sanction(" berat ", "pdhtaps").kind is K.PDHTAPS


def test_an_unknown_level_is_rejected_listing_the_levels() -> None:
    with pytest.raises(InvalidSanction, match="RINGAN, SEDANG, BERAT"):
        parse_sanction("fatal", "PDHTAPS")


def test_an_unknown_kind_is_rejected_listing_the_kinds() -> None:
    with pytest.raises(InvalidSanction, match="TEGURAN_LISAN"):
        parse_sanction("RINGAN", "skorsing")


@pytest.mark.parametrize(("level", "kind", "months"), PASAL_8)
def test_only_pdhtaps_ends_employment(
    level: DisciplineLevel, kind: SanctionKind, months: int | None
) -> None:
    assert Sanction(level, kind, months).ends_employment is (kind is K.PDHTAPS)


def test_a_sanction_built_with_the_wrong_duration_is_rejected() -> None:
    with pytest.raises(InvalidSanction, match="lasts 6 months"):
        Sanction(SEDANG, K.POTONGAN_TUKIN_25_6_BULAN, 12)


def test_a_sanction_built_at_the_wrong_level_is_rejected() -> None:
    with pytest.raises(InvalidSanction, match="not a hukuman disiplin ringan"):
        Sanction(RINGAN, K.PDHTAPS, None)


@pytest.mark.parametrize(
    ("days", "kind"),
    [
        (0, None),
        (2, None),
        (3, K.TEGURAN_LISAN),
        (4, K.TEGURAN_TERTULIS),
        (6, K.TEGURAN_TERTULIS),
        (7, K.PERNYATAAN_TIDAK_PUAS_TERTULIS),
        (10, K.PERNYATAAN_TIDAK_PUAS_TERTULIS),
        (11, K.POTONGAN_TUKIN_25_6_BULAN),
        (13, K.POTONGAN_TUKIN_25_6_BULAN),
        (14, K.POTONGAN_TUKIN_25_9_BULAN),
        (16, K.POTONGAN_TUKIN_25_9_BULAN),
        (17, K.POTONGAN_TUKIN_25_12_BULAN),
        (20, K.POTONGAN_TUKIN_25_12_BULAN),
        (21, K.PENURUNAN_JABATAN_12_BULAN),
        (24, K.PENURUNAN_JABATAN_12_BULAN),
        (25, K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN),
        (27, K.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN),
        (28, K.PDHTAPS),
        (60, K.PDHTAPS),
    ],
)
def test_cumulative_days_absent_map_to_the_pasal_11_band(
    days: int, kind: SanctionKind | None
) -> None:
    assert sanction_for_absence(days) is kind


@pytest.mark.parametrize(
    ("run", "kind"), [(9, K.POTONGAN_TUKIN_25_6_BULAN), (10, K.PDHTAPS), (12, K.PDHTAPS)]
)
def test_ten_consecutive_working_days_absent_earn_pdhtaps(run: int, kind: SanctionKind) -> None:
    assert sanction_for_absence(12, longest_run=run) is kind


def test_negative_days_absent_are_rejected() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        sanction_for_absence(-1)
