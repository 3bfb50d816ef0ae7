"""A tenant's unit tree, sized with its number of employees.

One root, the Sekretariat Daerah: dinas, badan and camat answer to the regional head through
the Sekretaris Daerah (UU 23/2014 Pasal 212, 224), so the career-ASN tree hangs from it.
Offices come in order of priority (core dinas and badan, then their bidang, kecamatan, seksi,
further dinas ...) and as many are kept as the tenant's size allows; schools (under Dinas
Pendidikan) and puskesmas (under Dinas Kesehatan) scale with the teachers and health workers.
Every unit has exactly one head post.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.jabatan import JabatanKind
from domain.units import UnitKind
from scripts.datagen.organisations import (
    CORE,
    EXTRA,
    KABUPATEN_ONLY,
    SUBBAGIAN,
    Organisation,
    head_title_of,
)
from scripts.datagen.regions import Region, RegionKind

OFFICE_SHARE = 0.06  # office units (one head each) per employee
TEACHER_SHARE = 0.40  # of a regional government's ASN, teachers ...
HEALTH_SHARE = 0.16  # ... and health workers in puskesmas
TEACHERS_PER_SCHOOL = 10
STAFF_PER_PUSKESMAS = 14
MIN_OFFICES = 4  # Sekretariat Daerah, Dinas Pendidikan, Dinas Kesehatan, BKPSDM
SETDA, DISDIK, DINKES, KECAMATAN = "SETDA", "DISDIK", "DINKES", "KEC"

_HEAD_KINDS = {
    UnitKind.DINAS: JabatanKind.JPT_PRATAMA,
    UnitKind.BADAN: JabatanKind.JPT_PRATAMA,
    UnitKind.KANTOR: JabatanKind.JPT_PRATAMA,
    UnitKind.SEKRETARIAT: JabatanKind.ADMINISTRATOR,  # of a dinas; the Sekretaris Daerah is JPT
    UnitKind.BIDANG: JabatanKind.ADMINISTRATOR,
    UnitKind.BAGIAN: JabatanKind.ADMINISTRATOR,
    UnitKind.KECAMATAN: JabatanKind.ADMINISTRATOR,
    UnitKind.SUBBAGIAN: JabatanKind.PENGAWAS,
    UnitKind.SEKSI: JabatanKind.PENGAWAS,
    UnitKind.KELURAHAN: JabatanKind.PENGAWAS,
    UnitKind.PUSKESMAS: JabatanKind.PENGAWAS,
    UnitKind.SEKOLAH: JabatanKind.FUNGSIONAL,  # a guru with the added duty of kepala sekolah
}


class Setting(StrEnum):
    """Where a unit's staff work: an office, a school or a puskesmas."""

    OFFICE = "OFFICE"
    SCHOOL = "SCHOOL"
    CLINIC = "CLINIC"


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit kerja to create and the title of its head."""

    code: str
    name: str
    kind: UnitKind
    parent: str | None
    org: str  # the code of its perangkat daerah, for the jabatan fungsional of its staff
    head_title: str

    @property
    def head_kind(self) -> JabatanKind:
        """The kind of jabatan its head holds."""
        return JabatanKind.JPT_PRATAMA if self.parent is None else _HEAD_KINDS[self.kind]

    @property
    def setting(self) -> Setting:
        """Whether its staff work in an office, a school or a puskesmas."""
        if self.kind is UnitKind.SEKOLAH:
            return Setting.SCHOOL
        return Setting.CLINIC if self.kind is UnitKind.PUSKESMAS else Setting.OFFICE


def build_tree(region: Region, employees: int) -> tuple[UnitSpec, ...]:
    """The region's units, parents before children, sized for `employees`."""
    ranked = sorted(_offices(region), key=lambda item: item[0])
    budget = max(MIN_OFFICES, round(employees * OFFICE_SHARE))
    offices = tuple(unit for _, unit in ranked[:budget])
    schools = max(1, round(employees * TEACHER_SHARE / TEACHERS_PER_SCHOOL))
    clinics = max(1, round(employees * HEALTH_SHARE / STAFF_PER_PUSKESMAS))
    return offices + _schools(region, schools) + _puskesmas(region, clinics)


