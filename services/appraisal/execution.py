"""Execution: realisations with bukti dukung, feedback from the appraiser, colleagues, public."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from access.roles import ASN, MASYARAKAT_INTAKE
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import FeedbackSource, Realisation, colleague_source
from domain.errors import N_, AppraisalForbidden
from services.appraisal.base import AppraisalBase
from services.caller import Caller
from services.personnel import Outcome


class ExecutionCommands(AppraisalBase):
    """Realisations and feedback during the year."""

    def record_realisation(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        row: int,
        realisation: str,
        note: str = "",
        evidence_link: str | None = None,
        evidence_document: str | None = None,
    ) -> Outcome:
        """The employee records a realisation of an SKP row with its bukti dukung."""
        caller.require(ASN, N_("Recording a realisation"))
        done = Realisation(row, realisation.strip(), evidence_link, evidence_document, note.strip())
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.record_realisation(done, at, caller.meta()),
        )

    def give_row_feedback(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        row: int,
        text: str,
        behaviour: str | None = None,
    ) -> Outcome:
        """The appraiser's continuous feedback on one hasil kerja row."""
        caller.require(ASN, N_("Giving feedback"))
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.give_feedback(
                FeedbackSource.APPRAISER, text, row, behaviour, at, caller.meta()
            ),
        )

    def give_colleague_feedback(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        text: str,
        behaviour: str | None = None,
    ) -> Outcome:
        """Feedback on perilaku from a peer (same unit) or subordinate, as the roster tells."""
        caller.require(ASN, N_("Giving feedback"))

        def give(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            giver = cycle.enrolment_by_nip(caller.actor.user_id)
            source = giver and colleague_source(giver, cycle.enrolment(employee_id))
            if not source:
                raise AppraisalForbidden(
                    N_("Only peers in the unit and subordinates give feedback.")
                )
            appraisal.give_feedback(source, text, None, behaviour, at, caller.meta())
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, give)

    def receive_masyarakat_rating(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        fingerprint: str,
        score: int,
        comment: str | None = None,
    ) -> Outcome:
        """A service user's anonymous SKM rating (1–4), rate-limited per source fingerprint."""
        caller.require(MASYARAKAT_INTAKE, N_("Receiving a masyarakat rating"))
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.receive_masyarakat_rating(
                fingerprint, score, comment, at, caller.meta()
            ),
        )
