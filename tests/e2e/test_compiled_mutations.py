"""Compiled mutations answer as strawberry does, and never run a command twice.

The same two apps as tests/e2e/test_compiled_queries.py: plans in front of strawberry, and
strawberry alone. A failed command records nothing, so its answer is asserted equal from
both; a command that succeeds is sent to each in turn and must record one event each time.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from services.personnel import PersonnelApplication
from tests.e2e.conftest import HR
from tests.e2e.test_compiled_queries import apps, both, planned, some_nips_and_units

pytestmark = pytest.mark.e2e

__all__ = ["apps"]  # the fixture, shared with the compiled query tests

AWARD = """mutation Award($input: RecordAwardInput!) {
  recordAward(input: $input) { __typename employeeId version ...At } }
  fragment At on RecordAwardPayload { position }"""
TWO_AWARDS = """mutation($a: RecordAwardInput!, $b: RecordAwardInput!) {
  a: recordAward(input: $a) { version } b: recordAward(input: $b) { version } }"""
HISTORY = """query($nip: String!) { employee(nip: $nip) { version } }"""
STATUS = """query($nip: String!) { employee(nip: $nip) { status } }"""


async def active_nips(apps: tuple[httpx.AsyncClient, httpx.AsyncClient]) -> list[str]:
    """NIPs of employees still in service (an award needs one)."""
    nips, _ = await some_nips_and_units(apps)
    found = [(nip, await both(apps, STATUS, {"nip": nip})) for nip in nips]
    active = [nip for nip, body in found if body["data"]["employee"]["status"] == "ACTIVE"]
    assert len(active) >= 2
    return active


def award(nip: str, **overrides: object) -> dict[str, Any]:
    given = {"nip": nip, "kind": "PENGHARGAAN_INSTANSI", "title": "Pegawai Teladan"}
    return {"input": given | {"awardedOn": date(2024, 8, 17).isoformat()} | overrides}


async def send(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    answer = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=HR
    )
    assert answer.status_code == 200
    return answer.json()


async def test_a_compiled_mutation_records_once_and_answers_as_strawberry_does(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    nips = await active_nips(apps)
    compiled, strawberry = apps
    assert planned(compiled, AWARD, "Award")
    first = await send(compiled, AWARD, award(nips[0]))
    second = await send(strawberry, AWARD, award(nips[0]))
    assert "errors" not in first
    assert "errors" not in second
    one, two = first["data"]["recordAward"], second["data"]["recordAward"]
    assert list(one) == list(two) == ["__typename", "employeeId", "version", "position"]
    assert one["__typename"] == two["__typename"] == "RecordAwardPayload"
    assert one["employeeId"] == two["employeeId"]
    assert two["version"] == one["version"] + 1  # one event per command, on either path
    assert two["position"] > one["position"]
    third = await send(compiled, AWARD, award(nips[0]))
    assert third["data"]["recordAward"]["version"] == two["version"] + 1


async def test_refused_commands_get_strawberrys_answer_from_the_compiled_path(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    nips = await active_nips(apps)
    unknown = await both(apps, AWARD, award("199001012020011999"), operation_name="Award")
    assert unknown["data"] is None
    assert unknown["errors"][0]["extensions"]["code"] == "EMPLOYEE_NOT_FOUND"
    assert unknown["errors"][0]["path"] == ["recordAward"]
    short = await both(apps, AWARD, award(nips[0], title="x"), operation_name="Award")
    assert short["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    auditor = HR | {"x-jejak-role": "auditor"}
    refused = await both(apps, AWARD, award(nips[0]), auditor, "Award")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    anonymous = await both(apps, AWARD, award(nips[0]), {}, "Award")
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    stale = await both(apps, AWARD, award(nips[0], expectedVersion=1), operation_name="Award")
    assert stale["errors"][0]["extensions"]["code"] == "CONFLICT"
    # Refused before the resolver: the compiled path hands these to strawberry.
    bad_enum = await both(apps, AWARD, award(nips[0], kind="MEDALI"), operation_name="Award")
    assert bad_enum["errors"]
    bad_date = await both(apps, AWARD, award(nips[0], awardedOn="17-08-2024"), None, "Award")
    assert bad_date["errors"]
    versions = [await both(apps, HISTORY, {"nip": nips[0]}) for _ in range(2)]
    assert versions[0] == versions[1]  # nothing above recorded an event


async def test_an_unexpected_failure_is_masked_and_logged_on_both_paths(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    nips = await active_nips(apps)

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(PersonnelApplication, "record_award", broken)
    failed = await both(apps, AWARD, award(nips[0]), operation_name="Award")
    assert failed["data"] is None
    assert failed["errors"][0]["message"] == "Unexpected error"
    assert failed["errors"][0]["extensions"] == {"code": "INTERNAL_ERROR"}
    logged = [r for r in caplog.records if "the disk is on fire" in r.getMessage()]
    assert len(logged) == 2  # once per path, with the traceback
    assert all(record.exc_info for record in logged)


async def test_documents_with_more_than_one_mutation_go_to_strawberry(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    nips = await active_nips(apps)
    compiled, _ = apps
    assert not planned(compiled, TWO_AWARDS)
    both_awards = await send(
        compiled, TWO_AWARDS, {"a": award(nips[1])["input"], "b": award(nips[1])["input"]}
    )
    assert both_awards["data"]["b"]["version"] == both_awards["data"]["a"]["version"] + 1
