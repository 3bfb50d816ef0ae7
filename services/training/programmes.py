"""Training programmes: definition, enrolment, attendance, results, finishing and cancelling."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from access.roles import NOMINATORS, PROGRAMME_MANAGERS
from domain.aggregates.training import Training
from domain.errors import N_
from domain.learning import parse_form
from domain.meta import EventMeta
from services.caller import Caller
from services.personnel import Outcome
from services.training.base import NOBODY_ELSE, TrainingBase, require

SeatCommand = Callable[[Training, UUID, datetime, EventMeta], object]
EnterCommand = Callable[[Training, UUID, Any, datetime, EventMeta], object]


class ProgrammeCommands(TrainingBase):
    """HR or a training institution runs programmes; supervisors nominate, employees apply."""

    def define_programme(
        self,
        caller: Caller,
        *,
        title: str,
        form: str,
        competency_codes: Sequence[str],
        jp: int,
        provider: str,
        capacity: int,
        sessions: Sequence[tuple[date, int]],
        prerequisite_ids: Sequence[UUID] = (),
        reason: str | None = None,
    ) -> Outcome:
        """Define a programme; `sessions` are (date, minutes) in date order."""
        require(caller, PROGRAMME_MANAGERS, N_("Defining a training programme"))
        for prerequisite_id in prerequisite_ids:
            self.get(caller, Training, prerequisite_id)
        training = Training.define(
            id=self.new_id(),
            title=title,
            form=parse_form(form),
            competency_codes=self._known(caller, competency_codes),
            jp=jp,
            provider=provider,
            capacity=capacity,
            sessions=sessions,
            prerequisite_ids=prerequisite_ids,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return self.save_outcome(training)

    def nominate(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Nominate an active employee who has passed the programme's prerequisites."""
        require(caller, NOMINATORS, N_("Nominating for a programme"))
        return self._enter(caller, programme_id, nip, Training.nominate, reason, expected_version)

    def apply_for_programme(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """An employee applies for themselves; prerequisites must have been passed."""
        require(caller, NOBODY_ELSE, N_("Applying for a programme"), self_nip=nip)
        return self._enter(caller, programme_id, nip, Training.apply_for, reason, expected_version)

    def accept_participant(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Accept a candidate into a free seat, or waitlist them when the programme is full."""
        require(caller, PROGRAMME_MANAGERS, N_("Accepting a participant"))
        self.active_employee(caller, nip)  # nobody who has left service takes a seat
        return self._seat(caller, programme_id, nip, Training.accept, reason, expected_version)

    def reject_participant(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        reason: str | None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Reject a candidate or a waitlisted employee, with a reason."""
        require(caller, PROGRAMME_MANAGERS, N_("Rejecting a participant"))
        return self._seat(caller, programme_id, nip, Training.reject, reason, expected_version)

    def withdraw_participant(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        reason: str | None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Withdraw a participant with a reason; the first waitlisted takes a freed seat."""
        require(caller, PROGRAMME_MANAGERS, N_("Withdrawing a participant"), self_nip=nip)
        return self._seat(caller, programme_id, nip, Training.withdraw, reason, expected_version)

    def record_attendance(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        session: int,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Record that an accepted participant attended session `session` (1-based)."""
        require(caller, PROGRAMME_MANAGERS, N_("Recording attendance"))

        def attend(t: Training, employee_id: UUID, at: datetime, meta: EventMeta) -> None:
            t.record_attendance(employee_id, session, at, meta)

        return self._seat(caller, programme_id, nip, attend, reason, expected_version)

    def complete_participant(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        nip: str,
        result: str,
        completed_on: date,
        score: float | None = None,
        certificate_ref: str | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Record PASSED (with a certificate; grants the JP) or FAILED, scored if the form is."""
        require(caller, PROGRAMME_MANAGERS, N_("Recording a result"))
        certificate_ref = certificate_ref.strip() if certificate_ref else None

        def complete(t: Training, employee_id: UUID, at: datetime, meta: EventMeta) -> None:
            t.complete(employee_id, result, score, certificate_ref, completed_on, at, meta)

        return self._seat(caller, programme_id, nip, complete, reason, expected_version)

    def finish_programme(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Close a programme whose accepted participants all have results."""
        require(caller, PROGRAMME_MANAGERS, N_("Finishing a programme"))
        return self._change(
            caller,
            Training,
            programme_id,
            expected_version,
            lambda t, at: t.finish(at, caller.meta(reason)),
        )

    def cancel_programme(
        self,
        caller: Caller,
        *,
        programme_id: UUID,
        reason: str | None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Cancel with a reason: everybody is released and no JP is granted."""
        require(caller, PROGRAMME_MANAGERS, N_("Cancelling a programme"))
        return self._change(
            caller,
            Training,
            programme_id,
            expected_version,
            lambda t, at: t.cancel(at, caller.meta(reason)),
        )

    def _enter(
        self,
        caller: Caller,
        programme_id: UUID,
        nip: str,
        command: EnterCommand,
        reason: str | None,
        expected_version: int | None,
    ) -> Outcome:
        employee = self.active_employee(caller, nip)

        def enter(t: Training, at: datetime) -> None:
            passed = {
                p
                for p in t.prerequisite_ids
                if self.get(caller, Training, p).has_passed(employee.id)
            }
            command(t, employee.id, passed, at, caller.meta(reason))

        return self._change(caller, Training, programme_id, expected_version, enter)

    def _seat(
        self,
        caller: Caller,
        programme_id: UUID,
        nip: str,
        command: SeatCommand,
        reason: str | None,
        expected_version: int | None,
    ) -> Outcome:
        employee_id = self.employee(caller, nip).id  # may have left service since entering
        return self._change(
            caller,
            Training,
            programme_id,
            expected_version,
            lambda t, at: command(t, employee_id, at, caller.meta(reason)),
        )
