"""Read-model queries from a synchronous operator command, on the database DATABASE_URL names.

The queries in `projections/` are asyncpg coroutines taking a pool; the CLI runs one in its own
event loop on a one-connection pool as the database owner (an operator sees every tenant, as
`projections status` does), so what it prints is what the API reads, as of the read models'
position.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import asyncpg

from domain.errors import N_
from services.database import Database, resolve_database

T = TypeVar("T")
NO_READ_MODELS = N_("No read models yet: run `jejak serve` or `jejak projections rebuild`.")


class NoReadModels(Exception):
    """The read-model tables are not there: nothing has built them on this database."""


@contextmanager
def operator_database() -> Iterator[Database]:
    """DATABASE_URL, or the embedded server, stopped again if this command started it."""
    database, embedded = resolve_database()
    try:
        yield database
    finally:
        if embedded is not None:
            embedded.stop()


def query(database: Database, read: Callable[[Any], Awaitable[T]]) -> T:
    """The result of one read-model query; NoReadModels if its tables do not exist."""

    async def run() -> T:
        pool = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=1)
        try:
            return await read(pool)
        except asyncpg.exceptions.UndefinedTableError as error:
            raise NoReadModels(str(error)) from None
        finally:
            await pool.close()

    return asyncio.run(run())
