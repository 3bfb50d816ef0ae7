"""(6c) over HTTP: `inclusionProof` through the Jejak app's `/graphql`, one request in flight,
beside the same proof read from storage, so the API's share of a proof's latency is visible.

Needs the data set's read models (the caller's tenant is checked); `jejak bench` has them from
its growth step, `python -m scripts.bench.ledger_graphql 1000 10000` builds them if missing.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import httpx
import psycopg

from scripts.bench.datasets import open_dataset
from scripts.bench.servers import GRAPHQL_APP, serve
from scripts.bench.targets import identity_headers, pick_targets
from services.database import Database
from services.ledger.schema import SCHEMA

INCLUSION = """query Inclusion($position: Int!, $treeSize: Int!) {
  inclusionProof(position: $position, treeSize: $treeSize) { leafIndex hashes } }"""
SAMPLES = 200


def graphql_inclusion_ms(
    database: Database, log: Path, samples: int = SAMPLES
) -> tuple[float, float]:
    """(p50, p99) ms of `inclusionProof` for random integrated events against the ledger's
    current size, over HTTP to a server of its own."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(f"SELECT size FROM {SCHEMA}.state").fetchone()
        size = int(row[0]) if row else 0
        positions = [
            int(r[0])
            for r in conn.execute(
                f"SELECT position FROM {SCHEMA}.leaves WHERE idx = ANY(%s)",
                (random.Random(2025).sample(range(size), min(samples, size)),),  # noqa: S311
            )
        ]
    headers = identity_headers(pick_targets(database, nips=1).tenant)
    times = []
    with serve(GRAPHQL_APP, database, 1, log) as base, httpx.Client(timeout=30) as client:
        for position in positions:
            body = {"query": INCLUSION, "variables": {"position": position, "treeSize": size}}
            started = time.perf_counter()
            answer = client.post(f"{base}/graphql", json=body, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 200 or "errors" in answer.json():
                raise AssertionError(f"inclusionProof failed: {answer.text[:300]}")
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))]


def main(sizes: list[int], data_dir: Path = Path(".jejak") / "bench", seed: int = 2025) -> None:
    from services.runtime import catch_up_read_models

    for employees in sizes:
        with open_dataset(data_dir, employees, seed) as dataset:
            catch_up_read_models(dataset.database)
            p50, p99 = graphql_inclusion_ms(dataset.database, data_dir / "logs" / "ledger.log")
        print(
            f"| {employees:,} | inclusionProof over GraphQL p50 / p99 ms | {p50:.2f} / {p99:.2f} |"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
