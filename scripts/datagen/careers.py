"""The career planner: who someone is and what happens to their rank, jabatan and unit.

From a hire (track, employment type, units, head post) it draws a person whose birth date and
TMT agree with the NIP, and plans: the appointment (as CPNS or PPPK, with the highest ijazah the
track asks for), confirmation as PNS after 12–24 months (with the Latsar programme of the
intake, scripts/datagen/latsar.py), kenaikan pangkat reguler every 4 years on a period date
(domain.promotion; sometimes a period late) up to the track's ceiling with the jenjang of a
jabatan fungsional following the golongan, mutasi, the posting as head of a unit, and
retirement at BUP. The `Career` it returns tells the other planners (leave, awards,
discipline) when the employee was in service.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from domain.employment import EmploymentType, SeparationKind, Sex
from domain.holidays import WEEKDAYS_ONLY, WorkingCalendar
from domain.jabatan import JabatanKind, JenjangFungsional
from domain.leave import add_months
from domain.promotion import (
    EDUCATION_CEILING,
    MIN_YEARS_IN_PANGKAT,
    Ijazah,
    PromotionKind,
    anniversary,
)
from domain.promotion_periods import next_period_date
from domain.ranks import ALL_PNS_GOLONGAN
from domain.retirement import batas_usia_pensiun, pension_date
from scripts.datagen import people
from scripts.datagen.latsar import latsar_id
from scripts.datagen.regions import Region
from scripts.datagen.staffing import Hire
from scripts.datagen.steps import (
    Appoint,
    ChangeJabatan,
    ConfirmAsPns,
    EndEmployment,
    Promote,
    Step,
    Transfer,
)
from scripts.datagen.tracks import (
    HEAD_GOLONGAN,
    Category,
    Track,
    jenjang_for,
    jf_title,
    next_golongan,
    rank,
)

Jabatan = tuple[str, str, str | None]
ENTRY_IJAZAH = {"II/a": Ijazah.SMA, "II/c": Ijazah.D3, "III/a": Ijazah.S1, "III/b": Ijazah.S2}
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Career:
    """What the other planners need: who, and when the employee was in service."""

    region: Region
    nip: str
    sex: Sex
    birth_date: date
    track: Track
    appointed_on: date
    service_start: date
    pns_on: date | None  # confirmed as PNS
    last_day: date  # the last day in service within the plan
    calendar: WorkingCalendar = WEEKDAYS_ONLY  # the holidays recorded before the plan's steps


def plan_career(
    hire: Hire, region: Region, rng: random.Random, nips: people.NipRegistry, until: date
) -> tuple[Career, list[Step]]:
    """The person and their career steps (appointment first) up to `until`."""
    track, pppk = hire.track, hire.employment is EmploymentType.PPPK
    person = people.draw_person(hire, rng, nips, until)
    appointed_on = person.appointed_on
    golongan = track.pppk if pppk else track.entry
    if pppk and track.category is Category.GURU and person.age >= 35 and rng.random() < 0.15:
        golongan = "XI"  # a long-serving honorer teacher, appointed Guru Ahli Muda
    jabatan = _jabatan(rng, track, golongan)
    steps: list[Step] = []
    pns_on = None
    if hire.employment is EmploymentType.PNS:
        pns_on = add_months(appointed_on, rng.choice((12, 12, 13, 14, 15, 18, 24)))
        latsar = latsar_id(region.tenant, appointed_on)
        steps.append(ConfirmAsPns(pns_on, _sk(region, rng, "821.13", pns_on), latsar))
        ijazah = _ijazah(track, person.name)
        steps += _rank_and_jabatan(hire, region, rng, appointed_on, jabatan, until, ijazah)
    transfers = _mutasi(hire, region, rng, appointed_on, until)
    # Too short a service for the planned mutasi: the employee starts in the final unit.
    first_unit = hire.units[0] if transfers or hire.head else hire.units[-1]
    kind = EmploymentType.PPPK if pppk else EmploymentType.CPNS
    sk = _sk(region, rng, "800.1.13" if pppk else "813", appointed_on)
    appoint = Appoint(
        appointed_on,
        person.nip,
        person.name,
        kind.value,
        golongan,
        jabatan,
        first_unit,
        sk,
        _ijazah(track, person.name).value,
    )
    steps = sorted([appoint, *steps, *transfers], key=lambda s: s.sort_key)
    last_day = until
    retired = _retirement(hire, region, rng, person.birth_date, steps, until)
    if retired is not None:
        steps = [s for s in steps if s.on < retired.on] + [retired]
        last_day = retired.on - timedelta(days=1)
    service_start = min(date(appointed_on.year, 1 if pppk else appointed_on.month, 1), appointed_on)
    career = Career(
        region,
        person.nip,
        person.sex,
        person.birth_date,
        track,
        appointed_on,
        service_start,
        pns_on,
        last_day,
    )
    return career, steps


def _jabatan(rng: random.Random, track: Track, golongan: str) -> Jabatan:
    jenjang = jenjang_for(track, golongan)
    if jenjang is None:
        return (JabatanKind.PELAKSANA.value, rng.choice(track.pelaksana), None)
    return (JabatanKind.FUNGSIONAL.value, jf_title(track, jenjang), jenjang.value)


def _ijazah(track: Track, name: str) -> Ijazah:
    """The highest ijazah: the track's diploma, as its entry golongan says (dokter and apoteker
    count as S2, PP 99/2000 as amended), or S2 for a master's degree after the name."""
    return Ijazah.S2 if ", M." in name else ENTRY_IJAZAH[track.entry]


