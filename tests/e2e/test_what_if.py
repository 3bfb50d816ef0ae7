"""What-if scoring over a generated region's finalised cycle, through GraphQL and the CLI."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from scripts.appraisal_whatif_cli import run
from services.appraisal import AppraisalApplication
from services.database import Database
from services.runtime import build_application
from tests.e2e.conftest import AUDITOR, HR, TENANT, Api
from tests.e2e.generated import generated_palangkaraya
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

TODAY = date(2026, 12, 5)  # 2025 is the last finished year
CYCLES = """{ appraisalCycles { id year finalisedOn rulesVersion } }"""
ACCESS_LOG = """query($nip: String!) { accessLog(nip: $nip) { viewerRole fields } }"""
POLICY = """query($on: Date!) { policyValues(kind: "scoring", on: $on) { label values } }"""
WHAT_IF = """query($cycleId: ID!, $policy: JSON!) {
  whatIfScoring(cycleId: $cycleId, policy: $policy) {
  recordedPolicy draftPolicy tenantRecorded { predikat count } tenantDraft { predikat count }
  units { unitId recorded { inBand total } draft { inBand total } }
  changes { nip recorded draft matrixCell rule } } }"""


@pytest.fixture
def generated(database: Database) -> int:
    """Palangka Raya generated up to TODAY (before the api registers its tenants); the head."""
    return generated_palangkaraya(database, 150, 7, TODAY)


@pytest.fixture
def region(generated: int, api: Api) -> Api:
    api.last_position = generated  # every query waits for the read models to reach the head
    return api


async def finished_cycle(region: Api) -> tuple[str, dict[str, Any]]:
    """The 2025 cycle's id and the scoring policy it recorded (from the policy register)."""
    cycles = (await region.read(CYCLES, headers=AUDITOR))["data"]["appraisalCycles"]
    [finished] = [c for c in cycles if c["finalisedOn"]]
    recorded = (await region.read(POLICY, {"on": "2025-01-01"}, AUDITOR))["data"]["policyValues"]
    assert finished["rulesVersion"] == recorded["label"]
    return finished["id"], recorded["values"]


async def test_what_if_under_the_recorded_policy_changes_nothing(region: Api) -> None:
    cycle_id, recorded = await finished_cycle(region)

    body = await region.read(WHAT_IF, {"cycleId": cycle_id, "policy": recorded}, AUDITOR)

    assert "errors" not in body, body
    report = body["data"]["whatIfScoring"]
    assert report["changes"] == []
    assert report["tenantDraft"] == report["tenantRecorded"]
    assert all(u["recorded"] == u["draft"] for u in report["units"])
    assert all(u["recorded"]["inBand"] for u in report["units"])


async def test_what_if_under_a_stricter_band_changes_the_distribution_s_verdict(
    region: Api,
) -> None:
    cycle_id, recorded = await finished_cycle(region)
    strict = json.loads(json.dumps(recorded))
    strict["bands"]["BAIK"] = [
        {"predikat": ["BAIK"], "max_percent": 50},
        {"predikat": ["BUTUH_PERBAIKAN", "KURANG"], "min_percent": 20},
    ]

    body = await region.read(WHAT_IF, {"cycleId": cycle_id, "policy": strict}, HR)

    assert "errors" not in body, body
    units = body["data"]["whatIfScoring"]["units"]
    assert any(u["recorded"]["inBand"] and not u["draft"]["inBand"] for u in units)


async def test_what_if_with_another_matrix_lists_every_changed_predikat_with_why(
    region: Api,
) -> None:
    cycle_id, recorded = await finished_cycle(region)
    draft = json.loads(json.dumps(recorded))
    draft["matrix"]["DI_ATAS"]["SESUAI"] = "SANGAT_BAIK"

    body = await region.read(WHAT_IF, {"cycleId": cycle_id, "policy": draft}, AUDITOR)

    report = body["data"]["whatIfScoring"]
    assert report["changes"]
    assert {(c["recorded"], c["draft"], c["matrixCell"]) for c in report["changes"]} == {
        ("BAIK", "SANGAT_BAIK", "DI_ATAS × SESUAI")
    }
    before, after = (
        {row["predikat"]: row["count"] for row in report[key]}
        for key in ("tenantRecorded", "tenantDraft")
    )
    assert after["SANGAT_BAIK"] - before["SANGAT_BAIK"] == len(report["changes"])
    # Each changed employee's ratings are their private record: the auditor's read is logged.
    nip = report["changes"][0]["nip"]
    logged = await region.read(ACCESS_LOG, {"nip": nip}, AUDITOR)
    fields = {f for row in logged["data"]["accessLog"] for f in row["fields"]}
    assert {"WhatIfChange.recorded", "WhatIfChange.draft"} <= fields


async def test_an_employee_may_not_run_a_what_if(region: Api) -> None:
    cycle_id, recorded = await finished_cycle(region)
    employee = bearer("199001012019032004", "employee", TENANT, nip="199001012019032004")

    body = await region.read(WHAT_IF, {"cycleId": cycle_id, "policy": recorded}, employee)

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_cli_what_if_prints_the_same_answer_as_json(
    region: Api, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    cycle_id, recorded = await finished_cycle(region)
    application = build_application(AppraisalApplication, database)
    try:
        code = run(application, UUID(cycle_id), recorded, "draft")
    finally:
        application.close()

    printed = json.loads(capsys.readouterr().out)
    assert code == 0
    assert printed["changes"] == []
    assert printed["tenant_draft"] == printed["tenant_recorded"]
