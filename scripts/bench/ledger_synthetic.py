"""The ledger on a synthetic log of a given length, for tree sizes whose generated data set
cannot be had in time (100,000 employees ≈ 4.9 million events takes hours to generate on a
loaded 2-core machine).

The tree, its proofs and `verify` care about bytes, not meaning, so a log of N events of the
generated data's average size gives the integration rate, the append cost, the verify rate and
the proof latency of an N-leaf tree. What it cannot give is the raw read-and-decode rate (the
states do not decode into domain events), so verify is reported alone.

`python -m scripts.bench.ledger_synthetic 4900000 [STATE_BYTES]` in its own embedded PostgreSQL
(.jejak/bench/synthetic-<N>), removed afterwards.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.notes import NoteSigner
from scripts.bench.ledger import footprint, integrate_afresh, proof_latencies, verify_rate
from services.database import Database, EmbeddedPostgres
from services.ledger.schema import EVENTS_TABLE
from services.runtime import build_personnel


def write_synthetic_log(database: Database, events: int, state_bytes: int) -> None:
    """`events` rows of `state_bytes` each, written by one INSERT … SELECT."""
    build_personnel(database).close()  # creates the events table
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute(
            f"INSERT INTO {EVENTS_TABLE} (originator_id, originator_version, topic, state) "
            "SELECT gen_random_uuid(), 1 + g %% 40, 'bench:Synthetic' || g %% 50, "
            "convert_to(rpad(g::text, %s, 'x'), 'UTF8') FROM generate_series(1, %s) g",
            (state_bytes, events),
        )


def main(events: int, state_bytes: int, data_dir: Path = Path(".jejak") / "bench") -> None:
    home = data_dir / f"synthetic-{events}"
    shutil.rmtree(home, ignore_errors=True)
    embedded = EmbeddedPostgres(home / "pgdata")
    database = embedded.start()
    try:
        write_synthetic_log(database, events, state_bytes)
        signer = NoteSigner("bench.jejak.local/ledger", Ed25519PrivateKey.generate())
        appended, integrate_rate = integrate_afresh(database, signer)
        rows, table_bytes = footprint(database)
        verified = verify_rate(database, signer)
        inclusion, consistency = proof_latencies(database)
    finally:
        embedded.stop()
        shutil.rmtree(home, ignore_errors=True)
    print(
        f"| synthetic | {appended:,} | {integrate_rate:,.0f} | {rows / appended:.2f} / "
        f"{table_bytes / appended:.0f} | {verified:,.0f} | — | — | "
        f"{inclusion.p50_ms:.2f} / {inclusion.p99_ms:.2f} ({inclusion.hashes:.1f}, "
        f"{inclusion.rows:.1f}) | {consistency.p50_ms:.2f} / {consistency.p99_ms:.2f} "
        f"({consistency.hashes:.1f}, {consistency.rows:.1f}) |"
    )


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:3]]
    main(numbers[0] if numbers else 100_000, numbers[1] if numbers[1:] else 400)
