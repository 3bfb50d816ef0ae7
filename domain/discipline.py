"""Hukuman disiplin under PP 94/2021: levels, kinds (Pasal 8), absence bands (Pasal 11), and
what imposing one needs: a reason to depart from the table, the jabatan after a berat one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.errors import N_, InvalidSanction, ReasonRequired
from domain.jabatan import Jabatan, JabatanKind
from domain.jabatan import JenjangFungsional as J
from domain.text import parse_choice


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

# Berat kinds that take the jabatan away for 12 months: they change it through its own event.
JABATAN_CHANGING = frozenset(
    {SanctionKind.PENURUNAN_JABATAN_12_BULAN, SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN}
)


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
                N_("{kind} lasts {months} months, not {given}."),
                kind=self.kind.value,
                months=_DURATION_MONTHS.get(self.kind),
                given=self.duration_months,
            )

    @property
    def ends_employment(self) -> bool:
        """Whether the sanction ends the employment (PDHTAPS)."""
        return self.kind is SanctionKind.PDHTAPS


def parse_sanction(level: str, kind: str) -> Sanction:
    """Parse a level and a kind, case-insensitively; the kind must belong to the level."""
    parsed_level = parse_choice(DisciplineLevel, level, N_("discipline level"), InvalidSanction)
    parsed_kind = parse_choice(SanctionKind, kind, N_("sanction kind"), InvalidSanction)
    _check_kind_belongs_to_level(parsed_level, parsed_kind)
    return Sanction(parsed_level, parsed_kind, _DURATION_MONTHS.get(parsed_kind))


def sanction_of(kind: SanctionKind) -> Sanction:
    """The sanction of a kind: its level and duration follow from it (Pasal 8)."""
    level = next(lv for lv, kinds in SANCTIONS_BY_LEVEL.items() if kind in kinds)
    return Sanction(level, kind, _DURATION_MONTHS.get(kind))


def check_departure(
    imposed: SanctionKind, proposed: SanctionKind | None, departure_reason: str | None
) -> None:
    """Imposing other than what Pasal 11 proposes needs its own reason.

    The table is the rule; the pejabat yang berwenang menghukum decides after the examination
    (Pasal 26–31) and may find a different hukuman right (e.g. part of the days later shown
    excused, or a heavier breach found alongside); that choice must say why.
    """
    if imposed is not proposed and not (departure_reason or "").strip():
        if proposed is None:
            raise ReasonRequired(
                N_(
                    "Pasal 11 proposes no hukuman for these absences; imposing {imposed} "
                    "instead needs a departure reason."
                ),
                imposed=imposed.value,
            )
        raise ReasonRequired(
            N_(
                "Pasal 11 proposes {wanted} for these absences; imposing {imposed} "
                "instead needs a departure reason."
            ),
            wanted=proposed.value,
            imposed=imposed.value,
        )


def check_jabatan_after(kind: SanctionKind, held: Jabatan, after: Jabatan | None) -> None:
    """The jabatan a penurunan or pembebasan puts the PNS in (PP 94/2021 Pasal 8 ayat (4)).

    Pembebasan: "dari jabatannya menjadi jabatan pelaksana", so the new one is a pelaksana and
    the PNS must hold another kind. Penurunan "setingkat lebih rendah": one step down the
    managerial chain (JPT Utama → … → Pengawas → Pelaksana) or one jenjang down in the same
    jabatan fungsional; a pelaksana's lower step (a lower kelas jabatan) is not modelled, so it
    is accepted as given. Other kinds leave the jabatan as it is.
    """
    if kind not in JABATAN_CHANGING:
        if after is not None:
            raise InvalidSanction(N_("{kind} does not change the jabatan."), kind=kind.value)
        return
    if after is None:
        raise InvalidSanction(
            N_("{kind} needs the jabatan the employee moves to."), kind=kind.value
        )
    if kind is SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN:
        if held.kind is JabatanKind.PELAKSANA or after.kind is not JabatanKind.PELAKSANA:
            raise InvalidSanction(
                N_("Pembebasan moves a holder of a jabatan to a jabatan pelaksana.")
            )
        return
    if not _one_level_lower(held, after):
        held_name = held.kind.value + (" " + held.jenjang.value if held.jenjang else "")
        raise InvalidSanction(
            N_("Penurunan jabatan goes one level lower than {held}."), held=held_name
        )


_CHAIN = (
    JabatanKind.JPT_UTAMA,
    JabatanKind.JPT_MADYA,
    JabatanKind.JPT_PRATAMA,
    JabatanKind.ADMINISTRATOR,
    JabatanKind.PENGAWAS,
    JabatanKind.PELAKSANA,
)
_JENJANG_TRACKS = (
    (J.AHLI_UTAMA, J.AHLI_MADYA, J.AHLI_MUDA, J.AHLI_PERTAMA),
    (J.PENYELIA, J.MAHIR, J.TERAMPIL, J.PEMULA),
)


def _one_level_lower(held: Jabatan, after: Jabatan) -> bool:
    if held.kind is JabatanKind.PELAKSANA:
        return after.kind is JabatanKind.PELAKSANA and after != held
    if held.kind is JabatanKind.FUNGSIONAL:
        return after.kind is JabatanKind.FUNGSIONAL and any(
            held.jenjang in track[:-1] and track[track.index(held.jenjang) + 1] is after.jenjang
            for track in _JENJANG_TRACKS
        )
    return after.kind is _CHAIN[_CHAIN.index(held.kind) + 1]


def _check_kind_belongs_to_level(level: DisciplineLevel, kind: SanctionKind) -> None:
    allowed = SANCTIONS_BY_LEVEL[level]
    if kind not in allowed:
        names = ", ".join(k.value for k in allowed)
        raise InvalidSanction(
            N_("{kind} is not a hukuman disiplin {level}; use one of {names}."),
            kind=kind.value,
            level=level.value.lower(),
            names=names,
        )


@dataclass(frozen=True)
class AbsenceBasis:
    """The absences a hukuman is imposed for: the year, its count and what Pasal 11 proposed."""

    year: int
    days_absent: int
    longest_run: int
    proposed: SanctionKind | None


@dataclass(frozen=True)
class SanctionImposition:
    """What imposing a hukuman may carry beyond its kind: the absences it answers (with a
    reason for departing from their proposal) and the jabatan a penurunan/pembebasan gives."""

    basis: AbsenceBasis | None = None
    departure_reason: str | None = None
    jabatan_after: Jabatan | None = None


NO_ABSENCE = SanctionImposition()
