"""The Employee's career commands: pangkat, ijazah, jabatan, mutasi, PNS, awards, the end.

A mixin of `Employee` (domain.aggregates.employee), which names the events recorded here as
its own nested classes; the rules come from the domain modules (promotion, probation,
retirement, awards, jabatan), the state and shared checks from `EmployeeState`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar
from uuid import UUID

from domain.aggregates import employee_events as events
from domain.aggregates.employee_state import EmployeeState
from domain.awards import AwardKind, check_award_eligibility, days_out_of_service
from domain.employment import EmploymentType, SeparationKind
from domain.errors import N_, InvalidInput, Phrase, RuleViolation
from domain.ijazah import check_ijazah_not_lower
from domain.jabatan import Jabatan, JabatanKind, JenjangFungsional, check_jenjang_golongan
from domain.leave import LeaveType
from domain.meta import EventMeta
from domain.probation import check_latsar_passed, check_probation_served
from domain.promotion import (
    Ijazah,
    PromotionCase,
    PromotionHistory,
    PromotionKind,
    check_promotion_rules,
)
from domain.ranks import check_promotion
from domain.retirement import check_retirement_at_bup
from domain.text import NAME, clean_text


class CareerCommands(EmployeeState):
    """Kenaikan pangkat, ijazah, jabatan, mutasi, confirmation as PNS, awards, retirement."""

    Promoted: ClassVar[type[events.Promoted]]
    IjazahRecorded: ClassVar[type[events.IjazahRecorded]]
    JabatanChanged: ClassVar[type[events.JabatanChanged]]
    Transferred: ClassVar[type[events.Transferred]]
    ConfirmedAsPNS: ClassVar[type[events.ConfirmedAsPNS]]
    AwardRecorded: ClassVar[type[events.AwardRecorded]]
    EmploymentEnded: ClassVar[type[events.EmploymentEnded]]

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
        """Kenaikan pangkat by the rules of domain.promotion; a pilihan needs a reason.

        The ceiling reads the ijazah recorded on the record; one named here must be that one
        (a new ijazah is recorded first, `record_ijazah`), or, on a record without any, is
        taken as the highest the employee holds.
        """
        self._check_can_change(effective_on, at, meta)
        promotion = check_promotion(self.employment_type, self.golongan, to)
        current, target = promotion.current.code, promotion.target.code
        if kind.is_pilihan:
            meta.require_reason(Phrase(N_("A kenaikan pangkat {kind}"), kind=kind.value.lower()))
        held = self._ijazah_for_promotion(ijazah)
        since = self.golongan_since or self.appointed_on
        check_promotion_rules(
            PromotionCase(current, target, effective_on, since, kind, held, history)
        )
        self.record(
            self.Promoted,
            at,
            meta,
            from_golongan=current,
            to_golongan=target,
            effective_on=effective_on,
            kind=kind.value,
            ijazah=held.value if held else None,
        )

    def _ijazah_for_promotion(self, named: Ijazah | None) -> Ijazah | None:
        recorded = Ijazah(self.ijazah) if self.ijazah else None
        if named is not None and recorded is not None and named is not recorded:
            raise InvalidInput(
                N_(
                    "The record holds ijazah {recorded}, not {named}: record the new ijazah "
                    "first (recordIjazah)."
                ),
                recorded=recorded.value,
                named=named.value,
            )
        return recorded or named

    def record_ijazah(
        self, ijazah: Ijazah, effective_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Record a higher ijazah (as a penyesuaian ijazah needs); the ceiling reads it."""
        self._check_can_change(effective_on, at, meta, N_("The ijazah date"))
        check_ijazah_not_lower(Ijazah(self.ijazah) if self.ijazah else None, ijazah)
        self.record(self.IjazahRecorded, at, meta, ijazah=ijazah.value, effective_on=effective_on)

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
            raise RuleViolation(N_("The employee already holds that jabatan."))
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
            raise RuleViolation(N_("The employee is already in that unit."))
        self.record(
            self.Transferred,
            at,
            meta,
            from_unit_id=self.unit_id,
            to_unit_id=to_unit_id,
            effective_on=effective_on,
        )

    def check_can_confirm_as_pns(self, effective_on: date, at: datetime, meta: EventMeta) -> None:
        """Everything but Latsar: the application asks the training record only after these."""
        self._check_can_change(effective_on, at, meta)
        if self.employment_type != EmploymentType.CPNS.value:
            raise RuleViolation(
                N_("Only a CPNS can be confirmed as PNS; this is {employment_type}."),
                employment_type=self.employment_type,
            )
        check_probation_served(self.appointed_on, effective_on)

    def confirm_as_pns(
        self,
        effective_on: date,
        at: datetime,
        meta: EventMeta,
        latsar_completed_on: date | None,
    ) -> None:
        """Appoint a CPNS as PNS after a year's probation and Latsar passed (PP 11/2017 Pasal
        37); `latsar_completed_on` is None when no passed Latsar is on record."""
        self.check_can_confirm_as_pns(effective_on, at, meta)
        check_latsar_passed(latsar_completed_on, effective_on)
        self.record(self.ConfirmedAsPNS, at, meta, effective_on=effective_on)

    def record_award(
        self, kind: AwardKind, title: str, awarded_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Record a penghargaan."""
        title = clean_text(title, N_("An award title"), NAME, min_length=2)
        self._check_can_change(awarded_on, at, meta, N_("The award date"))
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

    def end_employment(
        self, separation: SeparationKind, effective_on: date, at: datetime, meta: EventMeta
    ) -> None:
        """Retirement, resignation, dismissal or death: the record closes."""
        self._check_can_change(effective_on, at, meta)
        meta.require_reason(N_("Ending employment"))
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
