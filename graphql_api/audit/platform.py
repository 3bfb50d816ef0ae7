"""The read pool as the platform admin audits through it: the platform's own acts only.

`platform_acts()` (projections/event_log.py) answers only a session with `jejak.platform` on:
the events recorded in role admin (instansi registered, national policy) of every tenant. No
`jejak.tenant` is set, so every table of tenant data stays empty to it. asyncpg's pool resets
the setting when the connection goes back, as it does the tenant's.
"""

from __future__ import annotations

from typing import Any

from projections.event_log import PLATFORM_SETTING


class PlatformPool:
    """`fetch` on a connection of the API's read pool with the platform setting on."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    async def fetch(self, query: str, *args: Any) -> list[Any]:
        async with self.pool.acquire() as connection:
            await connection.execute(f"SET {PLATFORM_SETTING} TO 'on'")
            records: list[Any] = await connection.fetch(query, *args)
            return records
