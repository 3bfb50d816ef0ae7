"""Audit export: the streamed `audit-events` export against a raw read of the same log rows,
side by side, and the plans of the audit queries (EXPLAIN ANALYZE) with their indexes.

`jejak bench --audit-export [--quick]` (or `python -m scripts.bench.audit_export [EMPLOYEES]`)
prints the figures for the largest tenant of the data set, generated once in .jejak/bench like
the rest of the suite and measured on a copy whose read models are caught up with the log.
The export runs as the API runs it: through the read pool as `jejak_api` under row-level
security, page by page (projections/audit_events.py), each event encoded as its row
(graphql_api/exports/audit.py) and written as JSON Lines or CSV; the raw read fetches the same
rows with one statement as the owner and encodes nothing.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import asyncpg
import psycopg

from graphql_api.exports.audit import COLUMNS, event_row, latest_checkpoint
from graphql_api.exports.formats import csv_chunks, json_chunks
from graphql_api.exports.sheet import Row
from projections.audit_events import REASON_WORDS, EventFilter, all_audit_events, audit_sql
from projections.base import READ_SCHEMA
from projections.event_log import LOGGED_FIELDS, audit_indexes
from scripts.bench.datasets import open_dataset
from scripts.bench.scratch import scratch_copy
from scripts.bench.stats import median
from services.database import Database
from services.read_pool import TenantPool, open_read_pool
from services.runtime import catch_up_read_models

SCRATCH = "jejak_bench_audit_export"
RAW = (
    f"SELECT {', '.join(LOGGED_FIELDS[:-1])}, payload::text AS payload "
    f"FROM {READ_SCHEMA}.event_log WHERE tenant = $1 ORDER BY position"
)


@dataclass(frozen=True)
class Plan:
    """One audit query's plan: what it scans, with which index, and how long it ran."""

    name: str
    scans: str  # the plan's scan nodes, e.g. "Index Scan event_log_by_actor"
    rows: int
    ms: float


@dataclass(frozen=True)
class AuditFigures:
    tenant: str
    events: int  # the tenant's events, exported each time
    log_events: int  # the whole log
    raw_rate: float  # events/s, median
    jsonl_rate: float
    csv_rate: float
    jsonl_bytes: int
    plans: list[Plan]
    index_seconds: float  # building the audit indexes on the full table, once
    index_bytes: int

    @property
    def jsonl_ratio(self) -> float:
        return self.jsonl_rate / self.raw_rate

    @property
    def csv_ratio(self) -> float:
        return self.csv_rate / self.raw_rate


def rebuild_indexes(database: Database) -> tuple[float, int]:
    """Seconds to build the audit indexes on the full event_log, and their size in bytes."""
    statements = audit_indexes(READ_SCHEMA)
    names = [s.split(" EXISTS ")[1].split()[0] for s in statements]
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        for name in names:
            conn.execute(f"DROP INDEX IF EXISTS {READ_SCHEMA}.{name}")
        started = time.perf_counter()
        for statement in statements:
            conn.execute(statement)
        seconds = time.perf_counter() - started
        conn.execute(f"ANALYZE {READ_SCHEMA}.event_log")
        size = conn.execute(
            "SELECT sum(pg_relation_size((%s || '.' || n)::regclass)) FROM unnest(%s::text[]) n",
            (READ_SCHEMA, names),
        ).fetchone()
    return seconds, int(size[0] if size else 0)


