"""Mutations of competency development: one per TrainingApplication command.

Each returns the changed aggregate's id, version and the log `position` of its last event;
a refused command records nothing and fails with the rule's code (PROGRAMME_NOT_OPEN,
PARTICIPANT_NOT_ELIGIBLE, PREREQUISITES_NOT_MET, ATTENDANCE_INSUFFICIENT, FORBIDDEN, …).
"""

from __future__ import annotations

from typing import Self

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.ids import to_id
from graphql_api.payloads import Recorded
from graphql_api.training.inputs import (
    AddCompetencyInput,
    CommandInput,
    CompleteMentoringInput,
    CompleteParticipantInput,
    DefineProgrammeInput,
    EndMentoringEarlyInput,
    LogMeetingInput,
    PairMentoringInput,
    ParticipantInput,
    ProgrammeInput,
    RecogniseExternalLearningInput,
    RecordAttendanceInput,
    RefuseExternalLearningInput,
    SetJabatanRequirementsInput,
    SubmitExternalLearningInput,
)
from services.personnel import Outcome


@strawberry.type(description="A command on a training programme was recorded.")
class ProgrammeRecorded(Recorded):
    programme_id: strawberry.ID

    @classmethod
    def of(cls, o: Outcome) -> Self:
        return cls(programme_id=to_id(o.aggregate_id), version=o.version, position=o.position)


@strawberry.type(description="A command on a mentoring was recorded.")
class MentoringRecorded(Recorded):
    mentoring_id: strawberry.ID

    @classmethod
    def of(cls, o: Outcome) -> Self:
        return cls(mentoring_id=to_id(o.aggregate_id), version=o.version, position=o.position)


@strawberry.type(description="A command on external learning was recorded.")
class ExternalLearningRecorded(Recorded):
    learning_id: strawberry.ID

    @classmethod
    def of(cls, o: Outcome) -> Self:
        return cls(learning_id=to_id(o.aggregate_id), version=o.version, position=o.position)


@strawberry.type(description="A change to the tenant's competency catalogue was recorded.")
class CatalogueRecorded(Recorded):
    catalogue_id: strawberry.ID

    @classmethod
    def of(cls, o: Outcome) -> Self:
        return cls(catalogue_id=to_id(o.aggregate_id), version=o.version, position=o.position)


async def _run(info: Info[Context, None], command: str, input: CommandInput) -> Outcome:
    training = info.context.runtime.training
    return await run_command(info.context, getattr(training, command), **input.arguments())


Resolving = Info[Context, None]  # every mutation's `info`


@strawberry.type
class TrainingMutations:
    @mutation("HR: add a competency to the tenant's catalogue.")
    async def add_competency(self, info: Resolving, input: AddCompetencyInput) -> CatalogueRecorded:
        return CatalogueRecorded.of(await _run(info, "add_competency", input))

    @mutation("HR: set the competencies a jabatan requires.")
    async def set_jabatan_requirements(
        self, info: Resolving, input: SetJabatanRequirementsInput
    ) -> CatalogueRecorded:
        return CatalogueRecorded.of(await _run(info, "set_jabatan_requirements", input))

    @mutation("HR or a training institution: define a training programme.")
    async def define_programme(
        self, info: Resolving, input: DefineProgrammeInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "define_programme", input))

    @mutation("HR or a supervisor: nominate an employee for a programme.")
    async def nominate_participant(
        self, info: Resolving, input: ParticipantInput
    ) -> ProgrammeRecorded:
        await info.context.access.require_team(input.nip, "Nominating")
        return ProgrammeRecorded.of(await _run(info, "nominate", input))

    @mutation("An employee (their NIP as user id) applies for a programme.")
    async def apply_for_programme(
        self, info: Resolving, input: ParticipantInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "apply_for_programme", input))

    @mutation("Accept a candidate into a free place, or waitlist them when the programme is full.")
    async def accept_participant(
        self, info: Resolving, input: ParticipantInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "accept_participant", input))

    @mutation("Reject a candidate or a waitlisted employee, with a reason.")
    async def reject_participant(
        self, info: Resolving, input: ParticipantInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "reject_participant", input))

    @mutation("Withdraw a participant, with a reason; the first waitlisted takes a freed place.")
    async def withdraw_participant(
        self, info: Resolving, input: ParticipantInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "withdraw_participant", input))

    @mutation("Record an accepted participant's attendance at a session that took place.")
    async def record_attendance(
        self, info: Resolving, input: RecordAttendanceInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "record_attendance", input))

    @mutation("Record a result (80% attendance needed); a pass grants the programme's JP.")
    async def complete_participant(
        self, info: Resolving, input: CompleteParticipantInput
    ) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "complete_participant", input))

    @mutation("Finish a programme whose accepted participants all have results.")
    async def finish_programme(self, info: Resolving, input: ProgrammeInput) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "finish_programme", input))

    @mutation("Cancel a programme with a reason: everybody is released, no JP is granted.")
    async def cancel_programme(self, info: Resolving, input: ProgrammeInput) -> ProgrammeRecorded:
        return ProgrammeRecorded.of(await _run(info, "cancel_programme", input))

    @mutation("HR: pair a senior mentor with a mentee for a period with goals.")
    async def pair_mentoring(self, info: Resolving, input: PairMentoringInput) -> MentoringRecorded:
        return MentoringRecorded.of(await _run(info, "pair_mentoring", input))

    @mutation("The mentor, the mentee or HR logs a meeting and its minutes.")
    async def log_mentoring_meeting(
        self, info: Resolving, input: LogMeetingInput
    ) -> MentoringRecorded:
        return MentoringRecorded.of(await _run(info, "log_meeting", input))

    @mutation("HR completes a mentoring: the mentee earns JP for the logged minutes.")
    async def complete_mentoring(
        self, info: Resolving, input: CompleteMentoringInput
    ) -> MentoringRecorded:
        return MentoringRecorded.of(await _run(info, "complete_mentoring", input))

    @mutation("Either side (or HR) ends a mentoring early, with a reason.")
    async def end_mentoring_early(
        self, info: Resolving, input: EndMentoringEarlyInput
    ) -> MentoringRecorded:
        return MentoringRecorded.of(await _run(info, "end_mentoring_early", input))

    @mutation("The employee (or HR for them) submits external learning with evidence.")
    async def submit_external_learning(
        self, info: Resolving, input: SubmitExternalLearningInput
    ) -> ExternalLearningRecorded:
        return ExternalLearningRecorded.of(await _run(info, "submit_external_learning", input))

    @mutation("HR recognises external learning with the JP it grants.")
    async def recognise_external_learning(
        self, info: Resolving, input: RecogniseExternalLearningInput
    ) -> ExternalLearningRecorded:
        return ExternalLearningRecorded.of(await _run(info, "recognise_external_learning", input))

    @mutation("HR refuses external learning, with a reason.")
    async def refuse_external_learning(
        self, info: Resolving, input: RefuseExternalLearningInput
    ) -> ExternalLearningRecorded:
        return ExternalLearningRecorded.of(await _run(info, "refuse_external_learning", input))
