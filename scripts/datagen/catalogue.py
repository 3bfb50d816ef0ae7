"""A regional government's competency catalogue, jabatan requirements and programme offer.

Technical competencies are mostly the digital public-service applications every instansi
runs (Srikandi, SIASN, SIPD, e-Kinerja, SPSE, Platform Merdeka Mengajar, SatuSehat);
managerial and socio-cultural ones follow the ASN competency standard (PermenPANRB 38/2017).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from scripts.datagen.serving import Serving
from scripts.datagen.training_steps import AddCompetency, SetJabatanRequirements

COMPETENCIES: tuple[tuple[str, str, str], ...] = (
    ("SRIKANDI", "Tata naskah dinas elektronik (Srikandi)", "TEKNIS"),
    ("SIASN", "Pengelolaan data kepegawaian di SIASN", "TEKNIS"),
    ("SIPD", "Perencanaan dan penganggaran di SIPD", "TEKNIS"),
    ("E-KINERJA", "Pengelolaan kinerja di e-Kinerja", "TEKNIS"),
    ("SPSE", "Pengadaan barang/jasa elektronik (SPSE)", "TEKNIS"),
    ("PMM", "Pembelajaran di Platform Merdeka Mengajar", "TEKNIS"),
    ("SATUSEHAT", "Rekam medis elektronik SatuSehat", "TEKNIS"),
    ("PELAYANAN-DIGITAL", "Pelayanan publik digital (MPP Digital)", "TEKNIS"),
    ("ANALISIS-DATA", "Analisis data untuk kebijakan", "TEKNIS"),
    ("KEPEMIMPINAN", "Kepemimpinan", "MANAJERIAL"),
    ("PERENCANAAN", "Perencanaan dan pengorganisasian", "MANAJERIAL"),
    ("KEPUTUSAN", "Pengambilan keputusan", "MANAJERIAL"),
    ("PEREKAT-BANGSA", "Perekat bangsa", "SOSIAL_KULTURAL"),
    ("ORIENTASI-PELAYANAN", "Orientasi pelayanan", "SOSIAL_KULTURAL"),
)

# Programme templates: title, form, competencies, sessions, minutes per session, JP.
Template = tuple[str, str, tuple[str, ...], int, int, int]
KLASIKAL: tuple[Template, ...] = (
    (
        "Pelatihan Tata Naskah Dinas Elektronik Srikandi",
        "PELATIHAN_KLASIKAL",
        ("SRIKANDI",),
        3,
        450,
        30,
    ),
    ("Pelatihan Pengadaan Barang/Jasa Pemerintah", "PELATIHAN_KLASIKAL", ("SPSE",), 3, 450, 30),
    (
        "Pelatihan Perencanaan dan Penganggaran SIPD",
        "PELATIHAN_KLASIKAL",
        ("SIPD", "PERENCANAAN"),
        3,
        420,
        28,
    ),
    (
        "Pelatihan Kepemimpinan Pengawas",
        "PELATIHAN_KLASIKAL",
        ("KEPEMIMPINAN", "KEPUTUSAN"),
        3,
        480,
        32,
    ),
    (
        "Kursus Pelayanan Publik Digital",
        "KURSUS",
        ("PELAYANAN-DIGITAL", "ORIENTASI-PELAYANAN"),
        2,
        450,
        20,
    ),
    ("Penataran Wawasan Kebangsaan", "PENATARAN", ("PEREKAT-BANGSA",), 2, 450, 20),
    (
        "Pelatihan Rekam Medis Elektronik SatuSehat",
        "PELATIHAN_KLASIKAL",
        ("SATUSEHAT",),
        2,
        480,
        21,
    ),
    ("Pelatihan Pembelajaran Berdiferensiasi di PMM", "PELATIHAN_KLASIKAL", ("PMM",), 3, 420, 28),
)
NONKLASIKAL: tuple[Template, ...] = (
    ("E-Learning Manajemen Kinerja ASN di e-Kinerja", "E_LEARNING", ("E-KINERJA",), 2, 270, 12),
    ("E-Learning Pengelolaan Data SIASN", "E_LEARNING", ("SIASN",), 2, 240, 10),
    (
        "Pelatihan Jarak Jauh Analisis Data Kebijakan",
        "PELATIHAN_JARAK_JAUH",
        ("ANALISIS-DATA",),
        2,
        360,
        16,
    ),
    ("Coaching Pelayanan Prima", "COACHING", ("ORIENTASI-PELAYANAN",), 2, 240, 10),
    ("Benchmarking Mal Pelayanan Publik", "BENCHMARKING", ("PELAYANAN-DIGITAL",), 1, 480, 10),
)
PROVIDERS = ("BKPSDM", "BPSDM Provinsi", "LAN RI", "Kementerian PANRB", "Pusdiklat Kemendagri")
COMMON = ("SRIKANDI", "E-KINERJA", "ORIENTASI-PELAYANAN")
REQUIREMENTS_FOR = 15  # the most common jabatan get requirements


def catalogue_activities(
    on: date, staff: Sequence[Serving]
) -> list[AddCompetency | SetJabatanRequirements]:
    """The catalogue, then the requirements of the most common jabatan of `staff`."""
    out: list[AddCompetency | SetJabatanRequirements] = [
        AddCompetency(on, code, name, kind, first=i == 0)
        for i, (code, name, kind) in enumerate(COMPETENCIES)
    ]
    titles = Counter((s.jabatan_title, s.jabatan_kind) for s in staff)
    for (title, kind), _ in sorted(titles.items(), key=lambda t: (-t[1], t[0]))[:REQUIREMENTS_FOR]:
        out.append(SetJabatanRequirements(on, title, requirements(title, kind)))
    return out


def requirements(title: str, kind: str) -> tuple[str, ...]:
    """The competencies a jabatan requires: the common ones, and those of its work."""
    lower = title.lower()
    if kind in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"):
        own: tuple[str, ...] = ("KEPEMIMPINAN", "PERENCANAAN", "KEPUTUSAN")
    elif lower.startswith("guru"):
        own = ("PMM",)
    elif any(w in lower for w in ("perawat", "bidan", "dokter", "apoteker")):
        own = ("SATUSEHAT",)
    elif "pengadaan" in lower:
        own = ("SPSE",)
    else:
        own = ("PELAYANAN-DIGITAL", "SIASN")
    return COMMON + own
