"""`jejak ledger verify`: recompute the whole tree from the events table and check it against the
stored leaves and every signed checkpoint, with the log's key from outside the database.

The events (up to the integrated position) and the leaves are read side by side in one snapshot.
A difference is classified by where it lies: an edit (same position, other bytes), a deletion
(a leaf's position no event has), an insertion (an event inside the integrated range no leaf
has), a reordering (two events found at each other's positions) or a replaced tail (from some
position on, no leaf matches). Rewriting the ledger tables to match tampered events leaves the
signed checkpoints, whose roots the recomputed tree no longer gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg

from domain.errors import N_
from domain.ledger.entry import StoredEvent, event_leaf_hash
from domain.ledger.errors import LedgerError
from domain.ledger.merkle import node_hash
from domain.ledger.notes import Checkpoint, NoteVerifier, open_checkpoint, verify_cosignatures
from services.ledger import subtrees
from services.ledger.schema import EVENTS_TABLE, SCHEMA
from services.ledger.store import CHECKPOINT_SQL, checkpoint_from_row

Progress = Callable[[int, int], None]
ROWS = 10_000  # fetched per round trip
MAX_SWAP_CANDIDATES = 256  # differing positions tried pairwise as a reordering


@dataclass(frozen=True)
class Finding:
    """One thing that does not hold; `position` is the first log position it concerns."""

    kind: str  # edited, deleted, inserted, reordered, truncated, rewritten, signature, ledger
    position: int | None
    message: str


@dataclass
class Report:
    """What `verify` read and found, first finding first."""

    events: int = 0
    leaves: int = 0
    checkpoints: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass
class _Scan:
    positions: list[int] = field(default_factory=list)  # of the recomputed leaves
    hashes: list[bytes] = field(default_factory=list)
    differing: list[tuple[int, StoredEvent, bytes]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (position, kind)
    last_match: int = 0  # position of the last leaf that matched
    leaf_rows: int = 0
    ledger: list[Finding] = field(default_factory=list)


def verify(
    conn: psycopg.Connection[Any],
    log: NoteVerifier | Sequence[NoteVerifier],
    witnesses: Sequence[NoteVerifier] = (),
    progress: Progress | None = None,
) -> Report:
    """Check the ledger of the database behind `conn` (which this call uses in a transaction).

    `log` is the log's key, or every key it has signed with (after a rotation, the old and the
    new): each checkpoint must be signed by one of them for this log's origin.
    """
    logs = [log] if isinstance(log, NoteVerifier) else list(log)
    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    with conn.transaction():
        with conn.cursor() as cur:
            cur.execute(f"SELECT position, size FROM {SCHEMA}.state")
            position, size = (int(v) for v in cur.fetchone() or (0, 0))
        scan = _scan(conn, position, size, progress)
        report = Report(events=len(scan.hashes), leaves=scan.leaf_rows)
        report.findings.extend(_classify(scan))
        levels = _levels(scan.hashes)
        if not report.findings and not scan.ledger:
            scan.ledger.extend(_check_nodes(conn, levels))
        report.findings.extend(scan.ledger)
        with conn.cursor() as cur:
            cur.execute(CHECKPOINT_SQL + " ORDER BY c.size")
            checkpoints = [checkpoint_from_row(row) for row in cur.fetchall()]
    report.checkpoints = len(checkpoints)
    good = 0
    for stored in checkpoints:
        finding = _check_checkpoint(stored.note, stored.size, logs, levels, scan.positions, good)
        if finding is None:
            good = stored.size
            report.findings.extend(_check_cosignatures(stored.note, stored.size, witnesses))
        else:
            report.findings.append(finding)
    return report


def _rows(conn: psycopg.Connection[Any], name: str, query: str, *params: Any) -> Iterator[Any]:
    with conn.cursor(name=name) as cur:
        cur.itersize = ROWS
        cur.execute(query, params)
        yield from cur


def _scan(
    conn: psycopg.Connection[Any], position: int, size: int, progress: Progress | None
) -> _Scan:
    scan = _Scan()
    events = _rows(
        conn, "ledger_events",
        "SELECT notification_id, originator_id, originator_version, topic, state "
        f"FROM {EVENTS_TABLE} WHERE notification_id <= %s ORDER BY notification_id", position,
    )  # fmt: skip
    leaves = _rows(
        conn, "ledger_leaves", f"SELECT idx, position, hash FROM {SCHEMA}.leaves ORDER BY idx"
    )
    event = next(events, None)
    leaf = _next_leaf(scan, leaves)
    while event is not None or leaf is not None:
        if leaf is not None and (event is None or leaf[1] < event[0]):
            scan.problems.append((int(leaf[1]), "deleted"))
            leaf = _next_leaf(scan, leaves)
            continue
        assert event is not None  # the branch above took every leaf without an event
        stored = StoredEvent(int(event[0]), event[1], event[2], event[3], bytes(event[4]))
        digest = event_leaf_hash(stored)
        scan.positions.append(stored.position)
        scan.hashes.append(digest)
        if leaf is None or leaf[1] > stored.position:
            scan.problems.append((stored.position, "inserted"))
        else:
            if bytes(leaf[2]) == digest:
                scan.last_match = stored.position
            else:
                scan.problems.append((stored.position, "differs"))
                scan.differing.append((stored.position, stored, bytes(leaf[2])))
            leaf = _next_leaf(scan, leaves)
        event = next(events, None)
        if progress is not None and len(scan.hashes) % ROWS == 0:
            progress(len(scan.hashes), size)
    if progress is not None:
        progress(len(scan.hashes), max(size, len(scan.hashes)))
    if scan.leaf_rows != size:
        scan.ledger.append(
            Finding("ledger", None, f"The ledger holds {scan.leaf_rows:,} leaf rows but records "
                    f"a size of {size:,}: the ledger tables were altered.")
        )  # fmt: skip
    return scan


def _next_leaf(scan: _Scan, leaves: Iterator[Any]) -> Any:
    leaf = next(leaves, None)
    if leaf is not None:
        if leaf[0] != scan.leaf_rows and not scan.ledger:
            scan.ledger.append(
                Finding("ledger", int(leaf[1]), f"Leaf index {scan.leaf_rows:,} is missing from "
                        "the ledger table: the ledger tables were altered.")
            )  # fmt: skip
        scan.leaf_rows += 1
    return leaf


def _classify(scan: _Scan) -> list[Finding]:
    """The first problem, named for what happened there; the rest are its consequences."""
    if not scan.problems:
        return []
    first, kind = scan.problems[0]
    swapped = _swap_partner(scan, first)
    if swapped is not None:
        message = (f"Positions {first:,} and {swapped:,} were reordered: each holds the event "
                   "the ledger has at the other.")  # fmt: skip
        return [Finding("reordered", first, message)]
    tail = [p for p, k in scan.problems if k != "inserted"]
    if scan.last_match < first and len(tail) >= 2:
        return [Finding("truncated", first, f"The log was truncated at position {first:,} and "
                        f"re-appended: none of the {len(tail):,} leaves from there on matches "
                        "the events table.")]  # fmt: skip
    messages = {
        "differs": f"Event at position {first:,} was edited: its stored bytes differ from "
        "the ledger's leaf.",
        "deleted": f"Event at position {first:,} was deleted: the ledger has a leaf for it.",
        "inserted": f"Event at position {first:,} was inserted: no leaf of the ledger has "
        "this position, which lies inside the integrated log.",
    }
    return [Finding({"differs": "edited"}.get(kind, kind), first, messages[kind])]


def _swap_partner(scan: _Scan, first: int) -> int | None:
    candidates = scan.differing[:MAX_SWAP_CANDIDATES]
    mine = next((c for c in candidates if c[0] == first), None)
    if mine is None:
        return None
    _, event, leaf = mine
    for other, other_event, other_leaf in candidates:
        if other == first:
            continue
        moved = StoredEvent(other, event.originator_id, event.originator_version, event.topic,
                            event.state)  # fmt: skip
        back = StoredEvent(first, other_event.originator_id, other_event.originator_version,
                           other_event.topic, other_event.state)  # fmt: skip
        if event_leaf_hash(moved) == other_leaf and event_leaf_hash(back) == leaf:
            return other
    return None


def _levels(leaves: list[bytes]) -> list[list[bytes]]:
    """Every complete subtree of the recomputed tree, level by level."""
    levels = [leaves]
    while len(levels[-1]) > 1:
        below = levels[-1]
        levels.append([node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)])
    return levels


def _check_nodes(conn: psycopg.Connection[Any], levels: list[list[bytes]]) -> list[Finding]:
    expected = sum(len(level) for level in levels[1:])
    seen = 0
    for level, idx, digest in _rows(
        conn, "ledger_nodes", f"SELECT level, idx, hash FROM {SCHEMA}.nodes ORDER BY level, idx"
    ):
        seen += 1
        if level >= len(levels) or idx >= len(levels[level]) or levels[level][idx] != digest:
            return [Finding("ledger", None, f"Stored node ({level}, {idx}) is not the recomputed "
                            "tree's: the ledger tables were altered.")]  # fmt: skip
    if seen != expected:
        return [Finding("ledger", None, f"The ledger stores {seen:,} nodes where the tree has "
                        f"{expected:,}: the ledger tables were altered.")]  # fmt: skip
    return []


def _opened(note: str, logs: Sequence[NoteVerifier]) -> tuple[Checkpoint, NoteVerifier]:
    """The checkpoint and the first of the log's keys it opens with; the last error if none."""
    failure = LedgerError(N_("no log key was given"))
    for log in logs:
        try:
            return open_checkpoint(note, log), log
        except LedgerError as error:
            failure = error
    raise failure


