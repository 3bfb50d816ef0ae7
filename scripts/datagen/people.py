"""People: names that fit their sex, birth dates, and NIPs that are valid and unique.

Names follow common Indonesian patterns: a given name and a second (often Javanese) name,
sometimes after a second given name, or a given name and a Batak marga; academic titles as
printed on an SK (dr. before the name, S.Pd. or A.Md.Kep. after it; Drs./Dra. before the name
of those who graduated before the titles changed in 1993).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from domain.employment import EmploymentType, Sex
from domain.jabatan import JabatanKind
from domain.leave import add_months
from scripts.datagen.staffing import Hire
from scripts.datagen.tracks import HEAD_GOLONGAN, LAST_SLTA_INTAKE, Category, rank
from scripts.datagen.unit_tree import Setting

MALE = (
    "Budi", "Agus", "Ahmad", "Muhammad", "Andi", "Dedi", "Eko", "Hendra", "Iwan", "Joko",
    "Rudi", "Slamet", "Teguh", "Wahyu", "Yusuf", "Arif", "Bambang", "Dwi", "Fajar", "Hadi",
    "Irfan", "Rizki", "Rahmat", "Sugeng", "Taufik", "Bayu", "Dimas", "Gilang", "Hari", "Imam",
    "Yohanes", "Stefanus", "Antonius", "Heru", "Sutrisno", "Adi", "Aris", "Doni", "Fikri",
    "Ilham", "Reza", "Yudi", "Zainal", "Syamsul", "Abdul", "Hasan", "Ridwan", "Samsudin",
)  # fmt: skip
MALE_SECOND = (
    "Santoso", "Wibowo", "Setiawan", "Hidayat", "Saputra", "Nugroho", "Kurniawan", "Pratama",
    "Prasetyo", "Susanto", "Gunawan", "Hermawan", "Purnomo", "Firmansyah", "Ramadhan",
    "Wijaya", "Sulistyo", "Hartono", "Siswanto", "Rahman", "Hakim", "Syahputra", "Permana",
    "Maulana", "Fauzi", "Akbar", "Hamzah", "Effendi", "Suryadi", "Nasrullah",
)  # fmt: skip
FEMALE = (
    "Sri", "Siti", "Dewi", "Nur", "Rina", "Ani", "Indah", "Fitri", "Ratna", "Yuli", "Wulan",
    "Dian", "Eka", "Putri", "Ayu", "Rini", "Endang", "Tri", "Nurul", "Maya", "Novi", "Ika",
    "Sari", "Yanti", "Retno", "Evi", "Winda", "Anisa", "Rahma", "Maria", "Theresia", "Lina",
    "Mega", "Desi", "Erna", "Fransiska", "Hesti", "Intan", "Kartini", "Lilis", "Murni",
)  # fmt: skip
FEMALE_SECOND = (
    "Wahyuni", "Lestari", "Rahayu", "Handayani", "Susanti", "Purwanti", "Astuti", "Kurniasih",
    "Puspitasari", "Maharani", "Anggraini", "Rahmawati", "Fitriani", "Safitri", "Permatasari",
    "Novitasari", "Yuliani", "Wulandari", "Kartika", "Utami", "Aminah", "Fauziah", "Hasanah",
    "Nurhayati", "Sulastri", "Marlina", "Oktaviani", "Pertiwi", "Setyaningsih", "Sari",
)  # fmt: skip
FAMILY = (
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sinaga", "Situmorang",
    "Hutagalung", "Tarigan", "Ginting", "Sembiring", "Panjaitan", "Pardede", "Manurung",
    "Sitompul", "Hutapea", "Pasaribu", "Damanik", "Saragih", "Purba",
)  # fmt: skip
# Appointed before 1995, a graduate of these fields carries the old Drs./Dra. title.
_OLD_STYLE, _NEW_TITLES_BY = ("S.Pd.", "S.Sos.", "S.IP.", "S.AP."), 1995
MASTERS = ("M.Si.", "M.M.", "M.AP.")
_AGES = {"II/a": (20, 27), "II/c": (21, 32), "III/a": (22, 35), "III/b": (24, 35)}  # at TMT CPNS
_PPPK_YEARS = {2021: 1.0, 2022: 3.0, 2023: 2.5, 2024: 2.0, 2025: 1.5}  # recruitment waves
_MORATORIUM = range(2015, 2018)  # hardly any CPNS formation in these years


@dataclass(frozen=True, slots=True)
class Person:
    """Someone hired: the NIP encodes the birth date, the TMT (or PPPK year) and the sex."""

    nip: str
    name: str
    sex: Sex
    birth_date: date
    appointed_on: date  # TMT CPNS, or the start of the first PPPK contract
    age: int  # in whole years when appointed


def draw_person(hire: Hire, rng: random.Random, nips: NipRegistry, until: date) -> Person:
    """A person fit for the hire, appointed before `until`, with a unique valid NIP."""
    pppk = hire.employment is EmploymentType.PPPK
    appointed_on, age = _pppk_start(rng, hire, until) if pppk else _cpns_start(rng, hire, until)
    born = birth_date(rng, appointed_on, age)
    head = hire.head
    female = 0.3 if head is not None and head.setting is not Setting.SCHOOL else hire.track.female
    sex = Sex.FEMALE if rng.random() < female else Sex.MALE
    nip = nips.pppk(born, appointed_on.year, sex) if pppk else nips.pns(born, appointed_on, sex)
    name = full_name(rng, sex, _degree(rng, hire), appointed_on.year)
    return Person(nip, name, sex, born, appointed_on, age)


def full_name(rng: random.Random, sex: Sex, degree: str, appointed_year: int) -> str:
    """A name for someone of `sex`, with `degree` ("dr.", "S.Pd.", "S.Sos., M.Si." or "")."""
    female = sex is Sex.FEMALE
    given, second = (FEMALE, FEMALE_SECOND) if female else (MALE, MALE_SECOND)
    pattern = rng.random()
    if pattern < 0.6:
        name = f"{rng.choice(given)} {rng.choice(second)}"
    elif pattern < 0.8:
        name = f"{rng.choice(given)} {rng.choice(given)} {rng.choice(second)}"
    else:
        name = f"{rng.choice(given)} {rng.choice(FAMILY)}"
    first, _, rest = degree.partition(", ")
    if first == "dr.":
        return f"dr. {name}" + (f", {rest}" if rest else "")
    if first in _OLD_STYLE and appointed_year < _NEW_TITLES_BY:
        return f"{'Dra.' if female else 'Drs.'} {name}" + (f", {rest}" if rest else "")
    return f"{name}, {degree}" if degree else name


def birth_date(rng: random.Random, appointed: date, age: int) -> date:
    """A birth date making someone `age` (in whole years) on `appointed`, the first of a month."""
    latest = date(appointed.year - age, appointed.month, 1) - timedelta(days=1)
    return latest - timedelta(days=rng.randrange(364))


class NipRegistry:
    """Hands out the serial (digits 16–18) so that every NIP of a plan is unique."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def pns(self, born: date, tmt_cpns: date, sex: Sex) -> str:
        """A NIP PNS/CPNS: birth date, TMT CPNS year-month, sex digit, serial."""
        return self._numbered(f"{born:%Y%m%d}{tmt_cpns:%Y%m}{_sex_digit(sex)}")

    def pppk(self, born: date, year: int, sex: Sex) -> str:
        """An NI PPPK: birth date, year of appointment, code 21, sex digit, serial."""
        return self._numbered(f"{born:%Y%m%d}{year:04d}21{_sex_digit(sex)}")

    def _numbered(self, prefix: str) -> str:
        serial = self._last.get(prefix, 0) + 1
        if serial > 999:
            raise ValueError(f"More than 999 NIPs start with {prefix}.")
        self._last[prefix] = serial
        return f"{prefix}{serial:03d}"


