"""NIP (PNS/CPNS, Perka BKN 22/2007) and NI PPPK: 18 digits that encode who and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.employment import EmploymentType, Sex
from domain.errors import N_, InvalidNIP
from domain.text import CODE, clean_text

_SEPARATORS = str.maketrans("", "", " .-")
_MIN_AGE_AT_APPOINTMENT = 18


@dataclass(frozen=True)
class Nip:
    """A parsed NIP; `appointment_month` is None and `pppk_code` is set for an NI PPPK."""

    value: str
    birth_date: date
    appointment_year: int
    appointment_month: int | None
    pppk_code: str | None
    sex: Sex
    serial: int

    @property
    def formatted(self) -> str:
        """The spaced form printed on SK and ID cards."""
        v = self.value
        if self.appointment_month is None:
            return f"{v[:8]} {v[8:12]} {v[12:14]} {v[14]} {v[15:]}"
        return f"{v[:8]} {v[8:14]} {v[14]} {v[15:]}"


def parse_nip(raw: str, employment_type: EmploymentType) -> Nip:
    """Parse and validate a NIP (PNS/CPNS) or NI PPPK, including a plausibility check.

    Plausibility check: the appointment must fall after the birth date and the employee must
    have been at least 18 at appointment, comparing year-month (PNS/CPNS) or year (PPPK),
    since the number carries no appointment day (and no month for PPPK).
    """
    raw = clean_text(raw, N_("A NIP"), CODE, min_length=0, error=InvalidNIP)
    digits = raw.translate(_SEPARATORS)
    # isdigit() alone would accept non-ASCII digits such as Arabic-Indic ones.
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidNIP(
            N_("NIP {raw!r} must contain only digits (spaces, dots, dashes allowed)."), raw=raw
        )
    if len(digits) != 18:
        raise InvalidNIP(
            N_("NIP must have 18 digits; {raw!r} has {count}."), raw=raw, count=len(digits)
        )
    birth = _birth_date(digits[:8])
    if employment_type is EmploymentType.PPPK:
        year, month, code = int(digits[8:12]), None, digits[12:14]
    else:
        year, month, code = int(digits[8:12]), _appointment_month(digits[8:14]), None
    sex = _sex(digits[14])
    serial = int(digits[15:])
    if serial == 0:
        raise InvalidNIP(
            N_("NIP digits 16–18 (serial number) must not be 000; serials start at 001.")
        )
    _check_appointment_is_plausible(birth, year, month)
    return Nip(digits, birth, year, month, code, sex, serial)


def nip_digits(raw: str) -> str:
    """A NIP as given, reduced to its digits; INVALID_NIP for text that no NIP can be."""
    raw = clean_text(raw, N_("A NIP"), CODE, min_length=0, error=InvalidNIP)
    return "".join(ch for ch in raw if ch.isdigit())


def tmt_cpns(nip: Nip) -> date | None:
    """The first day of the TMT CPNS month encoded in a PNS/CPNS NIP; None for an NI PPPK."""
    if nip.appointment_month is None:
        return None
    return date(nip.appointment_year, nip.appointment_month, 1)


def _birth_date(part: str) -> date:
    try:
        born = date(int(part[:4]), int(part[4:6]), int(part[6:8]))
    except ValueError:
        raise InvalidNIP(
            N_("NIP digits 1–8 (birth date) {part} are not a valid date."), part=part
        ) from None
    if born.year < 1900:
        raise InvalidNIP(N_("NIP digits 1–8 (birth date) {part} are before 1900."), part=part)
    return born


def _appointment_month(part: str) -> int:
    month = int(part[4:])
    if not 1 <= month <= 12:
        raise InvalidNIP(
            N_("NIP digits 9–14 (TMT CPNS, YYYYMM) {part} have month {month}; use 01–12."),
            part=part,
            month=part[4:],
        )
    return month


def _sex(digit: str) -> Sex:
    if digit == "1":
        return Sex.MALE
    if digit == "2":
        return Sex.FEMALE
    raise InvalidNIP(
        N_("NIP digit 15 (sex) is {digit}; it must be 1 (male) or 2 (female)."), digit=digit
    )


def _check_appointment_is_plausible(birth: date, year: int, month: int | None) -> None:
    # Without a month (PPPK) only whole years can be compared.
    if month is None:
        born_at, appointed_at, when = birth.year * 12, year * 12, f"{year}"
        before_birth = N_("NIP appointment year {when} is not after the birth date {born}.")
        too_young = N_(
            "NIP appointment year {when} makes the employee younger than {age} at appointment "
            "(born {born})."
        )
    else:
        born_at, appointed_at = birth.year * 12 + birth.month, year * 12 + month
        when = f"{year}-{month:02d}"
        before_birth = N_("NIP appointment month {when} is not after the birth date {born}.")
        too_young = N_(
            "NIP appointment month {when} makes the employee younger than {age} at appointment "
            "(born {born})."
        )
    if appointed_at <= born_at:
        raise InvalidNIP(before_birth, when=when, born=birth.isoformat())
    if appointed_at - born_at < _MIN_AGE_AT_APPOINTMENT * 12:
        raise InvalidNIP(too_young, when=when, age=_MIN_AGE_AT_APPOINTMENT, born=birth.isoformat())