def _check_checkpoint(
    note: str, size: int, logs: Sequence[NoteVerifier], levels: list[list[bytes]],
    positions: list[int], good: int,
) -> Finding | None:  # fmt: skip
    try:
        checkpoint, log = _opened(note, logs)
    except LedgerError as error:
        return Finding("signature", None, f"The checkpoint of size {size:,} is not signed by "
                       f"the log's key ({error}): the checkpoints table was altered.")  # fmt: skip
    if checkpoint.size != size or checkpoint.origin != log.name:
        return Finding("signature", None, f"The checkpoint stored for size {size:,} is signed "
                       f"for {checkpoint.origin} at size {checkpoint.size:,}.")  # fmt: skip
    have = len(levels[0])
    recomputed = None
    if size <= have:
        recomputed = subtrees.root(size, lambda level, index: levels[level][index])
    if recomputed == checkpoint.root:
        return None
    start = positions[good] if good < have else None
    end = positions[min(size, have) - 1] if have else None
    where = f"positions {start:,}–{end:,}" if start and end else "the integrated log"
    return Finding("rewritten", start, f"The signed checkpoint of size {size:,} does not match "
                   f"the tree recomputed from the events table: an event in {where} was "
                   "changed and the ledger tables rewritten to match.")  # fmt: skip


def _check_cosignatures(note: str, size: int, witnesses: Sequence[NoteVerifier]) -> list[Finding]:
    if not witnesses:
        return []
    verified = verify_cosignatures(note, witnesses)
    named = {line.split(" ")[1] for line in note.splitlines() if line.startswith("— ")}
    return [
        Finding("signature", None, f"The cosignature of {w.name} on the checkpoint of size "
                f"{size:,} does not verify.")
        for w in witnesses
        if w.name in named and w.name not in verified
    ]  # fmt: skip
