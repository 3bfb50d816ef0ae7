"""Exports of an appraisal cycle: predikat distribution per unit, progress, outstanding actions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from domain.errors import N_, CycleNotFound
from domain.scoring import Predikat
from graphql_api.appraisal.summaries import AppraisalAction, AppraisalProgress, UnitAppraisalSummary
from graphql_api.exports.sheet import Export, Params, Reading, Row
from projections.appraisal_cycles import CycleRow, cycle_by_id
from projections.appraisal_summaries import (
    Row as RecordRow,
)
from projections.appraisal_summaries import (
    cycle_rows,
    outstanding_actions,
    progress_of,
    unit_summaries,
)
from projections.units import units_by_ids

PREDIKATS = tuple(p.value for p in Predikat)


async def _cycle(reading: Reading, params: Params) -> tuple[CycleRow, list[RecordRow]]:
    """The caller tenant's cycle and its appraisal records, or CYCLE_NOT_FOUND."""
    cycle_id = params.cycle()
    cycle = await cycle_by_id(reading.pool, reading.tenant, cycle_id)
    if cycle is None:
        raise CycleNotFound(
            N_("No appraisal cycle {cycle_id} in {tenant}."),
            cycle_id=cycle_id,
            tenant=reading.tenant,
        )
    return cycle, await cycle_rows(reading.pool, cycle)


async def _unit_names(reading: Reading, ids: Sequence[UUID]) -> dict[UUID, str]:
    return {u.id: u.name for u in await units_by_ids(reading.pool, list(ids)) if u}


async def distribution_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """One row per enrolled unit: predikat counts, its band, in band or not, and why not."""
    cycle, records = await _cycle(reading, params)
    names = await _unit_names(reading, cycle.unit_ids)
    for summary in unit_summaries(cycle, records):
        unit_id, s = summary.unit_id, UnitAppraisalSummary.of(summary)
        counts = {c.predikat.value: c.count for c in s.counts}
        failures = "; ".join(f"{f.condition} ({f.count}/{f.total})" for f in s.failures)
        yield [
            str(unit_id), names.get(unit_id), s.org_rating.value if s.org_rating else None,
            *(counts.get(p, 0) for p in PREDIKATS), s.total, s.in_band, failures or None,
        ]  # fmt: skip


def _progress(p: AppraisalProgress) -> list[int]:
    return [p.enrolled, p.skp_approved, p.assessed, p.finalised, p.objections_open]


async def progress_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """The whole cycle first (scope `tenant`), then one row per enrolled unit."""
    cycle, records = await _cycle(reading, params)
    names = await _unit_names(reading, cycle.unit_ids)
    yield ["tenant", None, None, *_progress(AppraisalProgress.of(progress_of(cycle, records)))]
    for summary in unit_summaries(cycle, records):
        unit_id, s = summary.unit_id, UnitAppraisalSummary.of(summary)
        yield ["unit", str(unit_id), names.get(unit_id), *_progress(s.progress)]


async def action_rows(reading: Reading, params: Params) -> AsyncIterator[Row]:
    """Every outstanding action: who must act (empty: HR must set someone), what, for whom."""
    _, records = await _cycle(reading, params)
    for action in outstanding_actions(records):
        a = AppraisalAction.of(action)
        yield [a.actor, a.action, a.nip]


PREDIKAT_DISTRIBUTION = Export(
    name="predikat-distribution",
    root="appraisalCycleSummary",
    fields=(
        "AppraisalCycleSummary.units",
        "UnitAppraisalSummary.unitId",
        "UnitAppraisalSummary.orgRating",
        "UnitAppraisalSummary.counts",
        "PredikatCount.predikat",
        "PredikatCount.count",
        "UnitAppraisalSummary.total",
        "UnitAppraisalSummary.inBand",
        "UnitAppraisalSummary.failures",
        "BandFailure.condition",
        "BandFailure.count",
        "BandFailure.total",
    ),
    columns=(
        "unit_id",
        "unit_name",
        "org_rating",
        *(p.lower() for p in PREDIKATS),
        "total",
        "in_band",
        "band_failures",
    ),
    rows=distribution_rows,
)

_PROGRESS_FIELDS = tuple(
    f"AppraisalProgress.{f}"
    for f in ("enrolled", "skpApproved", "assessed", "finalised", "objectionsOpen")
)
APPRAISAL_PROGRESS = Export(
    name="appraisal-progress",
    root="appraisalCycleSummary",
    fields=(
        "AppraisalCycleSummary.progress",
        "AppraisalCycleSummary.units",
        "UnitAppraisalSummary.unitId",
        "UnitAppraisalSummary.progress",
        *_PROGRESS_FIELDS,
    ),
    columns=(
        "scope",
        "unit_id",
        "unit_name",
        "enrolled",
        "skp_approved",
        "assessed",
        "finalised",
        "objections_open",
    ),
    rows=progress_rows,
)

APPRAISAL_ACTIONS = Export(
    name="appraisal-actions",
    root="appraisalCycleSummary",
    fields=(
        "AppraisalCycleSummary.outstanding",
        "AppraisalAction.actor",
        "AppraisalAction.action",
        "AppraisalAction.nip",
    ),
    columns=("actor_nip", "action", "nip"),
    rows=action_rows,
)
