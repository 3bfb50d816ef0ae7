"""GraphiQL over HTTP on a real database: the page and its files need no token and no CDN, and
each example tab answers with data, one click, with the token the page carries."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import psycopg
import pytest

from domain.ledger.bundle import verify_bundle
from graphql_api.app import create_app
from graphql_api.graphiql.dev_token import PageCaller
from graphql_api.graphiql.page import GraphiqlSettings
from scripts.datagen.loader import generate
from scripts.datagen.plan import build_plan
from scripts.datagen.regions import PALANGKARAYA
from scripts.graphiql_demo import demo_person, example_values
from services.database import Database
from services.ledger.settings import LedgerSettings
from services.runtime import build_personnel, open_runtime
from tests.integration.scenarios import wait_until
from tests.tokens import authenticator
from tests.unit.graphql.graphiql_html import page_headers, page_links, page_settings

pytestmark = pytest.mark.e2e

EMPLOYEES, SEED = 80, 7  # a small Palangka Raya with two years of appraisal and training
TENANT = PALANGKARAYA.tenant
BROWSER = {"accept": "text/html,application/xhtml+xml"}
CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


@pytest.fixture(autouse=True)
def ledger_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The serve process's ledger signs with a key of the test's own and checkpoints soon
    after the last event, so the evidence bundle tab has its events proven."""
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(tmp_path / "ledger-key"))
    monkeypatch.setenv("JEJAK_LEDGER_CHECKPOINT_SECONDS", "0.2")
    for name in ("JEJAK_LEDGER_KEY", "JEJAK_LEDGER_WITNESSES", "JEJAK_LEDGER_ORIGIN"):
        monkeypatch.delenv(name, raising=False)


def checkpointed(database: Database, head: int) -> bool:
    """Whether the ledger's newest checkpoint covers the log up to `head` (no ledger yet
    before the runtime's ledger thread has created its tables)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        try:
            row = conn.execute(
                "SELECT s.position >= %s AND (SELECT max(size) FROM ledger.checkpoints) = s.size "
                "FROM ledger.state s",
                (head,),
            ).fetchone()
        except psycopg.errors.UndefinedTable:
            return False
    return bool(row and row[0])


@pytest.fixture
def head(database: Database) -> int:
    """The generated region is loaded; the log's head position."""
    generate(database, EMPLOYEES, SEED, regions=[PALANGKARAYA])
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()


@asynccontextmanager
async def browsing(database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on this machine, at the app `jejak serve` would build for the region."""
    person = demo_person(build_plan(EMPLOYEES, SEED, (PALANGKARAYA,)), TENANT)
    settings = GraphiqlSettings(
        PageCaller("hr-demo", "hr_officer", TENANT), example_values(person, TENANT)
    )
    app = create_app(lambda: open_runtime(database), authenticator=authenticator(),
                     graphiql=settings)  # fmt: skip
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 52000))
        async with httpx.AsyncClient(
            transport=transport, base_url="http://127.0.0.1:8000"
        ) as client:
            yield client


@pytest.fixture
async def browser(database: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The browser, on an empty database."""
    async with browsing(database) as client:
        yield client


@pytest.fixture
async def region_browser(database: Database, head: int) -> AsyncIterator[httpx.AsyncClient]:
    """The browser, once the generated region is loaded."""
    async with browsing(database) as client:
        yield client


async def test_the_page_and_every_file_it_loads_are_served_without_a_token(
    browser: httpx.AsyncClient,
) -> None:
    page = await browser.get("/graphql", headers=BROWSER)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    links = page_links(page.text)
    assert links
    for link in links:
        asset = await browser.get(link)  # what the browser fetches next: no Authorization
        assert asset.status_code == 200, link
        suffix = link[link.rindex(".") :]
        assert asset.headers["content-type"].startswith(CONTENT_TYPES[suffix]), link


async def test_each_example_tab_answers_with_data_using_the_token_the_page_carries(
    region_browser: httpx.AsyncClient, head: int, database: Database
) -> None:
    browser = region_browser
    html = (await browser.get("/graphql", headers=BROWSER)).text
    assert "Authorization" in page_headers(html)
    headers = page_headers(html) | {"x-min-position": str(head)}
    await asyncio.to_thread(wait_until, lambda: checkpointed(database, head), 60)
    answers = []
    for tab in page_settings(html)["tabs"]:
        response = await browser.post(
            "/graphql",
            json={"query": tab["query"], "variables": json.loads(tab["variables"])},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body["errors"]
        [answer] = body["data"].values()
        assert answer, tab["query"]
        answers.append(answer)
    bundle = answers[-1]  # the evidence bundle tab: what jejak-verify accepts
    log_key = LedgerSettings.from_env(database.dbname).signer().verifier()
    result = verify_bundle(bundle, log_key)
    assert result.ok, result.failure
    assert result.predikats, "the demo person's predikat in the cycle is recomputed"
    assert bundle["pending"] == {"count": 0, "positions": []}
