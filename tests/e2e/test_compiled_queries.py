"""Compiled plans answer exactly as strawberry does: the same bodies, errors included.

Two apps on one generated region: the default one (plans in front of strawberry) and one
with `compiled_queries=False` (strawberry alone). Every document is sent to both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from graphql_api.app import create_app
from graphql_api.compiled.endpoint import CompiledGraphQL
from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.runtime import Runtime, catch_up_read_models, open_runtime
from tests.e2e.conftest import HR, TENANT, CountingPool

pytestmark = pytest.mark.e2e

EMPLOYEE = """query One($nip: String!) { employee(nip: $nip) { __typename id nip name
  employmentType sex golongan pangkat jabatan { kind title jenjang } status separation endedOn
  appointedOn serviceStart version } }"""
BY_ID = """query($id: ID!) { employee(id: $id) { nip name } }"""
ALIASED = """query($nip: String!) { a: employee(nip: $nip) { ...Who unit { ...Where } }
  b: employee(nip: "199001012020011001") { nip } }
  fragment Who on Employee { nip fullName: name ... on Employee { golongan } }
  fragment Where on Unit { id code name kind parentId depth __typename }"""
CAREER = """query($nip: String!) { employee(nip: $nip) { nip careerHistory { position kind
  effectiveOn recordedAt employmentType golongan jabatanKind jabatanTitle unitId status detail
  actorId actorRole reason } } }"""
PAGE = """query Page($unitId: ID!, $after: String, $sub: Boolean) { employees(unitId: $unitId,
  first: 7, after: $after, includeSubunits: $sub) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id nip name golongan pangkat unit { id code name } } } } }"""
TWO_OPERATIONS = """query First { employees(unitId: "x") { totalCount } }
  query Second($nip: String!) { employee(nip: $nip) { nip } }"""
# Documents plans do not cover: strawberry answers them; the bodies must still agree.
FILTERED = """query($unitId: ID!) { employees(unitId: $unitId, first: 3,
  filter: {status: ACTIVE}) { totalCount edges { node { nip } } } }"""
WITH_DIRECTIVE = """query($nip: String!, $no: Boolean!) { employee(nip: $nip) {
  nip name @skip(if: $no) } }"""
UNIT_QUERY = """query($id: ID!) { unitTree(rootId: $id) { code headCount } }"""


@pytest.fixture
async def apps(database: Database) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """Clients of the compiled app and of the strawberry-only app, after generation."""
    generate(database, 60, seed=11, regions=[PALANGKARAYA])
    catch_up_read_models(database)
    async with (
        _client(create_app(_still_runtime(database))) as compiled_client,
        _client(create_app(_still_runtime(database), compiled_queries=False)) as strawberry_client,
    ):
        yield compiled_client, strawberry_client


def _still_runtime(database: Database) -> Any:
    @asynccontextmanager
    async def runtime() -> AsyncIterator[Runtime]:
        async with open_runtime(database, run_projections=False) as opened:
            yield dataclasses.replace(opened, pool=CountingPool(opened.pool))

    return runtime


@asynccontextmanager
async def _client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


async def both(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    operation_name: str | None = None,
) -> dict[str, Any]:
    """The body from both apps, asserted equal (status too)."""
    body = {"query": query, "variables": variables, "operationName": operation_name}
    answers = [
        await client.post("/graphql", json=body, headers=HR if headers is None else headers)
        for client in apps
    ]
    compiled, plain = answers
    assert (compiled.status_code, compiled.json()) == (plain.status_code, plain.json())
    found: dict[str, Any] = compiled.json()
    return found


def planned(client: httpx.AsyncClient, query: str, operation_name: str | None = None) -> bool:
    """Whether the compiled app has a plan for the document."""
    route = next(r for r in client.app.routes if isinstance(r, Route) and r.path == "/graphql")  # type: ignore[attr-defined]
    endpoint = route.app
    assert isinstance(endpoint, CompiledGraphQL)
    return endpoint.plans.plan(query, operation_name) is not None


async def some_nips_and_units(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> tuple[list[str], list[str]]:
    units = await both(apps, "{ unitTree { id depth } }")
    unit_ids = [u["id"] for u in units["data"]["unitTree"] if u["depth"] == 1]
    page = await both(apps, PAGE, {"unitId": unit_ids[0], "sub": True})
    nips = [edge["node"]["nip"] for edge in page["data"]["employees"]["edges"]]
    return nips, unit_ids


async def test_plans_answer_employee_queries_as_strawberry_does(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    nips, _ = await some_nips_and_units(apps)
    for nip in nips[:4]:
        one = await both(apps, EMPLOYEE, {"nip": nip}, operation_name="One")
        assert one["data"]["employee"]["nip"] == nip
        assert one["data"]["employee"]["__typename"] == "Employee"
        by_id = await both(apps, BY_ID, {"id": one["data"]["employee"]["id"]})
        assert by_id["data"]["employee"]["nip"] == nip
        aliased = await both(apps, ALIASED, {"nip": nip})
        assert aliased["data"]["a"]["unit"]["__typename"] == "Unit"
        assert aliased["data"]["b"] is None  # no such employee in this tenant
        career = await both(apps, CAREER, {"nip": nip})
        assert career["data"]["employee"]["careerHistory"]
    for query in (EMPLOYEE, BY_ID, ALIASED, CAREER):
        assert planned(apps[0], query, "One" if query is EMPLOYEE else None)


async def test_plans_page_through_a_unit_as_strawberry_does(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    _, unit_ids = await some_nips_and_units(apps)
    for unit_id in unit_ids[:3]:
        for sub in (True, False, None):
            after, seen = None, 0
            while True:
                variables: dict[str, object] = {"unitId": unit_id, "after": after}
                if sub is not None:  # an explicit null is refused: Boolean! with a default
                    variables["sub"] = sub
                body = await both(apps, PAGE, variables)
                page = body["data"]["employees"]
                seen += len(page["edges"])
                if not page["pageInfo"]["hasNextPage"]:
                    break
                after = page["pageInfo"]["endCursor"]
            assert seen == page["totalCount"]
    assert planned(apps[0], PAGE, "Page")


async def test_errors_and_uncovered_documents_get_strawberrys_answer(
    apps: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    nips, unit_ids = await some_nips_and_units(apps)
    both_keys = await both(apps, 'query { employee(nip: "1", id: "x") { nip } }')
    assert both_keys["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    no_such = await both(apps, EMPLOYEE, {"nip": "12-3"}, operation_name="One")
    assert no_such["data"]["employee"] is None
    too_many = await both(apps, PAGE.replace("first: 7", "first: 500"), {"unitId": unit_ids[0]})
    assert too_many["errors"][0]["extensions"]["code"] == "PAGE_TOO_LARGE"
    no_unit = await both(apps, PAGE, {"unitId": "not-an-id"})
    assert no_unit["errors"]
    missing_variable = await both(apps, EMPLOYEE, {}, operation_name="One")
    assert missing_variable["errors"]
    anonymous = await both(apps, EMPLOYEE, {"nip": nips[0]}, headers={}, operation_name="One")
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    other_tenant = HR | {"x-jejak-tenant": "pemkab-lain"}
    assert TENANT != "pemkab-lain"
    hidden = await both(apps, EMPLOYEE, {"nip": nips[0]}, other_tenant, "One")
    assert hidden["data"]["employee"] is None
    second = await both(apps, TWO_OPERATIONS, {"nip": nips[0]}, operation_name="Second")
    assert second["data"]["employee"]["nip"] == nips[0]
    filtered = await both(apps, FILTERED, {"unitId": unit_ids[0]})
    assert filtered["data"]["employees"]["totalCount"] > 0
    skipped = await both(apps, WITH_DIRECTIVE, {"nip": nips[0], "no": True})
    assert skipped["data"]["employee"] == {"nip": nips[0]}
    unit = await both(apps, UNIT_QUERY, {"id": unit_ids[0]})
    assert unit["data"]["unitTree"][0]["headCount"] > 0
    for uncovered in (FILTERED, WITH_DIRECTIVE, UNIT_QUERY):
        assert not planned(apps[0], uncovered)
