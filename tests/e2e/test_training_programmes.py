"""A programme from definition to certificates over HTTP, and a cancelled one granting no JP."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import TENANT, Api
from tests.e2e.steps import APPOINT, appointment, nip_of
from tests.e2e.training_steps import (
    ACCEPT,
    APPLY,
    CANCEL,
    FINISH,
    INSTITUTION,
    NOMINATE,
    TRAINING_YEAR,
    WITHDRAW,
    YEAR,
    as_caller,
    define_programme,
    employee_headers,
    office,
    passes,
)
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

PROGRAMME = """query($id: ID!) { trainingProgramme(id: $id) {
  status seated passed waitlisted fillRate completionRate
  roster { seat enteredAs sessionsAttended attendedMinutes certificateRef reason
           employee { nip } }
} }"""


async def test_a_programme_runs_from_enrolment_with_a_waitlist_to_jp_on_the_employee(
    api: Api,
) -> None:
    unit_id, (first, second, third) = await office(api)
    head = nip_of(9)  # the kepala dinas nominates a member of their own team
    jabatan = {"kind": "ADMINISTRATOR", "title": "Kepala Dinas Komunikasi dan Informatika"}
    await api.command(APPOINT, {"input": appointment(9, unit_id, jabatan=jabatan)})
    programme_id = await define_programme(api, capacity=2)
    supervisor = bearer(head, "supervisor", TENANT, nip=head)
    await api.read(PROGRAMME, {"id": programme_id})  # the guard reads who heads the unit
    await as_caller(api, supervisor, NOMINATE, {"programmeId": programme_id, "nip": first})
    for nip in (second, third):  # two employees apply for themselves
        await as_caller(
            api, employee_headers(nip), APPLY, {"programmeId": programme_id, "nip": nip}
        )
    for nip in (first, second, third):
        await as_caller(api, INSTITUTION, ACCEPT, {"programmeId": programme_id, "nip": nip})
    body = await api.read(PROGRAMME, {"id": programme_id})
    seats = {p["employee"]["nip"]: p["seat"] for p in body["data"]["trainingProgramme"]["roster"]}
    assert seats == {first: "ACCEPTED", second: "ACCEPTED", third: "WAITLISTED"}

    # The second withdraws; the waitlisted third takes the freed place.
    await as_caller(
        api, employee_headers(second), WITHDRAW,
        {"programmeId": programme_id, "nip": second, "reason": "Tugas luar kota"},
    )  # fmt: skip
    first_pass = await passes(api, programme_id, first, "SERT/BPSDM/2026/001")
    await passes(api, programme_id, third, "SERT/BPSDM/2026/002")
    await as_caller(api, INSTITUTION, FINISH, {"programmeId": programme_id})

    programme = (await api.read(PROGRAMME, {"id": programme_id}))["data"]["trainingProgramme"]
    assert (programme["status"], programme["seated"], programme["passed"]) == ("FINISHED", 2, 2)
    assert (programme["fillRate"], programme["completionRate"]) == (1.0, 1.0)
    roster = {p["employee"]["nip"]: p for p in programme["roster"]}
    assert roster[second]["seat"] == "WITHDRAWN"
    assert roster[second]["reason"] == "Tugas luar kota"
    assert roster[third] | {"employee": None} == {
        "seat": "PASSED", "enteredAs": "APPLIED", "sessionsAttended": 2, "attendedMinutes": 480,
        "certificateRef": "SERT/BPSDM/2026/002", "reason": None, "employee": None,
    }  # fmt: skip

    year = (await api.read(TRAINING_YEAR, {"nip": first, "year": YEAR}))["data"]["trainingYear"]
    assert (year["earned"], year["target"]) == (10, 20)
    assert year["byForm"] == [{"key": "PELATIHAN_KLASIKAL", "jp": 10}]
    assert year["byCompetency"] == [{"key": "DIGITAL-PELAYANAN", "jp": 10}]
    [credit] = year["credits"]
    assert credit["position"] == first_pass["position"]  # the figure traces to its event
    assert credit["sourceKind"] == "PROGRAMME"
    assert year["history"] == [
        {"seat": "PASSED", "jp": 10, "certificateRef": "SERT/BPSDM/2026/001", "score": 86.5,
         "programme": {"title": "Aplikasi Pelayanan Publik Digital"}}
    ]  # fmt: skip


async def test_a_cancelled_programme_releases_everybody_and_grants_no_jp(api: Api) -> None:
    _, (first, second, _) = await office(api)
    programme_id = await define_programme(api, capacity=1)
    for nip in (first, second):
        await api.command(NOMINATE, {"input": {"programmeId": programme_id, "nip": nip}})
        await as_caller(api, INSTITUTION, ACCEPT, {"programmeId": programme_id, "nip": nip})
    await as_caller(
        api, INSTITUTION, CANCEL, {"programmeId": programme_id, "reason": "Narasumber berhalangan"}
    )

    programme = (await api.read(PROGRAMME, {"id": programme_id}))["data"]["trainingProgramme"]
    assert programme["status"] == "CANCELLED"
    assert {p["seat"] for p in programme["roster"]} == {"RELEASED"}
    assert {p["reason"] for p in programme["roster"]} == {"Narasumber berhalangan"}
    year = (await api.read(TRAINING_YEAR, {"nip": first, "year": YEAR}))["data"]["trainingYear"]
    assert (year["earned"], year["credits"]) == (0, [])


async def test_a_cancelled_programme_refuses_further_enrolment_with_a_typed_error(
    api: Api,
) -> None:
    _, (first, *_) = await office(api)
    programme_id = await define_programme(api)
    await as_caller(api, INSTITUTION, CANCEL, {"programmeId": programme_id, "reason": "Anggaran"})
    body = await api.graphql(NOMINATE, {"input": {"programmeId": programme_id, "nip": first}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["PROGRAMME_NOT_OPEN"]
