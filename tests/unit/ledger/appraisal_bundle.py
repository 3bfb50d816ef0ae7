"""A real appraisal's events, stored as Jejak stores them, in a tree, with a signed bundle.

The events come from the EmployeeAppraisal aggregate and are encoded by eventsourcing's Mapper
with Jejak's transcodings, so the state bytes are the bytes the events table would hold. Other
leaves of the tree are filler events; the bundle proves only the appraisal's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, Mapper

from domain.ledger.bundle import ProvenEvent, build_bundle
from domain.ledger.entry import StoredEvent, event_leaf_hash
from domain.ledger.merkle import inclusion_path, leaf_hash, root_of
from domain.ledger.notes import (
    Checkpoint,
    CosignatureSigner,
    NoteSigner,
    NoteVerifier,
    add_signatures,
    cosign,
)
from domain.scoring import RULES_VERSION, Rating
from services.transcodings import register_jejak_transcodings
from tests.unit.appraisal.conftest import KASI, approved_appraisal, as_, at, hr
from tests.unit.ledger.toy_log import ORIGIN, new_witness_signer

FILLER_BEFORE = 5  # leaves before the first appraisal event
R = Rating


def appraisal_events() -> list[StoredEvent]:
    """An appraisal rated, re-rated and calibrated: ratings and three PredikatComputed."""
    appraisal = approved_appraisal()
    appraisal.rate("Q1", R.DI_ATAS, R.DI_ATAS, "Melampaui target Q1", at(4, 2), as_(KASI))
    appraisal.rate("ANNUAL", R.SESUAI, R.SESUAI, "Sesuai target", at(12, 20), as_(KASI))
    appraisal.calibrate(R.DI_BAWAH, R.SESUAI, at(12, 28), hr("Kalibrasi unit"))
    transcoder = JSONTranscoder()
    Application().register_transcodings(transcoder)  # the library's, as every Application's
    register_jejak_transcodings(transcoder)
    mapper: Mapper[Any] = Mapper(transcoder=transcoder)
    stored = [mapper.to_stored_event(e) for e in appraisal.collect_events()]
    return [
        StoredEvent(
            100 + 3 * i, UUID(str(s.originator_id)), s.originator_version, s.topic, s.state
        )  # positions with gaps, as a sequence leaves them
        for i, s in enumerate(stored)
    ]


@dataclass
class LedgerScene:
    """The log, its witnesses and a tree whose leaves include the appraisal's events."""

    events: list[StoredEvent] = field(default_factory=appraisal_events)
    log: NoteSigner = field(
        default_factory=lambda: NoteSigner(ORIGIN, Ed25519PrivateKey.generate())
    )
    witnesses: list[CosignatureSigner] = field(
        default_factory=lambda: [
            new_witness_signer("bkn.example/witness"),
            new_witness_signer("ombudsman.example/witness"),
            new_witness_signer("inspektorat.example/witness"),
        ]
    )
    extra_after: int = 7

    def __post_init__(self) -> None:
        self.leaves = [leaf_hash(b"filler %d" % i) for i in range(FILLER_BEFORE)]
        self.indices = []
        for event in self.events:
            self.indices.append(len(self.leaves))
            self.leaves.append(event_leaf_hash(event))
            self.leaves.append(leaf_hash(b"filler between %d" % event.position))
        self.leaves += [leaf_hash(b"filler after %d" % i) for i in range(self.extra_after)]

    @property
    def size(self) -> int:
        return len(self.leaves)

    def checkpoint(self, leaves: list[bytes] | None = None) -> Checkpoint:
        leaves = self.leaves if leaves is None else leaves
        return Checkpoint(ORIGIN, len(leaves), root_of(leaves))

    def note(self, checkpoint: Checkpoint | None = None, witnesses: int = 3) -> str:
        """A checkpoint signed by the log and cosigned by the first `witnesses` witnesses."""
        note = self.log.sign((checkpoint or self.checkpoint()).body())
        lines = [cosign(note, w, 1_760_000_000 + i) for i, w in enumerate(self.witnesses)]
        return add_signatures(note, lines[:witnesses])

    def proven(self) -> list[ProvenEvent]:
        return [
            ProvenEvent(e, i, inclusion_path(self.leaves, i))
            for e, i in zip(self.events, self.indices, strict=True)
        ]

    def bundle(self, note: str | None = None) -> dict[str, Any]:
        """The honest bundle."""
        return build_bundle(
            ORIGIN, note or self.note(), self.proven(), RULES_VERSION, {"nip": "198609262015051001"}
        )

    def witness_verifiers(self) -> list[NoteVerifier]:
        return [w.verifier() for w in self.witnesses]
