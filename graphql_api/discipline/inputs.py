"""Inputs and payloads of the absence mutations, and what an imposition says it saw."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.discipline import AbsenceBasis
from domain.discipline import SanctionKind as DomainSanctionKind
from graphql_api.enums import SanctionKind
from graphql_api.payloads import Recorded

REASON = "Why: recorded with the event."


@strawberry.input(description="A working day absent without a valid reason (PP 94/2021 Pasal 11).")
class RecordAbsenceInput:
    nip: str
    day: date
    reason: str | None = strawberry.field(default=None, description=REASON)


@strawberry.input(description="A recorded day later shown to have had a valid reason.")
class CorrectAbsenceInput:
    nip: str
    day: date
    evidence_ref: str = strawberry.field(description="Where the evidence is: a letter's number.")
    reason: str = strawberry.field(description="The valid reason found (required).")


@strawberry.input(
    description="The absences a hukuman answers, as the decider saw them in proposedSanction: "
    "refused with CONFLICT if the count or the proposal has changed since."
)
class AbsencesSeenInput:
    year: int
    days_absent: int
    longest_run: int = 0
    proposed_kind: SanctionKind | None = None

    def basis(self) -> AbsenceBasis:
        proposed = DomainSanctionKind(self.proposed_kind) if self.proposed_kind else None
        return AbsenceBasis(self.year, self.days_absent, self.longest_run, proposed)


@strawberry.type(description="An absence command was recorded (position 0: nothing new).")
class AbsencePayload(Recorded):
    nip: str
    day: date


@strawberry.type
class RecordAbsencePayload(AbsencePayload):
    pass


@strawberry.type
class CorrectAbsencePayload(AbsencePayload):
    pass
