"""Reading the tree kept in PostgreSQL: size, roots, proofs, leaves and checkpoints.

Every root and proof reads the O(log n) stored nodes it needs in one query (`subtrees`), never
all leaves. The SQL is exposed (`NODES_SQL`, `CHECKPOINT_SQL`) so an asyncpg reader (the GraphQL
API) can run the same queries with the same planning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import psycopg

from domain.errors import N_
from services.ledger import subtrees
from services.ledger.schema import SCHEMA
from services.ledger.subtrees import Lookup, Node

T = TypeVar("T")

NODES_SQL = f"""
    SELECT 0::smallint, idx, hash FROM {SCHEMA}.leaves WHERE idx = ANY(%(leaves)s)
    UNION ALL
    SELECT n.level, n.idx, n.hash FROM {SCHEMA}.nodes n
    JOIN unnest(%(levels)s::smallint[], %(indexes)s::bigint[]) AS w (level, idx)
      ON n.level = w.level AND n.idx = w.idx"""
CHECKPOINT_SQL = f"""
    SELECT c.size, c.root, c.note, c.issued_at, c.witnessed_at,
           coalesce((SELECT array_agg(s.line ORDER BY s.witness) FROM {SCHEMA}.cosignatures s
                     WHERE s.size = c.size), '{{}}')
    FROM {SCHEMA}.checkpoints c"""


class LedgerUnavailable(LookupError):
    """A size, index or node the ledger does not hold (yet); an English template (N_) and its
    values, so the API can say it in the client's language."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.template, self.params = message, params


@dataclass(frozen=True)
class StoredCheckpoint:
    """A signed checkpoint as kept: `note` carries the log's signature and every cosignature."""

    size: int
    root: bytes
    note: str
    issued_at: datetime
    witnessed_at: datetime | None
    cosignatures: tuple[str, ...]

    @property
    def witnessed(self) -> bool:
        return self.witnessed_at is not None


def node_parameters(nodes: Collection[Node]) -> dict[str, list[int]]:
    """The parameters of NODES_SQL for a set of nodes."""
    inner = sorted(n for n in nodes if n[0] > 0)
    return {
        "leaves": sorted(i for level, i in nodes if level == 0),
        "levels": [level for level, _ in inner],
        "indexes": [i for _, i in inner],
    }


def checkpoint_from_row(row: tuple[Any, ...]) -> StoredCheckpoint:
    """A CHECKPOINT_SQL row; the cosignature lines are appended to the log's signed note."""
    size, root, note, issued_at, witnessed_at, lines = row
    lines = tuple(lines)
    full = note + "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return StoredCheckpoint(int(size), bytes(root), full, issued_at, witnessed_at, lines)


class LedgerStore:
    """The ledger of one database, read through a psycopg connection the caller owns."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def size(self) -> int:
        """Leaves integrated so far."""
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT size FROM {SCHEMA}.state")
            row = cur.fetchone()
        return int(row[0]) if row else 0

    def position(self) -> int:
        """The last log position the integrator has read."""
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT position FROM {SCHEMA}.state")
            row = cur.fetchone()
        return int(row[0]) if row else 0

    def root(self, size: int) -> bytes:
        """The root of the tree of the first `size` leaves."""
        return self._run(size, lambda get: subtrees.root(size, get))

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        """The audit path of leaf `index` in the tree of `size` leaves."""
        if not 0 <= index < size:
            raise LedgerUnavailable(
                N_("leaf {index} is not in a tree of {size}"), index=index, size=size
            )
        return self._run(size, lambda get: subtrees.inclusion(index, size, get))

    def consistency_proof(self, old: int, new: int) -> list[bytes]:
        """The proof that the tree of `old` leaves is a prefix of the tree of `new`."""
        if not 0 <= old <= new:
            raise LedgerUnavailable(
                N_("no consistency proof from {old} to {new}"), old=old, new=new
            )
        return self._run(new, lambda get: subtrees.consistency(old, new, get))

    def leaf(self, index: int) -> tuple[int, bytes]:
        """(log position, leaf hash) of leaf `index`."""
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT position, hash FROM {SCHEMA}.leaves WHERE idx = %s", (index,))
            row = cur.fetchone()
        if row is None:
            raise LedgerUnavailable(N_("no leaf {index}"), index=index)
        return int(row[0]), bytes(row[1])

    def index_of(self, position: int) -> int | None:
        """The leaf index of the event at log `position`, None if not (yet) integrated."""
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT idx FROM {SCHEMA}.leaves WHERE position = %s", (position,))
            row = cur.fetchone()
        return None if row is None else int(row[0])

    def latest_checkpoint(self, witnessed_only: bool = False) -> StoredCheckpoint | None:
        """The newest checkpoint (or newest witnessed one), with all its signatures."""
        where = " WHERE c.witnessed_at IS NOT NULL" if witnessed_only else ""
        return self._checkpoint(CHECKPOINT_SQL + where + " ORDER BY c.size DESC LIMIT 1", ())

    def checkpoint_at(self, size: int) -> StoredCheckpoint | None:
        """The checkpoint issued for `size` leaves, if one was."""
        return self._checkpoint(CHECKPOINT_SQL + " WHERE c.size = %s", (size,))

    def checkpoints(self) -> list[StoredCheckpoint]:
        """Every checkpoint, oldest first."""
        with self.conn.cursor() as cur:
            cur.execute(CHECKPOINT_SQL + " ORDER BY c.size")
            return [checkpoint_from_row(row) for row in cur.fetchall()]

    def fetch(self, nodes: Collection[Node]) -> dict[Node, bytes]:
        """The stored hashes of `nodes` (those present)."""
        if not nodes:
            return {}
        with self.conn.cursor() as cur:
            cur.execute(NODES_SQL, node_parameters(nodes))
            return {(int(lv), int(i)): bytes(h) for lv, i, h in cur.fetchall()}

    def _checkpoint(self, query: str, params: tuple[Any, ...]) -> StoredCheckpoint | None:
        with self.conn.cursor() as cur:
            cur.execute(query, params)
            row = cur.fetchone()
        return None if row is None else checkpoint_from_row(row)

    def _run(self, size: int, algorithm: Callable[[Lookup], T]) -> T:
        if size > self.size():
            raise LedgerUnavailable(N_("the ledger holds fewer than {size} leaves"), size=size)
        try:
            return subtrees.compute(algorithm, self.fetch(subtrees.needed(algorithm)))
        except KeyError as missing:
            raise LedgerUnavailable(
                N_("node {missing} is missing from the ledger"), missing=missing
            ) from None


LEDGER_FIGURES_SQL = f"""
    SELECT s.size, s.position,
           (SELECT extract(epoch FROM now() - max(c.issued_at)) FROM {SCHEMA}.checkpoints c)
    FROM {SCHEMA}.state s"""


async def ledger_figures(pool: Any) -> tuple[int, int, float | None] | None:
    """(size, position, seconds since the last checkpoint) through an asyncpg pool; None
    before the ledger exists."""
    try:
        record = await pool.fetchrow(LEDGER_FIGURES_SQL)
    except Exception as error:  # asyncpg's UndefinedTableError: no ledger yet
        if type(error).__name__ == "UndefinedTableError":
            return None
        raise
    if record is None:
        return None
    age = None if record[2] is None else float(record[2])
    return int(record[0]), int(record[1]), age