def largest_tenant(database: Database) -> tuple[str, int, int, dict[str, Any]]:
    """The tenant with the most events, its count, the log's, and sample values to filter on."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT tenant, count(*) FROM {READ_SCHEMA}.event_log GROUP BY tenant "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        assert row is not None, "the data set has events"
        tenant, count = str(row[0]), int(row[1])
        total = conn.execute(f"SELECT count(*) FROM {READ_SCHEMA}.event_log").fetchone()
        reasons = (
            f"FROM {READ_SCHEMA}.event_log WHERE tenant = %s AND actor_role = 'hr_officer' "
            "AND reason IS NOT NULL"
        )
        half = conn.execute(f"SELECT count(*) / 2 {reasons}", (tenant,)).fetchone()
        sample = conn.execute(
            f"SELECT actor_id, recorded_at, reason {reasons} ORDER BY position OFFSET %s LIMIT 1",
            (tenant, half[0] if half else 0),
        ).fetchone()
        rare = conn.execute(
            "SELECT word FROM ts_stat(%s) WHERE ndoc BETWEEN 2 AND 50 AND length(word) > 3 "
            "ORDER BY ndoc, word LIMIT 1",
            (f"SELECT {REASON_WORDS} FROM {READ_SCHEMA}.event_log WHERE tenant = '{tenant}'",),
        ).fetchone()
    assert sample is not None, "the data set has reasons"
    word = max(str(sample[2]).split(), key=len).strip(".,():;")
    values = {"actor": sample[0], "at": sample[1], "word": word, "rare": rare[0] if rare else word}
    return tenant, count, int(total[0] if total else 0), values


def filters(values: dict[str, Any]) -> dict[str, EventFilter]:
    """The audit questions measured, each by what it filters on."""
    at = values["at"]
    return {
        "tenant only": EventFilter(),
        "actor": EventFilter(actor=values["actor"]),
        "role": EventFilter(role="auditor"),
        "type": EventFilter(event_type="Employee.Promoted"),
        "period (30 days)": EventFilter(since=at, until=at + timedelta(days=30)),
        "text in reason, a common word": EventFilter(text=values["word"]),
        "text in reason, a rare word": EventFilter(text=values["rare"]),
        "actor + period + text": EventFilter(
            actor=values["actor"], since=at - timedelta(days=365), text=values["word"]
        ),
    }


async def explain(pool: Any, owner: Any, tenant: str, values: dict[str, Any]) -> list[Plan]:
    """EXPLAIN ANALYZE of a first page (100) of each question, as the API runs it; the rare
    word also as the CLI runs it (the owner: no row-level security between the words and
    the GIN index)."""
    plans = []
    scoped = TenantPool(pool, tenant)
    for name, where in filters(values).items():
        statement, args = audit_sql(where, None, 100)
        [record] = await scoped.fetch(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", *args)
        top = json.loads(record[0])[0]
        plans.append(Plan(name, _scans(top["Plan"]), _rows(top["Plan"]), top["Execution Time"]))
    like = (
        f"SELECT position FROM {READ_SCHEMA}.event_log WHERE reason ILIKE $1 "
        "ORDER BY position LIMIT 100"
    )
    statement, args = audit_sql(EventFilter(tenant=tenant, text=values["rare"]), None, 100)
    [record] = await owner.fetch(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", *args)
    top = json.loads(record[0])[0]
    name = "text in reason, a rare word, as the CLI (owner)"
    plans.append(Plan(name, _scans(top["Plan"]), _rows(top["Plan"]), top["Execution Time"]))
    for kind in ("word", "rare"):
        explained = f"EXPLAIN (ANALYZE, FORMAT JSON) {like}"
        [record] = await scoped.fetch(explained, f"%{values[kind]}%")
        top = json.loads(record[0])[0]
        name = f"the {'common' if kind == 'word' else 'rare'} word by ILIKE (no index)"
        plans.append(Plan(name, _scans(top["Plan"]), _rows(top["Plan"]), top["Execution Time"]))
    return plans


def _scans(node: dict[str, Any]) -> str:
    found = []
    if "Scan" in node["Node Type"]:
        found.append(f"{node['Node Type']} {node.get('Index Name', '')}".strip())
    for child in node.get("Plans", []):
        found.append(_scans(child))
    return ", ".join(f for f in found if f)


def _rows(node: dict[str, Any]) -> int:
    return int(node.get("Actual Rows", 0))


async def _export(pool: Any, tenant: str, kind: str) -> tuple[float, int]:
    """Seconds and bytes of one full export of the tenant's events, as the API streams it."""
    scoped = TenantPool(pool, tenant)
    started = time.perf_counter()
    checkpoint = await latest_checkpoint(scoped)

    async def rows() -> AsyncIterator[Row]:
        async for event in all_audit_events(scoped, EventFilter()):
            yield event_row(event, checkpoint)

    chunks = csv_chunks(COLUMNS, rows(), 0) if kind == "csv" else json_chunks(
        COLUMNS, rows(), lines=True, position=0
    )  # fmt: skip
    size = 0
    async for chunk in chunks:
        size += len(chunk)
    return time.perf_counter() - started, size


