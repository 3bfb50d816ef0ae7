"""Time travel: `employee(asOf: …)` against the current-state `employee`, side by side, and
the two ways to build it, (a) replaying the aggregate to a version from the event store (with
its snapshots) and (b) the history already in the read models (projections/history.py).

`jejak bench --time-travel [--quick]` (or `python -m scripts.bench.time_travel [EMPLOYEES]`)
prints the figures for the employee with the longest history of ten years' service or more;
the data set is generated once in .jejak/bench like the rest of the suite and measured on a
copy whose read models are caught up with the log first.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg

from access.dev_issuer import DevIssuer
from access.settings import IdentitySettings
from graphql_api.app import create_app
from graphql_api.identity import Authenticator
from projections.base import READ_SCHEMA
from projections.employees import employee_by_nip
from projections.history import employee_as_of, point_for
from scripts.bench.datasets import open_dataset
from scripts.bench.identity import ISSUER_URL, TOKEN_TTL, key_path
from scripts.bench.scratch import scratch_copy
from scripts.bench.stats import median
from services.database import Database
from services.read_pool import TenantPool
from services.runtime import Runtime, catch_up_read_models, open_runtime

SCRATCH = "jejak_bench_time_travel"
LATEST_APPRAISAL = (
    f"SELECT cycle_id FROM {READ_SCHEMA}.appraisals WHERE employee_id = $1 "
    "ORDER BY year DESC LIMIT 1"
)
VERSION_AT = (  # (a) needs the aggregate's version at the position first
    f"SELECT max(originator_version) FROM {READ_SCHEMA}.event_log "
    "WHERE originator_id = $1 AND position <= $2"
)
FIELDS = """golongan status jabatan { kind title } unit { code }
  careerHistory { position kind golongan effectiveOn } leaveBalance(year: $year) { remaining }"""
CURRENT = f"query($nip: String!, $year: Int!) {{ employee(nip: $nip) {{ {FIELDS} }} }}"
AS_OF = f"""query($nip: String!, $year: Int!, $asOf: AsOf) {{
  employee(nip: $nip, asOf: $asOf) {{ {FIELDS} asOf {{ position validOn }} }} }}"""
TREE = "query($asOf: AsOf) { unitTree(first: 500, asOf: $asOf) { code headCount } }"
EXPLAIN = """query($cycleId: ID!, $nip: String!, $asOf: AsOf) {
  scoreExplanation(cycleId: $cycleId, nip: $nip, asOf: $asOf) {
    rulesVersion appraisal { ratings { hasilKerja position } predikat { predikat } } } }"""


@dataclass(frozen=True)
class Subject:
    """The employee measured: the longest history among those of ten years' service."""

    tenant: str
    nip: str
    employee_id: Any
    events: int
    service_start: date
    mid_position: int  # the log position halfway through their history
    mid_version: int  # their version at that position
    mid_time: datetime  # when their event at that position was recorded
    valid_on: date  # five years before their latest change


@dataclass(frozen=True)
class TimeTravelFigures:
    subject: Subject
    samples: int
    current_ms: float  # p50 of the current-state query over HTTP
    as_of_position_ms: float  # p50, asOf {position, validOn}
    as_of_known_at_ms: float  # p50, asOf {knownAt, validOn}
    replay_ms: float  # p50, (a) repository.get(version=…) alone, no HTTP
    history_ms: float  # p50, (b) the read-model queries alone, no HTTP
    others: dict[str, tuple[float, float]]  # unitTree, scoreExplanation: (current, asOf) p50

    @property
    def ratio(self) -> float:
        return self.as_of_position_ms / self.current_ms if self.current_ms else 0.0


def pick_subject(database: Database) -> Subject:
    """The longest history among employees of ten years' service or more."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        found = conn.execute(
            f"SELECT tenant, nip, id, version, service_start FROM {READ_SCHEMA}.employees "
            "WHERE service_start <= current_date - interval '10 years' "
            "ORDER BY version DESC, nip LIMIT 1"
        ).fetchone()
        if found is None:
            raise LookupError("No employee of ten years' service in the read models.")
        tenant, nip, employee_id, version, service_start = found
        mid = conn.execute(
            f"SELECT position, originator_version, recorded_at FROM {READ_SCHEMA}.event_log "
            "WHERE originator_id = %s AND originator_version = %s",
            (employee_id, max(version // 2, 1)),
        ).fetchone()
        latest = conn.execute(
            f"SELECT max(effective_on) FROM {READ_SCHEMA}.career_entries WHERE employee_id = %s",
            (employee_id,),
        ).fetchone()
    if mid is None or latest is None or latest[0] is None:
        raise LookupError(f"No history for {nip} in the read models.")
    valid_on = latest[0].replace(year=latest[0].year - 5, day=1)
    return Subject(
        tenant, nip, employee_id, version, service_start, mid[0], mid[1], mid[2], valid_on
    )


async def _p50(samples: int, runs: dict[str, Callable[[], Awaitable[object]]]) -> dict[str, float]:
    """Each run `samples` times, interleaved so every figure sees the same machine; p50 in ms."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():  # warm up caches and connections
        await run()
    for _ in range(samples):
        for name, run in runs.items():
            started = time.perf_counter()
            await run()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: median(values) for name, values in times.items()}


