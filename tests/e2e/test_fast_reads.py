"""The fast read path answers as the executor does: every document, with it on and off.

Two apps share one runtime on a generated region: one as served (fast reads on), one built
with `fast_reads=False` (graphql_api/leaf_fields.py, graphql_api/policy_walks.py). Each
document goes to both and the answers (HTTP status, data and errors) must be equal: the
benchmark's portal documents (scripts/bench) and every query document the other e2e modules
sent in this session (tests/e2e/conftest.py records them; this module runs last).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest

from graphql_api.app import create_app
from scripts.bench.portal_documents import pick_portal_targets, portal_documents
from scripts.bench.portal_reads import ensure_ledger
from scripts.bench.trusted_cases import documents
from services.database import Database
from services.runtime import Runtime, open_runtime
from tests.e2e.conftest import HR, SENT_QUERIES, Api, CountingPool, register_test_tenants
from tests.e2e.generated import generated_palangkaraya
from tests.tokens import authenticator, bearer

pytestmark = pytest.mark.e2e

TODAY = date(2026, 8, 5)  # 2025 finalised, its training complete; 2026 under way

Answer = tuple[int, Any]


@dataclass
class OnAndOff:
    """A client of the app as served and one of the app with fast reads off."""

    on: httpx.AsyncClient
    off: httpx.AsyncClient
    head: int  # every read waits for the read models to reach it

    async def ask(
        self, client: httpx.AsyncClient, query: str, variables: dict[str, Any],
        headers: dict[str, str],
    ) -> Answer:  # fmt: skip
        consistent = {k: v for k, v in headers.items() if k.lower() != "x-min-position"}
        consistent["x-min-position"] = str(self.head)
        response = await client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=consistent
        )
        return response.status_code, response.json()

    async def both(
        self, query: str, variables: dict[str, Any], headers: dict[str, str]
    ) -> tuple[Answer, Answer]:
        """The answer with fast reads on, then off."""
        on = await self.ask(self.on, query, variables, headers)
        return on, await self.ask(self.off, query, variables, headers)


@pytest.fixture
async def region(database: Database) -> AsyncIterator[OnAndOff]:
    """A generated Palangka Raya, read through both apps over one runtime."""
    head = generated_palangkaraya(database, 60, 11, TODAY)
    async with open_runtime(database) as runtime:

        @asynccontextmanager
        async def shared() -> AsyncIterator[Runtime]:
            yield runtime

        on = create_app(shared, authenticator=authenticator())
        off = create_app(shared, authenticator=authenticator(), fast_reads=False)
        async with (
            on.router.lifespan_context(on),
            off.router.lifespan_context(off),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=on), base_url="http://on") as a,
            httpx.AsyncClient(transport=httpx.ASGITransport(app=off), base_url="http://off") as b,
        ):
            registrar = Api(a, CountingPool(runtime.pool), head)
            await register_test_tenants(registrar)
            yield OnAndOff(a, b, max(head, registrar.last_position))


async def test_every_benchmark_document_answers_the_same_with_fast_reads_on_and_off(
    region: OnAndOff, database: Database
) -> None:
    # Given the benchmarks' documents (the trusted-documents set and the 13 portal reads),
    # with variables picked from the region's data and its ledger checkpointed
    await region.ask(region.on, "{ tenants { code } }", {}, HR)  # the read models caught up
    ensure_ledger(database)
    found = pick_portal_targets(database, samples=3)
    sent = [(d.key, d.text, v, HR) for d in documents(found.targets, TODAY) for v in d.variables]
    for portal in portal_documents(found):
        headers = bearer(f"portal-{portal.role.value}", portal.role.value, found.targets.tenant)
        sent += [(portal.key, portal.text, v, headers) for v in portal.variables]
    for key, text, variables, headers in sent:
        # When each is answered with fast reads on and off
        on, off = await region.both(text, variables, headers)
        if on != off:  # the ledger's keeper may sign a checkpoint in between: once more
            on, off = await region.both(text, variables, headers)
        # Then both answers are the same, and they are answers, not errors
        assert on == off, (key, variables)
        status, body = on
        assert status == 200, (key, body)
        assert "errors" not in body, (key, body)
    assert len({text for _, text, *_ in sent}) == 7 + 13


async def test_every_query_the_e2e_suite_sent_answers_the_same_with_fast_reads_on_and_off(
    region: OnAndOff,
) -> None:
    # Given every query document the other e2e modules sent (none if this module runs alone)
    unstable: list[str] = []
    for query, (variables, headers) in sorted(SENT_QUERIES.items()):
        # When it is answered with fast reads on and off
        on, off = await region.both(query, variables, headers)
        if on != off and await region.ask(region.on, query, variables, headers) != on:
            unstable.append(query)  # its answer changes between reads: a clock, a growing log
            continue
        # Then both answers are the same
        assert on == off, json.dumps({"query": query, "on": on, "off": off})[:2000]
    assert len(unstable) <= max(3, len(SENT_QUERIES) // 50), unstable
