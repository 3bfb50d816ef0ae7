"""Mentoring over HTTP: meetings logged by the pair, completion granting JP for their minutes."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from tests.e2e.steps import APPOINT, appointment
from tests.e2e.training_steps import (
    COMPLETE_MENTORING,
    JUNIOR_NIP,
    LOG_MEETING,
    PAIR,
    TRAINING_YEAR,
    YEAR,
    as_caller,
    employee_headers,
    office,
)

pytestmark = pytest.mark.e2e


async def test_a_completed_mentoring_grants_the_mentee_jp_for_the_logged_minutes(
    api: Api,
) -> None:
    unit_id, (senior, *_) = await office(api, staff=1)
    junior = appointment(9, unit_id, nip=JUNIOR_NIP, appointedOn="2023-02-01")
    await api.command(APPOINT, {"input": junior})
    pairing = {
        "mentorNip": senior, "menteeNip": JUNIOR_NIP, "startsOn": "2026-02-02",
        "endsOn": "2026-05-29", "goals": ["Menguasai aplikasi layanan perizinan daring"],
        "competencyCodes": ["DIGITAL-PELAYANAN"],
    }  # fmt: skip
    mentoring_id = (await api.command(PAIR, {"input": pairing}))["mentoringId"]
    # 100 + 100 + 70 minutes: 270 minutes are 6 JP; the agreed period itself grants nothing.
    for held_on, minutes, who in (
        ("2026-02-10", 100, senior), ("2026-03-10", 100, JUNIOR_NIP), ("2026-04-14", 70, senior),
    ):  # fmt: skip
        meeting = {"mentoringId": mentoring_id, "heldOn": held_on, "minutes": minutes,
                   "topic": "Alur layanan perizinan"}  # fmt: skip
        await as_caller(api, employee_headers(who), LOG_MEETING, meeting)
    completed = await api.command(
        COMPLETE_MENTORING, {"input": {"mentoringId": mentoring_id, "completedOn": "2026-05-29"}}
    )

    body = await api.read(TRAINING_YEAR, {"nip": JUNIOR_NIP, "year": YEAR})
    year = body["data"]["trainingYear"]
    assert year["earned"] == 6
    assert year["byForm"] == [{"key": "MENTORING", "jp": 6}]
    assert [c["position"] for c in year["credits"]] == [completed["position"]]
    [mentoring] = year["mentorings"]
    assert mentoring | {"meetings": None} == {
        "status": "COMPLETED", "loggedMinutes": 270, "jp": 6,
        "endPosition": completed["position"], "meetings": None,
    }  # fmt: skip
    assert [m["minutes"] for m in mentoring["meetings"]] == [100, 100, 70]
    mentor_year = (await api.read(TRAINING_YEAR, {"nip": senior, "year": YEAR}))["data"]
    assert mentor_year["trainingYear"]["earned"] == 0  # the mentor earns no JP for mentoring


async def test_someone_outside_the_pair_cannot_log_a_meeting(api: Api) -> None:
    unit_id, (senior, other) = await office(api, staff=2)
    await api.command(
        APPOINT, {"input": appointment(9, unit_id, nip=JUNIOR_NIP, appointedOn="2023-02-01")}
    )
    pairing = {"mentorNip": senior, "menteeNip": JUNIOR_NIP, "startsOn": "2026-02-02",
               "endsOn": "2026-05-29", "goals": ["Orientasi"]}  # fmt: skip
    mentoring_id = (await api.command(PAIR, {"input": pairing}))["mentoringId"]
    meeting = {"mentoringId": mentoring_id, "heldOn": "2026-02-10", "minutes": 60, "topic": "X1"}
    body = await api.graphql(LOG_MEETING, {"input": meeting}, employee_headers(other))
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