async def measure(database: Database, samples: int) -> TimeTravelFigures:
    """Current state and both axes over HTTP (in process), and (a) against (b) directly."""
    subject = pick_subject(database)
    issuer = DevIssuer.load_or_create(key_path(), ISSUER_URL)
    token = issuer.mint("bench-1", ["hr_officer"], subject.tenant, ttl=TOKEN_TTL)
    headers = {"Authorization": f"Bearer {token}"}
    authenticator = Authenticator.for_dev_issuer(issuer, IdentitySettings())
    runtimes: list[Runtime] = []

    @asynccontextmanager
    async def opened() -> AsyncIterator[Runtime]:
        async with open_runtime(database, run_projections=False) as runtime:
            runtimes.append(runtime)
            yield runtime

    app = create_app(opened, authenticator=authenticator)
    year = subject.valid_on.year
    base = {"nip": subject.nip, "year": year}
    by_position = {"position": subject.mid_position, "validOn": subject.valid_on.isoformat()}
    by_time = {"knownAt": subject.mid_time.isoformat(), "validOn": subject.valid_on.isoformat()}
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://jejak", headers=headers
        ) as client,
    ):

        async def ask(query: str, variables: dict[str, Any]) -> None:
            response = await client.post("/graphql", json={"query": query, "variables": variables})
            body = response.json()
            if response.status_code != 200 or body.get("errors"):
                raise RuntimeError(f"time travel bench: {response.status_code} {body}")

        pool = TenantPool(runtimes[0].pool, subject.tenant)
        personnel = runtimes[0].personnel

        row = await employee_by_nip(pool, subject.nip)
        if row is None:
            raise LookupError(f"{subject.nip} is not in the read models.")

        async def history() -> None:
            point = await point_for(
                pool, row.id, known_at=None, position=subject.mid_position,
                valid_on=subject.valid_on,
            )  # fmt: skip
            await employee_as_of(pool, row, point)

        async def replay() -> None:
            version = await pool.fetchval(VERSION_AT, row.id, subject.mid_position)
            await asyncio.to_thread(personnel.repository.get, row.id, version=version)

        runs: dict[str, Callable[[], Awaitable[object]]] = {
            "current": lambda: ask(CURRENT, base),
            "position": lambda: ask(AS_OF, base | {"asOf": by_position}),
            "known_at": lambda: ask(AS_OF, base | {"asOf": by_time}),
            "history": history,
            "replay": replay,
            "unitTree": lambda: ask(TREE, {}),
            "unitTree asOf": lambda: ask(TREE, {"asOf": by_position}),
        }
        cycle_id = await pool.fetchval(LATEST_APPRAISAL, row.id)
        if cycle_id is not None:  # the whole appraisal folded again from the audit trail
            explain = {"cycleId": str(cycle_id), "nip": subject.nip}
            runs["scoreExplanation"] = lambda: ask(EXPLAIN, explain)
            runs["scoreExplanation asOf"] = lambda: ask(EXPLAIN, explain | {"asOf": {}})
        p50 = await _p50(samples, runs)
    others: dict[str, tuple[float, float]] = {
        name: (p50[name], p50[f"{name} asOf"])
        for name in ("unitTree", "scoreExplanation")
        if name in p50
    }
    return TimeTravelFigures(
        subject, samples, p50["current"], p50["position"], p50["known_at"], p50["replay"],
        p50["history"], others,
    )  # fmt: skip


def run(data_dir: Path, employees: int, seed: int, samples: int) -> TimeTravelFigures:
    """Open (or generate) the data set, copy it, catch its read models up, measure."""
    with (
        open_dataset(data_dir, employees, seed) as dataset,
        scratch_copy(dataset.database, SCRATCH) as copy,
    ):
        catch_up_read_models(copy)
        return asyncio.run(measure(copy, samples))


def render(f: TimeTravelFigures, employees: int) -> str:
    """The figures as the "Time travel" section's tables."""
    s = f.subject
    return "\n".join(
        [
            f"Employee {s.nip} ({s.tenant}, service since {s.service_start}, {s.events} events)"
            f" of the {employees:,}-employee data set; asOf = position {s.mid_position} "
            f"(version {s.mid_version}) or the time it was recorded, valid on {s.valid_on}. "
            f"p50 of {f.samples} interleaved requests each, in process over HTTP:",
            "",
            "| query | p50 ms | against current |",
            "| --- | --- | --- |",
            f"| `employee(nip)` current state | {f.current_ms:.2f} | 1.00× |",
            f"| `employee(nip, asOf: {{position, validOn}})` | {f.as_of_position_ms:.2f} | "
            f"{f.ratio:.2f}× |",
            f"| `employee(nip, asOf: {{knownAt, validOn}})` | {f.as_of_known_at_ms:.2f} | "
            f"{f.as_of_known_at_ms / f.current_ms if f.current_ms else 0:.2f}× |",
            "",
            "The two ways to build it, the storage work alone (no HTTP, no GraphQL):",
            "",
            "| approach | p50 ms |",
            "| --- | --- |",
            f"| (a) replay: the version at the position, then `repository.get(id, "
            f"version={s.mid_version})` from the event store, snapshots every 10; known axis "
            f"only | {f.replay_ms:.2f} |",
            f"| (b) history in the read models (projections/history.py): the position, then "
            f"the state known and valid, as the API role | {f.history_ms:.2f} |",
            "",
            "The other roots with `asOf`, the same way (unitTree: the tenant's units and head "
            "counts at the same point; scoreExplanation: the subject's latest appraisal folded "
            "again from the audit trail, `asOf: {}`):",
            "",
            "| query | current p50 ms | asOf p50 ms | against current |",
            "| --- | --- | --- | --- |",
            *(
                f"| `{name}` | {now:.2f} | {then:.2f} | {then / now if now else 0:.2f}× |"
                for name, (now, then) in f.others.items()
            ),
        ]
    )


def main(argv: list[str]) -> int:
    employees = int(argv[0]) if argv else 1000
    samples = int(argv[1]) if len(argv) > 1 else 200
    figures = run(Path(".jejak") / "bench", employees, 2025, samples)
    print(render(figures, employees))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
