"""Employee: one ASN's record, from appointment to the end of employment.

Commands validate with the rules in the domain modules, then record one past-tense event.
Rules that need other aggregates (does the unit exist, is it the same tenant) live in the
application, which loads them; everything about the employee alone lives here and in the
modules this one is assembled from, one way down: the commands by concern
(employee_career.py, employee_conduct.py), the state and shared checks (employee_state.py),
the events' bodies (employee_events.py). The events are named here as nested classes, so
the library defines them as `Employee.<Name>` of this module: the topics stored events carry.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates import employee_events as events
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_career import CareerCommands
from domain.aggregates.employee_conduct import ConductCommands
from domain.aggregates.employee_state import no_employee
from domain.dates import EFFECTIVE, check_birth_date, check_date
from domain.employment import EmploymentStatus, EmploymentType
from domain.errors import N_, InvalidInput
from domain.jabatan import Jabatan
from domain.leave_history import LeaveHistory
from domain.meta import EventMeta
from domain.nip import Nip
from domain.promotion import Ijazah
from domain.ranks import Golongan
from domain.text import NAME, clean_text

__all__ = ["EMPLOYEE_NAMESPACE", "Employee", "no_employee"]

EMPLOYEE_NAMESPACE = UUID("0b8e2f4e-9a51-4c3b-8f7d-2d6c1e5a7b90")


class Employee(CareerCommands, ConductCommands, JejakAggregate):
    """An ASN (PNS, CPNS or PPPK) of one tenant; its id is derived from the NIP."""

    # Snapshots of version 1 hold the leave as a list of records: see `upcast_v1_v2`.
    # Version 2 lacks the TMT of the golongan and the sanction levels: None says "unknown",
    # and the application replays such an employee from its events (`needs_replay`).
    # Version 3 lacks the ijazah: none was recorded then (IjazahRecorded came later).
    class_version = 4

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["leave"] = LeaveHistory(state["leave"])

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        state["golongan_since"] = None
        state["sanction_levels"] = None

    @staticmethod
    def upcast_v3_v4(state: dict[str, Any]) -> None:
        state["ijazah"] = None

    # The events, in the order a career meets them (bodies in employee_events.py).
    Appointed = events.Appointed
    Promoted = events.Promoted
    IjazahRecorded = events.IjazahRecorded
    JabatanChanged = events.JabatanChanged
    Transferred = events.Transferred
    ConfirmedAsPNS = events.ConfirmedAsPNS
    AwardRecorded = events.AwardRecorded
    SanctionImposed = events.SanctionImposed
    LeaveGranted = events.LeaveGranted
    EmploymentEnded = events.EmploymentEnded

    def __init__(
        self,
        nip: str,
        name: str,
        employment_type: str,
        sex: str,
        birth_date: date,
        service_start: date,
        golongan: str,
        jabatan_kind: str,
        jabatan_title: str,
        jabatan_jenjang: str | None,
        unit_id: UUID,
        appointed_on: date,
        meta: EventMeta,
    ) -> None:
        self.nip = nip
        self.tenant = meta.tenant
        self.name = name
        self.employment_type = employment_type
        self.sex = sex
        self.birth_date = birth_date
        self.service_start = service_start
        self.golongan = golongan
        self.golongan_since = appointed_on
        self.sanction_levels = []
        self.jabatan_kind = jabatan_kind
        self.jabatan_title = jabatan_title
        self.jabatan_jenjang = jabatan_jenjang
        self.unit_id = unit_id
        self.appointed_on = appointed_on
        self.status = EmploymentStatus.ACTIVE.value
        self.leave = LeaveHistory()
        self.ijazah = None

    @staticmethod
    def id_for(nip: str) -> UUID:
        """The employee's id: one NIP, one aggregate, so a NIP cannot be appointed twice."""
        return uuid5(EMPLOYEE_NAMESPACE, nip)

    @classmethod
    def appoint(
        cls,
        *,
        nip: Nip,
        name: str,
        employment_type: EmploymentType,
        golongan: Golongan,
        jabatan: Jabatan,
        unit_id: UUID,
        appointed_on: date,
        at: datetime,
        meta: EventMeta,
        ijazah: Ijazah | None = None,
    ) -> Employee:
        """Appoint an ASN: the NIP, type and golongan have been parsed against each other;
        the highest ijazah, when given, is recorded with the appointment as its own event."""
        name = clean_text(name, N_("Name"), NAME, min_length=2)
        check_birth_date(nip.birth_date, at.date())
        check_date(appointed_on, N_("The appointment date"), EFFECTIVE, at.date())
        if appointed_on <= nip.birth_date:
            raise InvalidInput(N_("The appointment date must be after the birth date in the NIP."))
        tmt = date(nip.appointment_year, nip.appointment_month or 1, 1)
        employee: Employee = cls.start(
            cls.Appointed,
            cls.id_for(nip.value),
            at,
            meta,
            nip=nip.value,
            name=name,
            employment_type=employment_type.value,
            sex=nip.sex.value,
            birth_date=nip.birth_date,
            service_start=min(tmt, appointed_on),
            golongan=golongan.code,
            jabatan_kind=jabatan.kind.value,
            jabatan_title=jabatan.title,
            jabatan_jenjang=jabatan.jenjang.value if jabatan.jenjang else None,
            unit_id=unit_id,
            appointed_on=appointed_on,
        )
        if ijazah is not None:
            employee.record_ijazah(ijazah, appointed_on, at, meta)
        return employee
