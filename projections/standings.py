"""Where each projection stands in a batch: its position, where it is held, how far it may go.

Read from `projection_positions` under the runners' lock at the start of a batch and written
back, changed rows only, in the batch's own transaction, so a projection's position, its hold
and its rows always commit together. A projection that reads another's tables (`reads_from`)
may not pass the position where that one is held: it would read rows that lack the event.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from psycopg import Cursor

from projections.base import Envelope
from projections.dead_letters import resolve_dead_letters

NO_LIMIT = 2**63  # past every log position


@dataclass
class Standings:
    """The positions and holds of one schema's projections during one batch."""

    schema: str
    positions: dict[str, int]
    recorded: dict[str, int]  # the holds as stored before the batch
    holds: dict[str, int]  # the holds in force: retried ones lifted, new ones added
    reads_from: Mapping[str, Sequence[str]]
    found: frozenset[str] = frozenset()  # the names that have a row

    @classmethod
    def read(
        cls,
        cur: Cursor[Any],
        schema: str,
        names: Sequence[str],
        reads_from: Mapping[str, Sequence[str]],
        retrying: Collection[str] = (),
    ) -> Standings:
        """The standings as stored; the holds of the projections in `retrying` lifted."""
        cur.execute(f"SELECT name, position, held_at FROM {schema}.projection_positions")
        positions, recorded, found = dict.fromkeys(names, 0), {}, set()
        for name, position, held_at in cur.fetchall():
            positions[name] = int(position)
            found.add(name)
            if held_at is not None:
                recorded[name] = int(held_at)
        holds = {name: at for name, at in recorded.items() if name not in retrying}
        return cls(schema, positions, recorded, holds, reads_from, frozenset(found))

    def limit(self, name: str) -> int:
        """The first position `name` may not apply: where a projection it reads from stops."""
        return min(
            (
                self.holds[d] if d in self.holds else self.limit(d)
                for d in self.reads_from.get(name, ())
            ),
            default=NO_LIMIT,
        )

    def movable(self, name: str) -> bool:
        """Whether `name` may apply the next event: not held, nor stopped behind a held one."""
        return name not in self.holds and self.positions[name] + 1 < self.limit(name)

    def tracks(self, names: Collection[str]) -> bool:
        """Whether every one of `names` has a position row (a shard's rows may be gone)."""
        return all(name in self.found for name in names)

    def due(
        self, name: str, batch: list[Envelope], last: int | None = None
    ) -> tuple[list[Envelope], int]:
        """The events of `batch` that `name` is due to apply, and where that leaves it
        (`last`: the last position read, when the batch is a shard's share of the log)."""
        position, limit = self.positions[name], self.limit(name)
        last = batch[-1].position if last is None else last
        reached = max(position, min(last, limit - 1))
        if not batch:
            return batch, reached
        if batch[0].position > position and limit > last:
            return batch, reached  # the usual case: every projection at the same position
        return [e for e in batch if position < e.position < limit], reached

    def hold(self, name: str, position: int) -> None:
        self.holds[name] = position

    def write(self, cur: Cursor[Any], reached: Mapping[str, int]) -> int | None:
        """Write the positions and holds that changed (the furthest position written, if any);
        resolve the dead letters a retry got past.

        A retried projection is released once it got past its event (its dead letter is
        resolved); one stopped before it stays held.
        """
        rows: list[tuple[str, int, int | None]] = []
        for name, before in self.positions.items():
            after = reached.get(name, before)
            held_at = self.holds.get(name)
            if held_at is None and name in self.recorded and after < self.recorded[name]:
                held_at = self.recorded[name]
            if after != before or held_at != self.recorded.get(name):
                rows.append((name, after, held_at))
            if name in self.recorded and held_at != self.recorded[name]:
                resolve_dead_letters(cur, self.schema, name, after)
        if not rows:
            return None
        names = [name for name, _, _ in rows]
        positions = [position for _, position, _ in rows]
        holds = [held_at for _, _, held_at in rows]
        cur.execute(
            f"INSERT INTO {self.schema}.projection_positions AS p "
            "(name, position, updated_at, held_at) "
            "SELECT name, position, now(), held_at FROM unnest(%s::text[], %s::bigint[], "
            "%s::bigint[]) AS v(name, position, held_at) ON CONFLICT (name) DO UPDATE SET "
            "position = EXCLUDED.position, held_at = EXCLUDED.held_at, updated_at = CASE "
            "WHEN p.position = EXCLUDED.position THEN p.updated_at ELSE now() END",
            (names, positions, holds),
        )
        return max(positions)
