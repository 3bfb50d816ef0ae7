"""Property-based fuzzing of the whole GraphQL schema over HTTP, on a small generated region.

Generated queries and mutations (hypothesis-graphql, with Date, DateTime and ID strategies,
seeded ids and NIPs about half the time), sent by valid callers of every role, and malformed
requests of every kind: no answer may be a 5xx, every body is JSON, every error has an
`extensions.code` and none is INTERNAL_ERROR; at the end the read models have caught up with
the log, so no accepted command stopped a projection.

Bounded: JEJAK_FUZZ_EXAMPLES examples per property (default below, about a minute for
the module on a 2-core machine). Longer on demand, e.g. `JEJAK_FUZZ_EXAMPLES=20000 pytest
tests/e2e/test_fuzz.py -s`. With CI set the run is derandomized, so CI is reproducible.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strawberry.printer import print_schema

from graphql_api.app import create_app
from graphql_api.schema import schema
from services.database import Database
from services.runtime import Runtime, open_runtime
from tests.e2e.fuzz_garbage import garbage
from tests.e2e.fuzz_http import ErrorLog, Request, Tally, send
from tests.e2e.fuzz_seed import Seeded, module_database, read_seeded, seed_region
from tests.e2e.fuzz_strategies import operations, root_fields_of
from tests.tokens import authenticator

pytestmark = pytest.mark.e2e

EXAMPLES = int(os.environ.get("JEJAK_FUZZ_EXAMPLES", "3000"))  # about a minute for the module
CATCH_UP_SECONDS = 60.0
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,  # a failure prints its seed; nothing is written into the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(repr=False)  # a failing example prints its arguments: keep this one short
class Target:
    """The app under fuzzing, what was seeded in it, and the counts so far."""

    client: httpx.AsyncClient
    runtime: Runtime
    seeded: Seeded
    operations: st.SearchStrategy[Request]
    tally: Tally
    log: ErrorLog
    root_fields: int

    def __repr__(self) -> str:
        return f"Target({self.seeded.summary()})"


@pytest.fixture(scope="module")
def fuzz_database(postgres_server: Database) -> Iterator[Database]:
    """A database of this module's own, dropped after it."""
    with module_database(postgres_server) as database:
        yield database


@pytest.fixture(scope="module")
def seeded_head(fuzz_database: Database) -> int:
    """The generated region, loaded once for the module; the log's head after it."""
    return seed_region(fuzz_database)


@pytest.fixture(scope="module")
async def target(fuzz_database: Database, seeded_head: int) -> AsyncIterator[Target]:
    """The app on the seeded region, its lifespan entered, with a client."""
    runtimes: list[Runtime] = []

    @asynccontextmanager
    async def kept_runtime() -> AsyncIterator[Runtime]:
        async with open_runtime(fuzz_database) as runtime:
            runtimes.append(runtime)
            yield runtime

    app = create_app(kept_runtime, authenticator=authenticator())
    log = ErrorLog()
    logging.getLogger("jejak").addHandler(log)
    try:
        async with app.router.lifespan_context(app):
            # A crash is answered 500, as a server would, instead of raised into the test.
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://jejak", timeout=60
            ) as client:
                seeded = await read_seeded(client, seeded_head)
                sdl = print_schema(schema)
                requests = operations(sdl, seeded)
                fields = len(root_fields_of(sdl))
                yield Target(client, runtimes[0], seeded, requests, Tally(), log, fields)
    finally:
        logging.getLogger("jejak").removeHandler(log)


async def exchange(target: Target, request: Request) -> None:
    """Send `request`, count the answer, and fail on any broken property, with the app's log."""
    logged = len(target.log.records)
    response = await send(target.client, request)
    problems = target.tally.record(request, response)
    assert not problems, (
        f"{'; '.join(problems)}\nrequest: {request.describe()}\n"
        f"answer {response.status_code}: {response.text[:2000]}\n"
        f"app log: {target.log.since(logged)}"
    )


@FUZZ
@given(data=st.data())
async def test_no_generated_query_or_mutation_earns_a_server_error(
    target: Target, data: st.DataObject
) -> None:
    await exchange(target, data.draw(target.operations, label="request"))


@FUZZ
@given(request=garbage())
async def test_no_malformed_request_earns_a_server_error(target: Target, request: Request) -> None:
    await exchange(target, request)


async def test_the_read_models_have_caught_up_with_the_log_after_fuzzing(
    target: Target, request: pytest.FixtureRequest
) -> None:
    # Runs after the two properties (file order): every event they recorded is projected.
    positions = target.runtime.positions
    head = await asyncio.to_thread(target.runtime.reader.head)
    assert await positions.wait_for(head, CATCH_UP_SECONDS), await positions.current()
    assert await positions.held() == []
    ready = await target.client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["status"] == "ready"
    report = "\n".join(
        [
            target.tally.render(target.root_fields),
            f"{target.seeded.summary()}; log head after fuzzing #{head} "
            f"({head - target.seeded.head} events recorded by generated mutations); "
            f"read models at #{await positions.current()}",
            "outcomes by root field:",
            target.tally.render_fields(),
        ]
    )
    print(f"\nfuzz tally ({EXAMPLES} examples per property)\n{report}")
    request.node.add_report_section("call", "fuzz tally", report)
