"""The 20 JP compliance and competency gap queries answering for a unit and its sub-units."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from tests.e2e.steps import APPOINT, appointment, create_unit, nip_of
from tests.e2e.training_steps import (
    ACCEPT,
    INSTITUTION,
    NOMINATE,
    RECOGNISE,
    SET_REQUIREMENTS,
    SUBMIT,
    YEAR,
    as_caller,
    define_programme,
    office,
    passes,
)

pytestmark = pytest.mark.e2e

COMPLIANCE = """query($unit: ID, $year: Int!, $sub: Boolean!) {
  trainingCompliance(unitId: $unit, year: $year, includeSubunits: $sub) {
    employeeCount met onTrack atRisk complianceRate distribution { band employees }
    employeesAtRisk { nip earned status } programmeFillRate programmeCompletionRate
} }"""
GAPS = """query($unit: ID) { competencyGaps(unitId: $unit) {
  competencyCode employeesMissing nips programmes { title } } }"""


async def staffed_region(api: Api) -> tuple[str, str]:
    """A dinas (staff 1, 2) over a bidang (staff 3): 20 JP, 10 JP and none in the year."""
    dinas_id, (first, second) = await office(api, staff=2)
    bidang_id = await create_unit(api, "APTIKA", dinas_id)
    await api.command(APPOINT, {"input": appointment(3, bidang_id)})
    await api.command(
        SET_REQUIREMENTS,
        {"input": {"jabatanTitle": "Pengadministrasi Umum",
                   "competencyCodes": ["DIGITAL-PELAYANAN", "KEPEMIMPINAN"]}},
    )  # fmt: skip
    learning = {
        "nip": first, "title": "Transformasi Digital", "form": "E_LEARNING", "provider": "LAN",
        "completedOn": "2026-04-20", "minutes": 950, "evidenceRef": "lan/88",
        "competencyCodes": ["DIGITAL-PELAYANAN"],
    }  # fmt: skip
    submitted = await api.command(SUBMIT, {"input": learning})
    await api.command(RECOGNISE, {"input": {"learningId": submitted["learningId"], "jp": 20}})
    digital = await define_programme(api, capacity=2)
    await api.command(NOMINATE, {"input": {"programmeId": digital, "nip": second}})
    await as_caller(api, INSTITUTION, ACCEPT, {"programmeId": digital, "nip": second})
    await passes(api, digital, second, "SERT/2026/9")
    await define_programme(
        api, title="Kepemimpinan Pengawas", competencyCodes=["KEPEMIMPINAN"], jp=8
    )
    return dinas_id, bidang_id


async def test_compliance_counts_a_unit_with_its_sub_units_by_the_20_jp_rule(api: Api) -> None:
    dinas_id, bidang_id = await staffed_region(api)
    body = await api.read(COMPLIANCE, {"unit": dinas_id, "year": YEAR, "sub": True})
    report = body["data"]["trainingCompliance"]
    assert (report["employeeCount"], report["met"], report["atRisk"]) == (3, 1, 2)
    assert report["complianceRate"] == pytest.approx(1 / 3)
    assert report["distribution"] == [
        {"band": "0-4", "employees": 1}, {"band": "5-9", "employees": 0},
        {"band": "10-14", "employees": 1}, {"band": "15-19", "employees": 0},
        {"band": "20+", "employees": 1},
    ]  # fmt: skip
    assert report["employeesAtRisk"] == [
        {"nip": nip_of(2), "earned": 10, "status": "AT_RISK"},
        {"nip": nip_of(3), "earned": 0, "status": "AT_RISK"},
    ]
    # The unit's staff entered one programme: 1 of its 2 places taken, and passed.
    assert (report["programmeFillRate"], report["programmeCompletionRate"]) == (0.5, 1.0)

    tenant = (await api.read(COMPLIANCE, {"unit": None, "year": YEAR, "sub": True}))["data"]
    assert tenant["trainingCompliance"]["programmeFillRate"] == 0.25  # 1 of 4 places
    bidang = (await api.read(COMPLIANCE, {"unit": bidang_id, "year": YEAR, "sub": False}))["data"]
    assert bidang["trainingCompliance"]["employeeCount"] == 1


async def test_competency_gaps_name_who_lacks_what_and_the_programmes_that_close_it(
    api: Api,
) -> None:
    dinas_id, _ = await staffed_region(api)
    gaps = (await api.read(GAPS, {"unit": dinas_id}))["data"]["competencyGaps"]
    assert gaps == [
        {"competencyCode": "KEPEMIMPINAN", "employeesMissing": 3,
         "nips": [nip_of(1), nip_of(2), nip_of(3)],
         "programmes": [{"title": "Kepemimpinan Pengawas"}]},
        {"competencyCode": "DIGITAL-PELAYANAN", "employeesMissing": 1, "nips": [nip_of(3)],
         "programmes": [{"title": "Aplikasi Pelayanan Publik Digital"}]},
    ]  # fmt: skip
