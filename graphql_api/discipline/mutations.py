"""Mutations on absence: record a day, correct it (the hukuman is imposeSanction's)."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.discipline import inputs as i
from graphql_api.fields import mutation


@strawberry.type
class DisciplineMutations:
    @mutation(
        "Record a working day absent without a valid reason; a day already recorded is kept "
        "once (position 0)."
    )
    async def record_absence(
        self, info: Info[Context, None], input: i.RecordAbsenceInput
    ) -> i.RecordAbsencePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.record_absence,
            nip=input.nip,
            day=input.day,
            reason=input.reason,
        )
        return i.RecordAbsencePayload(
            nip=input.nip, day=input.day, version=outcome.version, position=outcome.position
        )

    @mutation("Correct a recorded absence later shown to have had a valid reason.")
    async def correct_absence(
        self, info: Info[Context, None], input: i.CorrectAbsenceInput
    ) -> i.CorrectAbsencePayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.personnel.excuse_absence,
            nip=input.nip,
            day=input.day,
            evidence_ref=input.evidence_ref,
            reason=input.reason,
        )
        return i.CorrectAbsencePayload(
            nip=input.nip, day=input.day, version=outcome.version, position=outcome.position
        )
