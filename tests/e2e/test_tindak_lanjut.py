"""What follows a finalised cycle, over HTTP, on a generated region: angka kredit and TPP."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from domain.angka_kredit import annual_angka_kredit
from domain.jabatan import JenjangFungsional
from domain.scoring import Predikat
from domain.tindak_lanjut_tpp import EXAMPLE_FACTORS
from services.database import Database
from tests.e2e.conftest import Api
from tests.e2e.generated import generated_palangkaraya

pytestmark = pytest.mark.e2e

TODAY = date(2026, 8, 5)  # 2025 finalised; 2026 under way
LIST = """{ tindakLanjutList(first: 100) { nip employmentType predikatHistory { year predikat }
  angkaKredit { jenjang years { year predikat months angkaKredit } accumulated } pppkRenewal } }"""
ONE = """query($nip: String!) { tindakLanjut(nip: $nip) { nip development
  tpp { year predikat factorPercent source } award { candidate requiredYears }
  angkaKredit { jenjang accumulated nextJenjang neededForNextJenjang } } }"""
RECORD = """mutation($input: RecordPolicyValuesInput!) {
  recordPolicyValues(input: $input) { position } }"""
SUCCESSION = "{ successionLists { holderNip jabatanKind cycleYear candidates { nip box } } }"


@pytest.fixture
def generated(database: Database) -> int:
    """Palangka Raya with 2025 finalised and 2026 under way; the log's head."""
    return generated_palangkaraya(database, 60, 11, TODAY)


@pytest.fixture
def region(generated: int, api: Api) -> Api:
    api.last_position = generated  # every read waits for the read models to reach the head
    return api


async def everyone(api: Api) -> list[dict[str, Any]]:
    body = await api.read(LIST)
    assert "errors" not in body, body
    return list(body["data"]["tindakLanjutList"])


async def test_a_jf_has_the_angka_kredit_of_its_finalised_predikat(region: Api) -> None:
    # given the 2025 cycle finalised, when HR lists what follows it
    people = await everyone(region)
    jf = [p for p in people if p["angkaKredit"] and p["angkaKredit"]["years"]]
    assert jf, "the generated region has jabatan fungsional with a finalised year"
    # then each JF's 2025 angka kredit is koefisien × persentase of its 2025 predikat
    for person in jf:
        ak = person["angkaKredit"]
        for year in ak["years"]:
            expected = annual_angka_kredit(
                JenjangFungsional(ak["jenjang"]), Predikat(year["predikat"]), year["months"]
            )
            assert Decimal(str(year["angkaKredit"])) == expected
        history = {y["year"]: y["predikat"] for y in person["predikatHistory"]}
        assert all(history[y["year"]] == y["predikat"] for y in ak["years"])
        total = sum(Decimal(str(y["angkaKredit"])) for y in ak["years"])
        assert Decimal(str(ak["accumulated"])) == total
    # and only PPPK get renewal advice
    assert all((p["pppkRenewal"] is not None) == (p["employmentType"] == "PPPK") for p in people)


async def test_the_generated_tenant_carries_the_example_tpp_table_saying_so(region: Api) -> None:
    person = next(p for p in await everyone(region) if p["predikatHistory"])
    body = await region.read(ONE, {"nip": person["nip"]})
    tpp = body["data"]["tindakLanjut"]["tpp"]
    assert tpp["factorPercent"] == EXAMPLE_FACTORS[tpp["predikat"]]
    assert tpp["source"].startswith("CONTOH / EXAMPLE")
