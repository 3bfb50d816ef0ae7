"""The Employee's conduct and leave commands: hukuman disiplin (PP 94/2021) and cuti.

A mixin of `Employee` (domain.aggregates.employee), which names the events recorded here as
its own nested classes; the rules come from domain.discipline and domain.leave.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from domain.aggregates import employee_events as events
from domain.aggregates.employee_state import EmployeeState
from domain.discipline import (
    NO_ABSENCE,
    Sanction,
    SanctionImposition,
    check_departure,
    check_jabatan_after,
)
from domain.employment import SeparationKind
from domain.errors import N_
from domain.holidays import WEEKDAYS_ONLY, WorkingCalendar
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRecord, LeaveRequest
from domain.leave_rules import check_leave
from domain.meta import EventMeta


class ConductCommands(EmployeeState):
    """Hukuman disiplin, with what it changes (jabatan, employment), and granted cuti."""

    SanctionImposed: ClassVar[type[events.SanctionImposed]]
    JabatanChanged: ClassVar[type[events.JabatanChanged]]
    EmploymentEnded: ClassVar[type[events.EmploymentEnded]]
    LeaveGranted: ClassVar[type[events.LeaveGranted]]

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
        meta.require_reason(N_("A discipline sanction"))
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
        self._check_can_change(request.start, at, meta, N_("The leave start"))
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
