"""Forms of learning, JP (jam pelajaran) and the duty of 20 JP a year (asn-rules.md §3).

1 JP is 45 minutes of learning [H]; every ASN owes at least 20 JP a calendar year [H]. The
forms are those of PP 11/2017 and PerLAN 10/2018 [H]. Everything else here is a documented
choice, because the reference is silent or weak on it:
- minutes become JP by floor: 89 minutes are 1 JP, never a fraction (no rounding up);
- a year's JP are counted by the date the learning was completed (its `completed_on`);
- the 20 JP status is pro rata: by a date, 20 × the share of the year already elapsed
  (the days before that date) is expected;
- completing a programme needs 80% of its scheduled minutes attended.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from domain.errors import N_, InvalidLearning
from domain.text import CODE, clean_text

MINUTES_PER_JP = 45
ANNUAL_JP_TARGET = 20
MIN_ATTENDANCE_PERCENT = 80


class LearningMode(StrEnum):
    """Pelatihan klasikal (face to face, with a curriculum) or nonklasikal."""

    KLASIKAL = "KLASIKAL"
    NONKLASIKAL = "NONKLASIKAL"


class LearningForm(StrEnum):
    """The forms of pelatihan in §3; pendidikan (degrees) earns no JP and is not one."""

    # Klasikal: §3 [H] counts seminar, kursus and penataran as classroom learning.
    PELATIHAN_KLASIKAL = "PELATIHAN_KLASIKAL"
    SEMINAR = "SEMINAR"
    KURSUS = "KURSUS"
    PENATARAN = "PENATARAN"
    # Nonklasikal.
    PERTUKARAN_PEGAWAI = "PERTUKARAN_PEGAWAI"  # exchange with private-sector staff
    MAGANG = "MAGANG"
    BENCHMARKING = "BENCHMARKING"
    PELATIHAN_JARAK_JAUH = "PELATIHAN_JARAK_JAUH"
    COACHING = "COACHING"
    MENTORING = "MENTORING"
    DETASERING = "DETASERING"
    PENUGASAN_PROGRAM_PRIORITAS = "PENUGASAN_PROGRAM_PRIORITAS"
    E_LEARNING = "E_LEARNING"
    BELAJAR_MANDIRI = "BELAJAR_MANDIRI"
    TEAM_BUILDING = "TEAM_BUILDING"
    NONKLASIKAL_LAINNYA = "NONKLASIKAL_LAINNYA"

    @property
    def mode(self) -> LearningMode:
        """Klasikal or nonklasikal."""
        return LearningMode.KLASIKAL if self in _KLASIKAL else LearningMode.NONKLASIKAL

    @property
    def has_score(self) -> bool:
        """Whether a result in this form carries a score (0–100): the forms with an exam [L]."""
        return self in _SCORED


_KLASIKAL = frozenset(
    {
        LearningForm.PELATIHAN_KLASIKAL,
        LearningForm.SEMINAR,
        LearningForm.KURSUS,
        LearningForm.PENATARAN,
    }
)
_SCORED = frozenset(
    {
        LearningForm.PELATIHAN_KLASIKAL,
        LearningForm.KURSUS,
        LearningForm.PENATARAN,
        LearningForm.PELATIHAN_JARAK_JAUH,
        LearningForm.E_LEARNING,
    }
)


def parse_form(raw: str) -> LearningForm:
    """Parse a form of learning ("e-learning" and "E_LEARNING" alike)."""
    raw = clean_text(raw, N_("A form of learning"), CODE, min_length=0, error=InvalidLearning)
    key = "_".join(raw.upper().replace("-", " ").split())
    try:
        return LearningForm(key)
    except ValueError:
        allowed = ", ".join(form.value for form in LearningForm)
        raise InvalidLearning(
            N_("Unknown form of learning {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


def jp_from_minutes(minutes: int) -> int:
    """Whole JP in `minutes` of learning: floor(minutes / 45); the remainder earns nothing."""
    if minutes < 0:
        raise InvalidLearning(N_("Minutes of learning cannot be negative."))
    return minutes // MINUTES_PER_JP


def check_programme_jp(jp: int, scheduled_minutes: int) -> int:
    """A programme grants 1 JP or more, and no more JP than its schedule holds."""
    if jp < 1:
        raise InvalidLearning(N_("A programme grants at least 1 JP."))
    if jp > jp_from_minutes(scheduled_minutes):
        raise InvalidLearning(
            N_("{jp} JP needs {minutes} minutes; the schedule holds {scheduled}."),
            jp=jp,
            minutes=jp * MINUTES_PER_JP,
            scheduled=scheduled_minutes,
        )
    return jp


def meets_attendance(attended_minutes: int, scheduled_minutes: int) -> bool:
    """Whether a participant attended at least 80% of the scheduled minutes."""
    return attended_minutes * 100 >= scheduled_minutes * MIN_ATTENDANCE_PERCENT


# --- JP credits and the 20 JP rule ---------------------------------------------------------
class JPGrant(Protocol):
    """What every JP-granting event carries, so a projection can attribute its JP."""

    @property
    def employee_id(self) -> UUID: ...
    @property
    def jp(self) -> int: ...
    @property
    def form(self) -> str: ...
    @property
    def competency_codes(self) -> list[str]: ...
    @property
    def completed_on(self) -> date: ...


@dataclass(frozen=True)
class JPCredit:
    """JP earned by one employee from one event (`source`, e.g. its log position)."""

    employee_id: UUID
    jp: int
    form: LearningForm
    competency_codes: tuple[str, ...]
    completed_on: date
    source: str

    @property
    def year(self) -> int:
        """The calendar year the JP count in: the year of completion."""
        return self.completed_on.year


def credit_from(event: JPGrant, source: str) -> JPCredit:
    """The credit a JP-granting event gives, traced to `source`."""
    return JPCredit(
        event.employee_id,
        event.jp,
        LearningForm(event.form),
        tuple(event.competency_codes),
        event.completed_on,
        source,
    )


def jp_earned(credits: Iterable[JPCredit], employee_id: UUID, year: int) -> int:
    """JP an employee earned in a calendar year."""
    return sum(c.jp for c in credits if c.employee_id == employee_id and c.year == year)


def jp_by_form(credits: Iterable[JPCredit], employee_id: UUID, year: int) -> dict[str, int]:
    """An employee's JP of a year per form of learning."""
    totals: dict[str, int] = defaultdict(int)
    for c in credits:
        if c.employee_id == employee_id and c.year == year and c.jp:
            totals[c.form.value] += c.jp
    return dict(totals)


