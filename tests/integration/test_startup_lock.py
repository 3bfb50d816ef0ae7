"""Several serve processes starting at once on a new database all start.

The event store's start-up replaces its insert function; two doing it at the same moment
fail with "tuple concurrently updated" unless they take turns (services/startup_lock.py).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from services.database import Database
from services.runtime import open_runtime


def start_and_stop(database: Database) -> int:
    async def run() -> int:
        async with open_runtime(database, run_projections=False) as runtime:
            return await runtime.lag()

    return asyncio.run(run())


def test_four_runtimes_started_together_on_a_new_database_all_start(database: Database) -> None:
    with ThreadPoolExecutor(max_workers=4) as starting:
        lags = list(starting.map(start_and_stop, [database] * 4))
    assert lags == [0, 0, 0, 0]
