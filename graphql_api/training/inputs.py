"""Inputs of the training mutations; `arguments()` turns one into TrainingApplication kwargs."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum, StrEnum
from typing import Any

import strawberry

from graphql_api.ids import parse_id
from graphql_api.training.enums import CompetencyKind, LearningForm

_REASON = "Why; required to reject, withdraw, cancel, end early or refuse."
_VERSION = "Refuse with CONFLICT unless the aggregate is at this version."


@strawberry.enum(description="A participant's result.")
class TrainingResult(StrEnum):
    PASSED = "PASSED"
    FAILED = "FAILED"


class CommandInput:
    """Ids become UUIDs (INVALID_ARGUMENT if malformed), enums their values, sessions pairs."""

    def arguments(self) -> dict[str, Any]:
        arguments: dict[str, Any] = {}
        for field in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, field.name)
            if field.name.endswith("_id"):
                value = parse_id(value, field.name)
            elif field.name.endswith("_ids"):
                value = [parse_id(v, field.name) for v in value]
            elif field.name == "sessions":
                value = [(s.on, s.minutes) for s in value]
            elif isinstance(value, Enum):
                value = value.value
            arguments[field.name] = value
        return arguments


@strawberry.input(description="A competency for the tenant's catalogue.")
class AddCompetencyInput(CommandInput):
    code: str = strawberry.field(description="2–40 capitals, digits, '-' or '_'.")
    name: str
    kind: CompetencyKind
    reason: str | None = None


@strawberry.input(description="The competencies a jabatan requires (replacing the old list).")
class SetJabatanRequirementsInput(CommandInput):
    jabatan_title: str
    competency_codes: list[str]
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="One session of a programme.")
class SessionInput:
    on: date
    minutes: int


@strawberry.input(description="A training programme to define.")
class DefineProgrammeInput(CommandInput):
    title: str
    form: LearningForm
    competency_codes: list[str] = strawberry.field(description="From the tenant's catalogue.")
    jp: int = strawberry.field(description="JP a pass grants; at most the schedule's minutes / 45.")
    provider: str
    capacity: int
    sessions: list[SessionInput] = strawberry.field(description="In date order.")
    prerequisite_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Programmes a participant must have passed."
    )
    reason: str | None = None


@strawberry.input(description="An employee and a programme: nominate, apply, accept, …")
class ParticipantInput(CommandInput):
    programme_id: strawberry.ID
    nip: str
    reason: str | None = strawberry.field(default=None, description=_REASON)
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="Attendance of a participant at one session (1-based).")
class RecordAttendanceInput(CommandInput):
    programme_id: strawberry.ID
    nip: str
    session: int
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="A participant's result: a pass needs a certificate reference.")
class CompleteParticipantInput(CommandInput):
    programme_id: strawberry.ID
    nip: str
    result: TrainingResult
    completed_on: date
    score: float | None = strawberry.field(default=None, description="0–100 for scored forms.")
    certificate_ref: str | None = None
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="A programme to finish or cancel.")
class ProgrammeInput(CommandInput):
    programme_id: strawberry.ID
    reason: str | None = strawberry.field(default=None, description=_REASON)
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="A senior mentor and a mentee, a period and goals.")
class PairMentoringInput(CommandInput):
    mentor_nip: str
    mentee_nip: str
    starts_on: date
    ends_on: date
    goals: list[str]
    competency_codes: list[str] = strawberry.field(default_factory=list)
    reason: str | None = None


@strawberry.input(description="A mentoring meeting and its duration.")
class LogMeetingInput(CommandInput):
    mentoring_id: strawberry.ID
    held_on: date
    minutes: int
    topic: str
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="Complete a mentoring on or after its agreed end.")
class CompleteMentoringInput(CommandInput):
    mentoring_id: strawberry.ID
    completed_on: date
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="End a mentoring before its agreed end, with a reason.")
class EndMentoringEarlyInput(CommandInput):
    mentoring_id: strawberry.ID
    ended_on: date
    reason: str | None = strawberry.field(default=None, description=_REASON)
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="Learning completed elsewhere, with evidence.")
class SubmitExternalLearningInput(CommandInput):
    nip: str
    title: str
    form: LearningForm
    provider: str
    completed_on: date
    minutes: int
    evidence_ref: str = strawberry.field(description="Where the certificate or proof is kept.")
    competency_codes: list[str] = strawberry.field(default_factory=list)
    reason: str | None = None


@strawberry.input(description="Recognise external learning with the JP it grants.")
class RecogniseExternalLearningInput(CommandInput):
    learning_id: strawberry.ID
    jp: int = strawberry.field(description="1 to floor(minutes / 45).")
    competency_codes: list[str] | None = strawberry.field(
        default=None, description="Replace the submitted competencies."
    )
    reason: str | None = None
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)


@strawberry.input(description="Refuse external learning, with a reason.")
class RefuseExternalLearningInput(CommandInput):
    learning_id: strawberry.ID
    reason: str | None = strawberry.field(default=None, description=_REASON)
    expected_version: int | None = strawberry.field(default=None, description=_VERSION)
