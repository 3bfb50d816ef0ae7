"""The four seed regions as tenants: who they are and the places their units are named after.

Palangkaraya's kecamatan and kelurahan are the real ones of Kota Palangka Raya. Mulyorejo,
Kemuning and Kertapati are generated here as a kabupaten or kota of their own, so their
places are plausible local names, not a map of a real regency.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RegionKind(StrEnum):
    """A kabupaten (regency, led by a Bupati) or a kota (city, led by a Wali Kota)."""

    KABUPATEN = "KABUPATEN"
    KOTA = "KOTA"


@dataclass(frozen=True)
class Region:
    """One regional government: a tenant of Jejak."""

    key: str  # the short name the CLI takes: "mulyorejo"
    name: str  # "Mulyorejo"
    kind: RegionKind
    weight: float  # share of the generated employees when several regions are generated
    kecamatan: tuple[tuple[str, tuple[str, ...]], ...]  # name, then its kelurahan

    @property
    def tenant(self) -> str:
        """The tenant code, e.g. 'pemkab-mulyorejo' or 'pemkot-palangkaraya'."""
        prefix = "pemkab" if self.kind is RegionKind.KABUPATEN else "pemkot"
        return f"{prefix}-{self.key}"

    @property
    def instansi(self) -> str:
        """The instansi's name, e.g. 'Pemerintah Kabupaten Mulyorejo'."""
        return f"Pemerintah {self.kind.value.title()} {self.name}"

    @property
    def head_of_region(self) -> str:
        """Who signs its decrees (SK): the Bupati or the Wali Kota."""
        return "Bupati" if self.kind is RegionKind.KABUPATEN else "Wali Kota"


MULYOREJO = Region(
    "mulyorejo",
    "Mulyorejo",
    RegionKind.KABUPATEN,
    0.30,
    (
        ("Mulyorejo", ("Mulyorejo", "Kauman", "Kepatihan")),
        ("Sukorejo", ("Sukorejo", "Karangrejo")),
        ("Wonosari", ("Wonosari", "Ngadirejo")),
        ("Sidomulyo", ("Sidomulyo", "Tegalsari")),
        ("Purwosari", ("Purwosari", "Kedungwaru")),
        ("Karanganyar", ("Karanganyar", "Banyuurip")),
        ("Sumberejo", ("Sumberejo", "Pandanwangi")),
        ("Kalisari", ("Kalisari", "Sidorejo")),
        ("Tegalrejo", ("Tegalrejo", "Krajan")),
        ("Ngawen", ("Ngawen", "Jatisari")),
        ("Candirejo", ("Candirejo", "Wringinanom")),
        ("Gondangrejo", ("Gondangrejo", "Sambirejo")),
    ),
)

PALANGKARAYA = Region(
    "palangkaraya",
    "Palangkaraya",
    RegionKind.KOTA,
    0.25,
    (
        (
            "Pahandut",
            (
                "Pahandut",
                "Panarung",
                "Langkai",
                "Tumbang Rungan",
                "Tanjung Pinang",
                "Pahandut Seberang",
            ),
        ),
        ("Jekan Raya", ("Menteng", "Palangka", "Bukit Tunggal", "Petuk Katimpun")),
        (
            "Sabangau",
            (
                "Kereng Bangkirai",
                "Sabaru",
                "Kalampangan",
                "Kameloh Baru",
                "Bereng Bengkel",
                "Danau Tundai",
            ),
        ),
        (
            "Bukit Batu",
            (
                "Tangkiling",
                "Banturung",
                "Habaring Hurung",
                "Sei Gohong",
                "Marang",
                "Tumbang Tahai",
                "Kanarakan",
            ),
        ),
        (
            "Rakumpit",
            (
                "Petuk Bukit",
                "Pager",
                "Panjehang",
                "Gaung Baru",
                "Bukit Sua",
                "Mungku Baru",
                "Petuk Barunai",
            ),
        ),
    ),
)

KEMUNING = Region(
    "kemuning",
    "Kemuning",
    RegionKind.KABUPATEN,
    0.25,
    (
        ("Kemuning", ("Kemuning", "Talang Aman")),
        ("Sungai Rotan", ("Sungai Rotan", "Tanjung Raja")),
        ("Muara Kemuning", ("Muara Kemuning", "Pasar Baru")),
        ("Talang Ubi", ("Talang Ubi", "Simpang Tiga")),
        ("Tanjung Agung", ("Tanjung Agung", "Lubuk Batang")),
        ("Batu Ampar", ("Batu Ampar", "Sukajadi")),
        ("Lubuk Raman", ("Lubuk Raman", "Air Itam")),
        ("Rambang Jaya", ("Rambang Jaya", "Tebing Tinggi")),
        ("Semendo Baru", ("Semendo Baru", "Pulau Panggung")),
        ("Gunung Megang", ("Gunung Megang", "Sumber Mulya")),
    ),
)

KERTAPATI = Region(
    "kertapati",
    "Kertapati",
    RegionKind.KOTA,
    0.20,
    (
        ("Kertapati", ("Kertapati", "Kemang Agung", "Kemas Rindo", "Ogan Baru")),
        ("Keramasan", ("Keramasan", "Karya Jaya", "Sungai Buah")),
        ("Seberang Ulu", ("Tuan Kentang", "Silaberanti", "Tangga Takat", "Sentosa")),
        ("Plaju Darat", ("Plaju Darat", "Bagus Kuning", "Talang Putri")),
        ("Sako Baru", ("Sako Baru", "Sialang", "Lebung Gajah")),
        ("Ilir Barat", ("Siring Agung", "Lorok Pakjo", "Bukit Baru", "Demang Lebar Daun")),
        ("Gandus", ("Gandus", "Pulo Kerto", "Karang Anyar")),
    ),
)

REGIONS: tuple[Region, ...] = (MULYOREJO, PALANGKARAYA, KEMUNING, KERTAPATI)


def find_region(name: str) -> Region:
    """A region by its short name or tenant code ('kertapati' or 'pemkot-kertapati')."""
    key = name.strip().lower()
    for region in REGIONS:
        if key in (region.key, region.tenant):
            return region
    known = ", ".join(r.key for r in REGIONS)
    raise ValueError(f"Unknown region {name!r}; use one of {known}.")


def split_employees(total: int, regions: tuple[Region, ...]) -> dict[str, int]:
    """Share `total` employees among the regions by weight (largest remainder, exact sum)."""
    weight = sum(r.weight for r in regions)
    exact = [total * r.weight / weight for r in regions]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(regions)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return {r.key: n for r, n in zip(regions, counts, strict=True)}
