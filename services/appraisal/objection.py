"""Objection (keberatan) after finalisation: filed by the employee, decided by the superior."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from access.roles import ASN
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import N_
from domain.scoring import Rating
from domain.text import parse_choice
from services.appraisal.base import AppraisalBase
from services.caller import Caller
from services.personnel import Outcome


class ObjectionCommands(AppraisalBase):
    """Filing and deciding an objection."""

    def file_objection(
        self, caller: Caller, *, cycle_id: UUID, employee_id: UUID, reasons: str
    ) -> Outcome:
        """The employee objects to the annual result within the window after finalisation."""
        caller.require(ASN, N_("Filing an objection"))

        def file(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            appraisal.file_objection(reasons, cycle.finalised_on, at, caller.meta())
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, file, locked_ok=True)

    def decide_objection(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        upheld: bool,
        reason: str,
        hasil_kerja: str | None = None,
        perilaku_kerja: str | None = None,
    ) -> Outcome:
        """The appraiser's superior upholds (with new ratings) or rejects; the decision is final."""
        caller.require(ASN, N_("Deciding an objection"))
        hasil = parse_choice(Rating, hasil_kerja, N_("rating")) if hasil_kerja else None
        perilaku = parse_choice(Rating, perilaku_kerja, N_("rating")) if perilaku_kerja else None

        def decide(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            appraisal.decide_objection(upheld, hasil, perilaku, at, caller.meta(reason))
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, decide, locked_ok=True)
