"""Bounded requests over HTTP: each finding against a running server, as a regression test.

Every refusal has GraphQL's error shape with a JSON content type, and a refused document
reaches no resolver: it sends no statement to the read models.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.types import Message

from graphql_api.app import create_app
from graphql_api.limits import Limits
from services.database import Database
from services.runtime import Runtime, open_runtime
from tests.e2e.conftest import HR, Api, CountingPool, check_tenants_known, register_tenants
from tests.e2e.steps import create_unit
from tests.tokens import authenticator
from tests.unit.graphql.portal_documents import GRAPHIQL_INTROSPECTION

pytestmark = pytest.mark.e2e

ROSTER_LOOP = (
    "{ trainingProgrammes { roster { programme { roster { programme { roster { employee { nip }"
    " } } } } } } }"
)
FAR_AHEAD = {"x-min-position": str(10**12), "x-wait-timeout-ms": "30000"}


async def post(api: Api, body: bytes | dict[str, Any], **headers: str) -> httpx.Response:
    """POST /graphql as HR: a dict as JSON, bytes as they are."""
    sent = HR | {"content-type": "application/json"} | headers
    content = json.dumps(body).encode() if isinstance(body, dict) else body
    return await api.client.post("/graphql", content=content, headers=sent)


def refusal_of(response: httpx.Response) -> dict[str, Any]:
    """The one error of a refused request, checking it has GraphQL's shape."""
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert isinstance(error["message"], str)
    return dict(error)


async def test_the_roster_loop_of_the_finding_is_refused_at_once(api: Api) -> None:
    started, before = time.perf_counter(), len(api.pool.statements)
    response = await post(api, {"query": ROSTER_LOOP})
    assert time.perf_counter() - started < 1.0
    assert response.status_code == 400
    error = refusal_of(response)
    assert error["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": "depth", "maximum": 7}
    assert len(api.pool.statements) == before


def recomputations(count: int) -> str:
    return (
        "{ "
        + " ".join(f'r{i}: recomputeCycle(cycleId: "x") {{ checked }}' for i in range(count))
        + " }"
    )


async def test_300_aliases_of_recompute_cycle_are_refused(api: Api) -> None:
    response = await post(api, {"query": recomputations(300)})
    # 13 kB of document: refused for its size before its aliases are counted (next test).
    assert response.status_code == 413
    assert refusal_of(response)["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_eleven_aliases_of_recompute_cycle_are_refused_for_each_limit_they_pass(
    api: Api,
) -> None:
    response = await post(api, {"query": recomputations(11)})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {e["extensions"]["code"] for e in errors} == {"QUERY_TOO_COMPLEX"}
    assert {e["extensions"]["limit"] for e in errors} == {"aliases", "rootFields", "cost"}