def _promotion_kind(to: str, ijazah: Ijazah, held: Jabatan) -> PromotionKind:
    """Reguler up to the ceiling of the ijazah; above it, the pilihan of the jabatan: a JF's
    (fungsional) or, for a future head, the structural one (PP 99/2000 Pasal 8)."""
    if ALL_PNS_GOLONGAN.index(to) <= ALL_PNS_GOLONGAN.index(EDUCATION_CEILING[ijazah]):
        return PromotionKind.REGULER
    if held[0] == JabatanKind.FUNGSIONAL.value:
        return PromotionKind.PILIHAN_FUNGSIONAL
    return PromotionKind.PILIHAN_STRUKTURAL


def _rank_and_jabatan(
    hire: Hire,
    region: Region,
    rng: random.Random,
    tmt: date,
    jabatan: Jabatan,
    until: date,
    ijazah: Ijazah,
) -> list[Step]:
    """Kenaikan pangkat (reguler, or pilihan above the ijazah's ceiling), the jenjang that
    follows it, and the posting as head."""
    head = hire.head
    cap = HEAD_GOLONGAN[head.head_kind][1] if head else hire.track.cap
    promotions: list[tuple[date, str]] = []
    golongan, since = hire.track.entry, tmt
    while golongan != cap:
        on = next_period_date(anniversary(since, MIN_YEARS_IN_PANGKAT[PromotionKind.REGULER]))
        if head is None and rng.random() < 0.2:  # SKP or papers late: a period or two later
            on = next_period_date(add_months(on, rng.choice((6, 6, 12))))
        if on > until:
            break
        golongan, since = next_golongan(golongan), on
        promotions.append((on, golongan))
    posted_on = _posting_date(hire, rng, tmt, promotions, until) if head else None
    steps: list[Step] = []
    current, golongan, posted = jabatan, hire.track.entry, False
    events = [*promotions, *([(posted_on, "")] if posted_on else [])]
    for on, to in sorted(events, key=lambda e: (e[0], e[1] == "")):
        if to:
            golongan = to
        if to == "" and head is not None:  # the posting as head of the unit
            posted = True
            if hire.units[-1] != hire.units[0]:
                steps.append(Transfer(on, head.code, _sk(region, rng, "821.2", on)))
            current = _held(hire, golongan, current, posted)
            steps.append(ChangeJabatan(on, current, _sk(region, rng, "821.2", on)))
            continue
        wanted = _held(hire, golongan, current, posted)
        if wanted != current:
            steps.append(
                ChangeJabatan(on, wanted, f"Kenaikan jenjang jabatan fungsional {on.year}")
            )
        current = wanted
        period = f"{_MONTHS[on.month - 1]} {on.year}"
        kind = _promotion_kind(to, ijazah, current)
        what = "reguler" if kind is PromotionKind.REGULER else kind.value.lower().replace("_", " ")
        steps.append(Promote(on, to, f"Kenaikan pangkat {what} periode {period}", kind.value))
    return steps


