"""Kinds of jabatan (UU 20/2023 Pasal 13–18) and the jenjang of a jabatan fungsional."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.career_errors import (
    JenjangGolonganMismatch,
)
from domain.errors import (
    N_,
    InvalidJabatan,
)
from domain.text import NAME, clean_text, parse_choice


class JabatanKind(StrEnum):
    """Manajerial (JPT, administrator, pengawas) or nonmanajerial (fungsional, pelaksana)."""

    JPT_UTAMA = "JPT_UTAMA"
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"

    @property
    def is_managerial(self) -> bool:
        """Whether this is a jabatan manajerial."""
        return self in _MANAGERIAL


_MANAGERIAL = frozenset(
    {
        JabatanKind.JPT_UTAMA,
        JabatanKind.JPT_MADYA,
        JabatanKind.JPT_PRATAMA,
        JabatanKind.ADMINISTRATOR,
        JabatanKind.PENGAWAS,
    }
)


class JenjangFungsional(StrEnum):
    """Keahlian (Ahli ...) and keterampilan (Pemula ... Penyelia) levels."""

    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"
    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"


@dataclass(frozen=True)
class Jabatan:
    """A position: its kind, its title and, for a jabatan fungsional, its jenjang."""

    kind: JabatanKind
    title: str
    jenjang: JenjangFungsional | None = None


def is_managerial(kind: JabatanKind) -> bool:
    """Whether the kind is a jabatan manajerial (JPT, administrator, pengawas)."""
    return kind.is_managerial


def parse_jabatan(kind: str, title: str, jenjang: str | None = None) -> Jabatan:
    """Parse a jabatan; a fungsional needs a jenjang and no other kind may have one."""
    parsed_kind = parse_choice(JabatanKind, kind, N_("jabatan kind"), InvalidJabatan)
    title = clean_text(title, N_("A jabatan title"), NAME, min_length=2, error=InvalidJabatan)
    if jenjang is not None and not jenjang.strip():
        jenjang = None  # a form's empty field means "no jenjang"
    if parsed_kind is JabatanKind.FUNGSIONAL:
        if jenjang is None:
            allowed = ", ".join(j.value for j in JenjangFungsional)
            raise InvalidJabatan(
                N_("A jabatan fungsional needs a jenjang: one of {allowed}."), allowed=allowed
            )
        return Jabatan(
            parsed_kind,
            title,
            parse_choice(JenjangFungsional, jenjang, N_("jenjang"), InvalidJabatan),
        )
    if jenjang is not None:
        raise InvalidJabatan(
            N_("Only a jabatan fungsional has a jenjang; {kind} must not have one."),
            kind=parsed_kind.value,
        )
    return Jabatan(parsed_kind, title)


# PermenPANRB 1/2023 Lampiran: the golongan/ruang range of each jenjang of a PNS's JF.
JENJANG_GOLONGAN: dict[JenjangFungsional, tuple[str, str]] = {
    JenjangFungsional.AHLI_PERTAMA: ("III/a", "III/b"),
    JenjangFungsional.AHLI_MUDA: ("III/c", "III/d"),
    JenjangFungsional.AHLI_MADYA: ("IV/a", "IV/c"),
    JenjangFungsional.AHLI_UTAMA: ("IV/d", "IV/e"),
    JenjangFungsional.PEMULA: ("II/a", "II/a"),
    JenjangFungsional.TERAMPIL: ("II/b", "II/d"),
    JenjangFungsional.MAHIR: ("III/a", "III/b"),
    JenjangFungsional.PENYELIA: ("III/c", "III/d"),
}
_PNS_SCALE = (
    *(f"I/{r}" for r in "abcd"), *(f"II/{r}" for r in "abcd"),
    *(f"III/{r}" for r in "abcd"), *(f"IV/{r}" for r in "abcde"),
)  # fmt: skip


def check_jenjang_golongan(jabatan: Jabatan, golongan: str, employment_type: str) -> None:
    """PermenPANRB 1/2023 Lampiran: a PNS's (or CPNS's) JF jenjang fits their golongan.

    Reading: a jenjang may be taken one step below its lowest golongan, because the jenjang
    and the kenaikan pangkat that goes with it are decided together (the SK jenjang first);
    PPPK golongan (I–XVII) are not on this table and are not checked.
    """
    if jabatan.jenjang is None or employment_type == "PPPK" or golongan not in _PNS_SCALE:
        return
    low, high = JENJANG_GOLONGAN[jabatan.jenjang]
    rank = _PNS_SCALE.index(golongan)
    if not _PNS_SCALE.index(low) - 1 <= rank <= _PNS_SCALE.index(high):
        raise JenjangGolonganMismatch(
            N_(
                "A jabatan fungsional {jenjang} is held at golongan {low} to {high} "
                "(PermenPANRB 1/2023 Lampiran), not at {golongan}."
            ),
            jenjang=jabatan.jenjang.value,
            low=low,
            high=high,
            golongan=golongan,
        )
