"""External learning over HTTP: submitted by the employee, recognised or refused by HR."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Api
from tests.e2e.training_steps import (
    RECOGNISE,
    REFUSE,
    SUBMIT,
    TRAINING_YEAR,
    YEAR,
    as_caller,
    employee_headers,
    office,
)

pytestmark = pytest.mark.e2e

SUBMISSIONS = """query($decision: String) { externalLearningSubmissions(decision: $decision) {
  id title decision employee { nip } } }"""


def submission(nip: str, title: str) -> dict[str, object]:
    return {
        "nip": nip, "title": title, "form": "E_LEARNING", "provider": "ASN Unggul LAN",
        "completedOn": "2026-04-20", "minutes": 200, "evidenceRef": "asn-unggul/cert/88172",
        "competencyCodes": ["DIGITAL-PELAYANAN"],
    }  # fmt: skip


async def test_recognised_external_learning_grants_the_jp_hr_decided(api: Api) -> None:
    _, (nip, *_) = await office(api, staff=1)
    submitted = await as_caller(
        api, employee_headers(nip), SUBMIT, submission(nip, "Keamanan Data Layanan Publik")
    )
    pending = (await api.read(SUBMISSIONS, {"decision": "SUBMITTED"}))["data"]
    assert [s["employee"]["nip"] for s in pending["externalLearningSubmissions"]] == [nip]
    recognised = await api.command(
        RECOGNISE, {"input": {"learningId": submitted["learningId"], "jp": 4}}
    )

    year = (await api.read(TRAINING_YEAR, {"nip": nip, "year": YEAR}))["data"]["trainingYear"]
    assert year["earned"] == 4
    assert year["byForm"] == [{"key": "E_LEARNING", "jp": 4}]
    [credit] = year["credits"]
    assert (credit["position"], credit["sourceKind"], credit["title"]) == (
        recognised["position"], "EXTERNAL_LEARNING", "Keamanan Data Layanan Publik",
    )  # fmt: skip
    assert year["externalLearning"][0]["decision"] == "RECOGNISED"


async def test_refused_external_learning_keeps_its_reason_and_grants_nothing(api: Api) -> None:
    _, (nip, *_) = await office(api, staff=1)
    submitted = await as_caller(api, employee_headers(nip), SUBMIT, submission(nip, "Webinar"))
    body = await api.graphql(REFUSE, {"input": {"learningId": submitted["learningId"]}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["REASON_REQUIRED"]
    refused = await api.command(
        REFUSE,
        {"input": {"learningId": submitted["learningId"], "reason": "Sertifikat tidak terbaca"}},
    )

    year = (await api.read(TRAINING_YEAR, {"nip": nip, "year": YEAR}))["data"]["trainingYear"]
    assert (year["earned"], year["credits"]) == (0, [])
    assert year["externalLearning"] == [
        {"title": "Webinar", "decision": "REFUSED", "jp": 0,
         "decisionReason": "Sertifikat tidak terbaca", "decidedPosition": refused["position"]}
    ]  # fmt: skip


async def test_an_employee_cannot_submit_for_a_colleague(api: Api) -> None:
    _, (nip, colleague, *_) = await office(api, staff=2)
    body = await api.graphql(
        SUBMIT, {"input": submission(colleague, "Kursus")}, employee_headers(nip)
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
