"""One worker that owns every shard: what `jejak serve` and `jejak projections run` run.

Read models are unsplit by default, and this worker follows the log as the plain runner does.
Once shard workers (`jejak projections run --shard i/n`) have split them, it applies every
shard's share in turn instead, beside any of those workers (each batch locks its shard), so
a deployment can stop its shard workers and leave the read models to the service alone.
"""

from __future__ import annotations

import threading

from projections.base import READ_SCHEMA
from projections.follow import follow
from projections.reader import EventReader
from projections.runner import ProjectionRunner
from projections.shard_runner import ShardRunner
from projections.shards import all_shards, split_layout
from services.database import Database


class AllShards:
    """The unsplit runner, or a runner per shard of the layout found at each round."""

    def __init__(self, database: Database, reader: EventReader, schema: str = READ_SCHEMA):
        self.database, self.reader, self.schema = database, reader, schema
        self.unsplit = ProjectionRunner(database, reader, schema=schema)
        self.shards: list[ShardRunner] = []

    def close(self) -> None:
        for runner in [self.unsplit, *self.shards]:
            runner.close()

    def runners(self) -> list[ProjectionRunner]:
        """The runners for the layout the read models have now."""
        with self.unsplit.conn.transaction(), self.unsplit.conn.cursor() as cur:
            layout = split_layout(cur, self.schema)
        if layout is None:
            return [self.unsplit]
        if len(self.shards) != layout:
            for runner in self.shards:
                runner.close()
            self.shards = [
                ShardRunner(self.database, self.reader, shard, schema=self.schema)
                for shard in all_shards(layout)
            ]
        return list(self.shards)

    def catch_up(self) -> int:
        """Apply every shard's share up to the end of the log; how many events were read."""
        return sum(runner.catch_up() for runner in self.runners())

    def run_forever(self, stop: threading.Event, idle_wait: float = 1.0) -> None:
        """Follow the log: catch up, then sleep until the recorder NOTIFYs a new event."""
        follow(self.database, self.reader.channel, self.catch_up, stop, idle_wait)
