"""Policy data over HTTP: the admin records a national holiday list, every role reads it."""

from __future__ import annotations

from typing import Any

from scripts.datagen.policies import HOLIDAY_LISTS
from tests.e2e.conftest import ADMIN, HR, TENANT, Api
from tests.tokens import bearer

RECORD = """mutation($input: RecordPolicyValuesInput!) {
  recordPolicyValues(input: $input) { kind scope version position } }"""
IN_FORCE = """query($on: Date!) { policyValues(kind: "holidays", on: $on) {
  scope label source values recordedBy } }"""
EMPLOYEE = bearer("199001012015031001", "employee", TENANT, nip="199001012015031001")


def record_input(index: int, scope: str = "national") -> dict[str, Any]:
    listed = HOLIDAY_LISTS[index]
    return {
        "kind": "holidays", "scope": scope, "label": str(listed.year),
        "effectiveFrom": f"{listed.year}-01-01", "values": listed.values(),
        "source": listed.source, "reason": "SKB",
    }  # fmt: skip


async def test_an_amendment_recorded_later_is_the_list_in_force(api: Api) -> None:
    # given the 2025 list and its amendment, recorded by the platform admin
    for index in (i for i, listed in enumerate(HOLIDAY_LISTS) if listed.year == 2025):
        body = await api.graphql(RECORD, {"input": record_input(index)}, ADMIN)
        assert "errors" not in body, body
        api.last_position = body["data"]["recordPolicyValues"]["position"]
    # when an employee of a tenant asks what is in force in September 2025
    read = await api.read(IN_FORCE, {"on": "2025-09-01"}, headers=EMPLOYEE)
    # then the national amendment answers, with its SKB
    values = read["data"]["policyValues"]
    assert values["scope"] == "national"
    assert values["source"].startswith("SKB Menag, Menaker, MenPANRB No. 933 Tahun 2025")
    assert {"date": "2025-08-18", "name": "Cuti Bersama Proklamasi Kemerdekaan"} in values[
        "values"
    ]["cuti_bersama"]
    assert values["recordedBy"] == "platform-admin"


async def test_an_hr_officer_may_not_record_the_national_holiday_list(api: Api) -> None:
    body = await api.graphql(RECORD, {"input": record_input(0)}, HR)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_an_unknown_kind_is_refused_with_its_code(api: Api) -> None:
    wrong = record_input(0) | {"kind": "lottery"}
    body = await api.graphql(RECORD, {"input": wrong}, ADMIN)
    assert body["errors"][0]["extensions"]["code"] == "UNKNOWN_POLICY_KIND"