async def _raw(owner: Any, tenant: str) -> float:
    started = time.perf_counter()
    await owner.fetch(RAW, tenant)
    return time.perf_counter() - started


async def measure(database: Database, repetitions: int, index: tuple[float, int]) -> AuditFigures:
    tenant, events, log_events, values = largest_tenant(database)
    pool = await open_read_pool(database, min_size=1, max_size=2)
    owner = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=1)
    try:
        raw, jsonl, csv, size = [], [], [], 0
        for _ in range(repetitions):  # alternating, so drift touches both alike
            raw.append(await _raw(owner, tenant))
            seconds, size = await _export(pool, tenant, "jsonl")
            jsonl.append(seconds)
            csv.append((await _export(pool, tenant, "csv"))[0])
        plans = await explain(pool, owner, tenant, values)
    finally:
        await pool.close()
        await owner.close()
    return AuditFigures(
        tenant, events, log_events, events / median(raw), events / median(jsonl),
        events / median(csv), size, plans, *index,
    )  # fmt: skip


def run(data_dir: Path, employees: int, seed: int, repetitions: int = 5) -> AuditFigures:
    """The figures on a caught-up copy of the data set of `employees`."""
    with (
        open_dataset(data_dir, employees, seed) as dataset,
        scratch_copy(dataset.database, SCRATCH) as copy,
    ):
        print("bench: audit export: catching up the read models", file=sys.stderr, flush=True)
        catch_up_read_models(copy)
        index = rebuild_indexes(copy)
        return asyncio.run(measure(copy, repetitions, index))


def render(f: AuditFigures, employees: int) -> str:
    """The figures as the "Audit export" section."""
    out = [
        "## Audit export",
        "",
        f"The `audit-events` export of every event of `{f.tenant}` ({f.events:,} of the "
        f"{f.log_events:,} events of the {employees:,}-employee data set), as the "
        "API streams it (read pool as `jejak_api` under row-level security, pages of 2,000 by "
        "position, each event encoded as its row), against fetching the same rows with one "
        "statement as the owner and encoding nothing; medians, alternating runs:",
        "",
        "| | events/s | against the raw read |",
        "| --- | ---: | ---: |",
        f"| raw read of the rows | {f.raw_rate:,.0f} | 1.00× |",
        f"| export as JSON Lines | {f.jsonl_rate:,.0f} | {f.jsonl_ratio:.2f}× |",
        f"| export as CSV | {f.csv_rate:,.0f} | {f.csv_ratio:.2f}× |",
        "",
        f"The JSON Lines file: {f.jsonl_bytes / 1e6:,.1f} MB. The audit indexes take "
        f"{f.index_seconds:.1f} s to build on the whole table and {f.index_bytes / 1e6:,.1f} MB.",
        "",
        "First page (100) of each audit question, EXPLAIN ANALYZE as the API runs it:",
        "",
        "| question | scans | rows | ms |",
        "| --- | --- | ---: | ---: |",
        *(f"| {p.name} | {p.scans} | {p.rows:,} | {p.ms:.2f} |" for p in f.plans),
    ]
    return "\n".join(out) + "\n"


def main(employees: int, data_dir: Path = Path(".jejak") / "bench", seed: int = 2025) -> None:
    print(render(run(data_dir, employees, seed), employees))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
