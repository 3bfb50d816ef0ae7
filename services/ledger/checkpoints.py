"""Issuing signed checkpoints: every N events or T seconds, whichever comes first.

Called inside the integrator's batch transaction, so a checkpoint names exactly the tree that
transaction leaves. A checkpoint for a size is written once and never replaced.
"""

from __future__ import annotations

import logging
from typing import Any

from psycopg import Cursor

from domain.ledger.notes import Checkpoint, NoteSigner
from services.ledger.integrator import Batch
from services.ledger.schema import SCHEMA

log = logging.getLogger("jejak.ledger")


class CheckpointIssuer:
    """Signs a checkpoint of the tree when `every_events` leaves or `every_seconds` have passed
    since the last one (the first as soon as the tree has a leaf)."""

    def __init__(self, signer: NoteSigner, every_events: int, every_seconds: float) -> None:
        self.signer = signer
        self.every_events = every_events
        self.every_seconds = every_seconds

    def __call__(self, cur: Cursor[Any], batch: Batch) -> None:
        """The integrator's after-batch hook."""
        if batch.size and self.due(cur, batch.size):
            self.issue(cur, batch.size, batch.root)

    def due(self, cur: Cursor[Any], size: int) -> bool:
        """Whether the tree of `size` leaves should be checkpointed now."""
        cur.execute(
            f"SELECT size, extract(epoch FROM now() - issued_at) FROM {SCHEMA}.checkpoints "
            "ORDER BY size DESC LIMIT 1"
        )
        row = cur.fetchone()
        if row is None:
            return True
        last, age = int(row[0]), float(row[1])
        return size > last and (size - last >= self.every_events or age >= self.every_seconds)

    def issue(self, cur: Cursor[Any], size: int, root: bytes) -> str:
        """Sign and store the checkpoint of `size` leaves with `root`; its note."""
        note = self.signer.sign(Checkpoint(self.signer.name, size, root).body())
        cur.execute(
            f"INSERT INTO {SCHEMA}.checkpoints (size, root, note, issued_at) "
            "VALUES (%s, %s, %s, now()) ON CONFLICT (size) DO NOTHING",
            (size, root, note),
        )
        log.info("Ledger checkpoint issued: %s leaves.", size)
        return note
