"""The bytes of one ledger leaf: a stored event exactly as the events table holds it.

One encoding, used by the integrator that builds the tree, by `jejak ledger verify` that rebuilds
it, and by the offline verifier that checks an evidence bundle. Every field is length-prefixed or
fixed-width, so no two different events can give the same entry.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from uuid import UUID

from domain.ledger.merkle import leaf_hash

ENTRY_TAG = b"jejak-event/v1\n"


@dataclass(frozen=True)
class StoredEvent:
    """An events-table row: its log position, aggregate id, version, topic and stored state."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes


def leaf_entry(event: StoredEvent) -> bytes:
    """The leaf's entry: tag ‖ position ‖ id ‖ version ‖ len ‖ topic ‖ len ‖ state."""
    topic = event.topic.encode("utf-8")
    return b"".join(
        (
            ENTRY_TAG,
            struct.pack(">Q", event.position),
            event.originator_id.bytes,
            struct.pack(">Q", event.originator_version),
            struct.pack(">I", len(topic)),
            topic,
            struct.pack(">Q", len(event.state)),
            event.state,
        )
    )


def event_leaf_hash(event: StoredEvent) -> bytes:
    """The leaf hash of one stored event."""
    return leaf_hash(leaf_entry(event))
