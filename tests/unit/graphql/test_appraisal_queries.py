"""Reading appraisals through the schema: who may read one, and who sees feedback givers.

The rows come from the real projection folded over a cycle run on the in-memory application
(see tests/unit/projections/test_appraisal_records.py); the read-model queries are replaced.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import pytest

from projections.appraisal_cycles import CycleRow
from projections.appraisal_records import AppraisalRecordsProjection
from projections.base import Envelope
from tests.unit.appraisal.conftest import KASI, PEER, SEKSI, STAFF, TENANT
from tests.unit.graphql.conftest import (
    FakeRuntime,
    codes,
    employee_row,
    execute,
    make_context,
    patch_guard,
    unit_row,
)
from tests.unit.graphql.test_appraisal_cycle import asn
from tests.unit.projections.test_appraisal_records import logged  # noqa: F401 - a fixture

FEEDBACK = """query($cycleId: ID!, $nip: String!) { appraisal(cycleId: $cycleId, nip: $nip) {
  nip feedback { source giver } } }"""


@pytest.fixture
def read_side(
    logged: tuple[UUID, list[Envelope]],  # noqa: F811
    runtime: FakeRuntime,
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    """The cycle's rows behind the appraisal queries; returns the cycle id."""
    cycle_id, envelopes = logged
    rows = AppraisalRecordsProjection().fold({}, envelopes).values()
    cycle = CycleRow(
        cycle_id, TENANT, 2025, "QUARTERLY", [SEKSI], {}, {}, date(2025, 12, 28), None, 3, 1
    )

    async def cycles_by_ids(_: Any, ids: list[UUID]) -> list[CycleRow | None]:
        return [cycle if i == cycle_id else None for i in ids]

    async def appraisal_of(_: Any, wanted: UUID, nip: str) -> dict[str, Any] | None:
        return next((r for r in rows if (r["cycle_id"], r["nip"]) == (wanted, nip)), None)

    monkeypatch.setattr("graphql_api.appraisal.loaders.cycles_by_ids", cycles_by_ids)
    monkeypatch.setattr("graphql_api.appraisal.queries.appraisal_of", appraisal_of)
    people = [
        employee_row(r["nip"], unit_row("SEKSI"), unit_id=r["unit_id"], tenant=r["tenant"])
        for r in rows
    ]
    parties = {r["nip"]: frozenset({r["appraiser"], r["superior"]}) - {None} for r in rows}
    patch_guard(monkeypatch, people, parties)
    return str(cycle_id)


async def test_the_employee_sees_feedback_by_source_kind_without_its_giver(
    runtime: FakeRuntime, read_side: str
) -> None:
    result = await execute(asn(runtime, STAFF), FEEDBACK, {"cycleId": read_side, "nip": STAFF})
    assert result.errors is None
    feedback = result.data["appraisal"]["feedback"]
    assert feedback == [{"source": "PEER", "giver": None}, {"source": "MASYARAKAT", "giver": None}]


async def test_an_auditor_sees_who_gave_the_feedback(runtime: FakeRuntime, read_side: str) -> None:
    result = await execute(
        make_context(runtime, "auditor"), FEEDBACK, {"cycleId": read_side, "nip": STAFF}
    )
    assert result.data["appraisal"]["feedback"][0] == {"source": "PEER", "giver": PEER}


async def test_the_appraiser_reads_the_appraisal_but_not_who_gave_feedback(
    runtime: FakeRuntime, read_side: str
) -> None:
    result = await execute(asn(runtime, KASI), FEEDBACK, {"cycleId": read_side, "nip": STAFF})
    assert {f["giver"] for f in result.data["appraisal"]["feedback"]} == {None}


async def test_a_colleague_may_not_read_another_employees_appraisal(
    runtime: FakeRuntime, read_side: str
) -> None:
    result = await execute(asn(runtime, PEER), FEEDBACK, {"cycleId": read_side, "nip": STAFF})
    assert codes(result) == ["FORBIDDEN"]  # the policy's refusal (access/policy/)


async def test_a_cycle_of_another_tenant_is_not_found(runtime: FakeRuntime, read_side: str) -> None:
    context = make_context(runtime, tenant="pemkab-kemuning")
    result = await execute(context, FEEDBACK, {"cycleId": read_side, "nip": STAFF})
    assert codes(result) == ["CYCLE_NOT_FOUND"]
