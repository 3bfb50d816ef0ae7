"""Retrying the held projections after a fix: re-apply each from its dead-lettered event on.

A held projection stopped at the event it could not apply, so retrying is catching it up
from there with the same isolation as always (`ProjectionRunner.advance` with the holds of
the retried projections lifted), batch by batch under the runners' lock, beside any running
follower. It applies its dead-lettered event and is released (the dead letter resolved), or
fails again and stays held — at the same event, or at a later one it now meets.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from projections.dead_letters import DeadLetter
from projections.reader import EventReader
from projections.runner import RUNNER_LOCK, ProjectionRunner
from projections.shard_runner import ShardRunner
from projections.shards import all_shards, split_layout
from services.database import Database


@dataclass(frozen=True)
class RetryReport:
    """The dead letters a retry started from and those still unresolved after it."""

    retried: list[DeadLetter]
    failing: list[DeadLetter]

    @property
    def resolved(self) -> list[DeadLetter]:
        still = {(d.projection, d.position) for d in self.failing}
        return [d for d in self.retried if (d.projection, d.position) not in still]


def retry_held(runner: ProjectionRunner, names: Collection[str] | None = None) -> RetryReport:
    """Retry the held projections of `runner` (only those in `names`, if given)."""
    wanted = {p.name for p in runner.projections} if names is None else set(names)
    retried = [d for d in runner.dead_letters() if d.projection in wanted]
    retrying = {d.projection for d in retried}
    while retrying:
        with runner.conn.transaction(), runner.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
            step = runner.advance(cur, retrying)
        retrying -= step.held  # failed again: held, not retried a second time in this run
        if not step.events:
            break
    failing = [d for d in runner.dead_letters() if d.projection in wanted]
    return RetryReport(retried, failing)


def retry_dead_letters(
    database: Database, reader: EventReader, names: Collection[str] | None = None
) -> RetryReport:
    """Retry the live read models' held projections (`jejak projections retry`); in read
    models split by shard workers, each shard's (`names` are projections, not shard rows)."""
    runner = ProjectionRunner(database, reader)
    try:
        runner.ensure_schema()
        with runner.conn.transaction(), runner.conn.cursor() as cur:
            layout = split_layout(cur, runner.schema)
        if layout is None:
            return retry_held(runner, names)
    finally:
        runner.close()
    retried: list[DeadLetter] = []
    failing: list[DeadLetter] = []
    for shard in all_shards(layout):
        shard_runner = ShardRunner(database, reader, shard)
        try:
            rows = None if names is None else [shard.row(name) for name in names]
            report = retry_held(shard_runner, rows)
        finally:
            shard_runner.close()
        retried.extend(report.retried)
        failing.extend(report.failing)
    return RetryReport(retried, failing)
