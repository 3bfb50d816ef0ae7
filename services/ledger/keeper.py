"""The ledger as a serve process (or `jejak projections run`) keeps it: integrate, checkpoint,
push to witnesses, in one loop beside the projection runner."""

from __future__ import annotations

import logging
import threading
from typing import Any

import psycopg

from services.database import Database
from services.ledger.checkpoints import CheckpointIssuer
from services.ledger.integrator import Integrator
from services.ledger.schema import LEDGER_LOCK
from services.ledger.settings import LedgerSettings
from services.ledger.store import LedgerStore
from services.ledger.witnesses import WitnessPusher

log = logging.getLogger("jejak.ledger")


class LedgerKeeper:
    """The integrator with checkpoints signed by the configured key, and the witness pusher."""

    def __init__(self, database: Database, settings: LedgerSettings, batch_size: int = 1000):
        self.settings = settings
        self.signer = settings.signer()
        self.issuer = CheckpointIssuer(
            self.signer, settings.checkpoint_events, settings.checkpoint_seconds
        )
        self.integrator = Integrator(database, batch_size=batch_size, after_batch=self.issuer)
        self._conn: psycopg.Connection[Any] = psycopg.connect(
            **database.psycopg_kwargs(), autocommit=True
        )
        self.pusher = WitnessPusher(self._conn, settings)

    def close(self) -> None:
        self.integrator.close()
        self._conn.close()

    def catch_up(self) -> int:
        """Create the tables if missing, integrate the whole log, push; events appended."""
        self.integrator.ensure_schema()
        appended = self.integrator.catch_up()
        self.push()
        return appended

    def checkpoint_now(self) -> int:
        """Integrate the whole log and checkpoint it whatever the cadence; the size."""
        self.catch_up()
        conn = self.integrator.conn
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LEDGER_LOCK,))
            store = LedgerStore(conn)
            size = store.size()
            if size and store.checkpoint_at(size) is None:
                self.issuer.issue(cur, size, store.root(size))
        self.push()
        return size

    def push(self) -> None:
        """Send the newest checkpoint to the witnesses; a failure is logged, never raised."""
        try:
            self.pusher.push()
        except Exception:
            log.exception("pushing the ledger checkpoint to the witnesses failed")

    def run_forever(self, stop: threading.Event, channel: str, idle_wait: float = 1.0) -> None:
        """Follow the log until `stop`: catch up on each NOTIFY or `idle_wait`, then push."""
        self.integrator.ensure_schema()
        self.integrator.run_forever(stop, channel, idle_wait, after_round=self.push)


def start_ledger_thread(
    database: Database, stop: threading.Event, channel: str, settings: LedgerSettings | None = None
) -> threading.Thread:
    """Keep the ledger in a daemon thread until `stop` (settings from the environment, read
    here so a bad one stops the process at start)."""
    settings = settings or LedgerSettings.from_env(database.dbname)

    def keep() -> None:
        try:
            keeper = LedgerKeeper(database, settings)
        except Exception:  # e.g. an unreadable key: the service runs on, the log says why
            log.exception("the ledger cannot start")
            return
        try:
            keeper.run_forever(stop, channel)
        finally:
            keeper.close()

    thread = threading.Thread(target=keep, name="ledger-integrator", daemon=True)
    thread.start()
    return thread
