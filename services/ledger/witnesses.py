"""Pushing the newest checkpoint to each configured witness and keeping their cosignatures.

Each witness is sent the checkpoint with a consistency proof from the last size it cosigned;
a 409 names the size it holds, and the push is retried once from there. Only cosignature lines
that verify with the witness's configured key are stored. A checkpoint is witnessed once the
quorum has cosigned it. Failures are logged and retried on the next round; they never stop the
integrator.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg

from domain.ledger.notes import verify_cosignatures
from services.ledger.schema import SCHEMA
from services.ledger.settings import LedgerSettings, Witness
from services.ledger.store import LedgerStore, StoredCheckpoint
from services.witness.client import WitnessConflict, request_cosignature

log = logging.getLogger("jejak.ledger")


class WitnessPusher:
    """Brings every configured witness up to the newest checkpoint."""

    def __init__(self, conn: psycopg.Connection[Any], settings: LedgerSettings) -> None:
        self.conn = conn
        self.settings = settings
        self.store = LedgerStore(conn)

    def push(self) -> int:
        """One round: each witness behind the newest checkpoint is sent it; how many cosigned."""
        if not self.settings.witnesses:
            return 0
        latest = self.store.latest_checkpoint()
        if latest is None:
            return 0
        cosigned = 0
        for witness in self.settings.witnesses:
            try:
                cosigned += self._push_one(witness, latest)
            except Exception as error:  # a witness down or refusing must not stop the log
                log.warning(
                    "Witness %s did not cosign size %s: %r", witness.url, latest.size, error
                )
        self._mark_witnessed(latest.size)
        return cosigned

    def _push_one(self, witness: Witness, checkpoint: StoredCheckpoint) -> int:
        old = self._witness_size(witness.name)
        if old >= checkpoint.size:
            return 0
        try:
            lines = self._request(witness, old, checkpoint)
        except WitnessConflict as conflict:  # the witness holds another size: prove from there
            if conflict.size > checkpoint.size:
                raise
            lines = self._request(witness, conflict.size, checkpoint)
        note = checkpoint.note + "".join(line.rstrip("\n") + "\n" for line in lines)
        if witness.name not in verify_cosignatures(note, [witness.verifier]):
            raise ValueError("the witness answered without a valid cosignature")
        line = next(line for line in lines if line.startswith(f"— {witness.name} "))
        with self.conn.transaction():
            self.conn.execute(
                f"INSERT INTO {SCHEMA}.cosignatures VALUES (%s, %s, %s, now()) "
                "ON CONFLICT (size, witness) DO NOTHING",
                (checkpoint.size, witness.name, line.rstrip("\n")),
            )
            self.conn.execute(
                f"INSERT INTO {SCHEMA}.witness_sizes VALUES (%s, %s, now()) ON CONFLICT (witness) "
                "DO UPDATE SET size = greatest(witness_sizes.size, excluded.size), "
                "updated_at = now()",
                (witness.name, checkpoint.size),
            )
        return 1

    def _request(self, witness: Witness, old: int, checkpoint: StoredCheckpoint) -> list[str]:
        proof = self.store.consistency_proof(old, checkpoint.size) if old else []
        note = self.store.checkpoint_at(checkpoint.size)
        text = checkpoint.note if note is None else note.note
        return request_cosignature(
            witness.url, old, proof, text, timeout=self.settings.witness_timeout
        )

    def _witness_size(self, name: str) -> int:
        row = self.conn.execute(
            f"SELECT size FROM {SCHEMA}.witness_sizes WHERE witness = %s", (name,)
        ).fetchone()
        return int(row[0]) if row else 0

    def _mark_witnessed(self, size: int) -> None:
        self.conn.execute(
            f"UPDATE {SCHEMA}.checkpoints SET witnessed_at = now() WHERE size = %s "
            "AND witnessed_at IS NULL AND (SELECT count(*) FROM "
            f"{SCHEMA}.cosignatures s WHERE s.size = %s) >= %s",
            (size, size, max(self.settings.quorum, 1)),
        )
