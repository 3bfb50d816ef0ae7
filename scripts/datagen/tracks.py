"""Career tracks: where a kind of ASN enters, how far regular promotion takes them, and when
they retire.

PNS golongan at CPNS appointment follows the diploma (SLTA II/a, D3 II/c, S1 III/a, S2 and
dokter III/b); kenaikan pangkat reguler climbs one step every 4 years up to a ceiling set by
the diploma and the kind of jabatan. A jabatan fungsional's jenjang follows its golongan
(keahlian: III/a–b Ahli Pertama, III/c–d Ahli Muda, IV/a–c Ahli Madya; keterampilan: II/a
Pemula, II/b–d Terampil, III/a–b Mahir, III/c–d Penyelia). PPPK enter at golongan V (SLTA),
VII (D3) or IX (S1), XI for a PPPK guru Ahli Muda, and are not promoted.
BUP is domain.retirement's (PP 11/2017 Pasal 239–240), read from the jabatan held.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.jabatan import JabatanKind, JenjangFungsional
from domain.ranks import ALL_PNS_GOLONGAN

J = JenjangFungsional


class Category(StrEnum):
    """The three kinds of regional staff that set where someone works."""

    GURU = "GURU"
    KESEHATAN = "KESEHATAN"
    UMUM = "UMUM"


@dataclass(frozen=True, slots=True)
class Track:
    """One way into the service: a jabatan fungsional (keahlian or keterampilan) or pelaksana."""

    key: str
    category: Category
    jf: str | None  # the jabatan fungsional, or None for a pelaksana
    keahlian: bool  # keahlian (Ahli ...) or keterampilan (Terampil ...) levels
    entry: str  # PNS golongan at CPNS appointment
    cap: str  # the highest golongan kenaikan pangkat reguler reaches
    pppk: str  # PPPK golongan
    degrees: tuple[str, ...]  # "dr." is a prefix; the rest follow the name
    female: float  # share of women
    pelaksana: tuple[str, ...] = ()  # titles of a pelaksana


def _jf(
    key: str, cat: Category, jf: str, entry: str, cap: str, degrees: str, female: float
) -> Track:
    keahlian = entry.startswith("III")
    pppk = "IX" if keahlian else "V" if entry == "II/a" else "VII"
    return Track(key, cat, jf, keahlian, entry, cap, pppk, tuple(degrees.split("|")), female)


def _pelaksana(key: str, entry: str, cap: str, pppk: str, degrees: str, titles: str) -> Track:
    d, t = tuple(degrees.split("|")), tuple(titles.split("|"))
    return Track(key, Category.UMUM, None, entry == "III/a", entry, cap, pppk, d, 0.45, t)


G, K, U = Category.GURU, Category.KESEHATAN, Category.UMUM
TRACKS: dict[str, Track] = {
    t.key: t
    for t in (
        _jf("guru", G, "Guru", "III/a", "IV/b", "S.Pd.|S.Pd.|S.Pd.|S.Pd.I.|S.Si.", 0.68),
        _jf("perawat-d3", K, "Perawat", "II/c", "III/d", "A.Md.Kep.", 0.72),
        _jf("perawat-ners", K, "Perawat", "III/a", "IV/a", "S.Kep., Ns.", 0.70),
        _jf("bidan", K, "Bidan", "II/c", "III/d", "A.Md.Keb.", 1.0),
        _jf("dokter", K, "Dokter", "III/b", "IV/b", "dr.", 0.58),
        _jf("apoteker", K, "Apoteker", "III/b", "IV/a", "S.Farm., Apt.", 0.75),
        _jf("sanitarian", K, "Sanitarian", "II/c", "III/d", "A.Md.KL", 0.55),
        _jf("nutrisionis", K, "Nutrisionis", "II/c", "III/d", "A.Md.Gz.", 0.85),
        _jf("pranata-lab", K, "Pranata Laboratorium Kesehatan", "II/c", "III/d", "A.Md.AK", 0.7),
        _jf("promkes", K, "Penyuluh Kesehatan Masyarakat", "III/a", "IV/a", "S.K.M.", 0.65),
        _jf("epidemiolog", K, "Epidemiolog Kesehatan", "III/a", "IV/a", "S.K.M.", 0.6),
        _jf("analis-kebijakan", U, "Analis Kebijakan", "III/a", "IV/a", "S.IP.|S.Sos.|S.AP.", 0.45),
        _jf("pranata-humas", U, "Pranata Hubungan Masyarakat", "III/a", "IV/a", "S.I.Kom.", 0.55),
        _jf("pranata-komputer", U, "Pranata Komputer", "III/a", "IV/a", "S.Kom.|S.T.", 0.35),
        _jf("pranata-komputer-terampil", U, "Pranata Komputer", "II/c", "III/d", "A.Md.Kom.", 0.35),
        _jf("arsiparis", U, "Arsiparis", "II/c", "III/d", "A.Md.", 0.6),
        _jf("analis-sdm", U, "Analis Sumber Daya Manusia Aparatur", "III/a", "IV/a", "S.Psi.", .55),
        _jf("analis-keuangan", U, "Analis Keuangan Pusat dan Daerah", "III/a", "IV/a", "S.E.", .55),
        _jf("perencana", U, "Perencana", "III/a", "IV/a", "S.E.|S.T.|S.P.W.K.", 0.45),
        _jf("auditor", U, "Auditor", "III/a", "IV/a", "S.E.|S.Ak.|S.H.", 0.5),
        _jf("teknik-jalan", U, "Teknik Jalan dan Jembatan", "III/a", "IV/a", "S.T.", 0.15),
        _jf("penata-ruang", U, "Penata Ruang", "III/a", "IV/a", "S.T.|S.P.W.K.", 0.35),
        _jf("adminduk", U, "Administrator Database Kependudukan", "III/a", "IV/a", "S.Kom.", 0.5),
        _jf("penyuluh-pertanian", U, "Penyuluh Pertanian", "III/a", "IV/a", "S.P.|S.TP.", 0.35),
        _jf("pol-pp", U, "Polisi Pamong Praja", "II/a", "III/b", "", 0.15),
        _pelaksana(
            "pelaksana-slta", "II/a", "III/b", "V", "",
            "Pengadministrasi Perkantoran|Operator Layanan Operasional|Pengelola Umum Operasional",
        ),
        _pelaksana(
            "pelaksana-d3", "II/c", "III/c", "VII", "A.Md.",
            "Pengolah Data dan Informasi|Pengelola Layanan Operasional",
        ),
        _pelaksana(
            "pelaksana-s1", "III/a", "III/d", "IX", "S.E.|S.Sos.|S.H.|S.AP.|S.Kom.",
            "Penata Layanan Operasional|Penelaah Teknis Kebijakan|Penata Kelola Keuangan Daerah",
        ),
    )
}  # fmt: skip

# Relative weights of a puskesmas' staff.
HEALTH_TRACKS = {
    "perawat-d3": 30,
    "perawat-ners": 12,
    "bidan": 24,
    "dokter": 6,
    "apoteker": 3,
    "sanitarian": 4,
    "nutrisionis": 4,
    "pranata-lab": 4,
    "promkes": 5,
    "epidemiolog": 2,
}
GENERIC_OFFICE_TRACKS = ("analis-kebijakan", "arsiparis", "pranata-komputer-terampil")
PELAKSANA_TRACKS = ("pelaksana-slta", "pelaksana-d3", "pelaksana-s1")
LAST_SLTA_INTAKE = 2011  # formations for SLTA graduates all but ended with the 2012 moratorium

# The least golongan to be appointed head, and the ceiling of regular promotion as head.
HEAD_GOLONGAN: dict[JabatanKind, tuple[str, str]] = {
    JabatanKind.JPT_PRATAMA: ("IV/b", "IV/c"),
    JabatanKind.ADMINISTRATOR: ("III/d", "IV/b"),
    JabatanKind.PENGAWAS: ("III/b", "IV/a"),
    JabatanKind.FUNGSIONAL: ("III/c", "IV/b"),  # a guru as kepala sekolah
}

_KEAHLIAN = {"III/a": J.AHLI_PERTAMA, "III/b": J.AHLI_PERTAMA, "III/c": J.AHLI_MUDA,
             "III/d": J.AHLI_MUDA, "IV/a": J.AHLI_MADYA, "IV/b": J.AHLI_MADYA,
             "IV/c": J.AHLI_MADYA, "IV/d": J.AHLI_UTAMA, "IV/e": J.AHLI_UTAMA}  # fmt: skip
_KETERAMPILAN = {"II/a": J.PEMULA, "II/b": J.TERAMPIL, "II/c": J.TERAMPIL, "II/d": J.TERAMPIL,
                 "III/a": J.MAHIR, "III/b": J.MAHIR, "III/c": J.PENYELIA,
                 "III/d": J.PENYELIA}  # fmt: skip
_PPPK = {"IX": J.AHLI_PERTAMA, "XI": J.AHLI_MUDA, "VII": J.TERAMPIL, "V": J.PEMULA}
_LABELS = {
    J.AHLI_PERTAMA: "Ahli Pertama", J.AHLI_MUDA: "Ahli Muda", J.AHLI_MADYA: "Ahli Madya",
    J.AHLI_UTAMA: "Ahli Utama", J.PEMULA: "Pemula", J.TERAMPIL: "Terampil", J.MAHIR: "Mahir",
    J.PENYELIA: "Penyelia",
}  # fmt: skip


def rank(golongan: str) -> int:
    """The PNS golongan's place on the 17-step scale (I/a = 0)."""
    return ALL_PNS_GOLONGAN.index(golongan)


def next_golongan(golongan: str) -> str:
    """The PNS golongan one step up."""
    return ALL_PNS_GOLONGAN[rank(golongan) + 1]


def jenjang_for(track: Track, golongan: str) -> JenjangFungsional | None:
    """The jenjang a jabatan fungsional holds at this golongan (PNS or PPPK); None if pelaksana."""
    if track.jf is None:
        return None
    if golongan in _PPPK:
        return _PPPK[golongan]
    return (_KEAHLIAN if track.keahlian else _KETERAMPILAN)[golongan]


def jf_title(track: Track, jenjang: JenjangFungsional) -> str:
    """The name of a jabatan fungsional at a jenjang, e.g. 'Guru Ahli Muda'."""
    return f"{track.jf} {_LABELS[jenjang]}"
