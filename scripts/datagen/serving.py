"""Who serves where, on a given day, read off the planned careers.

Tenant-wide history (appraisal cycles, training) is planned after every career, from what the
careers say: an employee's unit, jabatan and employment type on a day, and whether they serve
the whole of a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain.aggregates.employee import Employee
from scripts.datagen.steps import Appoint, ChangeJabatan, ConfirmAsPns, EndEmployment, Transfer

if TYPE_CHECKING:  # plan.py imports the planners that import this module
    from scripts.datagen.plan import EmployeePlan


@dataclass(frozen=True, slots=True)
class Serving:
    """An employee as the records show them on a day."""

    nip: str
    unit: str  # unit code
    jabatan_kind: str
    jabatan_title: str
    employment_type: str
    appointed_on: date

    @property
    def employee_id(self) -> UUID:
        return Employee.id_for(self.nip)


def serving_on(employee: EmployeePlan, day: date) -> Serving | None:
    """The employee on `day`, or None before the appointment or after the end of service."""
    first = employee.steps[0]
    if not isinstance(first, Appoint) or first.on > day:
        return None
    unit, (kind, title, _), employment = first.unit, first.jabatan, first.employment_type
    for step in employee.steps[1:]:
        if step.on > day:
            break
        if isinstance(step, EndEmployment):
            return None
        if isinstance(step, Transfer):
            unit = step.unit
        elif isinstance(step, ChangeJabatan):
            kind, title, _ = step.jabatan
        elif isinstance(step, ConfirmAsPns):
            employment = "PNS"
    return Serving(employee.nip, unit, kind, title, employment, first.on)


def ends_by(employee: EmployeePlan, day: date) -> bool:
    """Whether the employee's service ends on or before `day`."""
    last = employee.steps[-1]
    return isinstance(last, EndEmployment) and last.on <= day


def serving_all_year(employees: Iterable[EmployeePlan], year: int) -> list[Serving]:
    """Those in service from the first working day of `year` to its last day, as on 2 January."""
    start, end = date(year, 1, 2), date(year, 12, 31)
    found = []
    for employee in employees:
        if ends_by(employee, end):
            continue
        serving = serving_on(employee, start)
        if serving is not None:
            found.append(serving)
    return found