def _held(hire: Hire, golongan: str, current: Jabatan, posted: bool) -> Jabatan:
    """The jabatan held at this golongan: a structural post stays; a jenjang follows golongan."""
    if posted and hire.head is not None and hire.head.head_kind is not JabatanKind.FUNGSIONAL:
        return (hire.head.head_kind.value, hire.head.head_title, None)
    jenjang = jenjang_for(hire.track, golongan)
    if jenjang is None:
        return current
    title = jf_title(hire.track, jenjang) + (" (Kepala Sekolah)" if posted else "")
    return (JabatanKind.FUNGSIONAL.value, title, jenjang.value)


def _posting_date(
    hire: Hire, rng: random.Random, tmt: date, promotions: list[tuple[date, str]], until: date
) -> date:
    """When the head takes the post: some time after reaching its least golongan."""
    assert hire.head is not None
    least = HEAD_GOLONGAN[hire.head.head_kind][0]
    ranks = [(tmt, hire.track.entry), *promotions]
    reached = [on for on, g in ranks if rank(g) >= rank(least)]
    earliest = max([*reached[:1], add_months(tmt, 36)])
    if not reached or earliest > add_months(until, -2):
        raise AssertionError(f"{hire} cannot reach {least} in time")  # a bug in the ages
    return min(add_months(earliest, rng.randint(0, 36)), add_months(until, -1))


def _mutasi(hire: Hire, region: Region, rng: random.Random, start: date, until: date) -> list[Step]:
    """Transfers along the hire's units (a head's posting transfer is planned with the post)."""
    hops = hire.units[1:] if hire.head is None else ()
    earliest, latest = add_months(start, 36), add_months(until, -6)
    if not hops or earliest >= latest:
        return []
    span = (latest - earliest).days
    dates = sorted({_weekday(earliest + timedelta(days=rng.randrange(span))) for _ in hops})
    if len(dates) < len(hops):
        return []
    return [
        Transfer(on, unit, _sk(region, rng, "824", on))
        for on, unit in zip(dates, hops, strict=True)
    ]


def _retirement(
    hire: Hire, region: Region, rng: random.Random, born: date, steps: list[Step], until: date
) -> EndEmployment | None:
    """Pensiun at BUP: the first day of the month after the birthday (PP 11/2017)."""
    at_58 = pension_date(born, 58)
    held = [s.jabatan for s in steps if isinstance(s, Appoint | ChangeJabatan) and s.on < at_58]
    kind, title, jenjang = held[-1]
    age = batas_usia_pensiun(JabatanKind(kind), _jenjang(jenjang), title)
    retire_on = pension_date(born, age)
    if retire_on > until:
        return None
    reason = f"Pensiun BUP {age} tahun; {_sk(region, rng, '882', retire_on)}"
    return EndEmployment(retire_on, SeparationKind.RETIREMENT.value, reason)


def _jenjang(raw: str | None) -> JenjangFungsional | None:
    return JenjangFungsional(raw) if raw else None


def _weekday(on: date) -> date:
    """The day itself, or the Monday after a weekend."""
    return on + timedelta(days=7 - on.weekday()) if on.weekday() >= 5 else on


def _sk(region: Region, rng: random.Random, code: str, on: date) -> str:
    """A decree reference: 'SK Bupati Mulyorejo Nomor 823/417/BKPSDM/2019'."""
    number = f"{code}/{rng.randint(1, 999)}/BKPSDM/{on.year}"
    return f"SK {region.head_of_region} {region.name} Nomor {number}"
