"""C2SP signed notes, checkpoints and Ed25519 cosignatures, so any C2SP tool can check ours.

Formats: c2sp.org/signed-note (Ed25519, type 0x01), c2sp.org/tlog-checkpoint and
c2sp.org/tlog-cosignature (cosignature/v1, type 0x04). Standard library and `cryptography` only:
the offline verifier imports this module. Key files and environment values are read in
`domain/ledger/keys.py` (re-exported here).
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from domain.errors import N_
from domain.ledger.errors import (
    BadSignature,
    InvalidKey,
    LedgerError,
    MalformedNote,
    UnverifiedNote,
)
from domain.ledger.keys import key_from_env, load_or_create_key
from domain.ledger.signed_note import (
    Note,
    NoteSignature,
    add_signatures,
    b64decode,
    check_body,
    check_key_name,
    check_text,
    key_id,
    parse_note,
)

ED25519 = 0x01  # a log's (or any note's) Ed25519 signature
COSIGNATURE_V1 = 0x04  # a witness's timestamped Ed25519 cosignature
MAX_TIMESTAMP = 2**63 - 1
HASH_SIZE = 32

__all__ = [
    "BadSignature",
    "Checkpoint",
    "CosignatureSigner",
    "InvalidKey",
    "LedgerError",
    "MalformedNote",
    "Note",
    "NoteSignature",
    "NoteSigner",
    "NoteVerifier",
    "UnverifiedNote",
    "add_signatures",
    "cosign",
    "cosignature_times",
    "key_from_env",
    "load_or_create_key",
    "open_checkpoint",
    "open_note",
    "parse_note",
    "verify_cosignatures",
]


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    """The 32 bytes of the private key's Ed25519 public key."""
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Checkpoint:
    """A tree head: the log's origin, its size and its root (plus opaque extension lines)."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        lines = (self.origin, *self.extensions)
        if any(not line or "\n" in line for line in lines) or self.size < 0:
            raise MalformedNote(N_("a checkpoint's origin and extension lines are non-empty lines"))
        if len(self.root) != HASH_SIZE:
            raise MalformedNote(N_("the root hash is not 32 bytes"))

    def body(self) -> bytes:
        """The note text: "origin\\nsize\\nbase64(root)\\n" and any extension lines."""
        root = base64.b64encode(self.root).decode()
        lines = [self.origin, str(self.size), root, *self.extensions]
        return ("\n".join(lines) + "\n").encode()

    @classmethod
    def parse(cls, body: bytes | str) -> Checkpoint:
        """Read a checkpoint body; MalformedNote unless it follows tlog-checkpoint exactly."""
        text = check_text(body)
        if not text.endswith("\n"):
            raise MalformedNote(N_("a checkpoint ends with a newline"))
        lines = text[:-1].split("\n")
        if len(lines) < 3 or any(not line for line in lines):
            raise MalformedNote(N_("a checkpoint has at least three non-empty lines"))
        origin, size_text, root_text, *extensions = lines
        if not size_text.isascii() or not size_text.isdigit() or str(int(size_text)) != size_text:
            raise MalformedNote(
                N_("tree size {size_text!r} is not a decimal without leading zeros"),
                size_text=size_text,
            )
        root = b64decode(root_text)
        if len(root) != HASH_SIZE:
            raise MalformedNote(N_("the root hash is not 32 bytes"))
        return cls(origin, int(size_text), root, tuple(extensions))


class NoteVerifier:
    """A trusted public key: a log's (type 0x01) or a witness's (type 0x04 cosignatures)."""

    def __init__(self, name: str, algorithm: int, public_key: bytes) -> None:
        if algorithm not in (ED25519, COSIGNATURE_V1):
            raise InvalidKey(
                N_("unsupported signature type 0x{algorithm:02x}"), algorithm=algorithm
            )
        if len(public_key) != 32:
            raise InvalidKey(N_("an Ed25519 public key is 32 bytes"))
        self.name = check_key_name(name)
        self.algorithm = algorithm
        self.public_key = public_key
        self.key_id = key_id(name, algorithm, public_key)
        self._key = Ed25519PublicKey.from_public_bytes(public_key)

    @classmethod
    def from_vkey(cls, vkey: str) -> NoteVerifier:
        """Read a verifier key "name+hex key id+base64(type ‖ public key)", checking its id."""
        parts = vkey.strip().split("+", 2)
        if len(parts) != 3 or len(parts[1]) != 8:
            raise InvalidKey(N_("a verifier key is name+keyid+base64(key)"))
        name, hex_id, key_text = parts
        try:
            raw = b64decode(key_text)
        except MalformedNote:
            raise InvalidKey(N_("the verifier key's key is not base64")) from None
        if not raw:
            raise InvalidKey(N_("the verifier key is empty"))
        verifier = cls(name, raw[0], raw[1:])
        if hex_id != verifier.key_id.hex():
            raise InvalidKey(N_("the verifier key's id does not match its name and key"))
        return verifier

    def vkey(self) -> str:
        """The C2SP verifier key string."""
        encoded = base64.b64encode(bytes([self.algorithm]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    def matches(self, signature: NoteSignature) -> bool:
        """Whether the line names this key (name and key id both; either alone is a stranger)."""
        return signature.name == self.name and signature.key_id == self.key_id

    def verifies(self, text: bytes, signature: NoteSignature) -> bool:
        """Whether a matching signature holds over the note text (cosignatures: with its time)."""
        payload = signature.signature
        if self.algorithm == COSIGNATURE_V1:
            if len(payload) != 8 + 64:
                return False
            (timestamp,) = struct.unpack(">Q", payload[:8])
            if timestamp > MAX_TIMESTAMP:
                return False
            text, payload = cosigned_message(text, timestamp), payload[8:]
        elif len(payload) != 64:
            return False
        try:
            self._key.verify(payload, text)
        except InvalidSignature:
            return False
        return True


class NoteSigner:
    """A log's Ed25519 signing key under its name (which should be the checkpoint origin)."""

    algorithm = ED25519

    def __init__(self, name: str, key: Ed25519PrivateKey) -> None:
        self.name = check_key_name(name)
        self._key = key
        self.public_key = raw_public_key(key)
        self.key_id = key_id(name, self.algorithm, self.public_key)

    def verifier(self) -> NoteVerifier:
        """The matching verifier."""
        return NoteVerifier(self.name, self.algorithm, self.public_key)

    def vkey(self) -> str:
        """The verifier key string to publish."""
        return self.verifier().vkey()

    def signature_line(self, body: bytes | str) -> str:
        """The "— name base64" line that signs the text."""
        text = check_body(body)
        return NoteSignature(self.name, self.key_id, self._key.sign(text)).line()

    def sign(self, body: bytes | str) -> str:
        """The signed note: the text, a blank line and this key's signature line."""
        text = check_body(body)
        return text.decode() + "\n" + self.signature_line(text)


