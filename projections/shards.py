"""Which tenants (instansi) a projection worker owns when the read models are split by tenant.

A worker is given shard `i/n`: it owns the tenants whose code hashes (CRC-32 of the UTF-8
code, stable across processes, versions and machines, unlike Python's `hash`) to `i` among
`n`. Every event records its tenant in `meta` (`domain.meta.EventMeta`); the worker reads it
from the stored JSON without decoding the event and skips the events of other shards.

Shard 1 is the designated shard for what belongs to no one tenant: events whose tenant cannot
be read (none today: every Jejak event records one), and the read models that span tenants,
`GLOBAL_PROJECTIONS` — the tenants registry (the platform's directory of instansi) and the
policy register (national values beside each tenant's). Shard 1 applies those from every
tenant's events (it decodes only the events they have a handler for); the other shards do not
carry them at all.

Each (projection, shard) has its own row in `projection_positions`, named `employees@1/2`, so
each worker resumes where it stopped, a poison event holds only its own shard, and every
reader of that table (status, /readyz, /metrics, read-your-writes' least position) sees every
shard. Read models are either unsplit (plain names, the default and what a rebuild swaps in)
or split one way `n`; `projections.shard_runner` converts unsplit rows when workers start.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from psycopg import Cursor

GLOBAL_PROJECTIONS = frozenset({"tenants", "policy_values"})
SEPARATOR = "@"  # between a projection's name and its shard in projection_positions

# The stored event's `meta`, as services/transcodings.EventMetaAsList writes it:
# [actor_id, actor_role, tenant, correlation_id, reason].
_STRING = rb'"(?:[^"\\]|\\.)*"'
_META_TENANT = re.compile(
    rb'"_type_":"meta","_data_":\[(?:' + _STRING + rb"|null),(?:" + _STRING + rb'|null),"'
    rb'((?:[^"\\]|\\.)*)"'
)


class ShardLayoutError(Exception):
    """The read models are split another way than this worker was asked to run."""


@dataclass(frozen=True)
class Shard:
    """Shard `index` of `count` (1-based, as an operator writes `--shard 1/4`)."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise ValueError(f"A shard is i/n with 1 <= i <= n, not {self}.")

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    @classmethod
    def parse(cls, text: str) -> Shard:
        """`"2/4"` → Shard(2, 4); ValueError for anything else."""
        index, slash, count = text.partition("/")
        if not (slash and index.strip().isdigit() and count.strip().isdigit()):
            raise ValueError(f"A shard is written i/n (e.g. 1/4), not {text!r}.")
        return cls(int(index), int(count))

    @property
    def designated(self) -> bool:
        """Whether this shard owns the cross-tenant read models and tenantless events."""
        return self.index == 1

    def owns(self, tenant: str | None) -> bool:
        """Whether this shard applies `tenant`'s events to the per-tenant read models."""
        if tenant is None:
            return self.designated
        return shard_index(tenant, self.count) == self.index

    def carries(self, projection: str) -> bool:
        """Whether this shard has a row (and applies events) for `projection`."""
        return projection not in GLOBAL_PROJECTIONS or self.designated

    def row(self, projection: str) -> str:
        """The name of this shard's position row for `projection`."""
        return f"{projection}{SEPARATOR}{self}"


def shard_index(tenant: str, count: int) -> int:
    """The shard (1..count) that owns `tenant`."""
    return zlib.crc32(tenant.encode()) % count + 1


def all_shards(count: int) -> list[Shard]:
    return [Shard(index, count) for index in range(1, count + 1)]


def tenant_of(state: bytes) -> str | None:
    """The tenant a stored event records, read from its JSON without decoding the event."""
    found = _META_TENANT.search(state)
    if found is None:
        return None
    raw = found.group(1)
    if b"\\" not in raw:
        return raw.decode()
    decoded: str = json.loads(b'"' + raw + b'"')
    return decoded


def split_layout(cur: Cursor[Any], schema: str) -> int | None:
    """How many shards the read models in `schema` are split into (None: unsplit)."""
    cur.execute(
        f"SELECT name FROM {schema}.projection_positions WHERE strpos(name, %s) > 0 LIMIT 1",
        (SEPARATOR,),
    )
    row = cur.fetchone()
    return None if row is None else Shard.parse(str(row[0]).rpartition(SEPARATOR)[2]).count


def base_name(row: str) -> str:
    """The projection a position row belongs to (`employees@1/2` → `employees`)."""
    return row.partition(SEPARATOR)[0]
