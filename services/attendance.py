"""Absence commands of the PersonnelApplication: days absent without a valid reason, their
corrections, an attendance import, and a hukuman imposed for them (PP 94/2021 Pasal 11).

They belong to the personnel application, not one of their own: a hukuman for absences
changes the Employee and notes the decision on the year's Attendance in one `save`, and
the API's context and the generator already hold this application.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Literal

from eventsourcing.application import AggregateNotFoundError

from domain.absence import WorkingDay
from domain.aggregates.attendance import AbsenceSource, Attendance
from domain.aggregates.employee import Employee, no_employee
from domain.discipline import (
    AbsenceBasis,
    Sanction,
    SanctionImposition,
    SanctionKind,
)
from domain.errors import N_, Conflict, DomainError, InvalidInput, Phrase
from domain.jabatan import Jabatan
from services.caller import WRITERS, Caller
from services.outcome import Outcome, normalize_nip
from services.policy import recorded_working_days
from services.retry import check_expected_version, retry_lost_races
from services.units import UnitCommands

ImportOutcome = Literal["RECORDED", "ALREADY_RECORDED", "REFUSED"]


@dataclass(frozen=True)
class ImportedRow:
    """One line of an attendance import and what became of it."""

    line: int
    nip: str
    day: str
    outcome: ImportOutcome
    message: str = ""


class AttendanceCommands(UnitCommands):
    """Days absent per employee and year, and the hukuman decided on their count."""

    @property
    def working_day(self) -> WorkingDay:
        """Working days by the recorded holiday lists (Monday to Friday in a year without one)."""
        return recorded_working_days(self.repository)

    def record_absence(
        self,
        caller: Caller,
        *,
        nip: str,
        day: date,
        source: str = AbsenceSource.HR,
        reason: str | None = None,
    ) -> Outcome:
        """Record a working day absent without a valid reason; a day recorded is kept once."""
        caller.require(WRITERS, N_("Recording an absence"))

        def attempt() -> Outcome:
            employee = self._employee_for_absence(caller, nip)
            attendance = self._attendance(caller, employee, day.year)
            if day < employee.appointed_on:
                raise InvalidInput(
                    N_("{day} is before the appointment ({appointed_on})."),
                    day=day,
                    appointed_on=employee.appointed_on,
                )
            at, meta = self.clock(), caller.meta(reason)
            attendance.record_absence(day, source, at, meta, self.working_day)
            return (
                self.save_outcome(attendance) if attendance.pending_events else _as_is(attendance)
            )

        return retry_lost_races(
            attempt, subject=Phrase(N_("Absences of {nip}"), nip=normalize_nip(nip)), strict=False
        )

    def excuse_absence(
        self,
        caller: Caller,
        *,
        nip: str,
        day: date,
        evidence_ref: str,
        reason: str | None = None,
    ) -> Outcome:
        """Correct a recorded day later shown to have had a valid reason, with the evidence."""
        caller.require(WRITERS, N_("Correcting an absence"))

        def attempt() -> Outcome:
            employee = self._employee_for_absence(caller, nip)
            attendance = self._attendance(caller, employee, day.year, must_exist=True)
            attendance.excuse_absence(day, evidence_ref, self.clock(), caller.meta(reason))
            return self.save_outcome(attendance)

        return retry_lost_races(
            attempt, subject=Phrase(N_("Absences of {nip}"), nip=normalize_nip(nip)), strict=False
        )

    def import_absences(self, caller: Caller, text: str) -> list[ImportedRow]:
        """An attendance import: CSV lines `NIP,date` (ISO), each through `record_absence`.

        Each line is its own command, so a refused line does not hold back the others, and a
        re-run after a partial failure records only what is missing.
        """
        caller.require(WRITERS, N_("Importing absences"))
        rows: list[ImportedRow] = []
        for line, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not fields or (line == 1 and fields[0].strip().upper() == "NIP"):
                continue
            rows.append(self._import_line(caller, line, fields))
        return rows

    def _import_line(self, caller: Caller, line: int, fields: list[str]) -> ImportedRow:
        nip, raw_day = [*fields, "", ""][:2]
        try:
            if len(fields) != 2:
                raise InvalidInput(N_("A line holds NIP,date."))
            day = date.fromisoformat(raw_day.strip())
            before = self._known_version(nip, day.year)
            outcome = self.record_absence(
                caller, nip=nip, day=day, source=AbsenceSource.IMPORT, reason="Attendance import"
            )
        except (DomainError, ValueError) as refused:
            return ImportedRow(line, nip.strip(), raw_day.strip(), "REFUSED", str(refused))
        done: ImportOutcome = "ALREADY_RECORDED" if outcome.version == before else "RECORDED"
        return ImportedRow(line, nip.strip(), raw_day.strip(), done)

    def absence_proposal(self, caller: Caller, nip: str, year: int) -> AbsenceBasis:
        """The year's count, longest run and Pasal 11's proposal, from the write side."""
        employee = self._employee_for_absence(caller, nip)
        attendance = self._attendance(caller, employee, year)
        proposal = attendance.proposal(self.working_day)
        return AbsenceBasis(
            year,
            attendance.days_absent(),
            attendance.longest_run(self.working_day),
            proposal.kind if proposal else None,
        )

    def _impose_for_absence(
        self,
        caller: Caller,
        *,
        nip: str,
        sanction: Sanction,
        effective_on: date,
        seen: AbsenceBasis,
        departure_reason: str | None,
        jabatan_after: Jabatan | None,
        reason: str | None,
        expected_version: int | None,
    ) -> Outcome:
        """Impose a hukuman for a year's absences: bound to the count the decider saw.

        The command carries the count and the proposal the decider saw; if the record has
        changed since (a day added or excused), the decision was taken on other facts: CONFLICT.
        The Employee's sanction and the Attendance's note of it are saved together.
        """

        def attempt() -> Outcome:
            employee = self._employee_for_absence(caller, nip)
            check_expected_version(
                Phrase(N_("Employee {nip}"), nip=employee.nip), employee.version, expected_version
            )
            attendance = self._attendance(caller, employee, seen.year, must_exist=True)
            now = attendance.proposal(self.working_day)
            actual = AbsenceBasis(
                seen.year,
                attendance.days_absent(),
                attendance.longest_run(self.working_day),
                now.kind if now else None,
            )
            if (actual.days_absent, actual.proposed) != (seen.days_absent, seen.proposed):
                raise Conflict(
                    N_(
                        "The absences of {year} now count {days} days (proposal {proposed}), "
                        "not {seen_days} ({seen_proposed}): review them and decide again."
                    ),
                    year=seen.year,
                    days=actual.days_absent,
                    proposed=_name(actual.proposed),
                    seen_days=seen.days_absent,
                    seen_proposed=_name(seen.proposed),
                )
            at, meta = self.clock(), caller.meta(reason)
            imposition = SanctionImposition(actual, departure_reason, jabatan_after)
            employee.impose_sanction(sanction, effective_on, at, meta, imposition)
            attendance.decide_sanction(
                sanction, now, effective_on, at, meta, departure_reason, self.working_day
            )
            return self.save_outcome(employee, attendance)

        return retry_lost_races(
            attempt,
            subject=Phrase(N_("Employee {nip}"), nip=normalize_nip(nip)),
            strict=expected_version is not None,
        )

    # --- loading ----------------------------------------------------------------------------
    def _employee_for_absence(self, caller: Caller, nip: str) -> Employee:
        digits = normalize_nip(nip)
        try:
            employee: Employee = self._load(Employee.id_for(digits))
        except AggregateNotFoundError:
            raise no_employee(digits, caller.tenant) from None
        employee.check_tenant(caller.meta())
        employee.check_is_active()
        return employee

    def _attendance(
        self, caller: Caller, employee: Employee, year: int, must_exist: bool = False
    ) -> Attendance:
        try:
            attendance: Attendance = self._load(Attendance.id_for(employee.nip, year))
        except AggregateNotFoundError:
            if must_exist:
                raise InvalidInput(
                    N_("No absences of {nip} are recorded in {year}."), nip=employee.nip, year=year
                ) from None
            return Attendance.open(
                nip=employee.nip,
                employee_id=employee.id,
                year=year,
                at=self.clock(),
                meta=caller.meta(),
            )
        return attendance

    def _known_version(self, nip: str, year: int) -> int | None:
        try:
            attendance: Attendance = self._load(Attendance.id_for(normalize_nip(nip), year))
        except AggregateNotFoundError:
            return None
        return attendance.version


def _as_is(attendance: Attendance) -> Outcome:
    """Nothing recorded (the day was there already): where the record stands, position 0."""
    return Outcome(attendance.id, attendance.version, 0)


def _name(kind: SanctionKind | None) -> str:
    return kind.value if kind else Phrase(N_("none"))
