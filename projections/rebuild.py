"""Rebuild every read model from the log beside the live ones, then swap them in.

The API keeps reading the live schema while the new one is built; the swap takes the
runners' lock, applies what arrived meanwhile and renames the schemas in one transaction.
An event a projection cannot apply holds that projection in the new schema as it would in
the live one (see `projections.runner`): the others are still built and swapped in, and the
report lists the dead letters so the operator can fix and `jejak projections retry`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from psycopg import sql

from projections.base import READ_SCHEMA
from projections.dead_letters import DeadLetter, unresolved_dead_letters
from projections.reader import EventReader
from projections.runner import RUNNER_LOCK, ProjectionRunner
from services.database import Database

BUILD_SCHEMA = f"{READ_SCHEMA}_build"
OLD_SCHEMA = f"{READ_SCHEMA}_old"

Progress = Callable[[int, int], None]  # (events applied so far, events to apply)


@dataclass(frozen=True)
class RebuildReport:
    events: int
    seconds: float
    position: int
    dead_letters: list[DeadLetter] = field(default_factory=list)  # projections left held

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0


def rebuild(
    database: Database,
    reader: EventReader,
    *,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> RebuildReport:
    """Build every read model from position 0 in a new schema, then swap it in."""
    started = time.perf_counter()
    runner = ProjectionRunner(database, reader, schema=BUILD_SCHEMA, batch_size=batch_size)
    try:
        runner.conn.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(BUILD_SCHEMA))
        )
        runner.ensure_schema()
        # Build up to the head as it was at the start; what arrives meanwhile is applied by
        # the swap, so steady traffic cannot keep a rebuild from ever finishing.
        target, applied = reader.head(), 0
        while runner.position() < target and (applied_now := _build_batch(runner)):
            applied += applied_now
            if progress:
                progress(applied, max(target, applied))
        applied_in_swap, position, dead_letters = _swap(runner)
        applied += applied_in_swap
    finally:
        runner.close()
    return RebuildReport(applied, time.perf_counter() - started, position, dead_letters)


def _build_batch(runner: ProjectionRunner) -> int:
    # No lock while building: only this process writes the build schema. Nor a wait for the
    # commit's flush: the whole schema is thrown away if the rebuild does not finish.
    with runner.conn.transaction(), runner.conn.cursor() as cur:
        cur.execute("SET LOCAL synchronous_commit = off")
        return runner.apply_pending(cur)


def _swap(runner: ProjectionRunner) -> tuple[int, int, list[DeadLetter]]:
    """Under the runners' lock: apply the last events, then rename build → live."""
    with runner.conn.transaction(), runner.conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (RUNNER_LOCK,))
        # Writers do not take this lock, so bound the catch-up by the head seen now.
        head, applied = runner.reader.head(), 0
        while runner.position_in(cur) < head and (applied_now := runner.apply_pending(cur)):
            applied += applied_now
        position = runner.position_in(cur)
        cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(OLD_SCHEMA)))
        cur.execute(
            "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (READ_SCHEMA,)
        )
        if cur.fetchone():
            cur.execute(
                sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                    sql.Identifier(READ_SCHEMA), sql.Identifier(OLD_SCHEMA)
                )
            )
        cur.execute(
            sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                sql.Identifier(BUILD_SCHEMA), sql.Identifier(READ_SCHEMA)
            )
        )
        cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(OLD_SCHEMA)))
        dead_letters = unresolved_dead_letters(cur, READ_SCHEMA)
    return applied, position, dead_letters
