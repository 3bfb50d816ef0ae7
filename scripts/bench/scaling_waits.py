"""Where a database's backends wait, sampled from pg_stat_activity while a benchmark runs."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from services.database import Database

SAMPLE_EVERY = 0.02  # seconds between pg_stat_activity samples
# `Lock:relation` is a table lock (the events table's), `Lock:object` the NOTIFY queue's lock
# taken at commit; LWLock and IO (WAL writes and flushes among them) are PostgreSQL's own.
WAITS = ("Lock:relation", "Lock:object", "LWLock", "IO", "CPU")


@contextmanager
def sampling(database: Database) -> Iterator[dict[str, float]]:
    """Mean number of the database's active backends in each wait, sampled until exit (the
    dict is filled when the block ends)."""
    means: dict[str, float] = {}
    stop = threading.Event()
    totals: Counter[str] = Counter()
    samples = 0

    def sample() -> None:
        nonlocal samples
        with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
            while not stop.wait(SAMPLE_EVERY):
                rows = conn.execute(
                    "SELECT wait_event_type, wait_event FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND state = 'active'"
                ).fetchall()
                samples += 1
                for wait_type, wait in rows:
                    totals[wait_name(wait_type, wait)] += 1

    sampler = threading.Thread(target=sample, name="wait-sampler")
    sampler.start()
    try:
        yield means
    finally:
        stop.set()
        sampler.join()
        for name in WAITS:
            means[name] = totals[name] / samples if samples else 0.0


def wait_name(wait_type: str | None, wait: str | None) -> str:
    """Heavyweight locks by their kind (table or NOTIFY), the rest by type; no wait is CPU."""
    if wait_type is None:
        return "CPU"
    if wait_type == "Lock":
        return f"Lock:{wait}"
    return wait_type if wait_type in ("LWLock", "IO") else "other"
