"""Bounds for dates and years entering the system, so no typo such as 9999-12-31 is ever stored.

Why: a stored far-future date distorts every report built on it (balances, the 20 JP rule,
service length) and no later command can undo a fact in the log. Future dates are still
legitimate where people plan ahead, so each kind has its own horizon after `today`, the
command's injected date (nothing here reads the clock):

| kind | earliest | latest | why that horizon |
| --- | --- | --- | --- |
| birth date | 1900-01-01 | today | nobody is born tomorrow; a NIP's birth digits start at 1900 |
| past | 1900-01-01 | today | learning completed, a meeting held: facts already done |
| effective date | 1900-01-01 | today + 2 years | a TMT (appointment, kenaikan pangkat, jabatan, |
| | | | mutasi, sanction, end of service), an award, the start of a cuti: an SK |
| | | | is signed months ahead, a retirement SK a year before the BUP date, a |
| | | | cuti besar for the hajj once the departure year is known; each leave |
| | | | type's own rules then bound its end (at most 3 years for a CLTN) |
| planned | 1900-01-01 | today + 2 years | a programme's sessions, a mentoring period: next year's |
| | | | training calendar is set during this one |
| year | 1950 | 2100 | a year asked about (JP, leave balance): no ASN served before |
| | | | 1950, and cycles end by 2100 (`AppraisalCycle.open`) |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.errors import N_, InvalidInput, phrase

EARLIEST = date(1900, 1, 1)
FIRST_YEAR, LAST_YEAR = 1950, 2100


@dataclass(frozen=True)
class DateKind:
    """A kind of date: how many years after today it may lie (0: not in the future)."""

    name: str
    years_ahead: int


BIRTH = DateKind("birth date", 0)
PAST = DateKind("past", 0)
EFFECTIVE = DateKind("effective date", 2)
PLANNED = DateKind("planned", 2)
HORIZON = DateKind("planning horizon", 40)  # a question about the future: a career's length


def latest(kind: DateKind, today: date) -> date:
    """The last date `kind` accepts on `today`."""
    return _years_after(today, kind.years_ahead)


def check_date(on: date, what: str, kind: DateKind, today: date) -> date:
    """The date, if it lies between 1900-01-01 and its kind's horizon after `today`."""
    subject = phrase(what)  # a marked phrase (N_("The appointment date")), translated too
    if on < EARLIEST:
        raise InvalidInput(
            N_("{what} {on} is before {earliest}."), what=subject, on=on, earliest=EARLIEST
        )
    last = latest(kind, today)
    if on > last and kind.years_ahead:
        raise InvalidInput(
            N_("{what} {on} is too far ahead: at most {years} year(s) after today ({last})."),
            what=subject,
            on=on,
            years=kind.years_ahead,
            last=last,
        )
    if on > last:
        raise InvalidInput(
            N_("{what} {on} is too far ahead: at most today ({last})."),
            what=subject,
            on=on,
            last=last,
        )
    return on


def check_birth_date(on: date, today: date) -> date:
    """A birth date: from 1900 to today."""
    return check_date(on, N_("The birth date"), BIRTH, today)


def check_effective_date(on: date, what: str, today: date) -> date:
    """An effective date (TMT) or award date: from 1900 to two years after today."""
    return check_date(on, what, EFFECTIVE, today)


def check_year(year: int, what: str = N_("The year")) -> int:
    """A year asked about: 1950–2100; `what` a marked phrase, like every `what` here."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            N_("{what} {year} is outside {first}–{last}."),
            what=phrase(what),
            year=year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return year


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, and the year after is not a leap year
        return date(day.year + years, 2, 28)
