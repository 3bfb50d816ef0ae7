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
from enum import StrEnum
from typing import Any, ClassVar
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.errors import (
    AttendanceInsufficient,
    InvalidLearning,
    ParticipantNotEligible,
    PrerequisitesNotMet,
    ProgrammeNotOpen,
)
from domain.learning import LearningForm, check_programme_jp, meets_attendance
from domain.meta import EventMeta

MAX_CAPACITY = 1000
MAX_SESSION_MINUTES = 600  # one session is at most a 10-hour day


class Status(StrEnum):
    """A programme is open until it finishes or is cancelled."""

    OPEN = "OPEN"
    FINISHED = "FINISHED"
    CANCELLED = "CANCELLED"


class Seat(StrEnum):
    """Where a participant stands; REJECTED, WITHDRAWN, PASSED and FAILED are final."""

    NOMINATED = "NOMINATED"
    APPLIED = "APPLIED"
    ACCEPTED = "ACCEPTED"
    WAITLISTED = "WAITLISTED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"
    PASSED = "PASSED"
    FAILED = "FAILED"


_CANDIDATE = (Seat.NOMINATED, Seat.APPLIED)
_HOLDING = (*_CANDIDATE, Seat.ACCEPTED, Seat.WAITLISTED)  # released if the programme ends


class Training(JejakAggregate):
    """A training programme of one tenant; completion grants its JP to those who pass."""

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
        self.seats: dict[str, str] = {}  # str(employee id) → Seat
        self.waitlist: list[str] = []  # first come, first promoted
        self.attended: dict[str, list[int]] = {}

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
        if not competency_codes:
            raise InvalidLearning("A programme develops at least one competency.")
        if not 1 <= capacity <= MAX_CAPACITY:
            raise InvalidLearning(f"Capacity must be 1–{MAX_CAPACITY} participants.")
        schedule = _check_sessions(sessions)
        check_programme_jp(jp, sum(s["minutes"] for s in schedule))
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

    # --- queries and invariants ------------------------------------------------------------
    def seat_of(self, employee_id: UUID) -> Seat | None:
        """Where the employee stands in this programme, if anywhere."""
        seat = self.seats.get(str(employee_id))
        return Seat(seat) if seat else None

    def has_passed(self, employee_id: UUID) -> bool:
        """Whether the employee passed this programme (it counts as a prerequisite)."""
        return self.seat_of(employee_id) is Seat.PASSED

    @property
    def accepted_count(self) -> int:
        return sum(1 for seat in self.seats.values() if seat == Seat.ACCEPTED)

    @property
    def scheduled_minutes(self) -> int:
        return sum(int(s["minutes"]) for s in self.sessions)

    def attended_minutes(self, employee_id: UUID) -> int:
        done = self.attended.get(str(employee_id), [])
        return sum(int(self.sessions[n - 1]["minutes"]) for n in done)

    def check_is_open(self) -> None:
        if self.status != Status.OPEN:
            raise ProgrammeNotOpen(f"Programme {self.title!r} is {self.status.lower()}.")

    def check_seat(self, employee_id: UUID, *allowed: Seat) -> Seat:
        self.check_is_open()
        seat = self.seat_of(employee_id)
        if seat not in allowed:
            wanted = " or ".join(s.value for s in allowed)
            raise ParticipantNotEligible(
                f"The employee is {seat.value if seat else 'not in the programme'}; "
                f"this needs {wanted}."
            )
        return seat

    def check_prerequisites(self, passed: Collection[UUID]) -> None:
        missing = [str(p) for p in self.prerequisite_ids if p not in passed]
        if missing:
            raise PrerequisitesNotMet(f"First pass the programme(s) {', '.join(missing)}.")

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
        self.check_is_open()
        if self.seat_of(employee_id) is not None:
            raise ParticipantNotEligible("The employee has already entered this programme.")
        self.check_prerequisites(passed)
        self.record(event_class, at, meta, employee_id=employee_id)

    def accept(self, employee_id: UUID, at: datetime, meta: EventMeta) -> Seat:
        """Accept a candidate into a free seat, or put them on the waitlist when full."""
        self.check_seat(employee_id, *_CANDIDATE)
        if self.accepted_count < self.capacity:
            self.record(
                self.ParticipantAccepted, at, meta, employee_id=employee_id, from_waitlist=False
            )
            return Seat.ACCEPTED
        self.record(self.ParticipantWaitlisted, at, meta, employee_id=employee_id)
        return Seat.WAITLISTED

    def reject(self, employee_id: UUID, at: datetime, meta: EventMeta) -> None:
        """Refuse a candidate or a waitlisted employee, with a reason."""
        self.check_seat(employee_id, *_CANDIDATE, Seat.WAITLISTED)
        meta.require_reason("Rejecting a participant")
        self.record(self.ParticipantRejected, at, meta, employee_id=employee_id)

    def withdraw(self, employee_id: UUID, at: datetime, meta: EventMeta) -> UUID | None:
        """Withdraw a participant with a reason; a freed seat goes to the first waitlisted."""
        seat = self.check_seat(employee_id, *_HOLDING)
        meta.require_reason("A withdrawal")
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
        if not 1 <= session <= len(self.sessions):
            raise InvalidLearning(f"The programme has sessions 1–{len(self.sessions)}.")
        held_on: date = self.sessions[session - 1]["on"]
        if held_on > at.date():
            raise InvalidLearning(f"Session {session} is on {held_on}; it has not taken place.")
        if session in self.attended.get(str(employee_id), []):
            raise ParticipantNotEligible(f"Attendance at session {session} is already recorded.")
        minutes = int(self.sessions[session - 1]["minutes"])
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
        passed = _check_result(LearningForm(self.form), result, score, certificate_ref)
        last_session: date = self.sessions[-1]["on"]
        if not last_session <= completed_on <= at.date():
            raise InvalidLearning(
                f"The completion date must be between the last session ({last_session}) and today."
            )
        attended, scheduled = self.attended_minutes(employee_id), self.scheduled_minutes
        if not meets_attendance(attended, scheduled):
            raise AttendanceInsufficient(
                f"Attended {attended} of {scheduled} minutes; completion needs 80%. "
                "Withdraw the participant instead."
            )
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
        self.check_is_open()
        pending = [e for e, seat in self.seats.items() if seat == Seat.ACCEPTED]
        if pending:
            raise ParticipantNotEligible(
                f"{len(pending)} accepted participant(s) have no result yet."
            )
        self.record(self.Finished, at, meta, released_ids=self._holding())

    def cancel(self, at: datetime, meta: EventMeta) -> None:
        """Cancel with a reason, releasing everybody; refused once any result exists."""
        self.check_is_open()
        if any(seat in (Seat.PASSED, Seat.FAILED) for seat in self.seats.values()):
            raise ProgrammeNotOpen("Results are recorded: finish the programme instead.")
        meta.require_reason("Cancelling a programme")
        self.record(self.Cancelled, at, meta, released_ids=self._holding())

    def _holding(self) -> list[UUID]:
        return [UUID(e) for e, seat in self.seats.items() if seat in _HOLDING]