async def test_2000_operations_in_one_document_are_refused(api: Api) -> None:
    document = " ".join(f"query Q{i} {{ __typename }}" for i in range(2000))
    response = await post(api, {"query": document, "operationName": "Q1"})
    # 50 kB of document: its size refuses it before its operations are counted (next test).
    assert response.status_code == 413
    assert refusal_of(response)["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_a_few_operations_past_the_limit_are_refused_by_count(api: Api) -> None:
    document = " ".join(f"query Q{i} {{ __typename }}" for i in range(4))
    response = await post(api, {"query": document, "operationName": "Q1"})
    assert response.status_code == 400
    assert refusal_of(response)["extensions"]["limit"] == "operations"


async def test_a_one_megabyte_document_is_refused_as_too_large(api: Api) -> None:
    document = "{ __typename " + " " * 1_000_000 + "}"
    response = await post(api, {"query": document})
    assert response.status_code == 413
    assert refusal_of(response)["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_a_document_over_its_own_limit_in_a_small_body_is_refused_as_too_large(
    api: Api,
) -> None:
    response = await post(api, {"query": "{ __typename " + " " * 5_000 + "}"})
    assert response.status_code == 413
    assert refusal_of(response)["extensions"] == {
        "code": "REQUEST_TOO_LARGE", "limit": "documentBytes", "maximum": 4096,
        "measured": 5_014,
    }  # fmt: skip


async def test_two_operations_without_an_operation_name_are_refused(api: Api) -> None:
    document = "query A { __typename } mutation B { __typename }"
    response = await post(api, {"query": document})
    assert response.status_code == 400
    error = refusal_of(response)
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "operationName" in error["message"]


async def test_an_operation_name_runs_the_operation_it_names(api: Api) -> None:
    document = "query A { a: __typename } query B { b: __typename }"
    response = await post(api, {"query": document, "operationName": "B"})
    assert (response.status_code, response.json()) == (200, {"data": {"b": "Query"}})


async def test_invalid_utf8_in_the_body_is_a_typed_bad_request(api: Api) -> None:
    response = await post(api, b'{"query": "{ __typename \xff\xfe }"}')
    assert response.status_code == 400
    assert refusal_of(response)["extensions"] == {"code": "BAD_REQUEST"}


async def test_a_body_that_is_not_json_is_a_typed_bad_request(api: Api) -> None:
    response = await post(api, b"query { __typename }")
    assert response.status_code == 400
    assert refusal_of(response)["extensions"] == {"code": "BAD_REQUEST"}


@pytest.mark.parametrize("body", [b"42", b'"{ __typename }"', b"null"])
async def test_a_json_body_that_is_not_an_object_is_a_typed_bad_request(
    api: Api, body: bytes
) -> None:
    response = await post(api, body)
    assert response.status_code == 400
    assert refusal_of(response)["extensions"] == {"code": "BAD_REQUEST"}


async def test_a_malformed_min_position_is_a_typed_invalid_argument(api: Api) -> None:
    response = await post(api, {"query": "{ __typename }"}, **{"x-min-position": "abc"})
    assert response.status_code == 400
    error = refusal_of(response)
    assert error["extensions"] == {"code": "INVALID_ARGUMENT"}
    assert "X-Min-Position" in error["message"]


async def test_a_method_other_than_get_or_post_is_a_typed_405(api: Api) -> None:
    response = await api.client.put("/graphql", headers=HR, content=b"{}")
    assert response.status_code == 405
    assert refusal_of(response)["extensions"] == {"code": "METHOD_NOT_ALLOWED"}


async def test_a_body_over_its_limit_is_refused_as_too_large(api: Api) -> None:
    variables = {"note": "x" * 300_000}
    response = await post(api, {"query": "{ __typename }", "variables": variables})
    assert response.status_code == 413
    assert refusal_of(response)["extensions"] == {"code": "REQUEST_TOO_LARGE"}


async def test_graphiqls_introspection_query_is_answered(api: Api) -> None:
    response = await post(api, {"query": GRAPHIQL_INTROSPECTION})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_a_deeper_introspection_than_graphiql_asks_is_refused(api: Api) -> None:
    document = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    response = await post(api, {"query": document})
    assert response.status_code == 400
    assert refusal_of(response)["message"] == "Maximum introspection depth exceeded"


async def test_a_page_larger_than_allowed_is_refused(api: Api) -> None:
    body = await api.graphql("{ unitTree(first: 2001) { code } }")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["PAGE_TOO_LARGE"]


async def test_the_unit_tree_pages_with_first_and_after(api: Api) -> None:
    root = await create_unit(api, "DISDIK")
    for code in ("BID-A", "BID-B"):
        await create_unit(api, code, root)
    first = (await api.read("{ unitTree(first: 2) { id code } }"))["data"]["unitTree"]
    rest = await api.read(
        "query($after: ID) { unitTree(first: 2, after: $after) { code } }",
        {"after": first[-1]["id"]},
    )
    codes = [u["code"] for u in first] + [u["code"] for u in rest["data"]["unitTree"]]
    assert sorted(codes) == ["BID-A", "BID-B", "DISDIK"]
    assert codes[0] == "DISDIK"  # parents before children


@dataclass
class WatchedPositions:
    """The runtime's real position watcher, noting each wait that was cancelled."""

    inner: Any
    cancelled: int = 0
    waiting: int = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def wait_for(self, position: int, timeout: float) -> bool:  # noqa: ASYNC109
        self.waiting += 1
        try:
            return bool(await self.inner.wait_for(position, timeout))
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.waiting -= 1


@dataclass
class Served:
    """An app whose requests time out after half a second, and its watched position waits."""

    app: Starlette
    positions: list[WatchedPositions] = field(default_factory=list)


@pytest.fixture
async def served(database: Database) -> AsyncIterator[Served]:
    """The app with a request timeout of half a second, its tenants registered."""
    watched: list[WatchedPositions] = []

    @asynccontextmanager
    async def watched_runtime() -> AsyncIterator[Runtime]:
        async with open_runtime(database) as runtime:
            watched.append(WatchedPositions(runtime.positions))
            yield dataclasses.replace(runtime, positions=watched[-1])  # type: ignore[arg-type]

    limits = dataclasses.replace(Limits.from_env(), request_timeout_ms=500)
    app = create_app(watched_runtime, authenticator=authenticator(), limits=limits)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
            api = Api(client, CountingPool(None))
            await register_tenants(api)
            # Caught up before the first read: its wait would count against the 500 ms.
            assert await watched[-1].inner.wait_for(api.last_position, 30)
            await check_tenants_known(api)
        yield Served(app, watched)


async def test_a_request_past_the_timeout_is_cancelled_and_answered_504(served: Served) -> None:
    transport = httpx.ASGITransport(app=served.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
        started = time.perf_counter()
        response = await client.post(
            "/graphql", json={"query": "{ __typename }"}, headers=HR | FAR_AHEAD
        )
    assert time.perf_counter() - started < 5
    assert response.status_code == 504
    assert refusal_of(response)["extensions"] == {"code": "REQUEST_TIMEOUT"}
    [positions] = served.positions
    assert (positions.cancelled, positions.waiting) == (1, 0)


async def test_a_client_that_disconnects_cancels_its_request(served: Served) -> None:
    body = json.dumps({"query": "{ __typename }"}).encode()
    headers = [(k.encode(), v.encode()) for k, v in (HR | FAR_AHEAD).items()]
    headers.append((b"content-type", b"application/json"))
    scope = {
        "type": "http", "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/graphql", "raw_path": b"/graphql", "query_string": b"", "root_path": "",
        "headers": headers, "server": ("jejak", 80), "client": ("127.0.0.1", 5000),
    }  # fmt: skip
    sent: list[Message] = []
    messages = iter([{"type": "http.request", "body": body, "more_body": False}])

    async def receive() -> Message:
        message = next(messages, None)
        if message is None:
            await asyncio.sleep(0.2)  # the client waits a moment, then hangs up
            return {"type": "http.disconnect"}
        return message

    async def send(message: Message) -> None:
        sent.append(message)

    started = time.perf_counter()
    await served.app(scope, receive, send)
    assert time.perf_counter() - started < 0.5  # neither the 30 s wait nor the timeout
    [positions] = served.positions
    assert (positions.cancelled, positions.waiting) == (1, 0)
    assert sent == []
