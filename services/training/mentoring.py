"""Mentoring: pairing a senior with a new ASN, logging meetings, completing or ending early."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from domain.aggregates.mentoring import Mentoring, Side
from domain.errors import N_, NotAllowedForRole, phrase
from services.caller import Caller
from services.personnel import Outcome
from services.training.base import HR, TrainingBase, acting_employee, require


class MentoringCommands(TrainingBase):
    """HR pairs and completes; the mentor, the mentee or HR log meetings and end early."""

    def pair_mentoring(
        self,
        caller: Caller,
        *,
        mentor_nip: str,
        mentee_nip: str,
        starts_on: date,
        ends_on: date,
        goals: Sequence[str],
        competency_codes: Sequence[str] = (),
        reason: str | None = None,
    ) -> Outcome:
        """Pair a senior mentor (longer in service) with a mentee for a period with goals."""
        require(caller, HR, N_("Pairing a mentor and mentee"))
        mentor, mentee = (
            self.active_employee(caller, mentor_nip),
            self.active_employee(caller, mentee_nip),
        )
        mentoring = Mentoring.pair(
            id=self.new_id(),
            mentor_id=mentor.id,
            mentor_service_start=mentor.service_start,
            mentee_id=mentee.id,
            mentee_service_start=mentee.service_start,
            starts_on=starts_on,
            ends_on=ends_on,
            goals=goals,
            competency_codes=self._known(caller, competency_codes),
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return self.save_outcome(mentoring)

    def log_meeting(
        self,
        caller: Caller,
        *,
        mentoring_id: UUID,
        held_on: date,
        minutes: int,
        topic: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """The mentor, the mentee or HR logs a meeting and its duration in minutes."""
        self._require_pair_or_hr(caller, mentoring_id, N_("Logging a mentoring meeting"))
        return self._change(
            caller,
            Mentoring,
            mentoring_id,
            expected_version,
            lambda m, at: m.log_meeting(held_on, minutes, topic, at, caller.meta(reason)),
        )

    def complete_mentoring(
        self,
        caller: Caller,
        *,
        mentoring_id: UUID,
        completed_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """HR completes a mentoring at its agreed end: the mentee earns JP for the meetings."""
        require(caller, HR, N_("Completing a mentoring"))
        return self._change(
            caller,
            Mentoring,
            mentoring_id,
            expected_version,
            lambda m, at: m.complete(completed_on, at, caller.meta(reason)),
        )

    def end_mentoring_early(
        self,
        caller: Caller,
        *,
        mentoring_id: UUID,
        ended_on: date,
        reason: str | None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Either side (or HR) ends it early with a reason; JP for the meetings logged."""
        side = self._require_pair_or_hr(caller, mentoring_id, N_("Ending a mentoring early"))
        return self._change(
            caller,
            Mentoring,
            mentoring_id,
            expected_version,
            lambda m, at: m.end_early(side, ended_on, at, caller.meta(reason)),
        )

    def _require_pair_or_hr(self, caller: Caller, mentoring_id: UUID, action: str) -> Side:
        """Which side the caller acts for: the mentor, the mentee, or HR."""
        if caller.actor.role in HR:
            return Side.HR
        mentoring = self.get(caller, Mentoring, mentoring_id)
        acting = acting_employee(caller)
        if acting == mentoring.mentor_id:
            return Side.MENTOR
        if acting == mentoring.mentee_id:
            return Side.MENTEE
        raise NotAllowedForRole(
            N_("{action} is for the mentor, the mentee or HR."), action=phrase(action)
        )
