"""Two time axes over HTTP: a retroactive promotion, known and valid before and after (issue 15)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.e2e import test_appraisal_cycle as cycle
from tests.e2e.conftest import AUDITOR, TENANT, Api
from tests.e2e.steps import APPOINT, GRANT_LEAVE, PROMOTE, appointment, create_unit, nip_of
from tests.e2e.training_steps import (
    ACCEPT,
    INSTITUTION,
    NOMINATE,
    as_caller,
    define_programme,
    office,
    passes,
)
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

AS_OF = """query($nip: String!, $asOf: AsOf) { employee(nip: $nip, asOf: $asOf) {
  golongan version asOf { position knownAt validOn }
  careerHistory { kind golongan effectiveOn }
  leaveRecords { leaveType } leaveBalance(year: 2019) { used }
} }"""
CHANGES = """query($nip: String!, $from: DateTime!, $to: DateTime) {
  employeeChanges(nip: $nip, from: $from, to: $to) {
    asOf { position }
    changes { position kind effectiveOn retroactive actorId actorRole reason detail }
} }"""
BEFORE_TMT, AFTER_TMT = "2019-01-15", "2019-04-15"  # the promotion's TMT is 2019-04-01


async def _retroactive_promotion(api: Api) -> tuple[int, int, datetime]:
    """A demo-like employee appointed in 2015, promoted now with TMT 1 April 2019; the
    positions of the appointment and of the promotion, and a time between them."""
    unit_id = await create_unit(api, "DISDIK")
    appointed = await api.command(APPOINT, {"input": appointment(1, unit_id)})
    await asyncio.sleep(0.01)
    between = datetime.now(UTC)
    await asyncio.sleep(0.01)
    promotion = {"nip": nip_of(1), "toGolongan": "III/b", "effectiveOn": "2019-04-01"}
    promoted = await api.command(PROMOTE, {"input": promotion | {"reason": "SK BKN 2019"}})
    return appointed["position"], promoted["position"], between


async def _as_of(api: Api, as_of: dict[str, Any] | None, **headers: str) -> dict[str, Any]:
    body = await api.read(AS_OF, {"nip": nip_of(1), "asOf": as_of}, headers or None)
    assert "errors" not in body, body["errors"]
    return dict(body["data"]["employee"] or {})


@pytest.mark.parametrize(
    ("known", "valid_on", "golongan"),
    [
        ("before", BEFORE_TMT, "III/a"),
        ("before", AFTER_TMT, "III/a"),  # in force then, but not yet known
        ("after", BEFORE_TMT, "III/a"),  # known, but not yet in force
        ("after", AFTER_TMT, "III/b"),
    ],
)
async def test_a_retroactive_promotion_counts_only_once_both_known_and_valid(
    api: Api, known: str, valid_on: str, golongan: str
) -> None:
    appointed, promoted, _ = await _retroactive_promotion(api)
    position = appointed if known == "before" else promoted
    employee = await _as_of(api, {"position": position, "validOn": valid_on})
    assert employee["golongan"] == golongan
    assert employee["asOf"] == {"position": position, "knownAt": None, "validOn": valid_on}
    kinds = [entry["kind"] for entry in employee["careerHistory"]]
    assert kinds == (["APPOINTED", "PROMOTED"] if golongan == "III/b" else ["APPOINTED"])


async def test_known_at_a_time_reads_the_log_as_it_stood_then(api: Api) -> None:
    appointed, _, between = await _retroactive_promotion(api)
    employee = await _as_of(api, {"knownAt": between.isoformat(), "validOn": AFTER_TMT})
    assert (employee["golongan"], employee["version"]) == ("III/a", 1)
    assert employee["asOf"]["position"] == appointed


async def test_without_as_of_the_answer_is_now_on_both_axes(api: Api) -> None:
    _, promoted, _ = await _retroactive_promotion(api)
    employee = await _as_of(api, None)
    assert employee["golongan"] == "III/b"
    assert employee["asOf"]["position"] >= promoted
    assert employee["asOf"]["validOn"] == datetime.now(UTC).date().isoformat()


async def test_before_the_appointment_took_effect_there_is_no_employee(api: Api) -> None:
    await _retroactive_promotion(api)
    assert await _as_of(api, {"validOn": "2015-02-28"}) == {}


async def test_leave_counts_once_known_and_started(api: Api) -> None:
    _, promoted, _ = await _retroactive_promotion(api)
    leave = {"nip": nip_of(1), "leaveType": "CT", "start": "2019-06-03", "end": "2019-06-04"}
    granted = await api.command(GRANT_LEAVE, {"input": leave})
    before_start = await _as_of(api, {"validOn": "2019-06-01"})
    not_yet_known = await _as_of(api, {"position": promoted, "validOn": "2019-07-01"})
    known_and_started = await _as_of(api, {"position": granted["position"]})
    assert before_start["leaveRecords"] == not_yet_known["leaveRecords"] == []
    assert known_and_started["leaveRecords"] == [{"leaveType": "CT"}]
    assert known_and_started["leaveBalance"] == {"used": 2}


async def test_the_changes_of_a_period_name_the_retroactive_promotion_with_actor_and_reason(
    api: Api,
) -> None:
    started = datetime.now(UTC) - timedelta(seconds=1)
    appointed, promoted, between = await _retroactive_promotion(api)
    window = {"nip": nip_of(1), "from": started.isoformat()}
    body = await api.read(CHANGES, window, AUDITOR)
    assert "errors" not in body, body["errors"]
    answer = body["data"]["employeeChanges"]
    assert answer["asOf"]["position"] >= promoted
    assert [(c["position"], c["kind"], c["retroactive"]) for c in answer["changes"]] == [
        (appointed, "APPOINTED", True),
        (promoted, "PROMOTED", True),
    ]
    promotion = answer["changes"][1]
    assert (promotion["effectiveOn"], promotion["reason"]) == ("2019-04-01", "SK BKN 2019")
    assert (promotion["actorId"], promotion["actorRole"]) == ("hr-budi", "hr_officer")
    later = await api.read(CHANGES, window | {"from": between.isoformat()}, AUDITOR)
    assert [c["kind"] for c in later["data"]["employeeChanges"]["changes"]] == ["PROMOTED"]


async def test_as_of_opens_no_field_another_employee_may_not_see(api: Api) -> None:
    _, promoted, _ = await _retroactive_promotion(api)
    other = bearer(nip_of(2), "employee", TENANT, nip_of(2))
    then = await api.read(AS_OF, {"nip": nip_of(1), "asOf": {"position": promoted}}, other)
    now = await api.read(AS_OF, {"nip": nip_of(1)}, other)
    codes = {error["extensions"]["code"] for error in then["errors"]}
    assert codes == {error["extensions"]["code"] for error in now["errors"]} == {"FORBIDDEN"}
    assert then["data"] == now["data"] == {"employee": None}  # the private fields null it
    changes = await api.read(CHANGES, {"nip": nip_of(1), "from": "2000-01-01T00:00:00Z"}, other)
    assert [e["extensions"]["code"] for e in changes["errors"]] == ["FORBIDDEN"]


async def test_known_at_and_position_together_are_refused(api: Api) -> None:
    await _retroactive_promotion(api)
    both = {"position": 1, "knownAt": "2024-03-01T00:00:00+07:00"}
    body = await api.read(AS_OF, {"nip": nip_of(1), "asOf": both})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_ARGUMENT"]


TRANSFER = """mutation($input: TransferEmployeeInput!) {
  transferEmployee(input: $input) { employeeId version position } }"""
TREE = """query($asOf: AsOf) { unitTree(first: 20, asOf: $asOf) {
  code headCount asOf { position validOn } children { code } } }"""


async def _tree(api: Api, as_of: dict[str, Any]) -> dict[str, int]:
    body = await api.read(TREE, {"asOf": as_of})
    assert "errors" not in body, body["errors"]
    return {unit["code"]: unit["headCount"] for unit in body["data"]["unitTree"]}


async def test_the_unit_tree_shows_the_units_known_and_the_head_counts_in_effect_then(
    api: Api,
) -> None:
    first_unit = await create_unit(api, "DISDIK")
    appointed = await api.command(APPOINT, {"input": appointment(1, first_unit)})
    second_unit = await create_unit(api, "BAPPEDA")
    mutasi = {"nip": nip_of(1), "toUnitId": second_unit, "effectiveOn": "2020-01-02"}
    moved = await api.command(TRANSFER, {"input": mutasi})
    known_then = {"position": appointed["position"]}
    assert await _tree(api, known_then) == {"DISDIK": 1}
    known_now = {"position": moved["position"]}
    assert await _tree(api, known_now | {"validOn": "2020-01-01"}) == {"DISDIK": 1, "BAPPEDA": 0}
    assert await _tree(api, known_now | {"validOn": "2020-01-02"}) == {"DISDIK": 0, "BAPPEDA": 1}
    assert await _tree(api, known_now | {"validOn": "2015-02-28"}) == {"DISDIK": 0, "BAPPEDA": 0}
    body = await api.read(TREE, {"asOf": known_then})
    [disdik] = body["data"]["unitTree"]
    assert disdik["asOf"]["position"] == appointed["position"]


YEAR_AS_OF = """query($nip: String!, $asOf: AsOf) {
  trainingYear(nip: $nip, year: 2026, asOf: $asOf) {
    earned statusBasis credits { position } asOf { position validOn } } }"""


async def test_the_training_year_counts_the_jp_known_and_completed_then(api: Api) -> None:

    _, [nip] = await office(api, staff=1)
    programme_id = await define_programme(api)
    await api.command(NOMINATE, {"input": {"programmeId": programme_id, "nip": nip}})
    accepted = await as_caller(api, INSTITUTION, ACCEPT, {"programmeId": programme_id, "nip": nip})
    passed = await passes(api, programme_id, nip, "SERT/BPSDM/2026/001")  # completed 4 March

    async def year(as_of: dict[str, Any]) -> dict[str, Any]:
        body = await api.read(YEAR_AS_OF, {"nip": nip, "asOf": as_of})
        assert "errors" not in body, body["errors"]
        return dict(body["data"]["trainingYear"])

    before_known = await year({"position": accepted["position"], "validOn": "2026-12-31"})
    before_completed = await year({"validOn": "2026-03-03"})
    known_and_done = await year({"position": passed["position"], "validOn": "2026-03-04"})
    assert (before_known["earned"], before_known["credits"]) == (0, [])
    assert (before_completed["earned"], before_completed["statusBasis"]) == (0, "2026-03-03")
    assert known_and_done["earned"] == 10
    assert known_and_done["credits"] == [{"position": passed["position"]}]
    assert known_and_done["asOf"] == {"position": passed["position"], "validOn": "2026-03-04"}


APPRAISAL_AS_OF = """query($cycleId: ID!, $nip: String!, $asOf: AsOf) {
  scoreExplanation(cycleId: $cycleId, nip: $nip, asOf: $asOf) { matrixCell { predikat }
    appraisal { asOf { position } ratings { hasilKerja calibrated position } } } }"""


async def test_an_appraisal_reads_as_it_stood_before_its_calibration(api: Api) -> None:
    bidang_id = await cycle.staffed_bidang(api)
    opened = {"year": cycle.YEAR, "period": "QUARTERLY", "unitIds": [bidang_id]}
    cycle_id = str((await api.command(cycle.OPEN, {"input": opened}))["cycleId"])
    enrolled = await api.read(cycle.ENROL, {"cycleId": cycle_id})
    assert "errors" not in enrolled, enrolled["errors"]
    c, s3, late = {"cycleId": cycle_id}, cycle.S3, "SKP disusun setelah penataan jabatan"
    await cycle.act(api, cycle.DRAFT, cycle.skp(cycle_id, s3), by=s3)
    await cycle.act(api, cycle.APPROVE, c | {"nip": s3, "reason": late}, by=cycle.KABID)
    rated = await cycle.act(
        api, cycle.RATE, cycle.rating(cycle_id, s3, "SESUAI", "SESUAI"), by=cycle.KABID
    )
    why = {"hasilKerja": "DI_BAWAH", "perilakuKerja": "SESUAI", "reason": "Kalibrasi unit"}
    calibrated = await cycle.act(api, cycle.CALIBRATE, c | {"nip": s3} | why)

    async def explained(as_of: dict[str, Any]) -> dict[str, Any]:
        body = await api.read(APPRAISAL_AS_OF, c | {"nip": s3, "asOf": as_of})
        assert "errors" not in body, body["errors"]
        return dict(body["data"]["scoreExplanation"])

    before = await explained({"position": rated})
    after = await explained({"position": calibrated})
    assert before["appraisal"]["ratings"] == [
        {"hasilKerja": "SESUAI", "calibrated": False, "position": rated - 1}
    ]
    assert before["appraisal"]["asOf"] == {"position": rated}
    assert after["appraisal"]["ratings"][0] | {"position": 0} == {
        "hasilKerja": "DI_BAWAH", "calibrated": True, "position": 0,
    }  # fmt: skip
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    body = await api.read(APPRAISAL_AS_OF, c | {"nip": s3, "asOf": {"validOn": yesterday}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["APPRAISAL_NOT_FOUND"]


END = """mutation($input: EndEmploymentInput!) {
  endEmployment(input: $input) { employeeId version position } }"""
STATUS = """query($nip: String!, $asOf: AsOf) { employee(nip: $nip, asOf: $asOf) {
  status separation endedOn jabatan { kind title } } }"""


async def test_an_ended_employment_is_in_effect_from_its_date_only(api: Api) -> None:
    unit_id = await create_unit(api, "DISDIK")
    await api.command(APPOINT, {"input": appointment(1, unit_id)})
    ended = {"nip": nip_of(1), "separation": "RESIGNATION", "effectiveOn": "2021-07-01"}
    await api.command(END, {"input": ended | {"reason": "Atas permintaan sendiri"}})

    async def status(valid_on: str) -> dict[str, Any]:
        body = await api.read(STATUS, {"nip": nip_of(1), "asOf": {"validOn": valid_on}})
        assert "errors" not in body, body["errors"]
        return dict(body["data"]["employee"])

    assert await status("2021-06-30") == {
        "status": "ACTIVE", "separation": None, "endedOn": None,
        "jabatan": {"kind": "PELAKSANA", "title": "Pengadministrasi Umum"},
    }  # fmt: skip
    after = await status("2021-07-01")
    assert (after["status"], after["separation"], after["endedOn"]) == (
        "ENDED", "RESIGNATION", "2021-07-01",
    )  # fmt: skip
