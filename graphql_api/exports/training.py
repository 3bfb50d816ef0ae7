"""Exports of competency development: 20 JP compliance with those at risk, competency gaps."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql_api.exports.sheet import Export, Params, Reading, Row
from graphql_api.ids import parse_id
from graphql_api.training.reports import CompetencyGap, TrainingCompliance
from projections.training_reports import compliance, unit_gaps
from projections.units import units_by_ids


async def at_risk_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """The employees at risk of missing 20 JP in the year (unit with sub-units, or tenant)."""
    unit, year, subunits = params.unit(required=False), params.year(), params.subunits()
    report = TrainingCompliance.of(
        await compliance(reading.pool, reading.tenant, unit, year, reading.today, subunits)
    )
    ids = list(dict.fromkeys(e.unit_id for e in report.employees_at_risk))
    found = await units_by_ids(reading.pool, [parse_id(i, "unitId") for i in ids])
    names = {str(u.id): u.name for u in found if u}
    for e in report.employees_at_risk:
        yield [
            e.nip, e.name, e.unit_id, names.get(e.unit_id), e.earned, e.status.value,
            report.year, report.status_basis,
        ]  # fmt: skip


async def gap_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """Each competency the scope's jabatan require and some have not developed, most first."""
    unit, subunits = params.unit(required=False), params.subunits()
    report = await unit_gaps(reading.pool, reading.tenant, unit, subunits)
    for gap in CompetencyGap.all_of(report):
        programmes = "; ".join(p.title for p in gap.programmes)
        yield [gap.competency_code, gap.competency_name, gap.employees_missing, programmes or None]


JP_COMPLIANCE = Export(
    name="jp-compliance",
    root="trainingCompliance",
    fields=(
        "TrainingCompliance.year",
        "TrainingCompliance.statusBasis",
        "TrainingCompliance.employeesAtRisk",
        "EmployeeJPStatus.nip",
        "EmployeeJPStatus.name",
        "EmployeeJPStatus.unitId",
        "EmployeeJPStatus.earned",
        "EmployeeJPStatus.status",
    ),
    columns=("nip", "name", "unit_id", "unit_name", "jp_earned", "status", "year", "status_basis"),
    rows=at_risk_rows,
)

COMPETENCY_GAPS = Export(
    name="competency-gaps",
    root="competencyGaps",
    fields=(
        "CompetencyGap.competencyCode",
        "CompetencyGap.competencyName",
        "CompetencyGap.employeesMissing",
        "CompetencyGap.programmes",
        "ProgrammeOffer.title",
    ),
    columns=("competency_code", "competency_name", "employees_missing", "open_programmes"),
    rows=gap_rows,
)
