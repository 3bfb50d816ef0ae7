"""The API's read pool: connections as the API role, and reads scoped to one tenant.

Every connection starts as `jejak_api` (the `role` startup parameter: RESET ALL and RESET ROLE
return to it, so no connection of this pool ever reads as the owner), which sees a tenant
table's rows only for the tenant in `jejak.tenant` (projections/security.py). `TenantPool`
sets it before each statement (one more round trip) on the connection it takes; asyncpg's
pool runs RESET ALL when a connection comes back, which clears it, so a read without a
tenant sees no tenant's rows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import asyncpg

from domain.units import check_tenant
from projections.security import API_ROLE, TENANT_SETTING
from services.database import Database


async def open_read_pool(database: Database, *, min_size: int = 2, max_size: int = 10) -> Any:
    """A pool of connections acting as the API role (which `ensure_schema` made)."""
    return await asyncpg.create_pool(
        **database.asyncpg_kwargs(server_settings={"role": API_ROLE}),
        min_size=min_size,
        max_size=max_size,
    )


class TenantPool:
    """The read pool as one tenant sees it: the asyncpg pool's read methods and `acquire`,
    each on a connection whose `jejak.tenant` is the tenant (or unset for None)."""

    def __init__(self, pool: Any, tenant: str | None) -> None:
        self.pool = pool
        self.tenant = tenant
        # A plain SET in the simple protocol costs a third of a bound set_config (28 against
        # 73 µs, measured), and a tenant code is a slug, so it is safe as a literal.
        self._set = None if tenant is None else f"SET {TENANT_SETTING} TO '{check_tenant(tenant)}'"

    def acquire(self) -> AbstractAsyncContextManager[Any]:
        """A connection of the pool with the tenant set, for the block's statements."""
        return self._scoped()

    async def fetch(self, query: str, *args: Any) -> list[Any]:
        async with self._scoped() as connection:
            records: list[Any] = await connection.fetch(query, *args)
            return records

    async def fetchrow(self, query: str, *args: Any) -> Any:
        async with self._scoped() as connection:
            return await connection.fetchrow(query, *args)

    async def fetchval(self, query: str, *args: Any, column: int = 0) -> Any:
        async with self._scoped() as connection:
            return await connection.fetchval(query, *args, column=column)

    async def execute(self, query: str, *args: Any) -> str:
        async with self._scoped() as connection:
            status: str = await connection.execute(query, *args)
            return status

    @asynccontextmanager
    async def _scoped(self) -> AsyncIterator[Any]:
        async with self.pool.acquire() as connection:
            if self._set is not None:
                await connection.execute(self._set)
            yield connection
