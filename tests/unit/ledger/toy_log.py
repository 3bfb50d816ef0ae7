"""A log for tests: real RFC 9162 trees over made-up leaves, signed checkpoints at any size."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.merkle import consistency_path, leaf_hash, root_of
from domain.ledger.notes import Checkpoint, CosignatureSigner, NoteSigner

ORIGIN = "jejak.example/log"


class ToyLog:
    """Leaves `leaf 0`, `leaf 1`, …; a fork from `fork_at` on gives other leaves (a split view)."""

    def __init__(self, size: int = 64, fork_at: int | None = None, origin: str = ORIGIN) -> None:
        self.signer = NoteSigner(origin, Ed25519PrivateKey.generate())
        self.origin = origin
        self.leaves = [leaf_hash(f"leaf {i}".encode()) for i in range(size)]
        if fork_at is not None:
            self.leaves[fork_at:] = [leaf_hash(f"fork {i}".encode()) for i in range(fork_at, size)]

    def fork(self, at: int) -> ToyLog:
        """The same log key, other leaves from `at` on: what a lying log shows someone else."""
        other = ToyLog(len(self.leaves), fork_at=at, origin=self.origin)
        other.signer = self.signer
        return other

    def checkpoint(self, size: int) -> Checkpoint:
        return Checkpoint(self.origin, size, root_of(self.leaves[:size]))

    def note(self, size: int) -> str:
        """The checkpoint at `size`, signed by the log."""
        return self.signer.sign(self.checkpoint(size).body())

    def proof(self, old: int, new: int) -> list[bytes]:
        return consistency_path(self.leaves[:new], old) if old else []


def new_witness_signer(name: str = "bkn.example/witness") -> CosignatureSigner:
    return CosignatureSigner(name, Ed25519PrivateKey.generate())