class CosignatureSigner(NoteSigner):
    """A witness's key: cosignature/v1 (type 0x04) over checkpoints, with a timestamp."""

    algorithm = COSIGNATURE_V1

    def signature_line(self, body: bytes | str, timestamp: int | None = None) -> str:
        """The cosignature line over a checkpoint body at a POSIX time (required)."""
        if timestamp is None:
            raise ValueError("a cosignature needs its timestamp")
        if not 0 <= timestamp <= MAX_TIMESTAMP:
            raise ValueError("a cosignature timestamp is between 0 and 2^63-1")
        text = check_body(body)
        signed = self._key.sign(cosigned_message(text, timestamp))
        return NoteSignature(self.name, self.key_id, struct.pack(">Q", timestamp) + signed).line()

    def sign(self, body: bytes | str) -> str:
        raise TypeError("a witness cosigns with cosign(note, signer, timestamp)")


def cosigned_message(body: bytes, timestamp: int) -> bytes:
    """What a cosignature/v1 signs: "cosignature/v1\\ntime <t>\\n" and the checkpoint body."""
    return b"cosignature/v1\ntime %d\n" % timestamp + body


def cosign(checkpoint: str | bytes | Checkpoint, signer: CosignatureSigner, timestamp: int) -> str:
    """A witness's cosignature line over a checkpoint (its note with signatures, or its body)."""
    if isinstance(checkpoint, Checkpoint):
        body = checkpoint.body()
    else:
        text = check_text(checkpoint)
        body = parse_note(text).text if "\n\n" in text else text.encode()
    Checkpoint.parse(body)
    return signer.signature_line(body, timestamp)


def open_note(note_text: str | bytes, verifiers: Sequence[NoteVerifier]) -> tuple[Note, set[str]]:
    """The note and the names of the trusted keys whose signature verified.

    Lines by unknown keys are ignored; a line by a trusted key that fails rejects the whole note
    (BadSignature); no verified trusted signature at all is UnverifiedNote.
    """
    note = parse_note(note_text)
    verified: set[str] = set()
    for signature in note.signatures:
        for verifier in verifiers:
            if verifier.matches(signature):
                if not verifier.verifies(note.text, signature):
                    raise BadSignature(
                        N_("the signature by {name} does not verify"), name=verifier.name
                    )
                verified.add(verifier.name)
    if not verified:
        raise UnverifiedNote(N_("the note carries no verified signature by a trusted key"))
    return note, verified


def open_checkpoint(note_text: str | bytes, log: NoteVerifier) -> Checkpoint:
    """The checkpoint a note signed by the log's key holds; LedgerError otherwise."""
    if log.algorithm != ED25519:
        raise InvalidKey(N_("a log key is an Ed25519 note key (type 0x01)"))
    note, _ = open_note(note_text, [log])
    return Checkpoint.parse(note.text)


def verify_cosignatures(note_text: str | bytes, witnesses: Sequence[NoteVerifier]) -> set[str]:
    """Names of the given witnesses whose cosignature on the note's checkpoint verifies.

    A line by a key not given, or one that does not verify, counts for nothing; each witness
    counts once however many lines it has.
    """
    note = parse_note(note_text)
    return {
        w.name
        for s in note.signatures
        for w in witnesses
        if w.algorithm == COSIGNATURE_V1 and w.matches(s) and w.verifies(note.text, s)
    }


def cosignature_times(note_text: str | bytes, witnesses: Sequence[NoteVerifier]) -> dict[str, int]:
    """For each witness with a verified cosignature, the latest time it cosigned at."""
    note = parse_note(note_text)
    times: dict[str, int] = {}
    for s in note.signatures:
        for w in witnesses:
            if w.algorithm == COSIGNATURE_V1 and w.matches(s) and w.verifies(note.text, s):
                (t,) = struct.unpack(">Q", s.signature[:8])
                times[w.name] = max(t, times.get(w.name, 0))
    return times