def _cpns_start(rng: random.Random, hire: Hire, until: date) -> tuple[date, int]:
    """TMT CPNS (the first of a month) and the age then."""
    month_of_until = date(until.year, until.month, 1)
    low, high = _AGES[hire.track.entry]
    if hire.employment is EmploymentType.CPNS:  # recruited within the last year
        return add_months(month_of_until, -rng.randint(2, 11)), rng.randint(low, high)
    for _ in range(1000):
        years = _service_years(rng, hire)
        tmt = add_months(month_of_until, -round(years * 12))
        if tmt.year in _MORATORIUM and rng.random() < 0.7:
            continue
        if hire.track.entry == "II/a" and tmt.year > LAST_SLTA_INTAKE:
            continue
        # Staff may have retired in the last three years; a head is still in post at the end.
        oldest = (57 if hire.head is not None else 61) - int(years)
        if oldest >= low:
            return tmt, rng.randint(low, min(high, oldest))
    raise AssertionError(f"No start date fits {hire}")  # the track's ages cannot fit


def _service_years(rng: random.Random, hire: Hire) -> float:
    """Years from TMT CPNS to the plan's end: long enough for a head to reach the post."""
    if hire.head is not None:
        least, _ = HEAD_GOLONGAN[hire.head.head_kind]
        years = max(4 * (rank(least) - rank(hire.track.entry)) + 3.5, 4.0)
        return rng.uniform(years, years + 10)
    draw = rng.random()
    if draw < 0.25:
        return rng.uniform(2.2, 8)
    return rng.uniform(8, 20) if draw < 0.6 else rng.uniform(20, 38)


def _pppk_start(rng: random.Random, hire: Hire, until: date) -> tuple[date, int]:
    """The start of the first contract and the age then (PPPK recruitment began in 2021)."""
    years = [y for y in _PPPK_YEARS if y <= until.year]
    if not years:
        raise ValueError(f"No PPPK were appointed before {until}.")
    latest = add_months(until, -2)
    oldest = 45 if hire.track.category is Category.GURU else 40  # many were honorer for years
    for _ in range(1000):
        year = rng.choices(years, weights=[_PPPK_YEARS[y] for y in years])[0]
        start = date(year, rng.choice((1, 3, 4, 7, 10)), 1)
        if start <= latest:
            return start, rng.randint(23, oldest)
    raise AssertionError(f"No PPPK start before {until}")


def _degree(rng: random.Random, hire: Hire) -> str:
    """The track's diploma; many heads also hold a master's degree."""
    degree = rng.choice(hire.track.degrees)
    if hire.head is None:
        return degree
    masters = {Setting.SCHOOL: "M.Pd.", Setting.CLINIC: "M.Kes."}.get(hire.head.setting, "")
    if rng.random() < (0.85 if hire.head.head_kind is JabatanKind.JPT_PRATAMA else 0.5):
        return f"{degree}, {masters or rng.choice(MASTERS)}"
    return degree


def _sex_digit(sex: Sex) -> str:
    return "1" if sex is Sex.MALE else "2"
