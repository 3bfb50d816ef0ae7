"""Poison events: stored straight through the event store, past every check of the commands.

Validation now keeps a NUL character out of new names, but the read side must survive one
anyway (old data, a projection bug, an event class this code does not know). Each helper
builds a valid event the way a command would, alters it where needed, and saves it with the
application, so it lands in the log exactly as a command's event would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from psycopg import Cursor

from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.employment import EmploymentType
from domain.jabatan import parse_jabatan
from domain.nip import parse_nip
from domain.ranks import parse_golongan
from projections.base import Envelope
from projections.employees import EmployeesProjection
from projections.registry import all_projections
from services.personnel import PersonnelApplication
from tests.integration.scenarios import APPOINTED_ON, HR_OFFICER, nip

NUL_NAME = "Siti\x00Aminah"  # PostgreSQL text cannot hold a NUL character


def renamed(event: Any, name: str) -> Any:
    """A copy of a frozen event with another `name`, as a bug or old data could have left it."""
    return dataclasses.replace(event, name=name)


def head(personnel: PersonnelApplication) -> int:
    """The position of the newest event in the log."""
    return personnel.recorder.max_notification_id() or 0


def save_unit(personnel: PersonnelApplication, code: str, name: str | None = None) -> UUID:
    """A DINAS unit saved as its Created event (with `name` as given, NUL and all)."""
    unit = OrgUnit.create(
        code=code,
        name=f"Dinas {code}",
        kind="DINAS",
        parent_id=None,
        at=personnel.clock(),
        meta=HR_OFFICER.meta(),
    )
    [created] = unit.collect_events()
    assert isinstance(created, OrgUnit.Created)
    personnel.save(created if name is None else renamed(created, name))
    return unit.id


def save_appointment(
    personnel: PersonnelApplication, index: int, unit_id: UUID, name: str | None = None
) -> str:
    """Appoint the PNS `nip(index)` into `unit_id` (named `name` as given); returns the NIP."""
    employee = Employee.appoint(
        nip=parse_nip(nip(index), EmploymentType.PNS),
        name=f"Pegawai {index}",
        employment_type=EmploymentType.PNS,
        golongan=parse_golongan("III/a", EmploymentType.PNS),
        jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Umum"),
        unit_id=unit_id,
        appointed_on=APPOINTED_ON,
        at=personnel.clock(),
        meta=HR_OFFICER.meta(),
    )
    [appointed] = employee.collect_events()
    assert isinstance(appointed, Employee.Appointed)
    personnel.save(appointed if name is None else renamed(appointed, name))
    return nip(index)


def save_promotion(personnel: PersonnelApplication, employee_nip: str) -> None:
    """Promote an appointed employee to III/b."""
    employee: Employee = personnel.repository.get(Employee.id_for(employee_nip))
    employee.promote("III/b", date(2019, 4, 1), personnel.clock(), HR_OFFICER.meta())
    personnel.save(employee)


class SanitisingEmployees(EmployeesProjection):
    """The fix a developer would ship: the employees projection drops NULs from names."""

    def on_Employee_Appointed(self, envelope: Envelope) -> dict[str, Any]:
        row = super().on_Employee_Appointed(envelope)
        row["name"] = row["name"].replace("\x00", "")
        return row


def fixed_projections() -> list[Any]:
    """Every projection, the employees one with the fix."""
    return [
        SanitisingEmployees() if isinstance(p, EmployeesProjection) else p
        for p in all_projections()
    ]


class Refuses:
    """A projection of the test's own that cannot apply the events at `refused` positions."""

    name: ClassVar[str] = "refuses"

    def __init__(self, *refused: int) -> None:
        self.refused = set(refused)

    def ddl(self, schema: str) -> Sequence[str]:
        return []

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        for envelope in batch:
            if envelope.position in self.refused:
                raise ValueError(f"Cannot apply #{envelope.position}.")
