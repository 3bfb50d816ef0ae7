"""A projection worker for one shard of the tenants: `jejak projections run --shard i/n`.

It is the projection runner (same batches, exactly-once positions, holding and dead letters)
with three differences. Its position rows are its own (`employees@2/4`), so it resumes where
it stopped and a hold stops only its share. It decodes and applies only its tenants' events
(`projections.shard_reader`); the cross-tenant read models live on shard 1 alone
(`projections.shards`). And it locks only its shard (with the runners' lock held shared), so
the workers of different shards apply batches at the same time, while whatever takes the
runners' lock exclusively (an unsplit runner, a retry, a rebuild's swap, splitting) still
excludes them all.

Splitting: the first worker to start on unsplit read models gives every shard of its `n` the
position of the unsplit row (up to there the unsplit runner applied every tenant's events)
and removes the unsplit rows, under the exclusive lock; a rebuild swaps in unsplit read
models again, and the workers split them again at their next batch. A held projection is not
split (its hold would have to be placed on one shard): retry it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from psycopg import Cursor

from projections.base import READ_SCHEMA, Envelope, Projection
from projections.reader import EventReader
from projections.registry import READS_FROM, all_projections
from projections.runner import RUNNER_LOCK, ProjectionRunner, Step
from projections.shard_reader import ShardReader
from projections.shards import (
    GLOBAL_PROJECTIONS,
    Shard,
    ShardLayoutError,
    all_shards,
    split_layout,
)
from services.database import Database

SHARD_LOCK = 7_160_002  # with the shard's index: one worker per shard applies at a time


class ShardProjection:
    """One projection as one shard applies it: its own position row, the same tables."""

    def __init__(self, inner: Projection, shard: Shard) -> None:
        self.inner = inner
        self.name = shard.row(inner.name)
        self.spans_tenants = inner.name in GLOBAL_PROJECTIONS

    def ddl(self, schema: str) -> Sequence[str]:
        return self.inner.ddl(schema)

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None:
        self.inner.apply(batch, cur, schema)


class ShardRunner(ProjectionRunner):
    """Applies one shard's share of the log to the read models in `schema`."""

    def __init__(
        self,
        database: Database,
        reader: EventReader,
        shard: Shard,
        *,
        schema: str = READ_SCHEMA,
        batch_size: int = 1000,
        projections: Sequence[Projection] | None = None,
    ) -> None:
        self.shard = shard
        self.inner = list(projections) if projections is not None else all_projections()
        carried = [p for p in self.inner if shard.carries(p.name)]
        spanning = [type(p) for p in carried if p.name in GLOBAL_PROJECTIONS]
        self.shard_reader = ShardReader(reader, shard, spanning)
        reads_from = {
            shard.row(name): tuple(shard.row(d) for d in sources if shard.carries(d))
            for name, sources in READS_FROM.items()
            if shard.carries(name)
        }
        # ShardProjection has the Projection's shape with the name per instance.
        wrapped = [cast(Projection, ShardProjection(p, shard)) for p in carried]
        super().__init__(
            database,
            reader,
            schema=schema,
            batch_size=batch_size,
            projections=wrapped,
            reads_from=reads_from,
        )
        self._owned: set[int] = set()

    # --- positions ----------------------------------------------------------------------------
    def track(self, cur: Cursor[Any]) -> None:
        """Split unsplit read models into this worker's `n` shards; add rows it lacks."""
        layout = split_layout(cur, self.schema)
        if layout is not None and layout != self.shard.count:
            raise ShardLayoutError(
                f"The read models are split into {layout} shards, not {self.shard.count}: "
                "run that many workers, or rebuild to split them anew."
            )
        if layout is None:
            self._split(cur)
        self._insert_rows(cur, [(p.name, 0) for p in self.projections])

    def _split(self, cur: Cursor[Any]) -> None:
        cur.execute(f"SELECT name, position, held_at FROM {self.schema}.projection_positions")
        unsplit = {name: (int(position), held_at) for name, position, held_at in cur.fetchall()}
        held = sorted(name for name, (_, held_at) in unsplit.items() if held_at is not None)
        if held:
            raise ShardLayoutError(
                f"{', '.join(held)} held: run `jejak projections retry` before splitting."
            )
        rows = [
            (shard.row(p.name), unsplit.get(p.name, (0, None))[0])
            for shard in all_shards(self.shard.count)
            for p in self.inner
            if shard.carries(p.name)
        ]
        self._insert_rows(cur, rows)
        cur.execute(
            f"DELETE FROM {self.schema}.projection_positions WHERE name = ANY(%s)",
            (list(unsplit),),
        )

    def _insert_rows(self, cur: Cursor[Any], rows: list[tuple[str, int]]) -> None:
        cur.executemany(
            f"INSERT INTO {self.schema}.projection_positions (name, position, updated_at) "
            "VALUES (%s, %s, now()) ON CONFLICT (name) DO NOTHING",
            rows,
        )

    # --- applying -------------------------------------------------------------------------------
    def _locked_step(self) -> Step:
        step = self._shard_step()
        if step is None:  # a rebuild swapped in unsplit read models: split them again
            self.ensure_schema()
            step = self._shard_step()
            if step is None:
                raise ShardLayoutError(f"Shard {self.shard}'s position rows are missing.")
        return step

    def _shard_step(self) -> Step | None:
        names = [p.name for p in self.projections]
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock_shared(%s)", (RUNNER_LOCK,))
            cur.execute(
                "SELECT pg_advisory_xact_lock(%s::int, %s::int)", (SHARD_LOCK, self.shard.index)
            )
            cur.execute(
                f"SELECT count(*) FROM {self.schema}.projection_positions WHERE name = ANY(%s)",
                (names,),
            )
            row = cur.fetchone()
            if row is None or row[0] != len(names):
                return None
            return self.advance(cur)

    def read(self, start: int) -> tuple[list[Envelope], int, int]:
        """This shard's events after `start`, the last position scanned, how many scanned."""
        scan = self.shard_reader.scan(start, self.batch_size)
        self._owned = scan.owned
        return scan.envelopes, scan.last, scan.scanned

    def events_for(self, projection: Projection, batch: list[Envelope]) -> list[Envelope]:
        """All decoded events for a cross-tenant read model; the owned tenants' for the rest."""
        if cast(ShardProjection, projection).spans_tenants or len(self._owned) == len(batch):
            return batch
        return [envelope for envelope in batch if envelope.position in self._owned]
