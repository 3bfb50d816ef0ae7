"""Attendance: one employee's days absent without a valid reason in one calendar year.

PP 94/2021 Pasal 11 counts such days per year, so one aggregate per employee and year keeps
the count's facts together: each day once, a day later shown excused (with the evidence), and
each hukuman already decided on the count, so the next one follows only more absences
("ditingkatkan", Peraturan BKN 6/2022). Its id derives from the NIP and the year.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID, uuid5

from domain.absence import WorkingDay, is_weekday, longest_run
from domain.absence_sanction import proposed_sanction
from domain.aggregates.base import JejakAggregate
from domain.dates import PAST, check_date, check_year
from domain.discipline import Sanction
from domain.errors import N_, InvalidInput, RuleViolation
from domain.meta import EventMeta
from domain.text import LINE, clean_text

ATTENDANCE_NAMESPACE = UUID("5f0c1b7e-3d2a-4e61-9b8c-7a6d5e4f3c21")


class AbsenceSource:
    """Who put a day on the record: HR by hand, or an attendance import."""

    HR = "HR"
    IMPORT = "IMPORT"


class Attendance(JejakAggregate):
    """Days absent without a valid reason (tanpa alasan yang sah) of one employee in one year."""

    class Opened(JejakAggregate.Created):
        nip: str
        employee_id: UUID
        year: int

    class AbsenceRecorded(JejakAggregate.Event):
        day: date
        source: str

        def apply(self, aggregate: Attendance) -> None:
            aggregate.absent.add(self.day)

    class AbsenceExcused(JejakAggregate.Event):
        day: date
        evidence_ref: str

        def apply(self, aggregate: Attendance) -> None:
            aggregate.absent.discard(self.day)
            aggregate.excused.add(self.day)

    class SanctionDecided(JejakAggregate.Event):
        imposed_kind: str
        proposed_kind: str | None
        days_absent: int
        longest_run: int
        effective_on: date
        departure_reason: str | None

        def apply(self, aggregate: Attendance) -> None:
            aggregate.decided_at_days = self.days_absent

    def __init__(self, nip: str, employee_id: UUID, year: int, meta: EventMeta) -> None:
        self.nip = nip
        self.employee_id = employee_id
        self.year = year
        self.tenant = meta.tenant
        self.absent: set[date] = set()
        self.excused: set[date] = set()
        self.decided_at_days = 0

    @staticmethod
    def id_for(nip: str, year: int) -> UUID:
        """One aggregate per NIP and year."""
        return uuid5(ATTENDANCE_NAMESPACE, f"{nip}/{year}")

    @classmethod
    def open(
        cls, *, nip: str, employee_id: UUID, year: int, at: datetime, meta: EventMeta
    ) -> Attendance:
        """Start the year's record, with its first absence to follow."""
        check_year(year)
        attendance: Attendance = cls.start(
            cls.Opened, cls.id_for(nip, year), at, meta, nip=nip, employee_id=employee_id, year=year
        )
        return attendance

    # --- what the record says -------------------------------------------------------------
    def days_absent(self) -> int:
        """Working days absent without a valid reason so far this year."""
        return len(self.absent)

    def longest_run(self, is_working_day: WorkingDay = is_weekday) -> int:
        """The most absent working days in a row this year."""
        return longest_run(self.absent, is_working_day)

    def proposal(self, is_working_day: WorkingDay = is_weekday) -> Sanction | None:
        """What Pasal 11 proposes for this year's absences."""
        return proposed_sanction(self.days_absent(), self.longest_run(is_working_day))

    # --- commands -------------------------------------------------------------------------
    def record_absence(
        self,
        day: date,
        source: str,
        at: datetime,
        meta: EventMeta,
        is_working_day: WorkingDay = is_weekday,
    ) -> bool:
        """Record a day absent; a day already recorded is left as it is (False).

        Idempotent rather than refused: an attendance import re-run after a partial failure,
        or HR entering a day the import already brought, changes nothing and fails nothing.
        """
        self._check_day(day, at)
        if not is_working_day(day):
            raise RuleViolation(N_("{day} is not a working day; only working days count."), day=day)
        if day in self.excused:
            raise RuleViolation(
                N_("{day} was excused with evidence; it is not absent again."), day=day
            )
        if day in self.absent:
            return False
        self.record(self.AbsenceRecorded, at, meta, day=day, source=source)
        return True

    def excuse_absence(self, day: date, evidence_ref: str, at: datetime, meta: EventMeta) -> None:
        """A recorded day later shown to have had a valid reason: the reason and its evidence."""
        self._check_day(day, at)
        meta.require_reason(N_("Excusing an absence"))
        evidence_ref = clean_text(evidence_ref, N_("An evidence reference"), LINE, min_length=1)
        if day not in self.absent:
            raise RuleViolation(
                N_("{day} is not recorded as absent without a valid reason."), day=day
            )
        self.record(self.AbsenceExcused, at, meta, day=day, evidence_ref=evidence_ref)

    def decide_sanction(
        self,
        imposed: Sanction,
        proposed: Sanction | None,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        departure_reason: str | None = None,
        is_working_day: WorkingDay = is_weekday,
    ) -> None:
        """Note the hukuman decided on this year's count; another needs more days absent."""
        days = self.days_absent()
        if days <= self.decided_at_days:
            raise RuleViolation(
                N_(
                    "A hukuman for {decided_at_days} days absent in {year} is already decided; "
                    "another one follows only further absences."
                ),
                decided_at_days=self.decided_at_days,
                year=self.year,
            )
        self.record(
            self.SanctionDecided,
            at,
            meta,
            imposed_kind=imposed.kind.value,
            proposed_kind=proposed.kind.value if proposed else None,
            days_absent=days,
            longest_run=self.longest_run(is_working_day),
            effective_on=effective_on,
            departure_reason=departure_reason,
        )

    def _check_day(self, day: date, at: datetime) -> None:
        check_date(day, N_("An absence day"), PAST, at.date())
        if day.year != self.year:
            raise InvalidInput(N_("{day} is not in {year}."), day=day, year=self.year)
