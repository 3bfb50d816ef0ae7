"""The working calendar: hari libur nasional and cuti bersama per year, as policy data.

Each year's list is set by a Surat Keputusan Bersama (SKB) of the Menteri Agama, Menteri
Ketenagakerjaan and Menteri PANRB, often amended during the year; so a year's list is one
version of the national "holidays" policy, effective from 1 January of that year, a later
amendment recorded with the same date replacing it. A Keppres making an election day a hari
libur nasional (Keppres 22/2020, 10/2024, 33/2024) is recorded the same way, as a new version
of its year's list. Working days are Monday to Friday (Perpres 21/2023 Pasal 2: 5 hari kerja),
minus national holidays and cuti bersama.

The official lists seeded (scripts/datagen/holiday_lists.py and policies.py, each with the
decree's number, its signing date and where it was read) cover 2020–2026. A year with no list
recorded counts Monday to Friday only (`WEEKDAYS_ONLY`): that is the case for 2019 and every
earlier year, whose lists were not found in a source that could be cited, until the admin
records them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from domain.errors import N_, InvalidInput
from domain.policy import InvalidPolicyValues, PolicyKind, Values
from domain.text import NAME, clean_text

HOLIDAYS_KIND = "holidays"
_LISTS = ("holidays", "cuti_bersama")


@dataclass(frozen=True)
class WorkingCalendar:
    """National holidays and cuti bersama of the years whose lists are known."""

    holidays: frozenset[date] = frozenset()
    cuti_bersama: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday, and neither a national holiday nor a cuti bersama day."""
        return day.weekday() < 5 and day not in self.holidays and day not in self.cuti_bersama

    def cuti_bersama_between(self, start: date, end: date) -> int:
        """Cuti bersama days on a weekday from start to end inclusive."""
        return sum(1 for d in self.cuti_bersama if start <= d <= end and d.weekday() < 5)

    @classmethod
    def of_years(cls, year_values: Iterable[Mapping[str, Any]]) -> WorkingCalendar:
        """The calendar made of validated yearly lists (the values of "holidays" versions)."""
        holidays: set[date] = set()
        cuti_bersama: set[date] = set()
        years: set[int] = set()
        for values in year_values:
            years.add(int(values["year"]))
            holidays.update(date.fromisoformat(d["date"]) for d in values["holidays"])
            cuti_bersama.update(date.fromisoformat(d["date"]) for d in values["cuti_bersama"])
        return cls(frozenset(holidays), frozenset(cuti_bersama), frozenset(years))


WEEKDAYS_ONLY = WorkingCalendar()


def working_days(start: date, end: date, calendar: WorkingCalendar = WEEKDAYS_ONLY) -> int:
    """Working days from start to end inclusive: Mon–Fri minus holidays and cuti bersama.

    Perpres 21/2023 Pasal 2 (5 hari kerja, Senin–Jumat); the days off are the SKB's hari libur
    nasional and cuti bersama of each year. Cuti tahunan is counted in these days (Perka BKN
    24/2017 Lampiran I.B: "hak atas cuti tahunan selama 12 (dua belas) hari kerja").
    """
    if end < start:
        return 0
    count = 0
    day = start
    while day <= end:
        count += calendar.is_working_day(day)
        day += timedelta(days=1)
    return count


def validate_holidays(values: Mapping[str, Any]) -> Values:
    """A year's list: {"year", "holidays": [{date, name}], "cuti_bersama": [{date, name}]}.

    Every date falls in the year, each once across both lists; sorted by date on the way in.
    """
    if set(values) - {"year", *_LISTS}:
        extra = ", ".join(sorted(set(values) - {"year", *_LISTS}))
        raise InvalidPolicyValues(N_("Unknown fields in a holiday list: {extra}."), extra=extra)
    year = values.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1950 <= year <= 2200:
        raise InvalidPolicyValues(N_("A holiday list needs its year (1950–2200)."))
    seen: set[date] = set()
    checked: Values = {"year": year}
    for key in _LISTS:
        entries = values.get(key, [])
        if not isinstance(entries, list):
            raise InvalidPolicyValues(N_("{key} must be a list of {{date, name}}."), key=key)
        checked[key] = sorted(
            (_entry(entry, key, year, seen) for entry in entries), key=lambda e: e["date"]
        )
    return checked


def _entry(entry: object, key: str, year: int, seen: set[date]) -> dict[str, str]:
    if not isinstance(entry, Mapping) or set(entry) != {"date", "name"}:
        raise InvalidPolicyValues(N_("Each entry of {key} is {{date, name}}."), key=key)
    raw, name = entry["date"], entry["name"]
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise InvalidPolicyValues(N_("A date in {key} must be YYYY-MM-DD."), key=key)
    if day.year != year:
        raise InvalidPolicyValues(
            N_("{day} in {key} is not in {year}."), day=day, key=key, year=year
        )
    if day in seen:
        raise InvalidPolicyValues(
            N_("{day} is listed twice in the {year} holiday list."), day=day, year=year
        )
    seen.add(day)
    if not isinstance(name, str):
        raise InvalidPolicyValues(N_("The name of {day} in {key} must be text."), day=day, key=key)
    try:
        name = clean_text(name, N_("A holiday name"), NAME)
    except InvalidInput as problem:
        raise InvalidPolicyValues(problem.template, **problem.params) from None
    return {"date": day.isoformat(), "name": name}


HOLIDAYS = PolicyKind(
    HOLIDAYS_KIND,
    validate_holidays,
    tenant_may_set=False,  # the SKB binds every instansi; regions add no days off of their own
    description="Hari libur nasional and cuti bersama of one year (SKB 3 Menteri).",
)
