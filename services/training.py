"""TrainingApplication: the service layer for competency development (pengembangan kompetensi).

Commands take the caller and plain values, check roles and the other aggregates involved
(employees, the tenant's competency catalogue, prerequisite programmes), run one aggregate
command and return where its events landed. The application shares the one Jejak event log.

Roles, as strings so `services.caller.Role` needs nothing new until the API admits them:
- `hr_officer`, `admin`: everything here;
- `training_institution` (a lembaga diklat or education partner acting for the tenant):
  defines programmes, decides on participants, records attendance and results;
- `supervisor`: nominates employees for programmes;
- `employee`: acts for themselves only, identified by their NIP as user id: applies for and
  withdraws from programmes, logs and ends their own mentoring, submits external learning.

The JP-granting events (`JP_GRANTING_EVENTS`) all carry employee_id, jp, form,
competency_codes and completed_on; `domain.learning.credit_from` turns one into a JP credit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import JSONTranscoder, Recording

from domain.aggregates.base import JejakAggregate
from domain.aggregates.competency_catalogue import CompetencyCatalogue
from domain.aggregates.employee import Employee
from domain.aggregates.external_learning import ExternalLearning
from domain.aggregates.mentoring import Mentoring, Side
from domain.aggregates.training import Training
from domain.competency import parse_competency_kind
from domain.errors import (
    EmployeeNotFound,
    LearningRecordNotFound,
    MentoringNotFound,
    NotAllowedForRole,
    NotFound,
    ProgrammeNotFound,
    UnknownCompetency,
)
from domain.learning import parse_form
from domain.meta import EventMeta
from domain.units import check_name
from services.caller import WRITERS, Caller, Role
from services.personnel import Outcome, normalize_nip, utc_now
from services.retry import check_expected_version, retry_lost_races
from services.transcodings import register_jejak_transcodings

TRAINING_INSTITUTION = "training_institution"
SUPERVISOR = "supervisor"
HR: frozenset[str] = frozenset(WRITERS)
PROGRAMME_MANAGERS: frozenset[str] = HR | {TRAINING_INSTITUTION}
NOMINATORS: frozenset[str] = HR | {SUPERVISOR}
NOBODY_ELSE: frozenset[str] = frozenset()  # only the employee concerned, for themselves
JP_GRANTING_EVENTS = (
    Training.ParticipantCompleted,
    Mentoring.Completed,
    Mentoring.EndedEarly,
    ExternalLearning.Recognised,
)

A = TypeVar("A", bound=JejakAggregate)
SeatCommand = Callable[[Training, UUID, datetime, EventMeta], object]
_NOT_FOUND: dict[type[Any], type[NotFound]] = {
    Training: ProgrammeNotFound,
    Mentoring: MentoringNotFound,
    ExternalLearning: LearningRecordNotFound,
}


class TrainingApplication(Application[UUID]):
    """Training programmes, mentoring, external learning and the competency catalogue."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Training: 100}

    def __init__(
        self,
        env: dict[str, str] | None = None,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
    ) -> None:
        super().__init__(env)
        self.clock = clock
        self.new_id = new_id

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_jejak_transcodings(transcoder)

    # --- competency catalogue ---------------------------------------------------------------
    def add_competency(
        self, caller: Caller, *, code: str, name: str, kind: str, reason: str | None = None
    ) -> Outcome:
        """Add a competency (TEKNIS, MANAJERIAL or SOSIAL_KULTURAL) to the tenant's catalogue."""
        _require(caller, HR, "Adding a competency")
        name, competency_kind = check_name(name, "A competency name"), parse_competency_kind(kind)

        def attempt() -> Outcome:  # a lost race re-checks the code against the fresh catalogue
            at, meta = self.clock(), caller.meta(reason)
            catalogue = self.get_catalogue(caller) or CompetencyCatalogue.open(at, meta)
            catalogue.add_competency(code, name, competency_kind, at, meta)
            return _outcome(catalogue, self.save(catalogue))

        return retry_lost_races(attempt, subject="The competency catalogue", strict=False)

    def set_jabatan_requirements(
        self,
        caller: Caller,
        *,
        jabatan_title: str,
        competency_codes: Sequence[str],
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Set the competencies a jabatan requires, replacing its previous list."""
        _require(caller, HR, "Setting a jabatan's competencies")
        return self._change(
            caller,
            CompetencyCatalogue,
            CompetencyCatalogue.id_for(caller.tenant),
            expected_version,
            lambda c, at: c.set_jabatan_requirements(
                jabatan_title, competency_codes, at, caller.meta(reason)
            ),
        )

    def get_catalogue(self, caller: Caller) -> CompetencyCatalogue | None:
        """The caller's tenant catalogue, or None before its first competency."""
        try:
            return self.get(caller, CompetencyCatalogue, CompetencyCatalogue.id_for(caller.tenant))
        except NotFound:
            return None

    # --- training programmes ------------------------------------------------------------------
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
        _require(caller, PROGRAMME_MANAGERS, "Defining a training programme")
        for prerequisite_id in prerequisite_ids:
            self.get(caller, Training, prerequisite_id)
        training = Training.define(
            id=self.new_id(),
            title=check_name(title, "A programme title"),
            form=parse_form(form),
            competency_codes=self._known(caller, competency_codes),
            jp=jp,
            provider=check_name(provider, "A provider"),
            capacity=capacity,
            sessions=sessions,
            prerequisite_ids=prerequisite_ids,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return _outcome(training, self.save(training))

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
        _require(caller, NOMINATORS, "Nominating for a programme")
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
        _require(caller, NOBODY_ELSE, "Applying for a programme", self_nip=nip)
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
        _require(caller, PROGRAMME_MANAGERS, "Accepting a participant")
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
        _require(caller, PROGRAMME_MANAGERS, "Rejecting a participant")
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
        _require(caller, PROGRAMME_MANAGERS, "Withdrawing a participant", self_nip=nip)
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
        _require(caller, PROGRAMME_MANAGERS, "Recording attendance")

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
        _require(caller, PROGRAMME_MANAGERS, "Recording a result")
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
        _require(caller, PROGRAMME_MANAGERS, "Finishing a programme")
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
        _require(caller, PROGRAMME_MANAGERS, "Cancelling a programme")
        return self._change(
            caller,
            Training,
            programme_id,
            expected_version,
            lambda t, at: t.cancel(at, caller.meta(reason)),
        )

    # --- mentoring ----------------------------------------------------------------------------
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
        _require(caller, HR, "Pairing a mentor and mentee")
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
        return _outcome(mentoring, self.save(mentoring))

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
        self._require_pair_or_hr(caller, mentoring_id, "Logging a mentoring meeting")
        topic = check_name(topic, "A meeting topic")
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
        _require(caller, HR, "Completing a mentoring")
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
        side = self._require_pair_or_hr(caller, mentoring_id, "Ending a mentoring early")
        return self._change(
            caller,
            Mentoring,
            mentoring_id,
            expected_version,
            lambda m, at: m.end_early(side, ended_on, at, caller.meta(reason)),
        )

    # --- external learning --------------------------------------------------------------------
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
        _require(caller, HR, "Submitting external learning", self_nip=nip)
        learning = ExternalLearning.submit(
            id=self.new_id(),
            employee_id=self.active_employee(caller, nip).id,
            title=check_name(title, "A title"),
            form=parse_form(form),
            provider=check_name(provider, "A provider"),
            completed_on=completed_on,
            minutes=minutes,
            evidence_ref=evidence_ref,
            competency_codes=self._known(caller, competency_codes),
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return _outcome(learning, self.save(learning))

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
        _require(caller, HR, "Recognising external learning")
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
        _require(caller, HR, "Refusing external learning")
        return self._change(
            caller,
            ExternalLearning,
            learning_id,
            expected_version,
            lambda x, at: x.refuse(at, caller.meta(reason)),
        )

    # --- loading ----------------------------------------------------------------------------
    def get(self, caller: Caller, kind: type[A], aggregate_id: UUID) -> A:
        """Load a Training, Mentoring or ExternalLearning of the caller's tenant, or NOT_FOUND."""
        error = _NOT_FOUND.get(kind, NotFound)
        not_found = error(f"No {kind.__name__} {aggregate_id} in {caller.tenant}.")
        try:
            aggregate: object = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise not_found from None
        if not isinstance(aggregate, kind) or getattr(aggregate, "tenant", None) != caller.tenant:
            raise not_found
        return aggregate

    def employee(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant, or EMPLOYEE_NOT_FOUND."""
        try:
            employee: object = self.repository.get(Employee.id_for(normalize_nip(nip)))
        except AggregateNotFoundError:
            raise EmployeeNotFound(f"No employee with NIP {nip}.") from None
        if not isinstance(employee, Employee) or employee.tenant != caller.tenant:
            raise EmployeeNotFound(f"No employee with NIP {nip} in {caller.tenant}.")
        return employee

    def active_employee(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant still in service (else EMPLOYEE_NOT_ACTIVE)."""
        employee = self.employee(caller, nip)
        employee.check_is_active()
        return employee

    def _known(self, caller: Caller, codes: Sequence[str]) -> list[str]:
        catalogue = self.get_catalogue(caller)
        if catalogue is None:
            if codes:
                raise UnknownCompetency("The tenant has no competency catalogue yet.")
            return []
        return catalogue.check_known(codes)

    def _require_pair_or_hr(self, caller: Caller, mentoring_id: UUID, action: str) -> Side:
        """Which side the caller acts for: the mentor, the mentee, or HR."""
        if caller.actor.role in HR:
            return Side.HR
        mentoring = self.get(caller, Mentoring, mentoring_id)
        acting = _acting_employee(caller)
        if acting == mentoring.mentor_id:
            return Side.MENTOR
        if acting == mentoring.mentee_id:
            return Side.MENTEE
        raise NotAllowedForRole(f"{action} is for the mentor, the mentee or HR.")

    # --- the one way an aggregate changes ----------------------------------------------------
    def _enter(
        self,
        caller: Caller,
        programme_id: UUID,
        nip: str,
        command: Callable[[Training, UUID, Any, datetime, EventMeta], object],
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

    def _change(
        self,
        caller: Caller,
        kind: type[A],
        aggregate_id: UUID,
        expected_version: int | None,
        command: Callable[[A, datetime], object],
    ) -> Outcome:
        """Load, check the expected version, run the command and save; retry a lost race.

        With an expected version a concurrent change is a CONFLICT for the caller to review;
        without one the command re-runs on the fresh state, its rules checked again.
        """
        subject = f"{kind.__name__} {aggregate_id}"

        def attempt() -> Outcome:
            aggregate = self.get(caller, kind, aggregate_id)
            check_expected_version(subject, aggregate.version, expected_version)
            command(aggregate, self.clock())
            return _outcome(aggregate, self.save(aggregate))

        return retry_lost_races(attempt, subject=subject, strict=expected_version is not None)


def _acting_employee(caller: Caller) -> UUID | None:
    """The employee an `employee` caller is: their user id is their NIP."""
    if caller.actor.role != Role.EMPLOYEE:
        return None
    return Employee.id_for(normalize_nip(caller.actor.user_id))


def _require(
    caller: Caller, allowed: frozenset[str], action: str, *, self_nip: str | None = None
) -> None:
    """FORBIDDEN unless the caller's role is allowed or they are the employee `self_nip`."""
    if caller.actor.role in allowed:
        return
    acting = _acting_employee(caller)
    if self_nip is not None and acting == Employee.id_for(normalize_nip(self_nip)):
        return
    who = [f"the role {role}" for role in sorted(allowed)]
    if self_nip is not None:
        who.append("the employee themselves")
    raise NotAllowedForRole(f"{action} is for {' or '.join(who)}.")


def _outcome(aggregate: JejakAggregate, recordings: list[Recording[UUID]]) -> Outcome:
    return Outcome(aggregate.id, aggregate.version, recordings[-1].notification.id)
