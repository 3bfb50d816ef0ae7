"""The ledger integrator: appends every stored event to the tree, in log order, exactly once.

Each batch is one transaction under an advisory lock of its own: it reads the events after its
position in notification_id order, writes their leaves and every subtree they complete, records
the new position and size, and issues a checkpoint when one is due. A crash leaves the tree as
it was before the batch, so a restart appends the same leaves. Gaps in notification_id (sequence
values of failed inserts) are legal: a leaf keeps both its index and its log position. The
recorder commits positions in order (services/store.py), so an event never appears behind one
already integrated.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import Cursor, sql

from domain.ledger.entry import StoredEvent, event_leaf_hash
from domain.ledger.merkle import node_hash
from services.database import Database
from services.ledger import subtrees
from services.ledger.schema import EVENTS_TABLE, LEDGER_LOCK, SCHEMA, ensure_ledger_schema
from services.ledger.store import LedgerStore

log = logging.getLogger("jejak.ledger")

EVENTS_SQL = (
    "SELECT notification_id, originator_id, originator_version, topic, state "
    f"FROM {EVENTS_TABLE} WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
)


# After a NOTIFY, wait this long before reading: under load the integrator otherwise commits a
# batch per 7 events, competing with the commands for the CPU and the events table
# (docs/benchmarks.md, Ledger); 50 ms adds at most that to a checkpoint's lag.
SETTLE_SECONDS = 0.05


@dataclass(frozen=True)
class Batch:
    """What one transaction appended, and the tree it left."""

    events: int
    position: int
    size: int
    root: bytes


#: Called inside the batch's transaction with the tree it left (issues checkpoints).
AfterBatch = Callable[[Cursor[Any], Batch], None]


class Integrator:
    """Appends pending events of `database` to its ledger, in batches."""

    def __init__(
        self, database: Database, *, batch_size: int = 1000, after_batch: AfterBatch | None = None
    ) -> None:
        self.database = database
        self.batch_size = batch_size
        self.after_batch = after_batch
        self.conn = psycopg.connect(**database.psycopg_kwargs(), autocommit=True)

    def close(self) -> None:
        self.conn.close()

    def ensure_schema(self) -> None:
        """Create the ledger's tables if missing."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            ensure_ledger_schema(cur)

    def step(self) -> Batch:
        """Integrate the next batch in its own transaction."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LEDGER_LOCK,))
            batch = self._append(cur)
            if self.after_batch is not None:
                self.after_batch(cur, batch)
            return batch

    def catch_up(self) -> int:
        """Integrate batches until the log is exhausted; how many events were appended.

        A batch shorter than `batch_size` read the log to its end, so no empty transaction
        follows it (under load that halves the integrator's commits)."""
        total = 0
        while True:
            appended = self.step().events
            total += appended
            if appended < self.batch_size:
                return total

    def run_forever(
        self,
        stop: threading.Event,
        channel: str,
        idle_wait: float = 1.0,
        after_round: Callable[[], None] | None = None,
        settle: float = SETTLE_SECONDS,
    ) -> None:
        """Follow the log: catch up (then `after_round`), then sleep until the recorder NOTIFYs
        (and `settle` more) or `idle_wait` ends (the poll also issues a checkpoint that only
        time made due)."""
        listener = psycopg.connect(**self.database.psycopg_kwargs(), autocommit=True)
        try:
            listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
            while not stop.is_set():
                try:
                    self.catch_up()
                except Exception:  # the ledger must not stop the service: log, wait, retry
                    log.exception("ledger batch failed; retrying")
                    stop.wait(idle_wait)
                    continue
                if after_round is not None:
                    after_round()
                woken = any(True for _ in listener.notifies(timeout=idle_wait, stop_after=1))
                if woken:  # let a burst of commits land: one batch for them, not one each
                    stop.wait(settle)
        finally:
            listener.close()

    def _append(self, cur: Cursor[Any]) -> Batch:
        cur.execute(f"SELECT position, size FROM {SCHEMA}.state")
        position, size = (int(v) for v in cur.fetchone() or (0, 0))
        right_edge = subtrees.peaks(size)
        stored = LedgerStore(cur.connection).fetch(right_edge)
        peaks = [(level, stored[level, index]) for level, index in right_edge]
        cur.execute(EVENTS_SQL, (position, self.batch_size))
        rows = cur.fetchall()
        leaves: list[tuple[int, int, bytes]] = []
        nodes: list[tuple[int, int, bytes]] = []
        for notification_id, originator_id, version, topic, state in rows:
            event = StoredEvent(int(notification_id), originator_id, version, topic, bytes(state))
            digest = event_leaf_hash(event)
            leaves.append((size, event.position, digest))
            nodes.extend(append_leaf(size, digest, peaks))
            size += 1
            position = event.position
        if rows:
            _copy(cur, "leaves (idx, position, hash)", leaves)
            _copy(cur, "nodes (level, idx, hash)", nodes)
            cur.execute(
                f"UPDATE {SCHEMA}.state SET position = %s, size = %s, updated_at = now()",
                (position, size),
            )
        return Batch(len(rows), position, size, subtrees.fold_peaks(h for _, h in peaks))


def append_leaf(
    index: int, digest: bytes, peaks: list[tuple[int, bytes]]
) -> list[tuple[int, int, bytes]]:
    """Append leaf `index` to the right edge `peaks` (level, hash; largest first), in place;
    the complete subtrees above level 0 it finishes, as (level, index, hash)."""
    finished: list[tuple[int, int, bytes]] = []
    level, at, current = 0, index, digest
    while at & 1:
        _, left = peaks.pop()
        current = node_hash(left, current)
        level, at = level + 1, at >> 1
        finished.append((level, at, current))
    peaks.append((level, current))
    return finished


def _copy(cur: Cursor[Any], target: str, rows: list[tuple[int, int, bytes]]) -> None:
    if rows:
        with cur.copy(f"COPY {SCHEMA}.{target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
