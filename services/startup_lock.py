"""One process at a time through start-up, on one database.

The event store's start-up replaces its insert function (CREATE OR REPLACE FUNCTION), which
fails with "tuple concurrently updated" when two processes do it at the same moment: several
`jejak serve` processes behind a load balancer, or n projection workers a supervisor starts
together. Each holds this session advisory lock while it creates what it needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from services.database import Database

STARTUP_LOCK = 7_160_003  # session advisory lock key, beside projections/runner.RUNNER_LOCK


@contextmanager
def one_start_at_a_time(database: Database) -> Iterator[None]:
    """Hold the start-up lock while the block runs (released with its connection)."""
    with psycopg.connect(**database.psycopg_kwargs(), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (STARTUP_LOCK,))
        yield
