"""Ledger benchmarks on generated data: `verify` against a raw read-and-decode of the same log,
and inclusion/consistency proof latency read from storage, at each data set size.

`python -m scripts.bench.ledger 1000 10000` prints the figures (data sets are generated once
in .jejak/bench like the rest of the suite). Not yet registered with `jejak bench`, and the
command-throughput comparison with and without the integrator is not written yet.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

from domain.ledger.notes import NoteSigner
from projections.reader import EventReader
from scripts.bench.datasets import open_dataset
from services.database import Database
from services.ledger.checkpoints import CheckpointIssuer
from services.ledger.integrator import Integrator
from services.ledger.store import LedgerStore
from services.ledger.verify import verify
from services.runtime import build_personnel

SAMPLES = 200


@dataclass(frozen=True)
class LedgerFigures:
    """One data set's ledger figures."""

    events: int
    integrate_rate: float  # events/s appended from scratch
    verify_rate: float  # events/s
    read_decode_rate: float  # events/s
    inclusion_ms: float  # median
    consistency_ms: float  # median


def measure(database: Database, signer: NoteSigner) -> LedgerFigures:
    """Integrate the whole log, then time verify, a raw read-and-decode and proofs."""
    integrator = Integrator(database, after_batch=CheckpointIssuer(signer, 1000, 60.0))
    integrator.ensure_schema()
    started = time.perf_counter()
    appended = integrator.catch_up()
    integrate_seconds = time.perf_counter() - started
    integrator.close()
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        started = time.perf_counter()
        report = verify(conn, signer.verifier())
        verify_seconds = time.perf_counter() - started
    personnel = build_personnel(database)
    try:
        reader, position, decoded = EventReader(personnel), 0, 0
        started = time.perf_counter()
        while batch := reader.read(position, 5000):
            decoded, position = decoded + len(batch), batch[-1].position
        decode_seconds = time.perf_counter() - started
    finally:
        personnel.close()
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        store = LedgerStore(conn)
        size, draw = store.size(), random.Random(2025)  # noqa: S311 - sampling, not secrets
        inclusion = _timed(lambda: store.inclusion_proof(draw.randrange(size), size))
        consistency = _timed(lambda: store.consistency_proof(draw.randint(1, size), size))
    return LedgerFigures(
        events=report.events,
        integrate_rate=appended / integrate_seconds if appended else 0.0,
        verify_rate=report.events / verify_seconds,
        read_decode_rate=decoded / decode_seconds,
        inclusion_ms=inclusion,
        consistency_ms=consistency,
    )


def _timed(proof: Callable[[], object]) -> float:
    times = []
    for _ in range(SAMPLES):
        started = time.perf_counter()
        proof()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(sizes: list[int], data_dir: Path = Path(".jejak") / "bench", seed: int = 2025) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signer = NoteSigner("bench.jejak.local/ledger", Ed25519PrivateKey.generate())
    print("employees | events | integrate ev/s | verify ev/s | read+decode ev/s | ratio | "
          "inclusion ms | consistency ms")  # fmt: skip
    for employees in sizes:
        with open_dataset(data_dir, employees, seed) as dataset:
            f = measure(dataset.database, signer)
        print(f"{employees:,} | {f.events:,} | {f.integrate_rate:,.0f} | {f.verify_rate:,.0f} | "
              f"{f.read_decode_rate:,.0f} | {f.verify_rate / f.read_decode_rate:.2f}× | "
              f"{f.inclusion_ms:.2f} | {f.consistency_ms:.2f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
