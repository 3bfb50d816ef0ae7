"""PersonnelApplication: the service layer for unit kerja and employee records.

`Outcome`, `utc_now` and `normalize_nip` are re-exported from services.outcome.

GraphQL mutations, the CLI and the data generator all call these commands; each takes the
caller and plain values, validates, saves the events and returns where they landed in the log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.aggregates.employee import Employee, no_employee
from domain.awards import parse_award_kind
from domain.discipline import AbsenceBasis, SanctionImposition, parse_sanction
from domain.employment import parse_employment_type, parse_separation_kind
from domain.errors import (
    AlreadyExists,
    EmployeeNotFound,
    InvalidLeaveRequest,
    NipNotAppointable,
)
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRequest, LeaveType
from domain.nip import parse_nip
from domain.promotion import parse_ijazah, parse_promotion_kind
from domain.ranks import parse_golongan
from domain.text import CODE, clean_text
from services.attendance import AttendanceCommands
from services.caller import WRITERS, Caller
from services.career_history import latsar_completed_on, promotion_history, replayed
from services.outcome import Outcome, normalize_nip, utc_now
from services.policy import working_calendar
from services.retry import check_expected_version, retry_lost_races

__all__ = ["Outcome", "PersonnelApplication", "normalize_nip", "utc_now"]


class PersonnelApplication(AttendanceCommands):
    """Unit kerja and employee records, all in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    # At most 9 events to replay after the latest snapshot: loading a long-serving employee
    # costs 1.4-1.6x a new one (docs/benchmarks.md, loading); at 50 it was 2.3-5x.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Employee: 10}

    # --- employees ------------------------------------------------------------------------
    def appoint_employee(
        self,
        caller: Caller,
        *,
        nip: str,
        name: str,
        employment_type: str,
        golongan: str,
        jabatan_kind: str,
        jabatan_title: str,
        unit_id: UUID,
        appointed_on: date,
        jabatan_jenjang: str | None = None,
        reason: str | None = None,
    ) -> Outcome:
        """Appoint an ASN with a validated NIP, golongan and jabatan into a unit."""
        caller.require(WRITERS, "Appointing an employee")
        kind = parse_employment_type(employment_type)
        parsed_nip = parse_nip(nip, kind)
        employee = Employee.appoint(
            nip=parsed_nip,
            name=name,
            employment_type=kind,
            golongan=parse_golongan(golongan, kind),
            jabatan=parse_jabatan(jabatan_kind, jabatan_title, jabatan_jenjang),
            unit_id=self.get_unit(caller, unit_id).id,
            appointed_on=appointed_on,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        try:
            return self._commit(employee)
        except IntegrityError:
            raise self._nip_taken(caller, parsed_nip.value) from None

    def _nip_taken(self, caller: Caller, nip: str) -> AlreadyExists:
        """A NIP is unique nationally; whose it is, the caller learns only for their own tenant.

        A transfer between instansi is a later feature: until then the NIP of another
        instansi's employee "cannot be appointed here", naming nobody.
        """
        holder: Employee = self._load(Employee.id_for(nip))
        if holder.tenant == caller.tenant:
            return AlreadyExists(f"NIP {nip} is already appointed.")
        return NipNotAppointable(f"NIP {nip} cannot be appointed here.")

    def get_employee(self, nip: str) -> Employee:
        """Load an employee by NIP, or raise EmployeeNotFound."""
        try:
            employee: Employee = self._load(Employee.id_for(normalize_nip(nip)))
        except AggregateNotFoundError:
            raise EmployeeNotFound(f"No employee with NIP {nip}.") from None
        return employee

    def employee_of(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant; one of another tenant answers as a missing one."""
        try:
            employee = self.get_employee(nip)
        except EmployeeNotFound:
            raise no_employee(normalize_nip(nip), caller.tenant) from None
        employee.check_tenant(caller.meta())
        return employee

    def promote(
        self,
        caller: Caller,
        *,
        nip: str,
        to_golongan: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
        kind: str | None = None,
        ijazah: str | None = None,
    ) -> Outcome:
        """Kenaikan pangkat one step, by domain.promotion's rules (a pilihan with its reason)."""
        caller.require(WRITERS, "Promoting")
        promotion_kind, held = parse_promotion_kind(kind), parse_ijazah(ijazah)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.promote(
                to_golongan,
                effective_on,
                at,
                caller.meta(reason),
                kind=promotion_kind,
                ijazah=held,
                history=promotion_history(self.repository, e, effective_on),
            ),
        )

    def change_jabatan(
        self,
        caller: Caller,
        *,
        nip: str,
        jabatan_kind: str,
        jabatan_title: str,
        effective_on: date,
        jabatan_jenjang: str | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Put the employee in another jabatan."""
        caller.require(WRITERS, "Changing a jabatan")
        jabatan = parse_jabatan(jabatan_kind, jabatan_title, jabatan_jenjang)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.change_jabatan(jabatan, effective_on, at, caller.meta(reason)),
        )

    def transfer(
        self,
        caller: Caller,
        *,
        nip: str,
        to_unit_id: UUID,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Mutasi to another unit kerja of the same tenant."""
        caller.require(WRITERS, "A mutasi")
        unit = self.get_unit(caller, to_unit_id)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.transfer(unit.id, effective_on, at, caller.meta(reason)),
        )

    def confirm_as_pns(
        self,
        caller: Caller,
        *,
        nip: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
        latsar_programme_id: UUID | None = None,
    ) -> Outcome:
        """Confirm a CPNS as PNS after probation; Latsar from the programme's training record."""
        caller.require(WRITERS, "Confirming a CPNS")

        def confirm(e: Employee, at: datetime) -> None:
            latsar = (
                latsar_completed_on(self.repository, e, latsar_programme_id)
                if latsar_programme_id is not None
                else None
            )
            e.confirm_as_pns(effective_on, at, caller.meta(reason), latsar)

        return self._change(caller, nip, expected_version, confirm)

    def record_award(
        self,
        caller: Caller,
        *,
        nip: str,
        kind: str,
        title: str,
        awarded_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Record a penghargaan."""
        caller.require(WRITERS, "Recording an award")
        award_kind = parse_award_kind(kind)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.record_award(award_kind, title, awarded_on, at, caller.meta(reason)),
        )

    def impose_sanction(
        self,
        caller: Caller,
        *,
        nip: str,
        level: str,
        kind: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
        absences_seen: AbsenceBasis | None = None,
        departure_reason: str | None = None,
        jabatan_after: tuple[str, str, str | None] | None = None,
    ) -> Outcome:
        """Record a hukuman disiplin (PP 94/2021) with its reason; for a year's absences, bound
        to the count and proposal the decider saw (`absences_seen`, services/attendance.py)."""
        caller.require(WRITERS, "A discipline sanction")
        sanction = parse_sanction(level, kind)
        after = parse_jabatan(*jabatan_after) if jabatan_after else None
        if absences_seen is not None:
            return self._impose_for_absence(
                caller,
                nip=nip,
                sanction=sanction,
                effective_on=effective_on,
                seen=absences_seen,
                departure_reason=departure_reason,
                jabatan_after=after,
                reason=reason,
                expected_version=expected_version,
            )
        imposition = SanctionImposition(jabatan_after=after)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.impose_sanction(
                sanction, effective_on, at, caller.meta(reason), imposition
            ),
        )

    def grant_leave(
        self,
        caller: Caller,
        *,
        nip: str,
        leave_type: str,
        start: date,
        end: date,
        birth_order: int | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Grant and record cuti after the eligibility and balance checks."""
        caller.require(WRITERS, "Granting leave")
        request = LeaveRequest(_leave_type(leave_type), start, end, birth_order, reason)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.grant_leave(
                request,
                at,
                caller.meta(reason),
                working_calendar(self.repository, caller.tenant, start, end),
            ),
        )

    def end_employment(
        self,
        caller: Caller,
        *,
        nip: str,
        separation: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """End employment (retirement, resignation, dismissal, death) with its reason."""
        caller.require(WRITERS, "Ending employment")
        kind = parse_separation_kind(separation)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.end_employment(kind, effective_on, at, caller.meta(reason)),
        )

    # --- the one way an employee changes ---------------------------------------------------
    def _change(
        self,
        caller: Caller,
        nip: str,
        expected_version: int | None,
        command: Callable[[Employee, datetime], object],
    ) -> Outcome:
        """Load, check the expected version, run the command and save; retry a lost race.

        With an expected version the caller decided on what they saw, so a concurrent change
        is a CONFLICT for them to review. Without one, the command is re-run on the fresh
        state: its rules are checked again, and no concurrent update is ever lost.
        """

        def attempt() -> Outcome:
            employee = self.employee_of(caller, nip)
            check_expected_version(f"Employee {employee.nip}", employee.version, expected_version)
            if employee.needs_replay:
                employee = replayed(self.repository, employee)
            command(employee, self.clock())
            return self._commit(employee)

        return retry_lost_races(
            attempt, subject=f"Employee {normalize_nip(nip)}", strict=expected_version is not None
        )


def _leave_type(raw: str) -> LeaveType:
    raw = clean_text(raw, "A leave type", CODE, min_length=0, error=InvalidLeaveRequest)
    try:
        return LeaveType(raw.strip().upper())
    except ValueError:
        allowed = ", ".join(t.value for t in LeaveType)
        raise InvalidLeaveRequest(f"Unknown leave type {raw!r}; use one of {allowed}.") from None
