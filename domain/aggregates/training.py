"""Training: one programme of pelatihan, from its definition to its participants' results.

A participant enters by nomination or application, is accepted (or waitlisted when the
programme is full) or rejected, attends sessions and gets a result. `ParticipantCompleted` is
the event that grants JP: it carries the employee, the JP, the form, the competencies and the
completion date, so a projection needs nothing else to attribute them. A cancelled programme
never granted any: cancelling is refused once a result exists.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.enrolment import (
    CANDIDATE,
    HOLDING,
    Roster,
    Seat,
    Status,
    check_definition,
    check_result,
    check_session_held,
)
from domain.errors import N_
from domain.learning import LearningForm
from domain.meta import EventMeta
from domain.text import LINE, NAME, clean_optional_text, clean_text

__all__ = ["Seat", "Status", "Training"]


class Training(Roster, JejakAggregate):
    """A training programme of one tenant; completion grants its JP to those who pass."""

    # Version 1 snapshots lack `passed_on`: None says "unknown", read the events instead.
    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["passed_on"] = None

    class Defined(JejakAggregate.Created):
        tenant: str
        title: str
        form: str
        competency_codes: list[str]
        jp: int
        provider: str
        capacity: int
        sessions: list[dict[str, Any]]  # [{"on": date, "minutes": int}], chronological
        prerequisite_ids: list[UUID]  # programmes a participant must have passed

    class _Seated(JejakAggregate.Event):
        employee_id: UUID
        seat: ClassVar[Seat]  # where the event leaves the employee

        def apply(self, aggregate: Training) -> None:
            aggregate.seats[str(self.employee_id)] = self.seat.value

    class ParticipantNominated(_Seated):
        seat = Seat.NOMINATED

    class ParticipantApplied(_Seated):
        seat = Seat.APPLIED

    class ParticipantAccepted(_Seated):
        from_waitlist: bool
        seat = Seat.ACCEPTED

        def apply(self, aggregate: Training) -> None:
            super().apply(aggregate)
            if self.from_waitlist:
                aggregate.waitlist.remove(str(self.employee_id))

    class ParticipantWaitlisted(_Seated):
        seat = Seat.WAITLISTED

        def apply(self, aggregate: Training) -> None:
            super().apply(aggregate)
            aggregate.waitlist.append(str(self.employee_id))

    class _Left(_Seated):
        def apply(self, aggregate: Training) -> None:
            super().apply(aggregate)
            if str(self.employee_id) in aggregate.waitlist:
                aggregate.waitlist.remove(str(self.employee_id))

    class ParticipantRejected(_Left):
        seat = Seat.REJECTED

    class ParticipantWithdrawn(_Left):
        previous_seat: str
        seat = Seat.WITHDRAWN

    class AttendanceRecorded(JejakAggregate.Event):
        employee_id: UUID
        session: int  # 1-based, in schedule order
        session_on: date
        minutes: int

        def apply(self, aggregate: Training) -> None:
            aggregate.attended.setdefault(str(self.employee_id), []).append(self.session)

    class ParticipantCompleted(JejakAggregate.Event):
        """Grants JP: `jp` is the programme's JP if PASSED, 0 if FAILED."""

        employee_id: UUID
        result: str  # PASSED or FAILED, also the participant's final seat
        score: float | None
        certificate_ref: str | None
        completed_on: date
        jp: int
        form: str
        competency_codes: list[str]
        title: str

        def apply(self, aggregate: Training) -> None:
            aggregate.seats[str(self.employee_id)] = self.result
            if self.result == Seat.PASSED.value and aggregate.passed_on is not None:
                aggregate.passed_on[str(self.employee_id)] = self.completed_on

    class _Ended(JejakAggregate.Event):
        released_ids: list[UUID]  # candidates, accepted and waitlisted let go
        status: ClassVar[Status]

        def apply(self, aggregate: Training) -> None:
            aggregate.status = self.status.value
            for employee_id in self.released_ids:
                del aggregate.seats[str(employee_id)]
            aggregate.waitlist.clear()

    class Finished(_Ended):
        status = Status.FINISHED

    class Cancelled(_Ended):
        status = Status.CANCELLED

    def __init__(
        self,
        tenant: str,
        title: str,
        form: str,
        competency_codes: list[str],
        jp: int,
        provider: str,
        capacity: int,
        sessions: list[dict[str, Any]],
        prerequisite_ids: list[UUID],
        meta: EventMeta,
    ) -> None:
        self.tenant, self.title, self.form, self.provider = tenant, title, form, provider
        self.competency_codes = list(competency_codes)
        self.jp, self.capacity = jp, capacity
        self.sessions = list(sessions)
        self.prerequisite_ids = list(prerequisite_ids)
        self.status = Status.OPEN.value
        self.seats, self.waitlist, self.attended = {}, [], {}
        self.passed_on: dict[str, date] | None = {}  # employee id: the day they passed

    @classmethod
    def define(
        cls,
        *,
        id: UUID,
        title: str,
        form: LearningForm,
        competency_codes: list[str],
        jp: int,
        provider: str,
        capacity: int,
        sessions: Sequence[tuple[date, int]],
        prerequisite_ids: Sequence[UUID],
        at: datetime,
        meta: EventMeta,
    ) -> Training:
        """Define a programme; competencies and prerequisites were checked by the application."""
        title = clean_text(title, N_("A programme title"), NAME, min_length=2)
        provider = clean_text(provider, N_("A provider"), NAME, min_length=2)
        schedule = check_definition(competency_codes, capacity, sessions, jp, at.date())
        training: Training = cls.start(
            cls.Defined,
            id,
            at,
            meta,
            tenant=meta.tenant,
            title=title,
            form=form.value,
            competency_codes=list(competency_codes),
            jp=jp,
            provider=provider,
            capacity=capacity,
            sessions=schedule,
            prerequisite_ids=list(dict.fromkeys(prerequisite_ids)),
        )
        return training

    # --- commands -------------------------------------------------------------------------
    def nominate(
        self, employee_id: UUID, passed: Collection[UUID], at: datetime, meta: EventMeta
    ) -> None:
        """A supervisor or HR puts the employee forward; `passed`: programmes they passed."""
        self._enter(self.ParticipantNominated, employee_id, passed, at, meta)

    def apply_for(
        self, employee_id: UUID, passed: Collection[UUID], at: datetime, meta: EventMeta
    ) -> None:
        """The employee asks for a place; `passed`: the programmes they passed."""
        self._enter(self.ParticipantApplied, employee_id, passed, at, meta)

    def _enter(
        self,
        event_class: type[_Seated],
        employee_id: UUID,
        passed: Collection[UUID],
        at: datetime,
        meta: EventMeta,
    ) -> None:
        self.check_can_enter(employee_id, self.prerequisite_ids, passed)
        self.record(event_class, at, meta, employee_id=employee_id)

    def accept(self, employee_id: UUID, at: datetime, meta: EventMeta) -> Seat:
        """Accept a candidate into a free seat, or put them on the waitlist when full."""
        self.check_seat(employee_id, *CANDIDATE)
        if self.accepted_count < self.capacity:
            self.record(
                self.ParticipantAccepted, at, meta, employee_id=employee_id, from_waitlist=False
            )
            return Seat.ACCEPTED
        self.record(self.ParticipantWaitlisted, at, meta, employee_id=employee_id)
        return Seat.WAITLISTED

    def reject(self, employee_id: UUID, at: datetime, meta: EventMeta) -> None:
        """Refuse a candidate or a waitlisted employee, with a reason."""
        self.check_seat(employee_id, *CANDIDATE, Seat.WAITLISTED)
        meta.require_reason(N_("Rejecting a participant"))
        self.record(self.ParticipantRejected, at, meta, employee_id=employee_id)

    def withdraw(self, employee_id: UUID, at: datetime, meta: EventMeta) -> UUID | None:
        """Withdraw a participant with a reason; a freed seat goes to the first waitlisted."""
        seat = self.check_seat(employee_id, *HOLDING)
        meta.require_reason(N_("A withdrawal"))
        self.record(
            self.ParticipantWithdrawn, at, meta, employee_id=employee_id, previous_seat=seat.value
        )
        if seat is not Seat.ACCEPTED or not self.waitlist:
            return None
        promoted = UUID(self.waitlist[0])
        self.record(self.ParticipantAccepted, at, meta, employee_id=promoted, from_waitlist=True)
        return promoted

    def record_attendance(
        self, employee_id: UUID, session: int, at: datetime, meta: EventMeta
    ) -> None:
        """Record that an accepted participant attended a session that has taken place."""
        self.check_seat(employee_id, Seat.ACCEPTED)
        attended = self.attended.get(str(employee_id), [])
        held_on, minutes = check_session_held(self.sessions, session, at.date(), attended)
        self.record(
            self.AttendanceRecorded,
            at,
            meta,
            employee_id=employee_id,
            session=session,
            session_on=held_on,
            minutes=minutes,
        )

    def complete(
        self,
        employee_id: UUID,
        result: str,
        score: float | None,
        certificate_ref: str | None,
        completed_on: date,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """Record an accepted participant's result; it needs 80% of the minutes attended."""
        self.check_seat(employee_id, Seat.ACCEPTED)
        certificate_ref = clean_optional_text(certificate_ref, N_("A certificate reference"), LINE)
        passed = check_result(LearningForm(self.form), result, score, certificate_ref)
        self.check_can_complete(employee_id, completed_on, at.date())
        self.record(
            self.ParticipantCompleted,
            at,
            meta,
            employee_id=employee_id,
            result=Seat.PASSED.value if passed else Seat.FAILED.value,
            score=None if score is None else float(score),
            certificate_ref=certificate_ref,
            completed_on=completed_on,
            jp=self.jp if passed else 0,
            form=self.form,
            competency_codes=list(self.competency_codes),
            title=self.title,
        )

    def finish(self, at: datetime, meta: EventMeta) -> None:
        """Close the programme once every accepted participant has a result."""
        self.check_can_finish()
        self.record(self.Finished, at, meta, released_ids=self.holding())

    def cancel(self, at: datetime, meta: EventMeta) -> None:
        """Cancel with a reason, releasing everybody; refused once any result exists."""
        self.check_can_cancel()
        meta.require_reason(N_("Cancelling a programme"))
        self.record(self.Cancelled, at, meta, released_ids=self.holding())
