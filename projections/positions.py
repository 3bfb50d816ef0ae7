"""How far the read models have got, and where one is held, for read-your-writes and status."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

import asyncpg

from projections.base import READ_SCHEMA
from projections.runner import POSITIONS_CHANNEL


@dataclass(frozen=True)
class Hold:
    """A projection held at an event it could not apply (the error is for operators only)."""

    projection: str
    position: int


class PositionWatcher:
    """Lets a query wait until the read models reach a log position.

    The runner NOTIFYs after every batch; a listening connection wakes the waiters, and a
    short poll covers a missed notification (e.g. while the listener reconnects).
    """

    POLL_SECONDS = 0.25

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self._changed = asyncio.Event()
        self._listener: Any = None

    async def start(self) -> None:
        self._listener = await self.pool.acquire()
        await self._listener.add_listener(POSITIONS_CHANNEL, self._on_notify)

    async def stop(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                await self._listener.remove_listener(POSITIONS_CHANNEL, self._on_notify)
            await self.pool.release(self._listener)
            self._listener = None

    def _on_notify(self, *_: object) -> None:
        self._changed.set()

    async def current(self) -> int:
        """The position every read model has reached (0 before the first batch)."""
        value = await self.pool.fetchval(
            f"SELECT coalesce(min(position), 0) FROM {READ_SCHEMA}.projection_positions"
        )
        return int(value or 0)

    async def held(self) -> list[Hold]:
        """The projections held at an event they could not apply: DEGRADED until retried."""
        records = await self.pool.fetch(
            f"SELECT name, held_at FROM {READ_SCHEMA}.projection_positions "
            "WHERE held_at IS NOT NULL ORDER BY held_at, name"
        )
        return [Hold(record["name"], int(record["held_at"])) for record in records]

    async def wait_for(self, position: int, timeout: float) -> bool:  # noqa: ASYNC109
        """True once the read models reach `position`; False if `timeout` seconds pass first,
        or at once when a held projection stops short of it (it will not move until retried)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            reached, held_at = await self.pool.fetchrow(
                f"SELECT coalesce(min(position), 0), min(held_at) "
                f"FROM {READ_SCHEMA}.projection_positions"
            )
            if reached >= position:
                return True
            remaining = deadline - loop.time()
            if remaining <= 0 or (held_at is not None and held_at <= position):
                return False
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, self.POLL_SECONDS))
