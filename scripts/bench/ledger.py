"""(6b, 6c): the ledger on generated data at each size — `jejak ledger verify` against a raw
read-and-decode of the same log, the append cost of the chosen layout, and inclusion and
consistency proof latency read from storage with the proofs' size (hashes, rows read).

`jejak bench` runs it over its growth sizes (scripts/bench/suite.py); `python -m
scripts.bench.ledger 1000 10000 100000` prints the figures alone. Each size's ledger is dropped
and integrated again from scratch (timed), so every run measures the same work.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.notes import NoteSigner
from projections.reader import EventReader
from scripts.bench.datasets import open_dataset
from scripts.bench.ledger_graphql import graphql_inclusion_ms
from services.database import Database
from services.ledger import subtrees
from services.ledger.checkpoints import CheckpointIssuer
from services.ledger.integrator import Integrator
from services.ledger.schema import SCHEMA
from services.ledger.store import LedgerStore
from services.ledger.verify import verify
from services.runtime import build_personnel

SAMPLES = 200
READ_BATCH = 5000


@dataclass(frozen=True)
class Latency:
    """One kind of proof, read from storage: its time and its size."""

    p50_ms: float
    p99_ms: float
    hashes: float  # mean proof length
    rows: float  # mean stored nodes read (one query) to compute it


@dataclass(frozen=True)
class LedgerFigures:
    """One data set's ledger figures."""

    employees: int
    events: int
    integrate_rate: float  # events/s appended from an empty ledger, batches of 1,000
    rows_per_event: float  # leaves + nodes rows written per event
    bytes_per_event: float  # the ledger tables with their indexes, per event
    verify_rate: float  # events/s, median of the repetitions
    read_decode_rate: float  # events/s, median of the repetitions
    inclusion: Latency
    consistency: Latency
    graphql_inclusion: tuple[float, float] | None = None  # p50, p99 ms over HTTP

    @property
    def verify_ratio(self) -> float:
        return self.verify_rate / self.read_decode_rate if self.read_decode_rate else 0.0


def measure(database: Database, employees: int, repetitions: int = 1) -> LedgerFigures:
    """Integrate the whole log afresh, then alternate verify and a raw read-and-decode, then
    time proofs of random leaves and sizes."""
    signer = NoteSigner("bench.jejak.local/ledger", Ed25519PrivateKey.generate())
    appended, integrate_rate = integrate_afresh(database, signer)
    rows, table_bytes = footprint(database)
    verify_rates, decode_rates = [], []
    for _ in range(repetitions):
        decode_rates.append(_read_decode_rate(database))
        verify_rates.append(verify_rate(database, signer))
    inclusion, consistency = proof_latencies(database)
    return LedgerFigures(
        employees=employees,
        events=appended,
        integrate_rate=integrate_rate,
        rows_per_event=rows / appended if appended else 0.0,
        bytes_per_event=table_bytes / appended if appended else 0.0,
        verify_rate=statistics.median(verify_rates),
        read_decode_rate=statistics.median(decode_rates),
        inclusion=inclusion,
        consistency=consistency,
    )


def integrate_afresh(database: Database, signer: NoteSigner) -> tuple[int, float]:
    """Drop the ledger and integrate the whole log again: (events, events/s)."""
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    integrator = Integrator(database, after_batch=CheckpointIssuer(signer, 1000, 60.0))
    try:
        integrator.ensure_schema()
        started = time.perf_counter()
        appended = integrator.catch_up()
        seconds = time.perf_counter() - started
    finally:
        integrator.close()
    return appended, appended / seconds if seconds else 0.0


def proof_latencies(database: Database) -> tuple[Latency, Latency]:
    """Inclusion proofs of random leaves and consistency proofs from random sizes, each
    against the whole tree."""
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        store = LedgerStore(conn)
        size, draw = store.size(), random.Random(2025)  # noqa: S311 - sampling, not secrets
        inclusion = _proofs(
            lambda: draw.randrange(size),
            lambda i: store.inclusion_proof(i, size),
            lambda i: subtrees.needed(lambda get: subtrees.inclusion(i, size, get)),
        )
        consistency = _proofs(
            lambda: draw.randint(1, size),
            lambda m: store.consistency_proof(m, size),
            lambda m: subtrees.needed(lambda get: subtrees.consistency(m, size, get)),
        )
    return inclusion, consistency


