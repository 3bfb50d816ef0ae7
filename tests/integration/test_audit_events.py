"""Audit queries across the log answer what a scan of the whole log would, within row-level
security: an auditor their tenant's events, the platform admin the platform's own acts."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from graphql_api.audit.platform import PlatformPool
from projections.appraiser_stats import appraiser_stats, direction
from projections.audit_events import EventFilter, all_audit_events, audit_events, text_query
from projections.base import READ_SCHEMA
from scripts.cli import main
from services.database import Database
from services.read_pool import TenantPool, open_read_pool
from tests.integration.scenarios import database_url
from tests.integration.two_tenants import TENANTS, two_tenants_database

pytestmark = pytest.mark.integration

MULYOREJO, PALANGKARAYA = TENANTS


@pytest.fixture(scope="module")
def region(postgres_server: Database) -> Iterator[Database]:
    """Two generated tenants, projected, shared by this module's tests (they only read)."""
    with two_tenants_database(postgres_server) as database:
        yield database


@pytest.fixture
async def api_pool(region: Database) -> AsyncIterator[Any]:
    """The API's read pool (role jejak_api) with one connection, reused by every read."""
    pool = await open_read_pool(region, min_size=1, max_size=1)
    yield pool
    await pool.close()


def whole_log(database: Database) -> list[dict[str, Any]]:
    """Every row of the event_log read model, as the owner reads it (no row-level security)."""
    with psycopg.connect(**database.psycopg_kwargs(), row_factory=dict_row) as conn:
        return conn.execute(f"SELECT * FROM {READ_SCHEMA}.event_log ORDER BY position").fetchall()


async def every(pool: Any, where: EventFilter) -> list[int]:
    return [event.position async for event in all_audit_events(pool, where, page=50)]


async def test_an_auditor_finds_one_actor_s_events_of_their_own_tenant_only(
    region: Database, api_pool: Any
) -> None:
    log = whole_log(region)
    actor = next(r["actor_id"] for r in log if r["tenant"] == PALANGKARAYA and r["reason"])
    expected = [
        r["position"] for r in log if r["actor_id"] == actor and r["tenant"] == PALANGKARAYA
    ]
    mine = await every(TenantPool(api_pool, PALANGKARAYA), EventFilter(actor=actor))
    assert mine == expected
    # The same question asked by the other tenant's auditor, naming this tenant: nothing.
    other = TenantPool(api_pool, MULYOREJO)
    assert await every(other, EventFilter(actor=actor, tenant=PALANGKARAYA)) == []