def _offices(region: Region) -> list[tuple[tuple[int, int], UnitSpec]]:
    """Every office the region could have, each ranked by (priority, sequence).

    A child always has a higher priority than its parent, so any prefix of the ranking is a
    tree with one root.
    """
    units: list[tuple[tuple[int, int], UnitSpec]] = []

    def add(priority: int, unit: UnitSpec) -> None:
        units.append(((priority, len(units)), unit))

    setda = CORE[0]
    add(0, UnitSpec(SETDA, setda.name, setda.kind, None, SETDA, setda.head_title))
    for j, (kecamatan, kelurahan) in enumerate(region.kecamatan):
        kec = f"{KECAMATAN}-{j + 1:02d}"
        name, camat = f"Kecamatan {kecamatan}", f"Camat {kecamatan}"
        add(1 + j, UnitSpec(kec, name, UnitKind.KECAMATAN, SETDA, KECAMATAN, camat))
        for i, place in enumerate(kelurahan):
            code, name, lurah = f"{kec}-KEL{i + 1:02d}", f"Kelurahan {place}", f"Lurah {place}"
            add(3 + j + i, UnitSpec(code, name, UnitKind.KELURAHAN, kec, KECAMATAN, lurah))
    extras = [o for o in KABUPATEN_ONLY if o.only_in is region.kind] + list(EXTRA)
    orgs = [(0 if i < 4 else 1 if i < len(CORE) - 1 else 2, o) for i, o in enumerate(CORE)]
    orgs += [(3 + j // 3, o) for j, o in enumerate(extras)]
    for p, org in orgs:
        for priority, unit in _insides(org, p):
            add(priority, unit)
    return units


def _insides(org: Organisation, p: int) -> list[tuple[int, UnitSpec]]:
    """The organisation (unless it is the root), its secretariat, bidang and seksi, ranked."""
    code = org.code
    inside = (
        []
        if code == SETDA
        else [(p, UnitSpec(code, org.name, org.kind, SETDA, code, org.head_title))]
    )
    if org.has_secretariat:
        sekre, name = f"{code}-SEKRE", f"Sekretariat {org.name}"
        title = f"Sekretaris {org.name}"
        inside.append((p + 4, UnitSpec(sekre, name, UnitKind.SEKRETARIAT, code, code, title)))
        for m, sub in enumerate(SUBBAGIAN):
            unit = UnitSpec(
                f"{sekre}-SUB{m + 1}", sub, UnitKind.SUBBAGIAN, sekre, code, f"Kepala {sub}"
            )
            inside.append((p + 6 + m, unit))
    label = "BAG" if code == SETDA else "BID"
    for k, (division, sections) in enumerate(org.divisions):
        div = f"{code}-{label}{k + 1}"
        title = head_title_of(division)
        inside.append((p + 2 + k, UnitSpec(div, division, org.division_kind, code, code, title)))
        for m, section in enumerate(sections):
            unit = UnitSpec(
                f"{div}-S{m + 1}", section, UnitKind.SEKSI, div, code, head_title_of(section)
            )
            inside.append((p + 5 + k + m, unit))
    return inside


def _schools(region: Region, count: int) -> tuple[UnitSpec, ...]:
    """SD and SMP negeri, three SD to one SMP, numbered per place as schools are named."""
    places = _places(region)
    numbered: dict[str, int] = {}
    per_level = {"SD": 0, "SMP": 0}
    schools = []
    for n in range(count):
        level = "SMP" if n % 4 == 3 else "SD"
        per_level[level] += 1
        if level == "SD":
            place = places[(per_level[level] - 1) % len(places)]
        elif region.kind is RegionKind.KOTA:
            place = region.name
        else:
            place = region.kecamatan[(per_level[level] - 1) % len(region.kecamatan)][0]
        numbered[f"{level} {place}"] = number = numbered.get(f"{level} {place}", 0) + 1
        code = f"{level}N-{per_level[level]:03d}"
        name = f"{level} Negeri {number} {place}"
        schools.append(UnitSpec(code, name, UnitKind.SEKOLAH, DISDIK, DISDIK, "Kepala Sekolah"))
    return tuple(schools)


def _puskesmas(region: Region, count: int) -> tuple[UnitSpec, ...]:
    """UPT Puskesmas: one per kecamatan first, then in kelurahan, then a second round."""
    kecamatan = [k for k, _ in region.kecamatan]
    places = kecamatan + [p for p in _places(region) if p not in kecamatan]
    clinics = []
    for n in range(count):
        place = places[n % len(places)] + (f" {n // len(places) + 1}" if n >= len(places) else "")
        name = f"UPT Puskesmas {place}"
        code = f"PKM-{n + 1:03d}"
        clinics.append(UnitSpec(code, name, UnitKind.PUSKESMAS, DINKES, DINKES, f"Kepala {name}"))
    return tuple(clinics)


def _places(region: Region) -> list[str]:
    """Kelurahan, taking one from each kecamatan in turn."""
    columns = [kelurahan for _, kelurahan in region.kecamatan]
    return [c[i] for i in range(max(map(len, columns))) for c in columns if i < len(c)]
