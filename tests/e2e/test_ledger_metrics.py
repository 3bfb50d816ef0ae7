"""/metrics tells an operator how far the ledger has come and how old its newest checkpoint is,
scraped from the running app while its own ledger thread integrates the log."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import psycopg
import pytest

from services.database import Database
from tests.e2e.conftest import Api
from tests.e2e.test_metrics import samples, scrape

pytestmark = pytest.mark.e2e

UNIT = """mutation($input: CreateUnitInput!) { createUnit(input: $input) { position } }"""


@pytest.fixture
def ledger_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The serve process's ledger: a key file of the test's own, a checkpoint soon after any
    new event, no witnesses (set before the `api` fixture starts the runtime)."""
    monkeypatch.setenv("JEJAK_LEDGER_KEY_FILE", str(tmp_path / "ledger-key"))
    monkeypatch.setenv("JEJAK_LEDGER_CHECKPOINT_SECONDS", "0.2")
    for name in ("JEJAK_LEDGER_KEY", "JEJAK_LEDGER_WITNESSES", "JEJAK_LEDGER_ORIGIN"):
        monkeypatch.delenv(name, raising=False)


def _ledger_now(database: Database) -> tuple[int, int, int, float] | None:
    """(events in the log, ledger size, newest checkpoint's size, seconds since it); None
    before the runtime's ledger thread has created its tables."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        try:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM public.jejak_events),"
                " (SELECT size FROM ledger.state),"
                " (SELECT coalesce(max(size), 0) FROM ledger.checkpoints),"
                " (SELECT coalesce(extract(epoch FROM now() - max(issued_at)), -1)"
                "  FROM ledger.checkpoints)"
            ).fetchone()
        except psycopg.errors.UndefinedTable:
            return None
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2]), float(row[3])


async def _settled(database: Database) -> tuple[int, float]:
    """Wait until the ledger holds every event under a checkpoint: (size, its age then)."""
    deadline = time.monotonic() + 30
    while True:
        now = await asyncio.to_thread(_ledger_now, database)
        if now is not None and now[0] == now[1] == now[2]:
            return now[1], now[3]
        assert time.monotonic() < deadline, now
        await asyncio.sleep(0.05)


def _value(text: str, name: str) -> float:
    [value] = samples(text, name).values()
    return value


async def test_the_ledger_size_on_metrics_is_the_number_of_events_integrated(
    ledger_env: None, api: Api, database: Database
) -> None:
    await api.command(
        UNIT, {"input": {"code": "BKPSDM", "name": "Badan Kepegawaian", "kind": "BADAN"}}
    )
    size, _ = await _settled(database)

    text = await scrape(api)

    assert _value(text, "jejak_ledger_size") == size
    assert size >= 3  # two tenants registered by the fixture, and the unit


async def test_the_checkpoint_age_on_metrics_is_the_seconds_since_the_newest_checkpoint(
    ledger_env: None, api: Api, database: Database
) -> None:
    _, age_before = await _settled(database)

    first = _value(await scrape(api), "jejak_ledger_checkpoint_age_seconds")
    await asyncio.sleep(1.2)  # no new event: no new checkpoint, so the same one ages
    second = _value(await scrape(api), "jejak_ledger_checkpoint_age_seconds")
    now = await asyncio.to_thread(_ledger_now, database)
    assert now is not None
    age_after = now[3]

    assert age_before <= first <= second <= age_after
    assert second - first >= 1.0
