"""GraphQL types of the ledger: a signed checkpoint and the two kinds of Merkle proof."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime

import strawberry

from services.ledger.store import StoredCheckpoint


def b64(value: bytes) -> str:
    """A hash as the C2SP formats write it: standard base64."""
    return base64.b64encode(value).decode("ascii")


@strawberry.type(
    description="A signed checkpoint of the ledger (C2SP tlog-checkpoint): the size and root "
    "hash of the Merkle tree over the first `size` events of the log."
)
class LedgerCheckpoint:
    size: int = strawberry.field(description="Leaves (events) the tree holds.")
    root: str = strawberry.field(description="The tree's root hash, base64.")
    note: str = strawberry.field(
        description="The signed note as C2SP clients read it: the checkpoint body, the log's "
        "signature and every witness cosignature received."
    )
    issued_at: datetime = strawberry.field(description="When the log signed it.")
    witnessed: bool = strawberry.field(description="Whether the witness quorum has cosigned.")
    cosignatures: list[str] = strawberry.field(
        description="The witnesses' cosignature lines (C2SP tlog-cosignature)."
    )

    @classmethod
    def from_stored(cls, stored: StoredCheckpoint) -> LedgerCheckpoint:
        return cls(
            size=stored.size,
            root=b64(stored.root),
            note=stored.note,
            issued_at=stored.issued_at,
            witnessed=stored.witnessed,
            cosignatures=list(stored.cosignatures),
        )


@strawberry.type(
    description="The audit path (RFC 9162 §2.1.3) of one event's leaf in the tree of "
    "`treeSize` leaves: with the event's stored bytes it leads to that tree's root."
)
class InclusionProof:
    position: int = strawberry.field(description="The event's log position.")
    leaf_index: int = strawberry.field(description="Its leaf's index in the tree.")
    tree_size: int
    hashes: list[str] = strawberry.field(description="The sibling hashes, base64, leaf first.")


@strawberry.type(
    description="The proof (RFC 9162 §2.1.4) that the tree of `fromSize` leaves is a prefix "
    "of the tree of `toSize` leaves: nothing before `fromSize` was changed."
)
class ConsistencyProof:
    from_size: int
    to_size: int
    hashes: list[str] = strawberry.field(description="The proof's hashes, base64.")


def hashes(values: Iterable[bytes]) -> list[str]:
    """Hashes as the API shows them."""
    return [b64(value) for value in values]
