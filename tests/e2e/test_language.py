"""The same bad request in English by default and in Bahasa Indonesia on `Accept-Language: id`;
its `extensions.code` never changes."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import HR, TENANT, Api
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

INDONESIAN = {"accept-language": "id-ID,id;q=0.9"}
TOO_LARGE = "{ unitTree(first: 2001) { code } }"
NIP = "199001012015031001"


async def test_a_refused_page_has_one_code_and_a_message_in_the_language_asked(api: Api) -> None:
    english = await api.graphql(TOO_LARGE)
    indonesian = await api.graphql(TOO_LARGE, headers=HR | INDONESIAN)
    [error_en], [error_id] = english["errors"], indonesian["errors"]
    assert error_en["extensions"] == error_id["extensions"]
    assert error_en["extensions"]["code"] == "PAGE_TOO_LARGE"
    assert error_en["message"].startswith("first may be at most")
    assert error_id["message"] == "first paling besar 2000, bukan 2001."


async def test_a_request_without_a_token_is_refused_in_the_language_asked(api: Api) -> None:
    query = {"query": "{ __typename }"}
    english = await api.client.post("/graphql", json=query)
    indonesian = await api.client.post("/graphql", json=query, headers=INDONESIAN)
    assert english.status_code == indonesian.status_code == 401
    [error_en], [error_id] = english.json()["errors"], indonesian.json()["errors"]
    assert error_en["extensions"] == error_id["extensions"]
    assert error_en["extensions"]["reason"] == "TOKEN_MISSING"
    assert error_en["message"] == "No bearer token was sent."
    assert error_id["message"] == "Token bearer tidak dikirim."
    assert indonesian.headers["content-language"] == "id"
    assert "Accept-Language" in indonesian.headers["vary"]


async def test_a_field_the_role_may_not_use_is_refused_in_indonesian(api: Api) -> None:
    employee = bearer(NIP, "employee", TENANT, NIP)
    body = await api.graphql(
        '{ recomputeCycle(cycleId: "x") { __typename } }', headers=employee | INDONESIAN
    )
    [error] = body["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["message"] == "Peran employee tidak berwenang menggunakan: Query.recomputeCycle."


LEAVE_TYPES = '{ __type(name: "LeaveType") { description enumValues { name description } } }'


async def test_introspection_describes_the_enums_in_the_language_asked(api: Api) -> None:
    english = (await api.graphql(LEAVE_TYPES))["data"]["__type"]
    indonesian = (await api.graphql(LEAVE_TYPES, headers=HR | INDONESIAN))["data"]["__type"]
    values = {value["name"]: value["description"] for value in indonesian["enumValues"]}
    assert values["CT"] == "Cuti tahunan."
    assert values["CLTN"] == "Cuti di luar tanggungan negara."
    assert indonesian["description"] == "Jenis cuti: CT tahunan, CB besar, CS sakit, …"
    assert english["enumValues"][0] == {"name": "CT", "description": "Annual leave (cuti tahunan)."}
    assert [v["name"] for v in english["enumValues"]] == list(values)
