"""What every Employee command reads: the record's state and the invariants they share.

The commands are mixins of `Employee` (domain.aggregates.employee), grouped by concern in
employee_career.py and employee_conduct.py; this base holds what they have in common. At run
time it is a plain class (the aggregate machinery comes from `Employee`'s own base), for the
type checker it is the aggregate, so the mixins are checked against what they will be part of.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.dates import EFFECTIVE, check_date
from domain.employment import EmploymentStatus, EmploymentType, Sex
from domain.errors import N_, EmployeeNotActive, EmployeeNotFound, InvalidInput
from domain.leave import LeaveContext
from domain.leave_caps import is_guru
from domain.leave_history import LeaveHistory
from domain.meta import EventMeta

if TYPE_CHECKING:
    _Aggregate = JejakAggregate
else:
    _Aggregate = object


def no_employee(nip: str, tenant: str) -> EmployeeNotFound:
    """The one answer for a NIP the tenant has no employee with, whether it exists elsewhere."""
    return EmployeeNotFound(N_("No employee with NIP {nip} in {tenant}."), nip=nip, tenant=tenant)


class EmployeeState(_Aggregate):
    """The employee's state as the events leave it, and the checks every command makes."""

    nip: str
    tenant: str
    name: str
    employment_type: str
    sex: str
    birth_date: date
    service_start: date
    golongan: str
    golongan_since: date | None  # TMT of the golongan held; None: from a version 2 snapshot
    sanction_levels: list[str] | None  # hukuman disiplin levels, in order
    # Three JSON-native fields, not a tuple: snapshots come back from JSON as lists.
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    unit_id: UUID
    appointed_on: date
    status: str
    leave: LeaveHistory
    ijazah: str | None  # the highest ijazah recorded (domain.promotion.Ijazah), if any

    @property
    def jabatan(self) -> tuple[str, str, str | None]:
        """The jabatan held: kind, title and (for a jabatan fungsional) jenjang."""
        return (self.jabatan_kind, self.jabatan_title, self.jabatan_jenjang)

    @property
    def needs_replay(self) -> bool:
        """Loaded from a version 2 snapshot: the career rules need the state from the events."""
        return self.golongan_since is None or self.sanction_levels is None

    # --- invariants, read as sentences ---------------------------------------------------
    def check_is_active(self) -> None:
        if self.status != EmploymentStatus.ACTIVE.value:
            raise EmployeeNotActive(
                N_("Employee {nip} has left service; nothing more changes."), nip=self.nip
            )

    def check_effective_date(self, effective_on: date) -> None:
        if effective_on < self.appointed_on:
            raise InvalidInput(
                N_("The effective date {effective_on} is before the appointment ({appointed_on})."),
                effective_on=effective_on,
                appointed_on=self.appointed_on,
            )

    def check_tenant(self, meta: EventMeta) -> None:
        # Another instansi's employee is reported as not found: its NIP is not theirs to probe.
        if meta.tenant != self.tenant:
            raise no_employee(self.nip, meta.tenant)

    def _check_can_change(
        self,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        what: str = N_("The effective date"),
    ) -> None:
        self.check_tenant(meta)
        self.check_is_active()
        check_date(effective_on, what, EFFECTIVE, at.date())
        self.check_effective_date(effective_on)

    def leave_context(self) -> LeaveContext:
        """What the leave rules need to know about this employee."""
        kind, title, _ = self.jabatan
        return LeaveContext(
            EmploymentType(self.employment_type),
            Sex(self.sex),
            self.service_start,
            guru=is_guru(kind, title),
        )
