"""The report's ledger section (6): command throughput with and without the integrator, and
the ledger's verify rate, append cost and proof latency per size."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.bench.ledger import LedgerFigures, table
from scripts.bench.ledger_commands import MIX, LedgerThroughput

SECTION = "## 6. Ledger: the integrator's cost, verify and proofs"
THROUGHPUT_TARGET, VERIFY_TARGET = 0.9, 0.5


@dataclass(frozen=True)
class LedgerResults:
    throughput: LedgerThroughput
    sizes: list[LedgerFigures]


def _x(value: float) -> str:
    return f"{value:.2f}×"


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def summary_rows(r: LedgerResults) -> list[str]:
    """The ledger's lines of the report's summary table."""
    t = r.throughput
    rows = [
        f"| commands/s with/without the ledger integrator | {_x(t.ratio)} | "
        f"≥ {THROUGHPUT_TARGET}× | {_met(t.ratio >= THROUGHPUT_TARGET)} |"
    ]
    for f in r.sizes:
        rows.append(
            f"| ledger verify/raw read, {f.employees:,} employees | {_x(f.verify_ratio)} | "
            f"≥ {VERIFY_TARGET}× | {_met(f.verify_ratio >= VERIFY_TARGET)} |"
        )
    if len(r.sizes) > 1:
        small, large = r.sizes[0], r.sizes[-1]
        grow = large.inclusion.p50_ms / small.inclusion.p50_ms if small.inclusion.p50_ms else 0
        rows.append(
            f"| inclusion proof p50 {large.employees:,}/{small.employees:,} employees "
            f"({large.inclusion.hashes:.1f}/{small.inclusion.hashes:.1f} hashes) | {_x(grow)} | "
            "grows as log n | reported |"
        )
    return rows


def section(r: LedgerResults, connections: int, seconds: float, repetitions: int) -> list[str]:
    """The ledger section of the report."""
    t = r.throughput
    return [
        "",
        SECTION,
        "",
        f"The same command mix ({', '.join(MIX)}; each in turn, on the thread's own employees) "
        f"called in-process by {connections} threads on a scratch copy of the data set, "
        f"{seconds:g} s per round, rounds alternating without and with the ledger integrator "
        "running as a serve process runs it (`start_ledger_thread`: integrate on each NOTIFY, "
        "a checkpoint every 1,000 events or 60 s; no witnesses configured). The ledger is "
        "caught up, untimed, before every round, so a round with it integrates what that "
        "round writes.",
        "",
        "| | commands/s | p50 ms | p99 ms | of without |",
        "| --- | --- | --- | --- | --- |",
        f"| with the ledger integrator | {t.with_ledger.rps:,.0f} | {t.with_ledger.p50_ms:.2f} | "
        f"{t.with_ledger.p99_ms:.2f} | {_x(t.ratio)} |",
        f"| without | {t.without.rps:,.0f} | {t.without.p50_ms:.2f} | {t.without.p99_ms:.2f} | |",
        "",
        f"Events recorded: {t.events:,}, of which the integrator appended {t.integrated:,} "
        f"during the rounds with it, in {t.batches:,} batches (transactions); failed "
        f"commands: {t.with_ledger.errors + t.without.errors}. Each round, without/with: "
        + ", ".join(f"{a:,.0f}/{b:,.0f}" for a, b in t.rounds)
        + f" commands/s (median of the pairs' ratios: {_x(t.pair_ratio)}).",
        "",
        "Per data set, its ledger dropped and integrated again from the whole log (batches of "
        "1,000, timed), then `jejak ledger verify`'s check of the whole ledger against reading "
        f"and decoding the same log with `EventReader.read` (alternating, {repetitions} "
        "each, medians), then 200 inclusion proofs of random leaves and 200 consistency "
        "proofs from random sizes, against the whole tree, read from PostgreSQL (hashes: the "
        "proof's length; rows read: the stored nodes its one query fetches); the last "
        "column: 200 `inclusionProof` queries through `/graphql` of a server of its own, one "
        "request in flight:",
        "",
        *table(r.sizes),
    ]
