"""What a witness remembers per log: the size and root it last cosigned, in one SQLite file.

SQLite (standard library) rather than a JSON file replaced on each write: a compare-and-set
inside `BEGIN IMMEDIATE` stays atomic even when two witness processes share the file, a
crash mid-write leaves the previous state (the journal rolls it back), and `synchronous=FULL`
makes a commit durable before the cosignature leaves. The file is the witness's whole state.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS cosigned (
    origin TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    root BLOB NOT NULL,
    note TEXT NOT NULL,
    cosigned_at INTEGER NOT NULL
)
"""


@dataclass(frozen=True)
class Cosigned:
    """The latest checkpoint the witness cosigned for one origin."""

    origin: str
    size: int
    root: bytes
    note: str
    cosigned_at: int


class WitnessState:
    """The witness's per-origin records; `update` holds one origin still while it decides."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)

    def latest(self, origin: str) -> Cosigned | None:
        """The last cosigned checkpoint of the origin, or None if it never cosigned one."""
        with closing(self._connect()) as db:
            return _read(db, origin)

    @contextmanager
    def update(self, origin: str) -> Iterator[tuple[Cosigned | None, Callable[[Cosigned], None]]]:
        """Read the origin's record and offer a writer; both in one transaction, one at a time.

        Requests for one origin queue on a lock (threads of this process) and on SQLite's write
        lock (other processes); the new record commits before the block is left, or not at all.
        """
        with self._lock(origin), closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield _read(db, origin), lambda record: _write(db, record)
            except BaseException:
                db.rollback()
                raise
            db.commit()

    def _lock(self, origin: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(origin, threading.Lock())

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA synchronous=FULL")
        return db


def _read(db: sqlite3.Connection, origin: str) -> Cosigned | None:
    row = db.execute(
        "SELECT origin, size, root, note, cosigned_at FROM cosigned WHERE origin = ?", (origin,)
    ).fetchone()
    return None if row is None else Cosigned(row[0], row[1], bytes(row[2]), row[3], row[4])


def _write(db: sqlite3.Connection, record: Cosigned) -> None:
    db.execute(
        "INSERT INTO cosigned (origin, size, root, note, cosigned_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root, "
        "note = excluded.note, cosigned_at = excluded.cosigned_at",
        (record.origin, record.size, record.root, record.note, record.cosigned_at),
    )
