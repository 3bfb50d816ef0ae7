"""The events of an Employee: what happened to one ASN's record, each with its state change.

`Employee` (domain.aggregates.employee) names each of these as its nested class, and the
library redefines them there as `Employee.<Name>` in that module: so their topics stay
`domain.aggregates.employee:Employee.<Name>`, the names every stored event carries. Refer to
them as `Employee.Promoted` etc.; the classes here are their bodies, not separate events.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_state import EmployeeState
from domain.employment import EmploymentStatus, EmploymentType
from domain.leave import LeaveRecord, LeaveType
from domain.promotion import PromotionKind


class Appointed(JejakAggregate.Created):
    nip: str
    name: str
    employment_type: str
    sex: str
    birth_date: date
    service_start: date
    golongan: str
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    unit_id: UUID
    appointed_on: date


class Promoted(JejakAggregate.Event):
    # Version 2 adds the kind (reguler or a pilihan) and the ijazah the ceiling read.
    class_version = 2
    from_golongan: str
    to_golongan: str
    effective_on: date
    kind: str
    ijazah: str | None

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["kind"], state["ijazah"] = PromotionKind.REGULER.value, None

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.golongan = self.to_golongan
        aggregate.golongan_since = self.effective_on


class JabatanChanged(JejakAggregate.Event):
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    effective_on: date
    caused_by: str | None  # e.g. a hukuman disiplin berat: "SANCTION:<kind>"

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["caused_by"] = None

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.jabatan_kind = self.jabatan_kind
        aggregate.jabatan_title = self.jabatan_title
        aggregate.jabatan_jenjang = self.jabatan_jenjang


class Transferred(JejakAggregate.Event):
    from_unit_id: UUID
    to_unit_id: UUID
    effective_on: date

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.unit_id = self.to_unit_id


class ConfirmedAsPNS(JejakAggregate.Event):
    effective_on: date

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.employment_type = EmploymentType.PNS.value


class IjazahRecorded(JejakAggregate.Event):
    """The highest ijazah (domain.promotion.Ijazah) from `effective_on`: the reguler ceiling."""

    ijazah: str
    effective_on: date

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.ijazah = self.ijazah


class AwardRecorded(JejakAggregate.Event):
    award_kind: str
    title: str
    awarded_on: date


class SanctionImposed(JejakAggregate.Event):
    level: str
    sanction_kind: str
    duration_months: int | None
    effective_on: date
    # For absences (PP 94/2021 Pasal 11): the year, its count, the proposal, and why not.
    absence_year: int | None
    absence_days: int | None
    proposed_kind: str | None
    departure_reason: str | None

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.update(absence_year=None, absence_days=None, proposed_kind=None)
        state["departure_reason"] = None

    def apply(self, aggregate: EmployeeState) -> None:
        if aggregate.sanction_levels is not None:
            aggregate.sanction_levels.append(self.level)


class LeaveGranted(JejakAggregate.Event):
    leave_type: str
    start: date
    end: date
    days: int

    def apply(self, aggregate: EmployeeState) -> None:
        record = LeaveRecord(LeaveType(self.leave_type), self.start, self.end, self.days)
        aggregate.leave = aggregate.leave.added(record)


class EmploymentEnded(JejakAggregate.Event):
    separation: str
    effective_on: date

    def apply(self, aggregate: EmployeeState) -> None:
        aggregate.status = EmploymentStatus.ENDED.value
