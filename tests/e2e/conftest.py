"""The ASGI app on a fresh real PostgreSQL database, driven over HTTP through its lifespan."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from graphql_api.app import create_app
from services.database import Database
from services.runtime import Runtime, open_runtime
from tests.tokens import authenticator, bearer

TENANT = "pemkot-palangkaraya"
HR = bearer("hr-budi", "hr_officer", TENANT)
ADMIN = bearer("platform-admin", "admin", TENANT)  # the platform operator
TEST_TENANTS = {  # registered by the `api` fixture, as the platform admin would
    TENANT: ("Pemerintah Kota Palangkaraya", "PEMKOT"),
    "pemkab-kemuning": ("Pemerintah Kabupaten Kemuning", "PEMKAB"),
}
REGISTER_TENANT = """mutation($input: RegisterTenantInput!) {
  registerTenant(input: $input) { code position } }"""
AUDITOR = bearer("inspektorat-1", "auditor", TENANT)
# Every query document the e2e tests sent, with the first variables and headers sent with it:
# tests/e2e/test_fast_reads.py, which runs last, replays them with the fast read path on and off.
SENT_QUERIES: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The fast-read comparison replays what the other modules sent, so it runs last."""
    items.sort(key=lambda item: item.path.name == "test_fast_reads.py")


class CountingPool:
    """The read-model pool, counting every statement the API sends through it."""

    def __init__(self, pool: Any, statements: list[str] | None = None) -> None:
        self._pool = pool  # a pool, or one connection acquired from it
        self.statements: list[str] = [] if statements is None else statements

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)

    async def fetch(self, query: str, *args: Any) -> Any:
        self.statements.append(query)
        return await self._pool.fetch(query, *args)

    async def fetchrow(self, query: str, *args: Any) -> Any:
        self.statements.append(query)
        return await self._pool.fetchrow(query, *args)

    async def fetchval(self, query: str, *args: Any, column: int = 0) -> Any:
        self.statements.append(query)
        return await self._pool.fetchval(query, *args, column=column)

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[Any]:
        """A connection whose reads are counted too (tenant-scoped reads take one each)."""
        async with self._pool.acquire() as connection:
            yield CountingPool(connection, self.statements)


@dataclass
class Api:
    """An HTTP client of the app, and the read-model statements it caused."""

    client: httpx.AsyncClient
    pool: CountingPool
    last_position: int = field(default=0)

    async def graphql(
        self, query: str, variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        headers = HR if headers is None else headers
        if query.lstrip().startswith(("{", "query")):
            SENT_QUERIES.setdefault(query, (variables or {}, headers))
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def command(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        """Run a mutation that must succeed; remember the log position it returned."""
        body = await self.graphql(query, variables)
        assert "errors" not in body, body["errors"]
        [payload] = body["data"].values()
        self.last_position = max(self.last_position, payload["position"])
        return dict(payload)

    async def read(
        self, query: str, variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """Run a query once the read models have every write this client made."""
        consistent = {"x-min-position": str(self.last_position)}
        return await self.graphql(
            query, variables, (HR if headers is None else headers) | consistent
        )


@pytest.fixture
async def api(database: Database) -> AsyncIterator[Api]:
    """The app on a fresh database, its lifespan entered, with a client."""
    pools: list[CountingPool] = []

    @asynccontextmanager
    async def counted_runtime() -> AsyncIterator[Runtime]:
        async with open_runtime(database) as runtime:
            pools.append(CountingPool(runtime.pool))
            yield dataclasses.replace(runtime, pool=pools[-1])

    app = create_app(counted_runtime, authenticator=authenticator())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
            api = Api(client, pools[0])
            await register_test_tenants(api)
            yield api


async def register_test_tenants(api: Api) -> None:
    """The platform admin registers the test tenants through `registerTenant` (one a test
    generated already stays as it is); then the API is asked once, as HR, to read after the
    registrations, so the first request of a test finds its tenant known."""
    await register_tenants(api)
    await check_tenants_known(api)


async def register_tenants(api: Api) -> None:
    """The test tenants registered through `registerTenant`; `api.last_position` follows."""
    for code, (name, kind) in TEST_TENANTS.items():
        variables = {"input": {"code": code, "name": name, "kind": kind}}
        body = await api.graphql(REGISTER_TENANT, variables, ADMIN)
        codes = {error["extensions"]["code"] for error in body.get("errors", [])}
        assert codes <= {"TENANT_ALREADY_REGISTERED"}, body
        if not codes:
            api.last_position = max(api.last_position, body["data"]["registerTenant"]["position"])


async def check_tenants_known(api: Api) -> None:
    """Read, as HR, after the registrations: the caller's tenant is known to the read side."""
    known = await api.read("{ tenants { code } }")
    assert known["data"]["tenants"] == [{"code": TENANT}], known