def _check_sessions(sessions: Sequence[tuple[date, int]]) -> list[dict[str, Any]]:
    if not sessions:
        raise InvalidLearning("A programme has at least one session.")
    dates = [on for on, _ in sessions]
    if dates != sorted(dates):
        raise InvalidLearning("List the sessions in date order.")
    if any(not 1 <= minutes <= MAX_SESSION_MINUTES for _, minutes in sessions):
        raise InvalidLearning(f"A session lasts 1–{MAX_SESSION_MINUTES} minutes.")
    return [{"on": on, "minutes": minutes} for on, minutes in sessions]


def _check_result(
    form: LearningForm, result: str, score: float | None, certificate_ref: str | None
) -> bool:
    """Whether the result is a pass, after checking its score and certificate."""
    result = result.strip().upper()
    if result not in (Seat.PASSED, Seat.FAILED):
        raise InvalidLearning(f"A result is PASSED or FAILED, not {result!r}.")
    if form.has_score and (score is None or not 0 <= score <= 100):
        raise InvalidLearning(f"A {form.value} result needs a score of 0–100.")
    if not form.has_score and score is not None:
        raise InvalidLearning(f"A {form.value} result has no score.")
    if (result == Seat.PASSED) != bool(certificate_ref and certificate_ref.strip()):
        raise InvalidLearning("A pass needs a certificate reference; a fail has none.")
    return result == Seat.PASSED
