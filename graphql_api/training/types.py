"""GraphQL types of competency development: programmes, JP, mentoring, external learning.

Every JP figure comes with the log positions of the events that granted it (`JPCredit`).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry
from strawberry import Info

from domain.learning import ANNUAL_JP_TARGET
from graphql_api.context import Context
from graphql_api.employees.types import Employee
from graphql_api.fields import resolver
from graphql_api.ids import to_id
from graphql_api.time_travel.types import TimePoint
from graphql_api.training.enums import JPStatus, LearningForm
from projections.external_learning import SubmissionRow
from projections.jp_ledger import CreditRow
from projections.mentorings import MentoringRow
from projections.training_programmes import ParticipantRow, ProgrammeRow


async def _employee(info: Info[Context, None], employee_id: UUID) -> Employee | None:
    row = await info.context.loaders.employees.load(employee_id)
    return Employee.from_row(row) if row else None


@strawberry.type(description="An employee's place in a programme.")
class Participant:
    programme_id: strawberry.ID
    employee_id: strawberry.ID
    entered_as: str = strawberry.field(description="NOMINATED or APPLIED.")
    seat: str = strawberry.field(
        description="NOMINATED, APPLIED, ACCEPTED, WAITLISTED, REJECTED, WITHDRAWN, PASSED, "
        "FAILED, or RELEASED by a programme that ended."
    )
    sessions_attended: int
    attended_minutes: int
    score: float | None
    certificate_ref: str | None
    completed_on: date | None
    jp: int = strawberry.field(description="JP granted by the result (0 unless PASSED).")
    reason: str | None = strawberry.field(description="Of a rejection, withdrawal or cancellation.")
    last_position: int

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record this is, for the policy (graphql_api/guard.py)."""
        return _uuid(self.employee_id), frozenset()

    @resolver("The employee.")
    async def employee(self, info: Info[Context, None]) -> Employee | None:
        return await _employee(info, _uuid(self.employee_id))

    @resolver("The programme.")
    async def programme(self, info: Info[Context, None]) -> TrainingProgramme | None:
        row = await info.context.loaders.training_programmes.load(_uuid(self.programme_id))
        return TrainingProgramme.from_row(row) if row else None

    @classmethod
    def from_row(cls, r: ParticipantRow) -> Participant:
        return cls(
            programme_id=to_id(r.programme_id), employee_id=to_id(r.employee_id),
            entered_as=r.entered_as, seat=r.seat, sessions_attended=r.sessions_attended,
            attended_minutes=r.attended_minutes, score=r.score, certificate_ref=r.certificate_ref,
            completed_on=r.completed_on, jp=r.jp, reason=r.reason, last_position=r.last_position,
        )  # fmt: skip


@strawberry.type(description="A training programme, its seats and results.")
class TrainingProgramme:
    id: strawberry.ID
    title: str
    form: LearningForm
    competency_codes: list[str]
    jp: int
    provider: str
    capacity: int
    session_count: int
    scheduled_minutes: int
    first_session: date
    last_session: date
    prerequisite_ids: list[strawberry.ID]
    status: str = strawberry.field(description="OPEN, FINISHED or CANCELLED.")
    status_reason: str | None
    seated: int = strawberry.field(description="Places taken: accepted, passed or failed.")
    passed: int
    waitlisted: int
    fill_rate: float = strawberry.field(description="Places taken over capacity.")
    completion_rate: float | None = strawberry.field(description="Passed over places taken.")
    defined_position: int
    last_position: int

    @resolver("Everyone who entered, in the order they last changed.")
    async def roster(self, info: Info[Context, None]) -> list[Participant]:
        rows = await info.context.loaders.training_rosters.load(_uuid(self.id))
        return [Participant.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, r: ProgrammeRow) -> TrainingProgramme:
        return cls(
            id=to_id(r.id), title=r.title, form=LearningForm(r.form),
            competency_codes=r.competency_codes, jp=r.jp, provider=r.provider,
            capacity=r.capacity, session_count=r.session_count,
            scheduled_minutes=r.scheduled_minutes, first_session=r.first_session,
            last_session=r.last_session, prerequisite_ids=[to_id(p) for p in r.prerequisite_ids],
            status=r.status, status_reason=r.status_reason, seated=r.seated, passed=r.passed,
            waitlisted=r.waitlisted, fill_rate=r.fill_rate, completion_rate=r.completion_rate,
            defined_position=r.defined_position, last_position=r.last_position,
        )  # fmt: skip


@strawberry.type(description="JP granted by one event.")
class JPCredit:
    position: int = strawberry.field(description="Log position of the JP-granting event.")
    jp: int
    form: LearningForm
    competency_codes: list[str]
    completed_on: date
    source_kind: str = strawberry.field(description="PROGRAMME, MENTORING or EXTERNAL_LEARNING.")
    source_id: strawberry.ID
    title: str | None

    @classmethod
    def from_row(cls, r: CreditRow) -> JPCredit:
        return cls(
            position=r.position, jp=r.jp, form=LearningForm(r.form),
            competency_codes=r.competency_codes, completed_on=r.completed_on,
            source_kind=r.source_kind, source_id=to_id(r.source_id), title=r.title,
        )  # fmt: skip


@strawberry.type(description="JP of one form of learning or one competency.")
class JPAmount:
    key: str
    jp: int


