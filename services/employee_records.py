"""The employee record commands every other personnel command builds on: appointing, loading
within the caller's tenant, recording an ijazah, and `_change`, the one way a record changes.

`PersonnelApplication` (services.personnel) is assembled from this, services.career_commands
and its own conduct commands; services.attendance and services.units lie beneath.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.aggregates.employee import Employee, no_employee
from domain.employment import parse_employment_type
from domain.errors import (
    N_,
    AlreadyExists,
    EmployeeNotFound,
    InvalidInput,
    NipNotAppointable,
    Phrase,
)
from domain.jabatan import parse_jabatan
from domain.nip import parse_nip
from domain.promotion import parse_ijazah
from domain.ranks import parse_golongan
from services.attendance import AttendanceCommands
from services.caller import WRITERS, Caller
from services.career_history import replayed
from services.outcome import Outcome, normalize_nip
from services.retry import check_expected_version, retry_lost_races


class EmployeeRecords(AttendanceCommands):
    """Appointment, loading and the shared change loop of employee records."""

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
        ijazah: str | None = None,
    ) -> Outcome:
        """Appoint an ASN with a validated NIP, golongan and jabatan into a unit, with the
        highest ijazah when known."""
        caller.require(WRITERS, N_("Appointing an employee"))
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
            ijazah=parse_ijazah(ijazah),
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
            return AlreadyExists(N_("NIP {nip} is already appointed."), nip=nip)
        return NipNotAppointable(N_("NIP {nip} cannot be appointed here."), nip=nip)

    def get_employee(self, nip: str) -> Employee:
        """Load an employee by NIP, or raise EmployeeNotFound."""
        try:
            employee: Employee = self._load(Employee.id_for(normalize_nip(nip)))
        except AggregateNotFoundError:
            raise EmployeeNotFound(N_("No employee with NIP {nip}."), nip=nip) from None
        return employee

    def employee_of(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant; one of another tenant answers as a missing one."""
        try:
            employee = self.get_employee(nip)
        except EmployeeNotFound:
            raise no_employee(normalize_nip(nip), caller.tenant) from None
        employee.check_tenant(caller.meta())
        return employee

    def record_ijazah(
        self,
        caller: Caller,
        *,
        nip: str,
        ijazah: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Record a higher ijazah on the record (before a penyesuaian ijazah)."""
        caller.require(WRITERS, N_("Recording an ijazah"))
        level = parse_ijazah(ijazah)
        if level is None:
            raise InvalidInput(N_("An ijazah level is required (SD to S3)."))
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.record_ijazah(level, effective_on, at, caller.meta(reason)),
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
            check_expected_version(
                Phrase(N_("Employee {nip}"), nip=employee.nip), employee.version, expected_version
            )
            if employee.needs_replay:
                employee = replayed(self.repository, employee)
            command(employee, self.clock())
            return self._commit(employee)

        return retry_lost_races(
            attempt,
            subject=Phrase(N_("Employee {nip}"), nip=normalize_nip(nip)),
            strict=expected_version is not None,
        )
