"""docs/benchmarks.md from one run's results; the hand-written analysis below KEEP survives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scripts.bench.growth import Growth
from scripts.bench.ledger_report import SECTION as LEDGER_SECTION
from scripts.bench.ledger_report import LedgerResults, section, summary_rows
from scripts.bench.loading import SNAPSHOT_INTERVAL, LoadingComparison
from scripts.bench.machine import Machine
from scripts.bench.mutations import MutationComparison
from scripts.bench.portal_report import PortalResults, portal_section, portal_summary_rows
from scripts.bench.queries import Comparison
from scripts.bench.rebuilds import RebuildComparison, RunnerComparison
from scripts.bench.settings import Settings

KEEP = "<!-- Everything below this line is kept when `jejak bench` rewrites this file. -->"

SECTIONS = (
    "## 1. Queries: GraphQL against a plain JSON endpoint",
    "## 2. Mutations: GraphQL against the command called directly",
    "## 3. Projection rebuild",
    "## 4. Growth",
    "## 5. Loading an employee: ten years of history against a new one",
    LEDGER_SECTION,
)


@dataclass(frozen=True)
class Results:
    settings: Settings
    machine: Machine
    command: str
    events: int
    queries: list[Comparison]
    mutations: MutationComparison
    rebuild: RebuildComparison
    runners: RunnerComparison
    growth: Growth
    loading: LoadingComparison
    ledger: LedgerResults
    started: datetime
    minutes: float
    portal: PortalResults | None = None  # every portal document (portal_reads.py)


def _x(value: float) -> str:
    return f"{value:.2f}×"


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def render(r: Results) -> str:
    s, m = r.settings, r.machine
    out = [
        "# Benchmarks",
        "",
        f"Measured {r.started:%Y-%m-%d %H:%M} UTC in {r.minutes:.0f} minutes by `{r.command}`. "
        "Reproduce with `.venv/bin/jejak bench` (see the README).",
        "",
        "Every figure is a ratio of two things measured side by side in the same run, with "
        "the absolute numbers beside it: the machine is shared (2 cores, other agents "
        "building and testing on it at the same time), so absolute numbers move from run to "
        "run while the ratios hold. Each figure is the median of the repetitions; the two "
        "sides of a ratio run alternately (A, B, A, B …), and HTTP load comes from a separate "
        f"process ({s.generator}).",
        "",
        "| machine | |",
        "| --- | --- |",
        f"| CPU | {m.cpu_model}, {m.cores} cores |",
        f"| RAM | {m.ram_gb:.1f} GB |",
        f"| OS | {m.os} |",
        f"| Python | {m.python} |",
        f"| PostgreSQL | {m.postgres} (embedded, pgserver) |",
        f"| libraries | {m.libraries} |",
        f"| load average at the start | {m.load_average} |",
        f"| data set | {s.employees:,} employees, seed {s.seed}: {r.events:,} events in the log |",
        f"| repetitions | {s.repetitions} (medians) × {s.seconds:g} s per HTTP run, "
        f"{s.connections} requests in flight, {s.workers} uvicorn worker(s) per server |",
        "",
        "## Summary",
        "",
        "| figure | measured | target | |",
        "| --- | --- | --- | --- |",
    ]
    for c in r.queries:
        target = f"≥ {c.case.target}×" if c.case.target else "—"
        verdict = _met(c.ratio >= c.case.target) if c.case.target else "reported"
        measured = _x(c.ratio)
        out.append(f"| GraphQL/plain, {c.case.title} | {measured} | {target} | {verdict} |")
    mu = r.mutations
    out.append(
        f"| GraphQL/direct, recordAward | {_x(mu.ratio)} (plain HTTP: {_x(mu.plain_ratio)}) | "
        f"≥ 0.6× | {_met(mu.ratio >= 0.6)} |"
    )
    rb, rn = r.rebuild, r.runners
    out.append(f"| rebuild/raw read | {_x(rb.ratio)} | ≥ 0.5× | {_met(rb.ratio >= 0.5)} |")
    out.append(f"| batched/per-event runner | {_x(rn.ratio)} | ≥ 30× | {_met(rn.ratio >= 30)} |")
    g = r.growth
    small, large = g.sizes[0], g.sizes[-1]
    for key, by_size in g.latency.items():
        grow = by_size[large].p50_ms / by_size[small].p50_ms if by_size[small].p50_ms else 0.0
        out.append(
            f"| p50 {large:,}/{small:,} employees, {g.titles[key]} | {_x(grow)} | ≤ 1.2× | "
            f"{_met(grow <= 1.2)} |"
        )
    first, last = g.rebuilds[0], g.rebuilds[-1]
    linear = last.rate / first.rate if first.rate else 0.0
    out.append(
        f"| rebuild events/s at {last.employees:,} over {first.employees:,} employees | "
        f"{_x(linear)} | linear (≈ 1×) | {_met(linear >= 0.8)} |"
    )
    lo = r.loading
    out.append(f"| load 10-year/new employee | {_x(lo.ratio)} | ≤ 2× | {_met(lo.ratio <= 2)} |")
    out += summary_rows(r.ledger)
    out += portal_summary_rows(r.portal)
    out += _queries(r) + _mutations(r) + _rebuild(r) + _growth(r) + _loading(r)
    out += section(r.ledger, s.connections, s.seconds, s.repetitions)
    out += portal_section(r.portal)
    return "\n".join(out) + "\n"


def _queries(r: Results) -> list[str]:
    s = r.settings
    out = [
        "",
        SECTIONS[0],
        "",
        "The same query through `/graphql` (the Jejak app: strawberry on starlette with "
        "parser and validation caches, DataLoaders) and through a plain starlette JSON "
        "endpoint (`scripts/bench/plain.py`) that calls the "
        "same projection query functions, checks the caller's tenant and returns the same "
        "JSON, all behind the same request-log middleware. Before measuring, every request "
        "body was sent to both and their `data` compared equal. "
        f"{s.connections} requests in flight; requests cycle over 20 NIPs (or 5 units) of "
        "the biggest tenant.",
        "",
        "| query | GraphQL req/s | plain req/s | ratio "
        "| GraphQL p50 / p99 ms | plain p50 / p99 ms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in r.queries:
        g, p = c.graphql, c.plain
        out.append(
            f"| {c.case.title} | {_n(g.rps)} | {_n(p.rps)} | {_x(c.ratio)} | "
            f"{g.p50_ms:.2f} / {g.p99_ms:.2f} | {p.p50_ms:.2f} / {p.p99_ms:.2f} |"
        )
    errors = sum(c.graphql.errors + c.plain.errors for c in r.queries)
    out += ["", f"Failed requests over all runs: {errors}."]
    return out


def _mutations(r: Results) -> list[str]:
    mu, s = r.mutations, r.settings
    return [
        "",
        SECTIONS[1],
        "",
        "`recordAward` over HTTP to the Jejak app against `PersonnelApplication.record_award` "
        "called in this process on the same database: the same command, "
        f"{s.connections} commands in flight on both sides (HTTP connections against "
        "threads), each on its own employees (no two commands race for one aggregate), on a "
        "scratch copy of the data set (so the benchmark's awards never reach the data the "
        "other figures read). Neither side runs a projection runner. The middle row is a plain "
        "starlette JSON endpoint (`/plain/award`) running the same command in a worker thread "
        "as the mutation does: what HTTP costs without GraphQL.",
        "",
        "| | commands/s | p50 ms | p99 ms | of direct |",
        "| --- | --- | --- | --- | --- |",
        f"| GraphQL over HTTP | {_n(mu.graphql.rps)} | {mu.graphql.p50_ms:.2f} | "
        f"{mu.graphql.p99_ms:.2f} | {_x(mu.ratio)} |",
        f"| plain JSON over HTTP | {_n(mu.plain.rps)} | {mu.plain.p50_ms:.2f} | "
        f"{mu.plain.p99_ms:.2f} | {_x(mu.plain_ratio)} |",
        f"| direct, in-process | {_n(mu.direct.rps)} | {mu.direct.p50_ms:.2f} | "
        f"{mu.direct.p99_ms:.2f} | |",
        "",
        f"Commands sent: {mu.requests:,}; events recorded: {mu.events_recorded:,}; failed: "
        f"{mu.graphql.errors + mu.plain.errors + mu.direct.errors}.",
    ]


def _rebuild(r: Results) -> list[str]:
    rb, rn = r.rebuild, r.runners
    return [
        "",
        SECTIONS[2],
        "",
        "A full `rebuild` (every read model from position 0 into a new schema, then the swap) "
        "against reading and decoding the same log with `EventReader.read` in the same batch "
        "size (2,000) and doing nothing else:",
        "",
        "| | events | seconds | events/s |",
        "| --- | --- | --- | --- |",
        f"| raw read and decode | {rb.events:,} | {rb.raw_seconds:.1f} | {_n(rb.raw_rate)} |",
        f"| rebuild | {rb.events:,} | {rb.rebuild_seconds:.1f} | {_n(rb.rebuild_rate)} |",
        f"| ratio | | | {_x(rb.ratio)} |",
        "",
        "The `eventsourcing` library's own `ProjectionRunner` (`eventsourcing.projection`), "
        "its view applying the same Jejak projections to one event per transaction with its "
        "tracking row, against Jejak's runner in batches of 2,000, both from an empty schema "
        f"over the first {rn.events:,} events of the log:",
        "",
        "| | events | seconds | events/s |",
        "| --- | --- | --- | --- |",
        f"| library runner, one event per transaction | {rn.events:,} | "
        f"{rn.per_event_seconds:.1f} | {_n(rn.per_event_rate)} |",
        f"| Jejak runner, batches | {rn.events:,} | {rn.batched_seconds:.2f} | "
        f"{_n(rn.batched_rate)} |",
        f"| ratio | | | {_x(rn.ratio)} |",
        "",
        f"Scaled to the whole log ({rb.events:,} events), the per-event runner would take "
        f"{rb.events / rn.per_event_rate / 60 if rn.per_event_rate else 0:.0f} minutes "
        f"against the rebuild's {rb.rebuild_seconds / 60:.1f}.",
    ]


def _growth(r: Results) -> list[str]:
    g = r.growth
    heads = " | ".join(f"{n:,}" for n in g.sizes)
    out = [
        "",
        SECTIONS[3],
        "",
        "GraphQL p50 latency (ms) with one request in flight, each size with its own "
        "database and server, all up at once and measured in turn:",
        "",
        f"| query | {heads} | {g.sizes[-1]:,} / {g.sizes[0]:,} |",
        "| --- | " + " | ".join("---" for _ in g.sizes) + " | --- |",
    ]
    for key, by_size in g.latency.items():
        cells = " | ".join(f"{by_size[n].p50_ms:.2f}" for n in g.sizes)
        base, top = by_size[g.sizes[0]].p50_ms, by_size[g.sizes[-1]].p50_ms
        out.append(f"| {g.titles[key]} | {cells} | {_x(top / base if base else 0)} |")
    out += [
        "",
        "Rebuild time against the number of events (linear means a steady events/s):",
        "",
        "| employees | events | seconds | events/s |",
        "| --- | --- | --- | --- |",
    ]
    out += [
        f"| {b.employees:,} | {b.events:,} | {b.seconds:.1f} | {_n(b.rate)} |" for b in g.rebuilds
    ]
    return out


def _loading(r: Results) -> list[str]:
    lo = r.loading

    def row(what: str, x: object) -> str:
        from scripts.bench.loading import Loaded

        assert isinstance(x, Loaded)
        snap = f"v{x.snapshot_version}" if x.snapshot_version else "none"
        return (
            f"| {what} | {x.nip} | {x.service_start} | {x.version} | {snap} | {x.median_ms:.2f} |"
        )

    return [
        "",
        SECTIONS[4],
        "",
        "`PersonnelApplication.get_employee` (the repository with its snapshots, every "
        f"{SNAPSHOT_INTERVAL} events) on the same database, in alternating blocks of "
        f"{r.settings.loads} loads:",
        "",
        "| employee | NIP | service since | events | latest snapshot | ms per load |",
        "| --- | --- | --- | --- | --- | --- |",
        row("longest history, ≥ 10 years of service", lo.old),
        row("newest", lo.new),
        "",
        f"Ratio: {_x(lo.ratio)}.",
    ]


def write_report(path: Path, text: str) -> None:
    """Write `text`, keeping whatever followed KEEP in the file it replaces."""
    kept = ""
    if path.exists():
        previous = path.read_text()
        if KEEP in previous:
            kept = previous.split(KEEP, 1)[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n" + KEEP + (kept or "\n"))


def now() -> datetime:
    return datetime.now(UTC)