async def test_role_type_and_period_filters_match_a_scan_of_the_log(
    region: Database, api_pool: Any
) -> None:
    log = [r for r in whole_log(region) if r["tenant"] == MULYOREJO]
    middle = log[len(log) // 2]["recorded_at"]
    since, until = middle - timedelta(days=200), middle + timedelta(days=200)
    where = EventFilter(role="hr_officer", event_type="Employee.Promoted", since=since, until=until)
    expected = [
        r["position"]
        for r in log
        if r["actor_role"] == "hr_officer"
        and (r["aggregate_type"], r["event_type"]) == ("Employee", "Promoted")
        and since <= r["recorded_at"] < until
    ]
    assert expected, "the generated history has promotions in that period"
    assert await every(TenantPool(api_pool, MULYOREJO), where) == expected


async def test_words_of_the_reason_find_the_events_whose_reason_holds_them(
    region: Database, api_pool: Any
) -> None:
    log = [r for r in whole_log(region) if r["tenant"] == PALANGKARAYA and r["reason"]]
    word = max(log[0]["reason"].split(), key=len).strip(".,():;")
    found = await every(TenantPool(api_pool, PALANGKARAYA), EventFilter(text=word.upper()))
    assert log[0]["position"] in found
    by_scan = [r["position"] for r in log if word.lower() in r["reason"].lower()]
    assert set(found) <= set(by_scan), "every event found holds the word"


def test_text_without_a_word_asks_nothing_of_the_reason() -> None:
    assert text_query("SK 7/2019, prestasi") == "SK 7/2019, prestasi"
    assert text_query(" ,; ") is None
    assert EventFilter(text=" ,; ").conditions() == ([], [])


async def test_pages_after_a_position_join_up_to_the_whole_answer(api_pool: Any) -> None:
    pool = TenantPool(api_pool, MULYOREJO)
    whole = [e.position for e in await audit_events(pool, EventFilter(), None, 1000)]
    first = [e.position for e in await audit_events(pool, EventFilter(), None, 10)]
    rest = [e.position for e in await audit_events(pool, EventFilter(), first[-1], 990)]
    assert first + rest == whole[: len(first) + len(rest)]


async def test_the_platform_admin_sees_the_platform_s_acts_of_every_tenant_and_nothing_else(
    region: Database, api_pool: Any
) -> None:
    log = whole_log(region)
    expected = [r["position"] for r in log if r["actor_role"] == "admin"]
    assert {r["tenant"] for r in log if r["actor_role"] == "admin"} >= set(TENANTS)
    seen = await every(PlatformPool(api_pool), EventFilter(platform_only=True))
    assert seen == expected
    # Asking for another role's events still shows none of a tenant's data.
    assert await every(PlatformPool(api_pool), EventFilter(role="hr_officer")) == []


async def test_appraiser_stats_count_what_each_appraiser_gave_and_calibrators_changed(
    region: Database, api_pool: Any
) -> None:
    with psycopg.connect(**region.psycopg_kwargs(), row_factory=dict_row) as conn:
        cycle = conn.execute(
            f"SELECT cycle_id, count(*) AS n FROM {READ_SCHEMA}.appraisals WHERE tenant = %s "
            "AND annual_predikat IS NOT NULL GROUP BY cycle_id ORDER BY n DESC LIMIT 1",
            (MULYOREJO,),
        ).fetchone()
        assert cycle is not None, "a finalised cycle was generated"
        calibrations = conn.execute(
            f"SELECT l.payload FROM {READ_SCHEMA}.event_log l JOIN {READ_SCHEMA}.appraisals a "
            "ON a.id = l.originator_id WHERE a.cycle_id = %s AND "
            "l.event_type = 'RatingCalibrated' AND l.payload->>'checkpoint' = 'ANNUAL'",
            (cycle["cycle_id"],),
        ).fetchall()
    stats = await appraiser_stats(TenantPool(api_pool, MULYOREJO), cycle["cycle_id"])
    assert sum(s.appraisals for s in stats) >= cycle["n"]
    assert sum(sum(s.given.values()) for s in stats) >= cycle["n"]
    tenant = stats[0].tenant_given
    assert sum(stats[0].share(tenant, p) for p in tenant) == pytest.approx(1.0)
    changed = sum(s.calibrated_up + s.calibrated_down + s.calibrated_level for s in stats)
    assert changed == len(calibrations)
    # Another tenant's auditor asking for the cycle gets nobody's results.
    assert await appraiser_stats(TenantPool(api_pool, PALANGKARAYA), cycle["cycle_id"]) == []


def test_a_calibration_s_direction_is_the_sign_of_the_change_of_the_ratings_sum() -> None:
    assert direction(("SESUAI", "SESUAI"), ("DI_ATAS", "SESUAI")) == 1
    assert direction(("DI_ATAS", "DI_BAWAH"), ("SESUAI", "SESUAI")) == 0
    assert direction(("SESUAI", "DI_ATAS"), ("DI_BAWAH", "DI_ATAS")) == -1


def test_the_cli_writes_the_same_events_as_json_lines_stamped_with_the_log_position(
    region: Database, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(region))
    log = whole_log(region)
    expected = [
        r["position"] for r in log if r["tenant"] == MULYOREJO and r["actor_role"] == "admin"
    ]
    args = ["audit", "events", "--tenant", MULYOREJO, "--role", "admin", "--format", "jsonl"]
    assert main(args) == 0
    lines = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    assert [line["position"] for line in lines] == expected
    assert all(isinstance(line["payload"], dict) for line in lines)
    assert {line["log_position"] for line in lines} == {log[-1]["position"]}
    assert lines[0]["recorded_at"].endswith("+00:00")


def test_the_cli_writes_csv_with_the_stamp_columns_and_refuses_a_time_without_offset(
    region: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(region))
    assert main(["audit", "events", "--type", "Instansi.Registered", "--format", "csv"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.endswith("payload,ledger_size,ledger_root,log_position")
    assert len(rows) == len(TENANTS)
    assert main(["audit", "events", "--from", "2024-03-01T00:00:00"]) == 2
    assert "INVALID_ARGUMENT" in capsys.readouterr().err


def test_the_report_export_of_audit_events_keeps_to_the_tenant_it_names(
    region: Database, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(region))
    expected = [r["position"] for r in whole_log(region) if r["tenant"] == PALANGKARAYA]
    assert main(["export", "audit-events", "--tenant", PALANGKARAYA, "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    assert [line["position"] for line in lines] == expected