def jp_by_competency(credits: Iterable[JPCredit], employee_id: UUID, year: int) -> dict[str, int]:
    """An employee's JP of a year per competency; learning for two competencies counts twice."""
    totals: dict[str, int] = defaultdict(int)
    for c in credits:
        if c.employee_id == employee_id and c.year == year and c.jp:
            for code in c.competency_codes:
                totals[code] += c.jp
    return dict(totals)


class JPStatus(StrEnum):
    """Where an employee stands against the 20 JP of the year."""

    MET = "MET"  # 20 JP or more
    ON_TRACK = "ON_TRACK"  # at least the pro-rata share expected by the date
    AT_RISK = "AT_RISK"  # behind the pro-rata share


def jp_status(earned: int, as_of: date) -> JPStatus:
    """MET at 20 JP; else ON_TRACK if earned ≥ 20 × (days of the year before `as_of`) / days."""
    if earned < 0:
        raise InvalidLearning(N_("JP earned cannot be negative."))
    if earned >= ANNUAL_JP_TARGET:
        return JPStatus.MET
    elapsed = (as_of - date(as_of.year, 1, 1)).days
    days = (date(as_of.year + 1, 1, 1) - date(as_of.year, 1, 1)).days
    on_track = earned * days >= ANNUAL_JP_TARGET * elapsed  # integers: no rounding at the edge
    return JPStatus.ON_TRACK if on_track else JPStatus.AT_RISK
