"""Who works where: a head for every unit, then teachers, health workers and office staff.

Heads are PNS (a kepala sekolah is a senior guru, a kepala puskesmas a doctor, nurse or public
health graduate). The other posts split into guru (in schools), health workers (in puskesmas)
and office staff, with PPPK mostly among teachers and health workers, as recruited since 2021.
Some staff came from another unit of the same setting by mutasi.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from domain.employment import EmploymentType
from domain.units import UnitKind
from scripts.datagen.organisations import CORE, EXTRA, KABUPATEN_ONLY
from scripts.datagen.tracks import (
    GENERIC_OFFICE_TRACKS,
    HEALTH_TRACKS,
    PELAKSANA_TRACKS,
    TRACKS,
    Category,
    Track,
)
from scripts.datagen.unit_tree import Setting, UnitSpec

# Shares of the posts other than heads. Of all employees (heads are PNS), 25% are PPPK, mostly
# teachers and health workers as recruited since 2021, and 5% are CPNS; the rest are PNS.
CATEGORY_SHARES = {Category.GURU: 0.44, Category.KESEHATAN: 0.18, Category.UMUM: 0.38}
PPPK_SHARE, CPNS_SHARE = 0.25, 0.05
_PPPK_WEIGHTS = {Category.GURU: 3.0, Category.KESEHATAN: 2.5, Category.UMUM: 1.0}
_OFFICE_WEIGHTS = {
    UnitKind.BIDANG: 2,
    UnitKind.BAGIAN: 2,
    UnitKind.KELURAHAN: 2,
    UnitKind.SEKSI: 1,
    UnitKind.SUBBAGIAN: 1,
}  # the rest (dinas, badan, sekretariat, kecamatan): 3
_PELAKSANA_WEIGHTS = (0.35, 0.25, 0.40)  # SLTA, D3, S1
_HEAD_TRACKS = {
    Setting.SCHOOL: ("guru",),
    Setting.CLINIC: ("dokter", "dokter", "perawat-ners", "promkes"),
    Setting.OFFICE: ("analis-kebijakan", "pelaksana-s1"),
}
_JF_BY_ORG = {o.code: o.jf_tracks for o in (*CORE, *EXTRA, *KABUPATEN_ONLY)}


@dataclass(frozen=True, slots=True)
class Hire:
    """A post to fill: the track, the final employment type, the units over time."""

    track: Track
    employment: EmploymentType  # as of the plan's end: PNS, still CPNS, or PPPK
    units: tuple[str, ...]  # the unit at appointment, then each mutasi's destination
    head: UnitSpec | None = None  # the unit this hire heads by the plan's end


def staff(units: tuple[UnitSpec, ...], employees: int, rng: random.Random) -> list[Hire]:
    """The tenant's `employees` posts: one head per unit first, then the staff."""
    by_setting = {s: [u for u in units if u.setting is s] for s in Setting}
    hires = [_head(unit, by_setting[unit.setting], rng) for unit in units]
    if employees < len(hires):
        raise ValueError(f"{employees} employees cannot head {len(hires)} units.")
    shares = list(CATEGORY_SHARES.values())
    categories = rng.choices(list(CATEGORY_SHARES), shares, k=employees - len(hires))
    types = _employment_types(categories, employees, rng)
    return hires + [_staff(c, t, by_setting, rng) for c, t in zip(categories, types, strict=True)]


def _employment_types(
    categories: list[Category], employees: int, rng: random.Random
) -> list[EmploymentType]:
    """Exactly the PPPK and CPNS shares of all employees, PPPK drawn by category weight."""
    pppk = min(len(categories), round(employees * PPPK_SHARE))
    cpns = min(len(categories) - pppk, round(employees * CPNS_SHARE))
    # Weighted sampling without replacement (Efraimidis–Spirakis): the largest keys win.
    keys = [rng.random() ** (1 / _PPPK_WEIGHTS[c]) for c in categories]
    by_key = sorted(range(len(categories)), key=lambda i: keys[i], reverse=True)
    types = [EmploymentType.PNS] * len(categories)
    for i in by_key[:pppk]:
        types[i] = EmploymentType.PPPK
    for i in rng.sample(sorted(by_key[pppk:]), cpns):
        types[i] = EmploymentType.CPNS
    return types


def _head(unit: UnitSpec, same_setting: list[UnitSpec], rng: random.Random) -> Hire:
    """The head of `unit`, who worked elsewhere in the same organisation or setting before."""
    options = [u for u in same_setting if u.org == unit.org] or same_setting
    home = rng.choice(options).code
    keys = _HEAD_TRACKS[unit.setting]
    if unit.setting is Setting.OFFICE:
        keys += _keahlian(_JF_BY_ORG.get(unit.org, ()))
    units = (unit.code,) if home == unit.code else (home, unit.code)
    return Hire(TRACKS[rng.choice(keys)], EmploymentType.PNS, units, unit)


def _staff(
    category: Category,
    employment: EmploymentType,
    by_setting: dict[Setting, list[UnitSpec]],
    rng: random.Random,
) -> Hire:
    if category is Category.GURU:
        schools = by_setting[Setting.SCHOOL]
        weights = [2 if u.code.startswith("SMP") else 1 for u in schools]
        unit, track = rng.choices(schools, weights)[0], TRACKS["guru"]
    elif category is Category.KESEHATAN:
        unit = rng.choice(by_setting[Setting.CLINIC])
        track = TRACKS[rng.choices(list(HEALTH_TRACKS), list(HEALTH_TRACKS.values()))[0]]
    else:
        offices = by_setting[Setting.OFFICE]
        unit = rng.choices(offices, [_OFFICE_WEIGHTS.get(u.kind, 3) for u in offices])[0]
        track = _office_track(unit, rng)
    if employment is EmploymentType.CPNS and track.entry == "II/a":
        track = TRACKS["pelaksana-s1"]  # no formations for SLTA graduates any more
    return Hire(track, employment, _path(unit, by_setting[unit.setting], rng))


def _office_track(unit: UnitSpec, rng: random.Random) -> Track:
    draw, specific = rng.random(), _JF_BY_ORG.get(unit.org, ())
    if specific and draw < 0.30:
        return TRACKS[rng.choice(specific)]
    if draw < 0.42:
        return TRACKS[rng.choice(GENERIC_OFFICE_TRACKS)]
    return TRACKS[rng.choices(PELAKSANA_TRACKS, _PELAKSANA_WEIGHTS)[0]]


def _path(final: UnitSpec, same_setting: list[UnitSpec], rng: random.Random) -> tuple[str, ...]:
    """The units someone worked in: most never moved, some came by one or two mutasi."""
    draw = rng.random()
    moves = 2 if draw < 0.04 else 1 if draw < 0.26 else 0
    path = [final.code]
    for _ in range(moves):
        others = [u.code for u in same_setting if u.code != path[0]]
        if not others:
            break
        path.insert(0, rng.choice(others))
    return tuple(path)


def _keahlian(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Only graduates (keahlian tracks) become heads of office units."""
    return tuple(k for k in keys if TRACKS[k].keahlian)
