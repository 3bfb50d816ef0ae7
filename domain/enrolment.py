"""The rules of a programme's seats and schedule, apart from the Training aggregate.

A participant's seat moves NOMINATED/APPLIED → ACCEPTED or WAITLISTED → PASSED or FAILED,
or ends REJECTED or WITHDRAWN. These functions check one rule each on plain values, so the
aggregate only decides which events to record.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.dates import PLANNED, check_date
from domain.errors import (
    N_,
    AttendanceInsufficient,
    InvalidLearning,
    ParticipantNotEligible,
    PrerequisitesNotMet,
    ProgrammeNotOpen,
)
from domain.learning import LearningForm, check_programme_jp, meets_attendance
from domain.text import CODE, clean_text

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


CANDIDATE = (Seat.NOMINATED, Seat.APPLIED)
HOLDING = (*CANDIDATE, Seat.ACCEPTED, Seat.WAITLISTED)  # released if the programme ends


class Roster:
    """A programme's seats, waitlist and attendance, and the checks on them.

    The state of the Training aggregate that its events change; the aggregate derives from
    this so the seat rules read apart from the events.
    """

    title: str
    status: str
    sessions: list[dict[str, Any]]
    seats: dict[str, str]  # str(employee id) → Seat
    waitlist: list[str]  # first come, first promoted
    attended: dict[str, list[int]]  # str(employee id) → sessions attended

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
        """PROGRAMME_NOT_OPEN once the programme is finished or cancelled."""
        if self.status != Status.OPEN:
            closed = {
                Status.FINISHED: N_("Programme {title!r} is finished."),
                Status.CANCELLED: N_("Programme {title!r} is cancelled."),
            }
            raise ProgrammeNotOpen(closed[Status(self.status)], title=self.title)

    def check_seat(self, employee_id: UUID, *allowed: Seat) -> Seat:
        """The employee's seat, if the programme is open and the seat one of `allowed`."""
        self.check_is_open()
        seat = self.seat_of(employee_id)
        if seat is None or seat not in allowed:
            wanted = " or ".join(s.value for s in allowed)
            if seat is None:
                raise ParticipantNotEligible(
                    N_("The employee is not in the programme; this needs {wanted}."),
                    wanted=wanted,
                )
            raise ParticipantNotEligible(
                N_("The employee is {seat}; this needs {wanted}."), seat=seat.value, wanted=wanted
            )
        return seat

    def check_can_enter(
        self, employee_id: UUID, prerequisite_ids: Sequence[UUID], passed: Collection[UUID]
    ) -> None:
        """Open, not entered before, and every prerequisite programme passed."""
        self.check_is_open()
        if self.seat_of(employee_id) is not None:
            raise ParticipantNotEligible(N_("The employee has already entered this programme."))
        missing = [str(p) for p in prerequisite_ids if p not in passed]
        if missing:
            raise PrerequisitesNotMet(
                N_("First pass the programme(s) {programmes}."), programmes=", ".join(missing)
            )

    def check_can_complete(self, employee_id: UUID, completed_on: date, today: date) -> None:
        """A result is dated between the last session and today, after 80% attendance."""
        last_session: date = self.sessions[-1]["on"]
        if not last_session <= completed_on <= today:
            raise InvalidLearning(
                N_("The completion date must be between the last session ({last}) and today."),
                last=last_session,
            )
        attended, scheduled = self.attended_minutes(employee_id), self.scheduled_minutes
        if not meets_attendance(attended, scheduled):
            raise AttendanceInsufficient(
                N_(
                    "Attended {attended} of {scheduled} minutes; completion needs 80%. "
                    "Withdraw the participant instead."
                ),
                attended=attended,
                scheduled=scheduled,
            )

    def check_can_finish(self) -> None:
        """Every accepted participant has a result."""
        self.check_is_open()
        pending = [e for e, seat in self.seats.items() if seat == Seat.ACCEPTED]
        if pending:
            raise ParticipantNotEligible(
                N_("{count} accepted participant(s) have no result yet."), count=len(pending)
            )

    def check_can_cancel(self) -> None:
        """No result recorded yet: a cancelled programme never granted JP."""
        self.check_is_open()
        if any(seat in (Seat.PASSED, Seat.FAILED) for seat in self.seats.values()):
            raise ProgrammeNotOpen(N_("Results are recorded: finish the programme instead."))

    def holding(self) -> list[UUID]:
        """Candidates, accepted and waitlisted: those an ending programme releases."""
        return [UUID(e) for e, seat in self.seats.items() if seat in HOLDING]


def check_definition(
    competency_codes: Sequence[str],
    capacity: int,
    sessions: Sequence[tuple[date, int]],
    jp: int,
    today: date,
) -> list[dict[str, Any]]:
    """A programme's competencies, capacity, schedule and JP checked; the schedule as stored."""
    if not competency_codes:
        raise InvalidLearning(N_("A programme develops at least one competency."))
    if not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidLearning(N_("Capacity must be 1–{most} participants."), most=MAX_CAPACITY)
    schedule = check_sessions(sessions, today)
    check_programme_jp(jp, sum(s["minutes"] for s in schedule))
    return schedule


def check_sessions(sessions: Sequence[tuple[date, int]], today: date) -> list[dict[str, Any]]:
    """The schedule as stored: [{"on": date, "minutes": int}], in date order, not too far ahead."""
    if not sessions:
        raise InvalidLearning(N_("A programme has at least one session."))
    dates = [check_date(on, N_("A session date"), PLANNED, today) for on, _ in sessions]
    if dates != sorted(dates):
        raise InvalidLearning(N_("List the sessions in date order."))
    if any(not 1 <= minutes <= MAX_SESSION_MINUTES for _, minutes in sessions):
        raise InvalidLearning(N_("A session lasts 1–{most} minutes."), most=MAX_SESSION_MINUTES)
    return [{"on": on, "minutes": minutes} for on, minutes in sessions]


def check_session_held(
    sessions: Sequence[dict[str, Any]], session: int, today: date, attended: Collection[int]
) -> tuple[date, int]:
    """The (date, minutes) of a 1-based session that has taken place and is not yet recorded."""
    if not 1 <= session <= len(sessions):
        raise InvalidLearning(N_("The programme has sessions 1–{last}."), last=len(sessions))
    held_on: date = sessions[session - 1]["on"]
    if held_on > today:
        raise InvalidLearning(
            N_("Session {session} is on {held_on}; it has not taken place."),
            session=session,
            held_on=held_on,
        )
    if session in attended:
        raise ParticipantNotEligible(
            N_("Attendance at session {session} is already recorded."), session=session
        )
    return held_on, int(sessions[session - 1]["minutes"])


def check_result(
    form: LearningForm, result: str, score: float | None, certificate_ref: str | None
) -> bool:
    """Whether the result is a pass, after checking its score and certificate."""
    result = clean_text(result, N_("A result"), CODE, min_length=0, error=InvalidLearning).upper()
    if result not in (Seat.PASSED, Seat.FAILED):
        raise InvalidLearning(N_("A result is PASSED or FAILED, not {result!r}."), result=result)
    if form.has_score and (score is None or not 0 <= score <= 100):
        raise InvalidLearning(N_("A {form} result needs a score of 0–100."), form=form.value)
    if not form.has_score and score is not None:
        raise InvalidLearning(N_("A {form} result has no score."), form=form.value)
    if (result == Seat.PASSED) != bool(certificate_ref and certificate_ref.strip()):
        raise InvalidLearning(N_("A pass needs a certificate reference; a fail has none."))
    return result == Seat.PASSED
