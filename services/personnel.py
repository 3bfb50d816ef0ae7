"""PersonnelApplication: the service layer for unit kerja and employee records.

GraphQL mutations, the CLI and the data generator all call these commands; each takes the
caller and plain values, validates, saves the events and returns where they landed in the log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Recording

from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.awards import parse_award_kind
from domain.discipline import parse_sanction
from domain.employment import parse_employment_type, parse_separation_kind
from domain.errors import (
    AlreadyExists,
    EmployeeNotFound,
    InvalidLeaveRequest,
    RuleViolation,
    UnitNotFound,
)
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRequest, LeaveType
from domain.nip import parse_nip
from domain.ranks import parse_golongan
from domain.units import check_name, check_unit_code, parse_unit_kind
from services.batching import BatchingApplication
from services.caller import WRITERS, Caller
from services.retry import check_expected_version, retry_lost_races
from services.transcodings import register_jejak_transcodings

MAX_UNIT_DEPTH = 8

A = TypeVar("A", bound=JejakAggregate)


@dataclass(frozen=True)
class Outcome:
    """Where a command's events landed: the aggregate, its new version, the last log position."""

    aggregate_id: UUID
    version: int
    position: int


def utc_now() -> datetime:
    """The production clock; tests and the generator inject their own."""
    return datetime.now(UTC)


def normalize_nip(nip: str) -> str:
    """The NIP as 18 bare digits (spaces, dots and dashes dropped)."""
    return "".join(ch for ch in nip if ch.isdigit())


class PersonnelApplication(BatchingApplication):
    """Unit kerja and employee records, all in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Employee: 50}

    def __init__(
        self, env: dict[str, str] | None = None, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(env)
        self.clock = clock

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_jejak_transcodings(transcoder)

    # --- unit kerja -----------------------------------------------------------------------
    def create_unit(
        self,
        caller: Caller,
        *,
        code: str,
        name: str,
        kind: str,
        parent_id: UUID | None = None,
        reason: str | None = None,
    ) -> Outcome:
        """Create a unit kerja, nested under `parent_id` if given."""
        caller.require(WRITERS, "Creating a unit kerja")
        code, name, unit_kind = check_unit_code(code), check_name(name), parse_unit_kind(kind)
        if parent_id is not None:
            self._check_depth(self.get_unit(caller, parent_id))
        unit = OrgUnit.create(
            code=code,
            name=name,
            kind=unit_kind.value,
            parent_id=parent_id,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        try:
            return self._commit(unit)
        except IntegrityError:
            raise AlreadyExists(f"Unit code {code!r} already exists in {caller.tenant}.") from None

    def get_unit(self, caller: Caller, unit_id: UUID) -> OrgUnit:
        """Load a unit of the caller's tenant, or raise UnitNotFound."""
        try:
            unit: OrgUnit = self._load(unit_id)
        except AggregateNotFoundError:
            raise UnitNotFound(f"No unit kerja {unit_id}.") from None
        if unit.tenant != caller.tenant:
            raise UnitNotFound(f"No unit kerja {unit_id} in {caller.tenant}.")
        return unit

    def _check_depth(self, parent: OrgUnit) -> None:
        depth, unit = 1, parent
        while unit.parent_id is not None:
            depth += 1
            unit = self._load(unit.parent_id)
        if depth >= MAX_UNIT_DEPTH:
            raise RuleViolation(f"Units nest at most {MAX_UNIT_DEPTH} levels deep.")

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
            name=check_name(name),
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
            raise AlreadyExists(f"NIP {parsed_nip.value} is already appointed.") from None

    def get_employee(self, nip: str) -> Employee:
        """Load an employee by NIP, or raise EmployeeNotFound."""
        try:
            employee: Employee = self._load(Employee.id_for(normalize_nip(nip)))
        except AggregateNotFoundError:
            raise EmployeeNotFound(f"No employee with NIP {nip}.") from None
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
    ) -> Outcome:
        """Kenaikan pangkat to the next golongan (further only with a reason)."""
        caller.require(WRITERS, "Promoting")
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.promote(to_golongan, effective_on, at, caller.meta(reason)),
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
    ) -> Outcome:
        """Confirm a CPNS as PNS."""
        caller.require(WRITERS, "Confirming a CPNS")
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.confirm_as_pns(effective_on, at, caller.meta(reason)),
        )

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
        award_kind, title = parse_award_kind(kind), check_name(title, "An award title")
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
    ) -> Outcome:
        """Record a hukuman disiplin (PP 94/2021) with its reason."""
        caller.require(WRITERS, "A discipline sanction")
        sanction = parse_sanction(level, kind)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.impose_sanction(sanction, effective_on, at, caller.meta(reason)),
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
            lambda e, at: e.grant_leave(request, at, caller.meta(reason)),
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
            employee = self.get_employee(nip)
            employee.check_tenant(caller.meta())
            check_expected_version(f"Employee {employee.nip}", employee.version, expected_version)
            command(employee, self.clock())
            return self._commit(employee)

        return retry_lost_races(
            attempt, subject=f"Employee {normalize_nip(nip)}", strict=expected_version is not None
        )

    # --- saving, one command at a time or in a batch (`BatchingApplication.batch()`) -------
    def _load(self, aggregate_id: UUID) -> Any:
        return self.repository.get(aggregate_id)

    def _commit(self, aggregate: JejakAggregate) -> Outcome:
        recordings: list[Recording[UUID]] = self.save(aggregate)
        # Inside a batch nothing is in the log yet: position 0.
        position = recordings[-1].notification.id if recordings else 0
        return Outcome(aggregate.id, aggregate.version, position)


def _leave_type(raw: str) -> LeaveType:
    try:
        return LeaveType(raw.strip().upper())
    except ValueError:
        allowed = ", ".join(t.value for t in LeaveType)
        raise InvalidLeaveRequest(f"Unknown leave type {raw!r}; use one of {allowed}.") from None
