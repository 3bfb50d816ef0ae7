"""Following the log: catch up, then sleep until the recorder NOTIFYs a new event.

One loop for the runner and for the worker that owns every shard (projections/shard_follower.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from psycopg import sql

from services.database import Database

log = logging.getLogger("jejak.projections")


def follow(
    database: Database,
    channel: str,
    catch_up: Callable[[], int],
    stop: threading.Event,
    idle_wait: float = 1.0,
) -> None:
    """Call `catch_up` until `stop`, waking on the log's NOTIFY or every `idle_wait` seconds."""
    listener = psycopg.connect(**database.psycopg_kwargs(), autocommit=True)
    try:
        listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        while not stop.is_set():
            try:
                catch_up()
            except Exception:  # a bad batch must not kill the follower: log, wait, retry
                log.exception("projection batch failed; retrying")
                stop.wait(idle_wait)
                continue
            for _ in listener.notifies(timeout=idle_wait, stop_after=1):
                pass
    finally:
        listener.close()