def footprint(database: Database) -> tuple[int, int]:
    """Rows in leaves and nodes, and their bytes on disk with indexes."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(
            f"SELECT (SELECT count(*) FROM {SCHEMA}.leaves) + (SELECT count(*) FROM "
            f"{SCHEMA}.nodes), pg_total_relation_size('{SCHEMA}.leaves') + "
            f"pg_total_relation_size('{SCHEMA}.nodes')"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _read_decode_rate(database: Database) -> float:
    """Events/s of reading and decoding the whole log, doing nothing else."""
    personnel = build_personnel(database)
    try:
        reader, position, decoded = EventReader(personnel), 0, 0
        started = time.perf_counter()
        while batch := reader.read(position, READ_BATCH):
            decoded, position = decoded + len(batch), batch[-1].position
        return decoded / (time.perf_counter() - started)
    finally:
        personnel.close()


def verify_rate(database: Database, signer: NoteSigner) -> float:
    """Events/s of `jejak ledger verify`'s check of the whole ledger (it must hold)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        started = time.perf_counter()
        report = verify(conn, signer.verifier())
        seconds = time.perf_counter() - started
    if not report.ok:
        raise AssertionError(f"the ledger does not verify: {report}")
    return report.events / seconds


def _proofs(
    draw: Callable[[], int],
    prove: Callable[[int], list[bytes]],
    plan: Callable[[int], set[subtrees.Node]],
) -> Latency:
    times, lengths, rows = [], [], []
    for _ in range(SAMPLES):
        at = draw()
        started = time.perf_counter()
        proof = prove(at)
        times.append((time.perf_counter() - started) * 1000)
        lengths.append(len(proof))
        rows.append(len(plan(at)))
    times.sort()
    return Latency(
        p50_ms=statistics.median(times),
        p99_ms=times[min(len(times) - 1, int(0.99 * len(times)))],
        hashes=statistics.mean(lengths),
        rows=statistics.mean(rows),
    )


def measure_sizes(
    data_dir: Path, sizes: tuple[int, ...], seed: int, repetitions: int, over_http: bool = False
) -> list[LedgerFigures]:
    """Each size's figures, from its own data set (generated once); with `over_http`, also
    `inclusionProof` through `/graphql` (the data set's read models must be built)."""
    found = []
    for employees in sizes:
        with open_dataset(data_dir, employees, seed) as dataset:
            figures = measure(dataset.database, employees, repetitions)
            if over_http:
                log = data_dir / "logs" / f"ledger-{employees}.log"
                http = graphql_inclusion_ms(dataset.database, log)
                figures = dataclasses.replace(figures, graphql_inclusion=http)
        found.append(figures)
    return found


def table(figures: list[LedgerFigures]) -> list[str]:
    """The per-size figures as Markdown rows (the report's and this module's output)."""
    out = [
        "| employees | events | integrate ev/s | rows / bytes per event | verify ev/s | "
        "read+decode ev/s | verify/read | inclusion p50 / p99 ms (hashes, rows read) | "
        "consistency p50 / p99 ms (hashes, rows read) | inclusion over GraphQL p50 / p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for f in figures:
        i, c = f.inclusion, f.consistency
        out.append(
            f"| {f.employees:,} | {f.events:,} | {f.integrate_rate:,.0f} | "
            f"{f.rows_per_event:.2f} / {f.bytes_per_event:.0f} | {f.verify_rate:,.0f} | "
            f"{f.read_decode_rate:,.0f} | {f.verify_ratio:.2f}× | "
            f"{i.p50_ms:.2f} / {i.p99_ms:.2f} ({i.hashes:.1f}, {i.rows:.1f}) | "
            f"{c.p50_ms:.2f} / {c.p99_ms:.2f} ({c.hashes:.1f}, {c.rows:.1f}) | "
            + (f"{h[0]:.2f} / {h[1]:.2f} |" if (h := f.graphql_inclusion) else "— |")
        )
    return out


def main(sizes: list[int], data_dir: Path = Path(".jejak") / "bench", seed: int = 2025) -> None:
    for employees in sizes:  # one line as each size finishes: the 100k run is long
        [figures] = measure_sizes(data_dir, (employees,), seed, repetitions=3)
        print("\n".join(table([figures])[2 if employees != sizes[0] else 0 :]), flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
