"""GraphQL types of a year's absences and the hukuman Pasal 11 proposes for them."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.discipline import Sanction
from graphql_api.enums import DisciplineLevel, SanctionKind
from projections.absences import AbsenceDay, AbsenceDecision


@strawberry.type(description="A recorded day: absent, or excused later with its evidence.")
class AbsenceDayRecord:
    day: date
    position: int = strawberry.field(description="Global log position of the recording.")
    source: str = strawberry.field(description="HR or IMPORT.")
    excused: bool
    excuse_reason: str | None
    evidence_ref: str | None

    @classmethod
    def from_row(cls, row: AbsenceDay) -> AbsenceDayRecord:
        return cls(
            day=row.day, position=row.position, source=row.source, excused=row.excused,
            excuse_reason=row.excuse_reason, evidence_ref=row.evidence_ref,
        )  # fmt: skip


@strawberry.type(description="A hukuman imposed for the year's absences, on the count it saw.")
class AbsenceSanction:
    position: int
    imposed_kind: SanctionKind
    proposed_kind: SanctionKind | None
    days_absent: int
    longest_run: int
    effective_on: date
    departure_reason: str | None = strawberry.field(
        description="Why the hukuman differs from the proposal (null when it does not)."
    )

    @classmethod
    def from_row(cls, row: AbsenceDecision) -> AbsenceSanction:
        return cls(
            position=row.position, imposed_kind=SanctionKind(row.imposed_kind),
            proposed_kind=SanctionKind(row.proposed_kind) if row.proposed_kind else None,
            days_absent=row.days_absent, longest_run=row.longest_run,
            effective_on=row.effective_on, departure_reason=row.departure_reason,
        )  # fmt: skip


@strawberry.type(description="What PP 94/2021 Pasal 11 proposes for a year's absences.")
class ProposedSanction:
    year: int
    days_absent: int = strawberry.field(description="Working days absent, cumulative.")
    longest_run: int = strawberry.field(description="Most absent working days in a row.")
    level: DisciplineLevel | None
    kind: SanctionKind | None = strawberry.field(description="Null: fewer than 3 days.")
    duration_months: int | None
    decided: bool = strawberry.field(
        description="A hukuman was already imposed on this count; the next needs more days."
    )

    @classmethod
    def of(
        cls, year: int, days: int, run: int, sanction: Sanction | None, decided: bool
    ) -> ProposedSanction:
        return cls(
            year=year, days_absent=days, longest_run=run,
            level=DisciplineLevel(sanction.level) if sanction else None,
            kind=SanctionKind(sanction.kind) if sanction else None,
            duration_months=sanction.duration_months if sanction else None, decided=decided,
        )  # fmt: skip


@strawberry.type(description="One employee's days absent without a valid reason in a year.")
class AbsenceYear:
    nip: str
    year: int
    days_absent: int = strawberry.field(description="Working days absent (excused ones not).")
    longest_run: int
    current_run: int = strawberry.field(
        description="The run still open today (0 once the employee came back)."
    )
    days: list[AbsenceDayRecord]
    sanctions: list[AbsenceSanction]
    proposal: ProposedSanction
