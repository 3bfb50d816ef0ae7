"""The evidence bundle: one JSON document with events as stored, their proofs and a checkpoint.

The server builds it (`build_bundle`) and anyone checks it offline (`verify_bundle`), so both sides
share this one format (docs/ledger.md, "Evidence bundle").

What the verifier trusts: the log's verifier key and the witnesses' keys it is given, the quorum
it is told, and the code of `domain/ledger` and `domain/scoring`. Nothing in the bundle is taken
on its word: the checkpoint must carry the log's signature and `quorum` distinct given witnesses'
cosignatures; the tree size and root come from that signed checkpoint only; every leaf hash is
recomputed from the event's own bytes, and every inclusion proof must lead exactly to that root;
each leaf index appears once and leaf order follows log order; each predikat is recomputed from
the bundle's rating events under the rules version its PredikatComputed event names. A field the
format does not define (a stated hash, root or size) is ignored, never believed.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from domain.errors import N_, Phrase, cause
from domain.ledger.bundle_scores import recompute_bundle_predikats
from domain.ledger.entry import StoredEvent, event_leaf_hash
from domain.ledger.errors import LedgerError
from domain.ledger.merkle import verify_inclusion
from domain.ledger.notes import Checkpoint, NoteVerifier, open_checkpoint, verify_cosignatures

FORMAT = "jejak-evidence-bundle/v1"


@dataclass(frozen=True)
class ProvenEvent:
    """A stored event, its leaf index and its inclusion proof against the checkpoint's size."""

    event: StoredEvent
    leaf_index: int
    inclusion_proof: Sequence[bytes]


