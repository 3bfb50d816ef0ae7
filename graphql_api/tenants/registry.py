"""Which tenant codes are registered, for admitting requests: a small per-process cache.

Every request names a tenant, so asking the read model each time would add a query to every
request. The set of registered codes is small (one row per instansi) and only grows, so it is
read whole and kept: a code found once stays found until the cache's TTL passes (a rebuilt or
replaced read model is read afresh then), and a code not found re-reads the set, at most once
per `miss_interval` for that code, so requests naming an unknown tenant cannot become a query
each (the codes come from verified tokens: a caller cannot make up new ones at will).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable

Load = Callable[[], Awaitable[Iterable[str]]]

DEFAULT_TTL_SECONDS = 300.0
DEFAULT_MISS_INTERVAL_SECONDS = 1.0
MAX_REMEMBERED_MISSES = 1_000


class TenantRegistry:
    """The registered tenant codes as last read by `load`, refreshed on a miss."""

    def __init__(
        self,
        load: Load,
        *,
        ttl: float = DEFAULT_TTL_SECONDS,
        miss_interval: float = DEFAULT_MISS_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._load = load
        self._ttl, self._miss_interval, self._clock = ttl, miss_interval, clock
        self._codes: frozenset[str] = frozenset()
        self._read_at: float | None = None
        self._reads = 0  # how many times the codes were read: a waiter sees one happened
        self._misses: dict[str, float] = {}  # unknown code → when it last made a re-read
        self._lock = asyncio.Lock()

    async def is_registered(self, code: str) -> bool:
        """Whether `code` is a registered tenant, as the read model says (re-read on a miss)."""
        if self._age() > self._ttl:
            await self.refresh()
        if code in self._codes:
            return True
        now, missed = self._clock(), self._misses.get(code)
        if missed is None or now - missed >= self._miss_interval:
            if len(self._misses) >= MAX_REMEMBERED_MISSES:
                self._misses.clear()
            self._misses[code] = now
            await self.refresh()
        return code in self._codes

    async def refresh(self) -> None:
        """Read the registered codes now (one reader at a time; the others use its answer)."""
        reads = self._reads
        async with self._lock:
            if self._reads != reads:
                return  # another request read them while this one waited
            codes = frozenset(await self._load())
            self._codes, self._read_at, self._reads = codes, self._clock(), reads + 1

    def _age(self) -> float:
        return float("inf") if self._read_at is None else self._clock() - self._read_at