@strawberry.type(description="A mentoring meeting and its duration.")
class MentoringMeeting:
    position: int
    held_on: date
    minutes: int
    topic: str


@strawberry.type(description="A mentor, a mentee, their period, goals and logged meetings.")
class Mentoring:
    id: strawberry.ID
    mentor_id: strawberry.ID
    mentee_id: strawberry.ID
    starts_on: date
    ends_on: date
    goals: list[str]
    competency_codes: list[str]
    status: str = strawberry.field(description="ACTIVE, COMPLETED or ENDED_EARLY.")
    ended_on: date | None
    ended_by: str | None
    end_reason: str | None
    logged_minutes: int
    jp: int = strawberry.field(description="Granted to the mentee: floor(logged minutes / 45).")
    end_position: int | None = strawberry.field(description="Position of the JP-granting event.")
    meetings: list[MentoringMeeting]

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """The mentee's record, with the mentor as a party (graphql_api/guard.py)."""
        return _uuid(self.mentee_id), frozenset({_uuid(self.mentor_id)})

    @resolver("The mentor.")
    async def mentor(self, info: Info[Context, None]) -> Employee | None:
        return await _employee(info, _uuid(self.mentor_id))

    @resolver("The mentee.")
    async def mentee(self, info: Info[Context, None]) -> Employee | None:
        return await _employee(info, _uuid(self.mentee_id))

    @classmethod
    def from_row(cls, r: MentoringRow) -> Mentoring:
        return cls(
            id=to_id(r.id), mentor_id=to_id(r.mentor_id), mentee_id=to_id(r.mentee_id),
            starts_on=r.starts_on, ends_on=r.ends_on, goals=r.goals,
            competency_codes=r.competency_codes, status=r.status, ended_on=r.ended_on,
            ended_by=r.ended_by, end_reason=r.end_reason, logged_minutes=r.logged_minutes,
            jp=r.jp, end_position=r.end_position,
            meetings=[MentoringMeeting(position=m.position, held_on=m.held_on,
                                       minutes=m.minutes, topic=m.topic) for m in r.meetings],
        )  # fmt: skip


@strawberry.type(description="Learning completed outside the tenant's programmes.")
class ExternalLearningSubmission:
    id: strawberry.ID
    employee_id: strawberry.ID
    title: str
    form: LearningForm
    provider: str
    completed_on: date
    minutes: int
    evidence_ref: str
    competency_codes: list[str]
    decision: str = strawberry.field(description="SUBMITTED, RECOGNISED or REFUSED.")
    jp: int
    decision_reason: str | None
    submitted_position: int
    decided_position: int | None

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose record this is, for the policy (graphql_api/guard.py)."""
        return _uuid(self.employee_id), frozenset()

    @resolver("The employee who completed it.")
    async def employee(self, info: Info[Context, None]) -> Employee | None:
        return await _employee(info, _uuid(self.employee_id))

    @classmethod
    def from_row(cls, r: SubmissionRow) -> ExternalLearningSubmission:
        return cls(
            id=to_id(r.id), employee_id=to_id(r.employee_id), title=r.title,
            form=LearningForm(r.form), provider=r.provider, completed_on=r.completed_on,
            minutes=r.minutes, evidence_ref=r.evidence_ref, competency_codes=r.competency_codes,
            decision=r.decision, jp=r.jp, decision_reason=r.decision_reason,
            submitted_position=r.submitted_position, decided_position=r.decided_position,
        )  # fmt: skip


@strawberry.type(description="An employee's learning of one calendar year and the 20 JP rule.")
class TrainingYear:
    nip: str
    year: int
    earned: int = strawberry.field(description="JP earned in the year (by completion date).")
    target: int = ANNUAL_JP_TARGET
    status: JPStatus
    status_basis: date = strawberry.field(description="The date the status is judged on.")
    by_form: list[JPAmount]
    by_competency: list[JPAmount] = strawberry.field(
        description="Learning for two competencies counts for both."
    )
    credits: list[JPCredit] = strawberry.field(description="Every credit behind the figures.")
    employee_id: strawberry.ID
    as_of: TimePoint | None = strawberry.field(
        default=None,
        description="The log position and valid date the JP figures and credits were computed "
        "at, when asked with `asOf` (`history` and `mentorings` are today's); null otherwise.",
    )

    @resolver("Places in programmes completed or entered, with results and certificates.")
    async def history(self, info: Info[Context, None]) -> list[Participant]:
        rows = await info.context.loaders.training_histories.load(_uuid(self.employee_id))
        return [Participant.from_row(r) for r in rows]

    @resolver("Mentorings as mentor or mentee.")
    async def mentorings(self, info: Info[Context, None]) -> list[Mentoring]:
        rows = await info.context.loaders.mentorings.load(_uuid(self.employee_id))
        return [Mentoring.from_row(r) for r in rows]

    @resolver("External learning submitted, with HR's decisions.")
    async def external_learning(
        self, info: Info[Context, None]
    ) -> list[ExternalLearningSubmission]:
        rows = await info.context.loaders.external_learning.load(_uuid(self.employee_id))
        return [ExternalLearningSubmission.from_row(r) for r in rows]


def _uuid(value: str) -> UUID:
    return UUID(str(value))
