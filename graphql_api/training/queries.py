"""Queries on competency development: programmes, an employee's JP year, reports."""

from __future__ import annotations

import strawberry
from strawberry import Info

from domain.dates import check_year
from domain.learning import jp_by_competency, jp_by_form, jp_earned, jp_status
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id, to_id
from graphql_api.paging import (
    COMPETENCY_GAPS,
    EXTERNAL_LEARNING,
    TRAINING_PROGRAMMES,
    check_first,
    description,
    page_after,
)
from graphql_api.time_travel.types import AsOfInput, TimePoint, resolve_point
from graphql_api.training.reports import (
    Competency,
    CompetencyCatalogue,
    CompetencyGap,
    JabatanRequirement,
    TrainingCompliance,
    TrainingRecommendation,
)
from graphql_api.training.types import (
    ExternalLearningSubmission,
    JPAmount,
    JPCredit,
    Mentoring,
    TrainingProgramme,
    TrainingYear,
)
from projections.competencies import catalogue, jabatan_requirements
from projections.employees import EmployeeRow, employee_by_nip
from projections.external_learning import submissions
from projections.history import credits_as_of
from projections.jp_ledger import credits_of
from projections.mentorings import mentorings_by_ids
from projections.training_programmes import programmes
from projections.training_reports import compliance, recommendations, status_basis, unit_gaps
from services.personnel import normalize_nip


async def _employee(info: Info[Context, None], nip: str) -> EmployeeRow | None:
    row = await employee_by_nip(info.context.pool, normalize_nip(nip))
    return row if row and row.tenant == info.context.caller.tenant else None


