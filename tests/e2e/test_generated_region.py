"""The reporting queries answer for a generated region: compliance, gaps, cycles, recompute."""

from __future__ import annotations

from datetime import date

import pytest

from services.database import Database
from tests.e2e.conftest import AUDITOR, Api
from tests.e2e.generated import generated_palangkaraya

pytestmark = pytest.mark.e2e

EMPLOYEES = 150
TODAY = date(2026, 12, 5)  # 2025 is the last finished year; the 2026 cycle is under way

COMPLIANCE = """query($year: Int!) { trainingCompliance(year: $year) {
  statusBasis employeeCount met onTrack atRisk complianceRate programmeFillRate
  employeesAtRisk { nip } } }"""
GAPS = """{ competencyGaps { competencyCode employeesMissing nips programmes { title } } }"""
CYCLES = """{ appraisalCycles { id year enrolled finalisedOn rulesVersion } }"""
RECOMPUTE = """query($cycleId: ID!) { recomputeCycle(cycleId: $cycleId) {
  finalised checked differences { nip } } }"""


@pytest.fixture
def generated(database: Database) -> int:
    """Palangka Raya with last year's and this year's appraisal and training; the log's head."""
    return generated_palangkaraya(database, EMPLOYEES, 7, TODAY)


@pytest.fixture
def region(generated: int, api: Api) -> Api:
    api.last_position = generated  # every query waits for the read models to reach the head
    return api


async def test_the_20_jp_compliance_of_a_generated_region_counts_every_employee_once(
    region: Api,
) -> None:
    body = await region.read(COMPLIANCE, {"year": 2025})
    assert "errors" not in body, body
    report = body["data"]["trainingCompliance"]
    assert report["statusBasis"] == "2025-12-31"  # a past year is judged on its last day
    assert report["employeeCount"] > 100
    assert report["met"] + report["onTrack"] + report["atRisk"] == report["employeeCount"]
    assert 0.5 < report["complianceRate"] < 1.0
    assert len(report["employeesAtRisk"]) == report["atRisk"]
    assert report["programmeFillRate"] is not None


async def test_the_competency_gaps_of_a_generated_region_name_who_misses_each(
    region: Api,
) -> None:
    body = await region.read(GAPS)
    assert "errors" not in body, body
    gaps = body["data"]["competencyGaps"]
    assert gaps
    assert all(gap["employeesMissing"] == len(gap["nips"]) > 0 for gap in gaps)


async def test_every_generated_predikat_recomputes_to_what_was_recorded(region: Api) -> None:
    body = await region.read(CYCLES)
    assert "errors" not in body, body
    cycles = body["data"]["appraisalCycles"]
    assert sorted(cycle["year"] for cycle in cycles) == [2025, 2026]
    assert {c["year"]: c["finalisedOn"] for c in cycles} == {2025: "2026-01-15", 2026: None}
    for cycle in cycles:
        checked = await region.read(RECOMPUTE, {"cycleId": cycle["id"]}, AUDITOR)
        assert "errors" not in checked, checked
        report = checked["data"]["recomputeCycle"]
        assert cycle["enrolled"] > 0
        # Every employee has an annual predikat once final; so far this year, checkpoint ones.
        assert report["checked"] >= (cycle["enrolled"] if cycle["finalisedOn"] else 1)
        assert report["differences"] == []


EVENTS = """query($nip: String!) { employeeEvents(nip: $nip, first: 1000) {
  position aggregate aggregateId type } }"""


async def test_an_employee_history_holds_their_appraisal_and_training_events(region: Api) -> None:
    body = await region.read(COMPLIANCE, {"year": 2025})
    nip = body["data"]["trainingCompliance"]["employeesAtRisk"][0]["nip"]
    history = await region.read(EVENTS, {"nip": nip}, AUDITOR)
    assert "errors" not in history, history
    events = history["data"]["employeeEvents"]
    assert {"Employee", "EmployeeAppraisal"} <= {event["aggregate"] for event in events}
    positions = [event["position"] for event in events]
    assert positions == sorted(positions)
