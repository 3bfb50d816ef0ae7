"""Career records over HTTP: who reaches BUP by a date, a CPNS confirmed only with a passed
Latsar programme, and the ijazah on the record that bounds a reguler promotion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from tests.e2e.conftest import HR, TENANT, Api
from tests.e2e.steps import APPOINT, PROMOTE, appointment, create_unit
from tests.e2e.training_steps import (
    ACCEPT,
    INSTITUTION,
    JUNIOR_NIP,
    NOMINATE,
    as_caller,
    define_programme,
    office,
    passes,
)
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

RETIRING = """query($by: Date!, $first: Int, $after: String) {
  retiringBy(by: $by, first: $first, after: $after) {
    nip name employmentType jabatanKind jabatanTitle bup pensionOn } }"""
CONFIRM = """mutation($input: ConfirmCpnsInput!) {
  confirmCpns(input: $input) { employeeId version position } }"""
RECORD_IJAZAH = """mutation($input: RecordIjazahInput!) {
  recordIjazah(input: $input) { employeeId version position } }"""
EMPLOYEE = """query($nip: String!) { employee(nip: $nip) { employmentType golongan } }"""
GURU = {"kind": "FUNGSIONAL", "title": "Guru Ahli Pertama", "jenjang": "AHLI_PERTAMA"}


async def codes(api: Api, document: str, values: Mapping[str, object]) -> list[str]:
    body = await api.graphql(document, {"input": values})
    return [e["extensions"]["code"] for e in body.get("errors", [])]


async def test_retiring_by_lists_who_reaches_bup_by_the_date_soonest_first(api: Api) -> None:
    # given: two pelaksana born in 1968 (BUP 58), a guru born in 1967 (BUP 60 by UU 14/2005)
    # and a pelaksana born in 1990
    unit_id = await create_unit(api, "DISDIK")
    people: dict[str, dict[str, Any]] = {
        "196809202000031001": {},
        "196805102000031002": {},
        "196702032000031003": {"jabatan": GURU},
        "199001012015031004": {"appointedOn": "2015-03-01"},
    }
    for nip, changes in people.items():
        values = {"nip": nip, "appointedOn": "2000-03-01"} | changes
        await api.command(APPOINT, {"input": appointment(1, unit_id, **values)})
    # when
    body = await api.read(RETIRING, {"by": "2026-12-31"})
    # then: the TMT pensiun is the 1st of the month after the 58th birthday
    assert "errors" not in body, body["errors"]
    assert [(r["nip"], r["bup"], r["pensionOn"]) for r in body["data"]["retiringBy"]] == [
        ("196805102000031002", 58, "2026-06-01"),
        ("196809202000031001", 58, "2026-10-01"),
    ]
    later = await api.read(RETIRING, {"by": "2027-03-01"})
    assert [r["bup"] for r in later["data"]["retiringBy"]] == [58, 58, 60]


async def test_retiring_by_pages_after_a_nip_and_is_for_hr_and_auditors(api: Api) -> None:
    # given
    unit_id = await create_unit(api, "DISDIK")
    for nip in ("196805102000031001", "196809202000031002"):
        values = {"nip": nip, "appointedOn": "2000-03-01"}
        await api.command(APPOINT, {"input": appointment(1, unit_id, **values)})
    # when
    first = await api.read(RETIRING, {"by": "2026-12-31", "first": 1})
    rest = await api.read(RETIRING, {"by": "2026-12-31", "after": "196805102000031001"})
    employee = bearer(JUNIOR_NIP, "employee", TENANT, nip=JUNIOR_NIP)
    refused = await api.graphql(RETIRING, {"by": "2026-12-31"}, employee)
    # then
    assert [r["nip"] for r in first["data"]["retiringBy"]] == ["196805102000031001"]
    assert [r["nip"] for r in rest["data"]["retiringBy"]] == ["196809202000031002"]
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]


async def test_retiring_by_a_date_outside_any_career_is_invalid_input_not_a_crash(
    api: Api,
) -> None:
    # A fuzzer's find: year 58 reached `date.replace(year=0)` and answered INTERNAL_ERROR.
    for by in ("0058-01-01", "2199-01-01"):
        body = await api.graphql(RETIRING, {"by": by})
        assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_INPUT"], by


async def test_a_cpns_is_confirmed_only_with_a_latsar_programme_passed(api: Api) -> None:
    # given: a CPNS appointed in February 2023, nominated for a Latsar and accepted
    unit_id, _ = await office(api, staff=0)
    cpns = {"nip": JUNIOR_NIP, "employmentType": "CPNS", "appointedOn": "2023-02-01"}
    await api.command(APPOINT, {"input": appointment(1, unit_id, **cpns)})
    latsar = await define_programme(api, title="Pelatihan Dasar CPNS Angkatan I Tahun 2026")
    await api.command(NOMINATE, {"input": {"programmeId": latsar, "nip": JUNIOR_NIP}})
    await as_caller(api, INSTITUTION, ACCEPT, {"programmeId": latsar, "nip": JUNIOR_NIP})
    confirm = {"nip": JUNIOR_NIP, "effectiveOn": "2026-04-01", "latsarProgrammeId": latsar}
    # when / then: no programme named is not a valid request; one not yet passed is refused
    without = {k: v for k, v in confirm.items() if k != "latsarProgrammeId"}
    request = {"query": CONFIRM, "variables": {"input": without}}
    response = await api.client.post("/graphql", json=request, headers=HR)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert await codes(api, CONFIRM, confirm) == ["LATSAR_NOT_COMPLETED"]
    # when the CPNS passes it (completed on 4 March 2026), the confirmation lands
    await passes(api, latsar, JUNIOR_NIP, "STTPL/2026/001")
    await api.command(CONFIRM, {"input": confirm})
    body = await api.read(EMPLOYEE, {"nip": JUNIOR_NIP})
    assert body["data"]["employee"]["employmentType"] == "PNS"


async def test_the_recorded_ijazah_bounds_a_reguler_promotion_and_allows_a_penyesuaian(
    api: Api,
) -> None:
    # given: a pelaksana appointed in II/b in 2015 with an SMA ijazah (ceiling III/b)
    unit_id = await create_unit(api, "DISDIK")
    pns = appointment(1, unit_id, golongan="II/b", ijazah="SMA")
    await api.command(APPOINT, {"input": pns})
    nip = pns["nip"]
    # when / then: a lower or equal ijazah adds nothing; an S1 is recorded
    again = {"nip": nip, "ijazah": "SMP", "effectiveOn": "2024-08-15"}
    assert await codes(api, RECORD_IJAZAH, again) == ["IJAZAH_NOT_HIGHER"]
    await api.command(RECORD_IJAZAH, {"input": again | {"ijazah": "S1"}})
    # and a penyesuaian ijazah raises the S1 holder straight to III/a, with its reason
    adjusted = {
        "nip": nip,
        "toGolongan": "III/a",
        "effectiveOn": "2025-04-01",
        "kind": "PILIHAN_PENYESUAIAN_IJAZAH",
        "reason": "Penyesuaian ijazah S1: SK Bupati 823/45/2025",
    }
    await api.command(PROMOTE, {"input": adjusted})
    body = await api.read(EMPLOYEE, {"nip": nip})
    assert body["data"]["employee"]["golongan"] == "III/a"


async def test_a_reguler_promotion_above_the_recorded_ijazah_is_refused(api: Api) -> None:
    # given: appointed in III/b with an SMA ijazah, the highest an SMA reaches reguler
    unit_id = await create_unit(api, "DISDIK")
    pns = appointment(1, unit_id, golongan="III/b", ijazah="SMA")
    await api.command(APPOINT, {"input": pns})
    promotion = {"nip": pns["nip"], "toGolongan": "III/c", "effectiveOn": "2025-04-01"}
    # when / then
    assert await codes(api, PROMOTE, promotion) == ["PROMOTION_ABOVE_EDUCATION_CEILING"]