@strawberry.type
class TrainingQueries:
    @resolver(
        description(
            "The caller tenant's training programmes (of one status: OPEN, FINISHED, "
            "CANCELLED), by first session and title.",
            TRAINING_PROGRAMMES,
            "the id of the last programme seen",
        )
    )
    async def training_programmes(
        self,
        info: Info[Context, None],
        status: str | None = None,
        first: int = TRAINING_PROGRAMMES.default,
        after: strawberry.ID | None = None,
    ) -> list[TrainingProgramme]:
        check_first(first, TRAINING_PROGRAMMES)
        rows = await programmes(info.context.pool, info.context.caller.tenant, status)
        after_id = parse_id(after, "after") if after is not None else None
        page = page_after(rows, first, TRAINING_PROGRAMMES, lambda r: r.id, after_id)
        return [TrainingProgramme.from_row(r) for r in page]

    @resolver("One training programme by id.")
    async def training_programme(
        self, info: Info[Context, None], id: strawberry.ID
    ) -> TrainingProgramme | None:
        row = await info.context.loaders.training_programmes.load(parse_id(id, "id"))
        tenant = info.context.caller.tenant
        return TrainingProgramme.from_row(row) if row and row.tenant == tenant else None

    @resolver(
        "An employee's JP of a calendar year (counted by completion date), by form and "
        "competency, each traced to its event, and the 20 JP status with its date basis. With "
        "`asOf`, from the credits known then and completed by its `validOn`, judged on that date."
    )
    async def training_year(
        self, info: Info[Context, None], nip: str, year: int, as_of: AsOfInput | None = None
    ) -> TrainingYear | None:
        check_year(year)
        employee = await _employee(info, nip)
        if employee is None:
            return None
        [rows] = await credits_of(info.context.pool, [employee.id], year)
        today, point = info.context.runtime.training.clock().date(), None
        if as_of is not None:
            point = await resolve_point(info.context, None, as_of)  # credits: other aggregates
            rows, today = credits_as_of(rows, point), point.valid_on
        credits = [r.credit() for r in rows]
        earned = jp_earned(credits, employee.id, year)
        basis = status_basis(year, today)
        return TrainingYear(
            nip=employee.nip, year=year, earned=earned, status=jp_status(earned, basis),
            status_basis=basis, employee_id=to_id(employee.id),
            by_form=_amounts(jp_by_form(credits, employee.id, year)),
            by_competency=_amounts(jp_by_competency(credits, employee.id, year)),
            credits=[JPCredit.from_row(r) for r in rows],
            as_of=TimePoint.from_row(point) if point else None,
        )  # fmt: skip

    @resolver(
        "The 20 JP compliance of a unit kerja (with its sub-units by default) or, without "
        "unitId, of the whole tenant: rates, JP distribution, who is at risk, programme figures."
    )
    async def training_compliance(
        self, info: Info[Context, None], year: int, unit_id: strawberry.ID | None = None,
        include_subunits: bool = True,
    ) -> TrainingCompliance:  # fmt: skip
        report = await compliance(
            info.context.pool, info.context.caller.tenant,
            parse_id(unit_id, "unitId") if unit_id is not None else None, check_year(year),
            info.context.runtime.training.clock().date(), include_subunits,
        )  # fmt: skip
        return TrainingCompliance.of(report)

    @resolver(
        description(
            "Competencies the jabatan in a unit (with sub-units; the tenant without unitId) "
            "require that employees have not developed, with the open programmes closing "
            "each gap.",
            COMPETENCY_GAPS,
        )
    )
    async def competency_gaps(
        self, info: Info[Context, None], unit_id: strawberry.ID | None = None,
        include_subunits: bool = True, first: int = COMPETENCY_GAPS.default,
    ) -> list[CompetencyGap]:  # fmt: skip
        check_first(first, COMPETENCY_GAPS)
        report = await unit_gaps(
            info.context.pool, info.context.caller.tenant,
            parse_id(unit_id, "unitId") if unit_id is not None else None, include_subunits,
        )  # fmt: skip
        return CompetencyGap.all_of(report)[:first]

    @resolver(
        "For an employee whose latest annual predikat is below Baik, open programmes for the "
        "competencies tied to the weak results; none otherwise."
    )
    async def training_recommendations(
        self, info: Info[Context, None], nip: str
    ) -> TrainingRecommendation | None:
        employee = await _employee(info, nip)
        if employee is None:
            return None
        found = await recommendations(
            info.context.pool, employee.tenant, employee.id, employee.jabatan_title
        )
        return TrainingRecommendation.of(employee.nip, found)

    @resolver("The caller tenant's competency catalogue and jabatan requirements.")
    async def competency_catalogue(self, info: Info[Context, None]) -> CompetencyCatalogue:
        tenant, pool = info.context.caller.tenant, info.context.pool
        return CompetencyCatalogue(
            competencies=[Competency.from_row(c) for c in await catalogue(pool, tenant)],
            jabatan_requirements=[
                JabatanRequirement.from_row(r) for r in await jabatan_requirements(pool, tenant)
            ],
        )

    @resolver(
        description(
            "External learning submitted in the tenant (SUBMITTED ones await HR), in the "
            "order submitted.",
            EXTERNAL_LEARNING,
            "the submittedPosition of the last one seen",
        )
    )
    async def external_learning_submissions(
        self,
        info: Info[Context, None],
        decision: str | None = None,
        first: int = EXTERNAL_LEARNING.default,
        after: int | None = None,
    ) -> list[ExternalLearningSubmission]:
        check_first(first, EXTERNAL_LEARNING)
        rows = await submissions(info.context.pool, info.context.caller.tenant, decision)
        page = page_after(rows, first, EXTERNAL_LEARNING, lambda r: r.submitted_position, after)
        return [ExternalLearningSubmission.from_row(r) for r in page]

    @resolver("One mentoring by id, with its meetings.")
    async def mentoring(self, info: Info[Context, None], id: strawberry.ID) -> Mentoring | None:
        [row] = await mentorings_by_ids(info.context.pool, [parse_id(id, "id")])
        tenant = info.context.caller.tenant
        return Mentoring.from_row(row) if row and row.tenant == tenant else None


def _amounts(totals: dict[str, int]) -> list[JPAmount]:
    return [JPAmount(key=k, jp=v) for k, v in sorted(totals.items())]
