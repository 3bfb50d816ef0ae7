"""Absences over HTTP: days recorded and corrected, the hukuman PP 94/2021 Pasal 11 proposes,
one imposed with another kind and its reason, and a berat penurunan changing the jabatan."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.conftest import Api
from tests.e2e.steps import APPOINT, appointment, create_unit, nip_of
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

RECORD = """mutation($input: RecordAbsenceInput!) {
  recordAbsence(input: $input) { nip day version position } }"""
CORRECT = """mutation($input: CorrectAbsenceInput!) {
  correctAbsence(input: $input) { nip day version position } }"""
IMPOSE = """mutation($input: ImposeSanctionInput!) {
  imposeSanction(input: $input) { employeeId version position } }"""
PROPOSED = """query($nip: String!) { proposedSanction(nip: $nip, year: 2024) {
  daysAbsent longestRun level kind durationMonths decided } }"""
ABSENCES = """query($nip: String!) { absences(nip: $nip, year: 2024) {
  daysAbsent longestRun days { day excused evidenceRef excuseReason }
  sanctions { imposedKind proposedKind daysAbsent departureReason } } }"""
JABATAN = """query($nip: String!) { employee(nip: $nip) { jabatan { kind title } } }"""
MONDAY = date(2024, 3, 4)


def working_days(count: int) -> list[str]:
    found: list[str] = []
    day = MONDAY
    while len(found) < count:
        if day.weekday() < 5:
            found.append(day.isoformat())
        day += timedelta(days=1)
    return found


async def absent(api: Api, serial: int, count: int) -> None:
    for day in working_days(count):
        await api.command(RECORD, {"input": {"nip": nip_of(serial), "day": day}})


def imposition(serial: int, kind: str, level: str, **more: Any) -> dict[str, Any]:
    return {
        "nip": nip_of(serial), "level": level, "kind": kind, "effectiveOn": "2024-04-01",
        "reason": "Tidak masuk kerja tanpa alasan yang sah (PP 94/2021 Pasal 11)",
    } | more  # fmt: skip


async def test_absences_propose_a_sanction_imposed_as_another_kind_with_its_reason(
    api: Api,
) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    await absent(api, 1, 4)
    # Recording a day twice keeps it once.
    again = await api.command(RECORD, {"input": {"nip": nip_of(1), "day": "2024-03-04"}})
    assert again["position"] == 0
    body = await api.read(PROPOSED, {"nip": nip_of(1)})
    assert body["data"]["proposedSanction"] == {
        "daysAbsent": 4, "longestRun": 4, "level": "RINGAN", "kind": "TEGURAN_TERTULIS",
        "durationMonths": None, "decided": False,
    }  # fmt: skip
    # One day turns out excused: the proposal drops to teguran lisan.
    await api.command(
        CORRECT,
        {"input": {"nip": nip_of(1), "day": "2024-03-07", "evidenceRef": "SKD 17/III/2024",
                   "reason": "Sakit, surat keterangan dokter menyusul"}},
    )  # fmt: skip
    seen = {"year": 2024, "daysAbsent": 3, "longestRun": 3, "proposedKind": "TEGURAN_LISAN"}
    refused = await api.graphql(
        IMPOSE, {"input": imposition(1, "TEGURAN_TERTULIS", "RINGAN", absences=seen)}
    )
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["REASON_REQUIRED"]
    departure = "Absence repeated after a verbal warning in 2023"
    await api.command(
        IMPOSE,
        {"input": imposition(1, "TEGURAN_TERTULIS", "RINGAN", absences=seen,
                             departureReason=departure)},
    )  # fmt: skip
    body = await api.read(ABSENCES, {"nip": nip_of(1)})
    record = body["data"]["absences"]
    assert (record["daysAbsent"], record["longestRun"]) == (3, 3)
    assert record["days"][3] == {
        "day": "2024-03-07", "excused": True, "evidenceRef": "SKD 17/III/2024",
        "excuseReason": "Sakit, surat keterangan dokter menyusul",
    }  # fmt: skip
    assert record["sanctions"] == [
        {"imposedKind": "TEGURAN_TERTULIS", "proposedKind": "TEGURAN_LISAN", "daysAbsent": 3,
         "departureReason": departure}
    ]  # fmt: skip


async def test_a_decision_on_a_count_that_has_changed_is_a_conflict(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(2, unit_id)})
    await absent(api, 2, 4)
    seen = {"year": 2024, "daysAbsent": 3, "proposedKind": "TEGURAN_LISAN"}
    body = await api.graphql(
        IMPOSE, {"input": imposition(2, "TEGURAN_LISAN", "RINGAN", absences=seen)}
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["CONFLICT"]


async def test_a_berat_penurunan_for_absences_changes_the_jabatan(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    pengawas = {"kind": "PENGAWAS", "title": "Kepala Seksi Kurikulum"}
    await api.command(APPOINT, {"input": appointment(3, unit_id, jabatan=pengawas)})
    await absent(api, 3, 21)
    body = await api.read(PROPOSED, {"nip": nip_of(3)})
    proposal = body["data"]["proposedSanction"]
    # Three weeks in a row first reach the 10-day rule: PDHTAPS is the proposal.
    assert (proposal["kind"], proposal["longestRun"]) == ("PDHTAPS", 21)
    seen = {"year": 2024, "daysAbsent": 21, "longestRun": 21, "proposedKind": "PDHTAPS"}
    after = {"kind": "PELAKSANA", "title": "Pengolah Data Kurikulum"}
    await api.command(
        IMPOSE,
        {"input": imposition(3, "PENURUNAN_JABATAN_12_BULAN", "BERAT", absences=seen,
                             departureReason="Returned with a letter from the family; the Tim "
                             "Pemeriksa found dismissal disproportionate",
                             jabatanAfter=after)},
    )  # fmt: skip
    body = await api.read(JABATAN, {"nip": nip_of(3)})
    assert body["data"]["employee"]["jabatan"] == after


async def test_an_employee_may_not_record_an_absence(api: Api) -> None:
    employee = bearer(nip_of(4), "employee", "pemkot-palangkaraya", nip=nip_of(4))
    body = await api.graphql(
        RECORD, {"input": {"nip": nip_of(4), "day": "2024-03-04"}}, headers=employee
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