def build_bundle(
    origin: str,
    checkpoint_note: str,
    events_with_proofs: Iterable[ProvenEvent],
    rules_version: str | None = None,
    subject: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The bundle document (JSON-ready), events in log order."""
    events = sorted(events_with_proofs, key=lambda p: p.event.position)
    return {
        "format": FORMAT,
        "origin": origin,
        "checkpoint": checkpoint_note,
        "rules_version": rules_version,
        "subject": dict(subject or {}),
        "events": [
            {
                "position": p.event.position,
                "leaf_index": p.leaf_index,
                "originator_id": str(p.event.originator_id),
                "originator_version": p.event.originator_version,
                "topic": p.event.topic,
                "state": base64.b64encode(p.event.state).decode(),
                "inclusion_proof": [base64.b64encode(h).decode() for h in p.inclusion_proof],
            }
            for p in events
        ],
    }


class BundleRejected(LedgerError):
    """The bundle does not prove what it claims; the message names the first failure."""

    code = "BUNDLE_REJECTED"


@dataclass
class Verification:
    """What was checked, in order; `failure` is the first check that did not hold."""

    checks: list[str] = field(default_factory=list)
    failure: str | None = None
    checkpoint: Checkpoint | None = None
    witnesses: list[str] = field(default_factory=list)
    events: int = 0
    predikats: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failure is None


def verify_bundle(
    bundle: Mapping[str, Any],
    log: NoteVerifier,
    witnesses: Sequence[NoteVerifier] = (),
    quorum: int | None = None,
    known_checkpoints: Sequence[str] = (),
) -> Verification:
    """Check a bundle against the trusted keys; never raises for a bad bundle, reports it."""
    result = Verification()
    try:
        _verify(
            bundle,
            log,
            witnesses,
            len(witnesses) if quorum is None else quorum,
            known_checkpoints,
            result,
        )
    except BundleRejected as rejected:
        result.failure = rejected.message
    return result


def _verify(
    bundle: Mapping[str, Any],
    log: NoteVerifier,
    witnesses: Sequence[NoteVerifier],
    quorum: int,
    known_checkpoints: Sequence[str],
    result: Verification,
) -> None:
    if not isinstance(bundle, Mapping) or bundle.get("format") != FORMAT:
        raise BundleRejected(N_("not a {format} document"), format=FORMAT)
    note = _text(bundle, "checkpoint")
    try:
        checkpoint = open_checkpoint(note, log)
    except LedgerError as error:
        raise BundleRejected(
            N_("the checkpoint is not signed by the log's key: {error}"), error=cause(error)
        ) from None
    if checkpoint.origin != _text(bundle, "origin"):
        raise BundleRejected(N_("the checkpoint's origin is not the bundle's log"))
    result.checkpoint = checkpoint
    result.checks.append(f"checkpoint of size {checkpoint.size} signed by {log.name}")
    _check_quorum(note, witnesses, quorum, result)
    for other in known_checkpoints:
        _check_same_view(checkpoint, other, log)
    proven = [_proven_event(raw) for raw in _list(bundle, "events")]
    _check_inclusion(proven, checkpoint)
    result.events = len(proven)
    result.checks.append(f"{len(proven)} events included in the tree of size {checkpoint.size}")
    for outcome in recompute_bundle_predikats([p.event for p in proven]):
        result.predikats.append(outcome.as_dict())
        if outcome.problem is not None:
            raise BundleRejected(outcome.problem)
    result.checks.append(f"{len(result.predikats)} predikat recomputed from their ratings")


def _check_quorum(
    note: str, witnesses: Sequence[NoteVerifier], quorum: int, result: Verification
) -> None:
    if quorum < 0 or quorum > len({w.name for w in witnesses}):
        raise BundleRejected(
            N_("a quorum of {quorum} cannot be met by the witness keys given"), quorum=quorum
        )
    names = verify_cosignatures(note, witnesses)
    result.witnesses = sorted(names)
    if len(names) < quorum:
        raise BundleRejected(
            N_("only {verified} of the required {quorum} witness cosignatures verify"),
            verified=len(names),
            quorum=quorum,
        )
    result.checks.append(f"cosigned by {len(names)} trusted witnesses (quorum {quorum})")


def _check_same_view(checkpoint: Checkpoint, other_note: str, log: NoteVerifier) -> None:
    try:
        other = open_checkpoint(other_note, log)
    except LedgerError as error:
        raise BundleRejected(
            N_("a known checkpoint is not signed by the log: {error}"), error=cause(error)
        ) from None
    if other.size == checkpoint.size and other.root != checkpoint.root:
        raise BundleRejected(
            N_("split view: two checkpoints of size {size} signed with different roots"),
            size=other.size,
        )


def _check_inclusion(proven: Sequence[ProvenEvent], checkpoint: Checkpoint) -> None:
    seen_indices: set[int] = set()
    previous: ProvenEvent | None = None
    for p in sorted(proven, key=lambda p: p.leaf_index):
        where = Phrase(
            N_("event at position {position} (leaf {leaf})"),
            position=p.event.position,
            leaf=p.leaf_index,
        )
        if p.leaf_index in seen_indices:
            raise BundleRejected(N_("{where}: leaf index given twice"), where=where)
        seen_indices.add(p.leaf_index)
        if previous is not None and previous.event.position >= p.event.position:
            raise BundleRejected(N_("{where}: leaves out of log order"), where=where)
        leaf = event_leaf_hash(p.event)  # from the bytes themselves, never a stated hash
        if not verify_inclusion(
            leaf, p.leaf_index, checkpoint.size, p.inclusion_proof, checkpoint.root
        ):
            raise BundleRejected(N_("{where}: not included in the signed tree"), where=where)
        previous = p


def _proven_event(raw: Any) -> ProvenEvent:
    if not isinstance(raw, Mapping):
        raise BundleRejected(N_("an event is not a JSON object"))
    try:
        event = StoredEvent(
            position=_int(raw, "position"),
            originator_id=UUID(_text(raw, "originator_id")),
            originator_version=_int(raw, "originator_version"),
            topic=_text(raw, "topic"),
            state=base64.b64decode(_text(raw, "state"), validate=True),
        )
        proof = [base64.b64decode(_str(h), validate=True) for h in _list(raw, "inclusion_proof")]
    except (ValueError, binascii.Error):
        raise BundleRejected(N_("an event field is not what the format says")) from None
    return ProvenEvent(event, _int(raw, "leaf_index"), proof)


def _text(obj: Mapping[str, Any], key: str) -> str:
    return _str(obj.get(key))


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise BundleRejected(N_("a text field is missing or not text"))
    return value


def _int(obj: Mapping[str, Any], key: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**63:
        raise BundleRejected(N_("{key} is missing or not a whole number"), key=key)
    return value


def _list(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    if not isinstance(value, list):
        raise BundleRejected(N_("{key} is missing or not a list"), key=key)
    return value
