"""Each read model's position and state in one cheap read, for the API's metrics.

`projections.status` tells an operator why a read model is DEGRADED (its dead letter's error);
this reads only `projection_positions`, which the API's role may see, so a scrape every few
seconds costs one indexed statement. The state follows the same rule: held at an event, or
stopped behind a held projection it reads from.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from projections.base import READ_SCHEMA
from projections.registry import READS_FROM
from projections.shards import SEPARATOR


@dataclass(frozen=True)
class ProjectionHealth:
    """Where one read model is, and whether it is DEGRADED."""

    name: str
    position: int
    held_at: int | None = None  # the event it cannot apply
    behind: str | None = None  # the held projection it reads from and waits for

    @property
    def degraded(self) -> bool:
        return self.held_at is not None or self.behind is not None

    def lag(self, head: int) -> int:
        """Events in the log it has not applied yet."""
        return max(head - self.position, 0)


async def projection_health(
    pool: Any, reads_from: Mapping[str, Sequence[str]] = READS_FROM
) -> list[ProjectionHealth]:
    """Every read model's position and state, by name, through the asyncpg `pool`."""
    records = await pool.fetch(
        f"SELECT name, position, held_at FROM {READ_SCHEMA}.projection_positions ORDER BY name"
    )
    held = {record["name"] for record in records if record["held_at"] is not None}
    return [
        ProjectionHealth(
            record["name"],
            int(record["position"]),
            None if record["held_at"] is None else int(record["held_at"]),
            held_source(record["name"], held, reads_from),
        )
        for record in records
    ]


def held_source(
    name: str, held: Collection[str], reads_from: Mapping[str, Sequence[str]] = READS_FROM
) -> str | None:
    """The held projection `name` reads from, directly or through another, if any (a shard's
    row, `employees@1/2`, reads from the same shard's rows)."""
    projection, separator, shard = name.partition(SEPARATOR)
    for source_projection in reads_from.get(projection, ()):
        source = f"{source_projection}{separator}{shard}"
        if source in held:
            return source
        if found := held_source(source, held, reads_from):
            return found
    return None
