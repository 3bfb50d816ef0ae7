"""Employee: one ASN's record, from appointment to the end of employment.

Commands validate with the rules in the domain modules, then record one past-tense event.
Rules that need other aggregates (does the unit exist, is it the same tenant) live in the
application, which loads them; everything about the employee alone lives here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.awards import AwardKind, check_award_eligibility, days_out_of_service
from domain.dates import EFFECTIVE, check_birth_date, check_date
from domain.discipline import (
    NO_ABSENCE,
    Sanction,
    SanctionImposition,
    check_departure,
    check_jabatan_after,
)
from domain.employment import EmploymentStatus, EmploymentType, SeparationKind, Sex
from domain.errors import EmployeeNotActive, EmployeeNotFound, InvalidInput, RuleViolation
from domain.holidays import WEEKDAYS_ONLY, WorkingCalendar
from domain.jabatan import (
    Jabatan,
    JabatanKind,
    JenjangFungsional,
    check_jenjang_golongan,
    parse_jabatan,
)
from domain.leave import LeaveContext, LeaveRecord, LeaveRequest, LeaveType, check_leave
from domain.leave_caps import is_guru
from domain.leave_history import LeaveHistory
from domain.meta import EventMeta
from domain.nip import Nip
from domain.probation import check_latsar_passed, check_probation_served
from domain.promotion import (
    Ijazah,
    PromotionCase,
    PromotionHistory,
    PromotionKind,
    check_promotion_rules,
)
from domain.ranks import Golongan, check_promotion
from domain.retirement import check_retirement_at_bup
from domain.text import NAME, clean_text

EMPLOYEE_NAMESPACE = UUID("0b8e2f4e-9a51-4c3b-8f7d-2d6c1e5a7b90")


def no_employee(nip: str, tenant: str) -> EmployeeNotFound:
    """The one answer for a NIP the tenant has no employee with, whether it exists elsewhere."""
    return EmployeeNotFound(f"No employee with NIP {nip} in {tenant}.")


class Employee(JejakAggregate):
    """An ASN (PNS, CPNS or PPPK) of one tenant; its id is derived from the NIP."""

    # Snapshots of version 1 hold the leave as a list of records: see `upcast_v1_v2`.
    # Version 2 lacks the TMT of the golongan and the sanction levels: None says "unknown",
    # and the application replays such an employee from its events (`needs_replay`).
    class_version = 3

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["leave"] = LeaveHistory(state["leave"])

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        state["golongan_since"] = None
        state["sanction_levels"] = None

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

        def apply(self, aggregate: Employee) -> None:
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

        def apply(self, aggregate: Employee) -> None:
            aggregate.jabatan_kind = self.jabatan_kind
            aggregate.jabatan_title = self.jabatan_title
            aggregate.jabatan_jenjang = self.jabatan_jenjang

    class Transferred(JejakAggregate.Event):
        from_unit_id: UUID
        to_unit_id: UUID
        effective_on: date

        def apply(self, aggregate: Employee) -> None:
            aggregate.unit_id = self.to_unit_id

    class ConfirmedAsPNS(JejakAggregate.Event):
        effective_on: date

        def apply(self, aggregate: Employee) -> None:
            aggregate.employment_type = EmploymentType.PNS.value

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

        def apply(self, aggregate: Employee) -> None:
            if aggregate.sanction_levels is not None:
                aggregate.sanction_levels.append(self.level)

    class LeaveGranted(JejakAggregate.Event):
        leave_type: str
        start: date
        end: date
        days: int

        def apply(self, aggregate: Employee) -> None:
            record = LeaveRecord(LeaveType(self.leave_type), self.start, self.end, self.days)
            aggregate.leave = aggregate.leave.added(record)

    class EmploymentEnded(JejakAggregate.Event):
        separation: str
        effective_on: date

        def apply(self, aggregate: Employee) -> None:
            aggregate.status = EmploymentStatus.ENDED.value

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
        self.golongan_since: date | None = appointed_on  # TMT of the golongan held
        self.sanction_levels: list[str] | None = []  # hukuman disiplin levels, in order
        # Three JSON-native fields, not a tuple: snapshots come back from JSON as lists.
        self.jabatan_kind = jabatan_kind
        self.jabatan_title = jabatan_title
        self.jabatan_jenjang = jabatan_jenjang
        self.unit_id = unit_id
        self.appointed_on = appointed_on
        self.status = EmploymentStatus.ACTIVE.value
        self.leave = LeaveHistory()

    @property
    def jabatan(self) -> tuple[str, str, str | None]:
        """The jabatan held: kind, title and (for a jabatan fungsional) jenjang."""
        return (self.jabatan_kind, self.jabatan_title, self.jabatan_jenjang)

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
    ) -> Employee:
        """Appoint an ASN: the NIP, type and golongan have been parsed against each other."""
        name = clean_text(name, "Name", NAME, min_length=2)
        check_birth_date(nip.birth_date, at.date())
        check_date(appointed_on, "The appointment date", EFFECTIVE, at.date())
        if appointed_on <= nip.birth_date:
            raise InvalidInput("The appointment date must be after the birth date in the NIP.")
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
        return employee

    # --- invariants, read as sentences ---------------------------------------------------
    def check_is_active(self) -> None:
        if self.status != EmploymentStatus.ACTIVE.value:
            raise EmployeeNotActive(f"Employee {self.nip} has left service; nothing more changes.")

    def check_effective_date(self, effective_on: date) -> None:
        if effective_on < self.appointed_on:
            raise InvalidInput(
                f"The effective date {effective_on} is before the appointment "
                f"({self.appointed_on})."
            )

    def check_tenant(self, meta: EventMeta) -> None:
        # Another instansi's employee is reported as not found: its NIP is not theirs to probe.
        if meta.tenant != self.tenant:
            raise no_employee(self.nip, meta.tenant)

    def _check_can_change(
        self, effective_on: date, at: datetime, meta: EventMeta, what: str = "The effective date"
    ) -> None:
        self.check_tenant(meta)
        self.check_is_active()
        check_date(effective_on, what, EFFECTIVE, at.date())
        self.check_effective_date(effective_on)

    # --- commands -------------------------------------------------------------------------
    @property
    def needs_replay(self) -> bool:
        """Loaded from a version 2 snapshot: the career rules need the state from the events."""
        return self.golongan_since is None or self.sanction_levels is None

    def promote(
        self,
        to: str,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        *,
        kind: PromotionKind = PromotionKind.REGULER,
        ijazah: Ijazah | None = None,
        history: PromotionHistory | None = None,
    ) -> None:
        """Kenaikan pangkat by the rules of domain.promotion; a pilihan needs a reason."""
        self._check_can_change(effective_on, at, meta)
        promotion = check_promotion(self.employment_type, self.golongan, to)
        current, target = promotion.current.code, promotion.target.code
        if kind.is_pilihan:
            meta.require_reason(f"A kenaikan pangkat {kind.value.lower()}")
        since = self.golongan_since or self.appointed_on
        check_promotion_rules(
            PromotionCase(current, target, effective_on, since, kind, ijazah, history)
        )
        self.record(
            self.Promoted,
            at,
            meta,
            from_golongan=current,
            to_golongan=target,
            effective_on=effective_on,
            kind=kind.value,
            ijazah=ijazah.value if ijazah else None,
        )

    def change_jabatan(
        self, jabatan: Jabatan, effective_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Move the employee to another position (jabatan)."""
        self._check_can_change(effective_on, at, meta)
        new = (
            jabatan.kind.value,
            jabatan.title,
            jabatan.jenjang.value if jabatan.jenjang else None,
        )
        if new == self.jabatan:
            raise RuleViolation("The employee already holds that jabatan.")
        check_jenjang_golongan(jabatan, self.golongan, self.employment_type)
        self.record(
            self.JabatanChanged,
            at,
            meta,
            jabatan_kind=new[0],
            jabatan_title=new[1],
            jabatan_jenjang=new[2],
            effective_on=effective_on,
            caused_by=None,
        )

    def transfer(self, to_unit_id: UUID, effective_on: date, at: datetime, meta: EventMeta) -> None:
        """Mutasi to another unit of the same tenant (the application checks the unit)."""
        self._check_can_change(effective_on, at, meta)
        if to_unit_id == self.unit_id:
            raise RuleViolation("The employee is already in that unit.")
        self.record(
            self.Transferred,
            at,
            meta,
            from_unit_id=self.unit_id,
            to_unit_id=to_unit_id,
            effective_on=effective_on,
        )

    def confirm_as_pns(
        self,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        latsar_completed_on: date | None = None,
    ) -> None:
        """Appoint a CPNS as PNS after a year's probation (and Latsar, when its record is given)."""
        self._check_can_change(effective_on, at, meta)
        if self.employment_type != EmploymentType.CPNS.value:
            raise RuleViolation(
                f"Only a CPNS can be confirmed as PNS; this is {self.employment_type}."
            )
        check_probation_served(self.appointed_on, effective_on)
        if latsar_completed_on is not None:
            check_latsar_passed(latsar_completed_on, effective_on)
        self.record(self.ConfirmedAsPNS, at, meta, effective_on=effective_on)

    def record_award(
        self, kind: AwardKind, title: str, awarded_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Record a penghargaan."""
        title = clean_text(title, "An award title", NAME, min_length=2)
        self._check_can_change(awarded_on, at, meta, "The award date")
        cltn = [(r.start, r.end) for r in self.leave if r.leave_type is LeaveType.CLTN]
        check_award_eligibility(
            kind,
            self.service_start,
            awarded_on,
            self.employment_type,
            tuple(self.sanction_levels or ()),
            days_out_of_service(cltn, awarded_on),
        )
        self.record(
            self.AwardRecorded, at, meta, award_kind=kind.value, title=title, awarded_on=awarded_on
        )

    def impose_sanction(
        self,
        sanction: Sanction,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        imposition: SanctionImposition = NO_ABSENCE,
    ) -> None:
        """Hukuman disiplin per PP 94/2021; a penurunan or pembebasan also changes the jabatan
        (its own event, caused by the sanction), PDHTAPS also ends employment."""
        self._check_can_change(effective_on, at, meta)
        meta.require_reason("A discipline sanction")
        basis, after = imposition.basis, imposition.jabatan_after
        if basis is not None:
            check_departure(sanction.kind, basis.proposed, imposition.departure_reason)
        held = parse_jabatan(*self.jabatan)
        check_jabatan_after(sanction.kind, held, after)
        self.record(
            self.SanctionImposed,
            at,
            meta,
            level=sanction.level.value,
            sanction_kind=sanction.kind.value,
            duration_months=sanction.duration_months,
            effective_on=effective_on,
            absence_year=basis.year if basis else None,
            absence_days=basis.days_absent if basis else None,
            proposed_kind=basis.proposed.value if basis and basis.proposed else None,
            departure_reason=imposition.departure_reason,
        )
        if after is not None:
            self.record(
                self.JabatanChanged,
                at,
                meta,
                jabatan_kind=after.kind.value,
                jabatan_title=after.title,
                jabatan_jenjang=after.jenjang.value if after.jenjang else None,
                effective_on=effective_on,
                caused_by=f"SANCTION:{sanction.kind.value}",
            )
        if sanction.ends_employment:
            self.record(
                self.EmploymentEnded,
                at,
                meta,
                separation=SeparationKind.DISMISSAL.value,
                effective_on=effective_on,
            )

    def grant_leave(
        self,
        request: LeaveRequest,
        at: datetime,
        meta: EventMeta,
        calendar: WorkingCalendar = WEEKDAYS_ONLY,
    ) -> LeaveRecord:
        """Grant cuti after checking eligibility, overlap, caps and the annual balance; cuti
        tahunan is charged in working days of `calendar` (holidays, cuti bersama excluded)."""
        self._check_can_change(request.start, at, meta, "The leave start")
        granted = check_leave(request, self.leave_context(), self.leave, calendar)
        self.record(
            self.LeaveGranted,
            at,
            meta,
            leave_type=granted.leave_type.value,
            start=granted.start,
            end=granted.end,
            days=granted.days,
        )
        return granted

    def end_employment(
        self, separation: SeparationKind, effective_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Retirement, resignation, dismissal or death: the record closes."""
        self._check_can_change(effective_on, at, meta)
        meta.require_reason("Ending employment")
        if separation is SeparationKind.RETIREMENT:
            kind, title, jenjang = self.jabatan
            check_retirement_at_bup(
                self.birth_date,
                JabatanKind(kind),
                JenjangFungsional(jenjang) if jenjang else None,
                title,
                effective_on,
            )
        self.record(
            self.EmploymentEnded, at, meta, separation=separation.value, effective_on=effective_on
        )

    def leave_context(self) -> LeaveContext:
        """What the leave rules need to know about this employee."""
        kind, title, _ = self.jabatan
        return LeaveContext(
            EmploymentType(self.employment_type),
            Sex(self.sex),
            self.service_start,
            guru=is_guru(kind, title),
        )
