"""GraphQL types of the training reports: 20 JP compliance, competency gaps, recommendations."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from uuid import UUID

import strawberry

from domain.competency import Offer
from graphql_api.ids import to_id
from graphql_api.training.enums import CompetencyKind, JPStatus
from projections.competencies import CompetencyRow, RequirementRow
from projections.training_reports import Compliance, Recommendation, UnitGaps


@strawberry.type(description="A programme open for enrolment.")
class ProgrammeOffer:
    id: strawberry.ID
    title: str
    competency_codes: list[str]

    @classmethod
    def of(cls, offer: Offer) -> ProgrammeOffer:
        return cls(
            id=to_id(offer.programme_id), title=offer.title,
            competency_codes=sorted(offer.competency_codes),
        )  # fmt: skip


@strawberry.type(description="One employee's JP of the year and their 20 JP status.")
class EmployeeJPStatus:
    nip: str
    name: str
    unit_id: strawberry.ID
    earned: int
    status: JPStatus


@strawberry.type(description="Employees per band of JP earned.")
class JPBand:
    band: str
    employees: int


@strawberry.type(description="The 20 JP rule across a unit (with sub-units) or the tenant.")
class TrainingCompliance:
    year: int
    status_basis: date = strawberry.field(description="The date statuses are judged on.")
    employee_count: int = strawberry.field(description="Employees in service in the scope.")
    met: int
    on_track: int
    at_risk: int
    compliance_rate: float | None = strawberry.field(description="Share that met 20 JP.")
    distribution: list[JPBand]
    employees_at_risk: list[EmployeeJPStatus]
    programme_fill_rate: float | None = strawberry.field(
        description="Places taken over capacity in the year's programmes (for a unit: those "
        "its employees entered); cancelled programmes excluded."
    )
    programme_completion_rate: float | None = strawberry.field(
        description="Of the scope's employees holding a place in those programmes, the share "
        "that passed."
    )

    @classmethod
    def of(cls, c: Compliance) -> TrainingCompliance:
        at_risk = [e for e in c.employees if e.status is JPStatus.AT_RISK]
        return cls(
            year=c.year, status_basis=c.basis, employee_count=len(c.employees),
            met=c.count(JPStatus.MET), on_track=c.count(JPStatus.ON_TRACK),
            at_risk=len(at_risk), compliance_rate=c.compliance_rate,
            distribution=[JPBand(band=b, employees=n) for b, n in c.distribution()],
            employees_at_risk=[
                EmployeeJPStatus(nip=e.nip, name=e.name, unit_id=to_id(e.unit_id),
                                 earned=e.earned, status=e.status)
                for e in at_risk
            ],
            programme_fill_rate=c.fill_rate, programme_completion_rate=c.completion_rate,
        )  # fmt: skip


@strawberry.type(description="A competency the scope's jabatan require, not yet developed by some.")
class CompetencyGap:
    competency_code: str
    competency_name: str | None
    employees_missing: int
    nips: list[str]
    programmes: list[ProgrammeOffer] = strawberry.field(
        description="Open programmes that develop it, best first; empty if none."
    )

    @classmethod
    def all_of(cls, report: UnitGaps) -> list[CompetencyGap]:
        by_code: dict[str, list[str]] = defaultdict(list)
        closing: dict[str, tuple[UUID, ...]] = {}
        for gap in report.gaps:
            by_code[gap.competency_code].append(report.nips[gap.employee_id])
            closing[gap.competency_code] = gap.programme_ids
        return [
            cls(
                competency_code=code, competency_name=report.names.get(code),
                employees_missing=len(nips), nips=sorted(nips),
                programmes=[ProgrammeOffer.of(report.offers[p]) for p in closing[code]],
            )
            for code, nips in sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]  # fmt: skip


@strawberry.type(
    description="Programmes for the competencies tied to a predikat below Baik, or, for a "
    "Sangat Baik, for the competencies a top performer develops next."
)
class TrainingRecommendation:
    nip: str
    year: int | None = strawberry.field(description="Of the latest annual predikat.")
    predikat: str | None
    weak_competencies: list[str]
    development_competencies: list[str] = strawberry.field(
        description="For a Sangat Baik: their jabatan's competencies, else the managerial ones."
    )
    programmes: list[ProgrammeOffer]

    @classmethod
    def of(cls, nip: str, r: Recommendation) -> TrainingRecommendation:
        return cls(
            nip=nip, year=r.year, predikat=r.predikat, weak_competencies=r.weak_competencies,
            development_competencies=r.development_competencies,
            programmes=[ProgrammeOffer.of(o) for o in r.programmes],
        )  # fmt: skip


@strawberry.type(description="A competency of the tenant's catalogue.")
class Competency:
    code: str
    name: str
    kind: CompetencyKind
    position: int

    @classmethod
    def from_row(cls, r: CompetencyRow) -> Competency:
        return cls(code=r.code, name=r.name, kind=CompetencyKind(r.kind), position=r.position)


@strawberry.type(description="The competencies HR set for a jabatan.")
class JabatanRequirement:
    jabatan_title: str
    competency_codes: list[str]
    position: int

    @classmethod
    def from_row(cls, r: RequirementRow) -> JabatanRequirement:
        return cls(
            jabatan_title=r.jabatan_title, competency_codes=r.competency_codes,
            position=r.position,
        )  # fmt: skip


@strawberry.type(description="The tenant's kamus kompetensi and jabatan requirements.")
class CompetencyCatalogue:
    competencies: list[Competency]
    jabatan_requirements: list[JabatanRequirement]
