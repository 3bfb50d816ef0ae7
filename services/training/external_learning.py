"""Learning completed outside the tenant's programmes, submitted with evidence for HR to judge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from domain.aggregates.external_learning import ExternalLearning
from domain.errors import N_
from domain.learning import parse_form
from services.caller import Caller
from services.personnel import Outcome
from services.training.base import HR, TrainingBase, require


class ExternalLearningCommands(TrainingBase):
    """The employee (or HR) submits; HR recognises with the JP granted, or refuses."""

    def submit_external_learning(
        self,
        caller: Caller,
        *,
        nip: str,
        title: str,
        form: str,
        provider: str,
        completed_on: date,
        minutes: int,
        evidence_ref: str,
        competency_codes: Sequence[str] = (),
        reason: str | None = None,
    ) -> Outcome:
        """The employee (or HR for them) submits completed learning with its evidence."""
        require(caller, HR, N_("Submitting external learning"), self_nip=nip)
        learning = ExternalLearning.submit(
            id=self.new_id(),
            employee_id=self.active_employee(caller, nip).id,
            title=title,
            form=parse_form(form),
            provider=provider,
            completed_on=completed_on,
            minutes=minutes,
            evidence_ref=evidence_ref,
            competency_codes=self._known(caller, competency_codes),
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return self.save_outcome(learning)

    def recognise_external_learning(
        self,
        caller: Caller,
        *,
        learning_id: UUID,
        jp: int,
        competency_codes: Sequence[str] | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """HR recognises it with the JP granted (and may set its competencies)."""
        require(caller, HR, N_("Recognising external learning"))
        codes = None if competency_codes is None else self._known(caller, competency_codes)
        return self._change(
            caller,
            ExternalLearning,
            learning_id,
            expected_version,
            lambda x, at: x.recognise(jp, codes, at, caller.meta(reason)),
        )

    def refuse_external_learning(
        self,
        caller: Caller,
        *,
        learning_id: UUID,
        reason: str | None,
        expected_version: int | None = None,
    ) -> Outcome:
        """HR refuses it, with a reason."""
        require(caller, HR, N_("Refusing external learning"))
        return self._change(
            caller,
            ExternalLearning,
            learning_id,
            expected_version,
            lambda x, at: x.refuse(at, caller.meta(reason)),
        )
