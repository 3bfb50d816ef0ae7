"""SIASN Kinerja Periodik for a generated region's finalised cycle, and the IKM of its units."""

from __future__ import annotations

import json
from datetime import date

import pytest

from domain.scoring import Predikat, Rating, predikat_for
from services.database import Database
from tests.e2e.conftest import HR, Api
from tests.e2e.generated import generated_palangkaraya
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

TODAY = date(2026, 8, 5)  # 2025 finalised; 2026 under way
CYCLES = "{ appraisalCycles { id year finalisedOn } }"
ALL_IKM = """query($period: String!) { unitSatisfactions(period: $period) {
  unitId respondents index mutu elements { nrr } } }"""
REPORTING = bearer("laporan-1", "reporting", "pemkot-palangkaraya")
CODES = {1: Rating.DI_ATAS, 2: Rating.SESUAI, 3: Rating.DI_BAWAH}


@pytest.fixture
def generated(database: Database) -> int:
    """Palangka Raya with 2025 finalised and 2026 under way; the log's head."""
    return generated_palangkaraya(database, 60, 11, TODAY)


@pytest.fixture
def region(generated: int, api: Api) -> Api:
    api.last_position = generated  # every read waits for the read models to reach the head
    return api


async def cycle_ids(api: Api) -> dict[int, str]:
    body = await api.read(CYCLES)
    return {c["year"]: c["id"] for c in body["data"]["appraisalCycles"]}


async def test_a_finalised_cycle_exports_one_siasn_body_per_predikat(region: Api) -> None:
    cycles = await cycle_ids(region)
    response = await region.client.get(
        f"/exports/siasn-kinerja.json?cycle={cycles[2025]}",
        headers=HR | {"x-min-position": str(region.last_position)},
    )
    assert response.status_code == 200, response.text
    assert int(response.headers["x-jejak-position"]) >= region.last_position
    bodies = json.loads(response.text)
    assert len(bodies) > 30
    for body in bodies:
        hasil, perilaku = CODES[body["hasilKinerjaNilai"]], CODES[body["perilakuKerjaNilai"]]
        assert list(Predikat)[body["kuadranKinerjaNilai"] - 1] == predikat_for(hasil, perilaku)
        assert body["tahun"] == 2025
        assert len(body["nipBaru"]) == 18
        assert body["penilaiNipNrp"] is None or body["penilaiNama"]


async def test_jsonl_has_the_same_bodies_one_a_line(region: Api) -> None:
    cycles = await cycle_ids(region)
    consistent = {"x-min-position": str(region.last_position)}
    array = await region.client.get(
        f"/exports/siasn-kinerja.json?cycle={cycles[2025]}", headers=HR | consistent
    )
    lines = await region.client.get(
        f"/exports/siasn-kinerja.jsonl?cycle={cycles[2025]}", headers=HR | consistent
    )
    assert [json.loads(line) for line in lines.text.splitlines()] == json.loads(array.text)


async def test_a_cycle_not_yet_finalised_is_refused(region: Api) -> None:
    cycles = await cycle_ids(region)
    response = await region.client.get(
        f"/exports/siasn-kinerja.json?cycle={cycles[2026]}",
        headers=HR | {"x-min-position": str(region.last_position)},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "RULE_VIOLATION"


async def test_the_reporting_account_may_not_export_everyones_predikat(region: Api) -> None:
    cycles = await cycle_ids(region)
    response = await region.client.get(
        f"/exports/siasn-kinerja.json?cycle={cycles[2025]}", headers=REPORTING
    )
    assert response.status_code == 403


async def test_the_generated_service_units_have_an_ikm_for_each_semester(region: Api) -> None:
    body = await region.read(ALL_IKM, {"period": "2025-S1"}, REPORTING)
    assert "errors" not in body, body
    units = body["data"]["unitSatisfactions"]
    assert units
    for unit in units:
        assert 20 <= unit["respondents"] <= 60
        assert 25 <= unit["index"] <= 100
        assert unit["mutu"] in "ABCD"
        assert all(1 <= e["nrr"] <= 4 for e in unit["elements"])
