"""Hukuman disiplin under PP 94/2021: levels, kinds (Pasal 8) and absence bands (Pasal 11)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from domain.errors import InvalidInput, InvalidSanction
from domain.text import CODE, clean_text

_E = TypeVar("_E", bound=StrEnum)


class DisciplineLevel(StrEnum):
    """Tingkat hukuman disiplin."""

    RINGAN = "RINGAN"
    SEDANG = "SEDANG"
    BERAT = "BERAT"


class SanctionKind(StrEnum):
    """Jenis hukuman disiplin (PP 94/2021 Pasal 8)."""

    TEGURAN_LISAN = "TEGURAN_LISAN"
    TEGURAN_TERTULIS = "TEGURAN_TERTULIS"
    PERNYATAAN_TIDAK_PUAS_TERTULIS = "PERNYATAAN_TIDAK_PUAS_TERTULIS"
    POTONGAN_TUKIN_25_6_BULAN = "POTONGAN_TUKIN_25_6_BULAN"
    POTONGAN_TUKIN_25_9_BULAN = "POTONGAN_TUKIN_25_9_BULAN"
    POTONGAN_TUKIN_25_12_BULAN = "POTONGAN_TUKIN_25_12_BULAN"
    PENURUNAN_JABATAN_12_BULAN = "PENURUNAN_JABATAN_12_BULAN"
    PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN = "PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN"
    PDHTAPS = "PDHTAPS"  # pemberhentian dengan hormat tidak atas permintaan sendiri


SANCTIONS_BY_LEVEL: dict[DisciplineLevel, tuple[SanctionKind, ...]] = {
    DisciplineLevel.RINGAN: (
        SanctionKind.TEGURAN_LISAN,
        SanctionKind.TEGURAN_TERTULIS,
        SanctionKind.PERNYATAAN_TIDAK_PUAS_TERTULIS,
    ),
    DisciplineLevel.SEDANG: (
        SanctionKind.POTONGAN_TUKIN_25_6_BULAN,
        SanctionKind.POTONGAN_TUKIN_25_9_BULAN,
        SanctionKind.POTONGAN_TUKIN_25_12_BULAN,
    ),
    DisciplineLevel.BERAT: (
        SanctionKind.PENURUNAN_JABATAN_12_BULAN,
        SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN,
        SanctionKind.PDHTAPS,
    ),
}

_DURATION_MONTHS: dict[SanctionKind, int] = {
    SanctionKind.POTONGAN_TUKIN_25_6_BULAN: 6,
    SanctionKind.POTONGAN_TUKIN_25_9_BULAN: 9,
    SanctionKind.POTONGAN_TUKIN_25_12_BULAN: 12,
    SanctionKind.PENURUNAN_JABATAN_12_BULAN: 12,
    SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN: 12,
}

# Pasal 11: the least number of working days absent without a valid reason in one year that
# earns each hukuman, most severe first.
_ABSENCE_BANDS: tuple[tuple[int, SanctionKind], ...] = (
    (28, SanctionKind.PDHTAPS),
    (25, SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN),
    (21, SanctionKind.PENURUNAN_JABATAN_12_BULAN),
    (17, SanctionKind.POTONGAN_TUKIN_25_12_BULAN),
    (14, SanctionKind.POTONGAN_TUKIN_25_9_BULAN),
    (11, SanctionKind.POTONGAN_TUKIN_25_6_BULAN),
    (7, SanctionKind.PERNYATAAN_TIDAK_PUAS_TERTULIS),
    (4, SanctionKind.TEGURAN_TERTULIS),
    (3, SanctionKind.TEGURAN_LISAN),
)
_CONSECUTIVE_DAYS_FOR_PDHTAPS = 10


@dataclass(frozen=True)
class Sanction:
    """One hukuman disiplin; its kind fixes its level and its duration."""

    level: DisciplineLevel
    kind: SanctionKind
    duration_months: int | None

    def __post_init__(self) -> None:
        # Built directly (e.g. on replay) a sanction must still be one the table allows.
        _check_kind_belongs_to_level(self.level, self.kind)
        if self.duration_months != _DURATION_MONTHS.get(self.kind):
            raise InvalidSanction(
                f"{self.kind.value} lasts {_DURATION_MONTHS.get(self.kind)} months, "
                f"not {self.duration_months}."
            )

    @property
    def ends_employment(self) -> bool:
        """Whether the sanction ends the employment (PDHTAPS)."""
        return self.kind is SanctionKind.PDHTAPS


def parse_sanction(level: str, kind: str) -> Sanction:
    """Parse a level and a kind, case-insensitively; the kind must belong to the level."""
    parsed_level = _parse_member(DisciplineLevel, level, "discipline level")
    parsed_kind = _parse_member(SanctionKind, kind, "sanction kind")
    _check_kind_belongs_to_level(parsed_level, parsed_kind)
    return Sanction(parsed_level, parsed_kind, _DURATION_MONTHS.get(parsed_kind))


def sanction_for_absence(days_absent: int, consecutive: bool = False) -> SanctionKind | None:
    """The hukuman for working days absent without a valid reason in a year (Pasal 11).

    `consecutive` says the days form one unbroken run; 10 consecutive days earn PDHTAPS.
    """
    if days_absent < 0:
        raise InvalidInput(f"Days absent cannot be negative ({days_absent}).")
    if consecutive and days_absent >= _CONSECUTIVE_DAYS_FOR_PDHTAPS:
        return SanctionKind.PDHTAPS
    for least, kind in _ABSENCE_BANDS:
        if days_absent >= least:
            return kind
    return None


def _check_kind_belongs_to_level(level: DisciplineLevel, kind: SanctionKind) -> None:
    allowed = SANCTIONS_BY_LEVEL[level]
    if kind not in allowed:
        names = ", ".join(k.value for k in allowed)
        raise InvalidSanction(
            f"{kind.value} is not a hukuman disiplin {level.value.lower()}; use one of {names}."
        )


def _parse_member(enum: type[_E], raw: str, what: str) -> _E:
    raw = clean_text(raw, f"The {what}", CODE, min_length=0, error=InvalidSanction)
    try:
        return enum(raw.upper())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidSanction(f"Unknown {what} {raw!r}; use one of {allowed}.") from None
