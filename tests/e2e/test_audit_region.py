"""The audit queries and their export answer for a generated region."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest

from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from tests.e2e.conftest import AUDITOR, Api
from tests.e2e.generated import generated_palangkaraya

pytestmark = pytest.mark.e2e

TODAY = date(2026, 12, 5)  # 2025's cycle is finalised; 2026's under way
PROMOTIONS = """query($after: Int) { auditEvents(
    filter: {role: "hr_officer", type: "Employee.Promoted"}, after: $after, first: 200) {
  position type tenant actorRole reason payload } }"""
CYCLES = """{ appraisalCycles { id year enrolled finalisedOn } }"""
STATS = """query($cycleId: ID!) { appraiserStats(cycleId: $cycleId, first: 100) {
  appraiser appraisals calibratedUp calibratedDown calibratedLevel objectionsUpheld
  predikat { predikat given share unitShare tenantShare } } }"""


@pytest.fixture
def generated(database: Database) -> int:
    """Palangka Raya, 120 employees with careers, appraisals and training; the log's head."""
    return generated_palangkaraya(database, 120, 7, TODAY)


@pytest.fixture
def region(generated: int, api: Api) -> Api:
    api.last_position = generated  # every query waits for the read models to reach the head
    return api


async def every_promotion(region: Api) -> list[dict[str, Any]]:
    """Every page of the promotions HR recorded, joined."""
    found: list[dict[str, Any]] = []
    after = None
    while True:
        body = await region.read(PROMOTIONS, {"after": after}, AUDITOR)
        assert "errors" not in body, body
        page = body["data"]["auditEvents"]
        found += page
        if len(page) < 200:
            return found
        after = page[-1]["position"]


async def test_the_promotions_hr_recorded_in_a_generated_region_are_found_in_log_order(
    region: Api,
) -> None:
    promotions = await every_promotion(region)
    assert len(promotions) > 10
    positions = [p["position"] for p in promotions]
    assert positions == sorted(positions)
    assert {(p["type"], p["tenant"], p["actorRole"]) for p in promotions} == {
        ("Promoted", PALANGKARAYA.tenant, "hr_officer")
    }
    assert all(isinstance(p["payload"], dict) and "to_golongan" in p["payload"] for p in promotions)


async def test_the_export_of_the_same_query_holds_the_same_events_stamped(region: Api) -> None:
    promotions = await every_promotion(region)
    response = await region.client.get(
        "/exports/audit-events.csv?role=hr_officer&type=Employee.Promoted",
        headers=AUDITOR | {"x-min-position": str(region.last_position)},
    )
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["position"]) for r in rows] == [p["position"] for p in promotions]
    assert {int(r["log_position"]) for r in rows} == {int(response.headers["x-jejak-position"])}
    assert all(r["recorded_at"].endswith("+00:00") for r in rows)


async def test_each_appraiser_of_the_finalised_cycle_is_set_against_the_tenant(
    region: Api,
) -> None:
    cycles = (await region.read(CYCLES, None, AUDITOR))["data"]["appraisalCycles"]
    [finalised] = [c for c in cycles if c["year"] == 2025]
    assert finalised["finalisedOn"] is not None
    body = await region.read(STATS, {"cycleId": finalised["id"]}, AUDITOR)
    assert "errors" not in body, body
    stats = body["data"]["appraiserStats"]
    assert len(stats) > 3
    given = sum(p["given"] for s in stats for p in s["predikat"])
    assert 0 < given <= finalised["enrolled"]
    tenant = {p["predikat"]: p["tenantShare"] for p in stats[0]["predikat"]}
    assert sum(tenant.values()) == pytest.approx(1.0)
    for s in stats:  # each appraiser's shares are of what they gave, beside the same tenant's
        assert {p["predikat"]: p["tenantShare"] for p in s["predikat"]} == tenant
        if sum(p["given"] for p in s["predikat"]):
            assert sum(p["share"] for p in s["predikat"]) == pytest.approx(1.0)
