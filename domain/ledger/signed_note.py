"""The C2SP signed-note envelope: text, blank line, "— name base64(key id ‖ signature)" lines.

Only the syntax and key ids (c2sp.org/signed-note); what a signature means, and checking it, is
`domain/ledger/notes.py`. Standard library only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from domain.errors import N_
from domain.ledger.errors import InvalidKey, MalformedNote

SIGNATURE_PREFIX = "— "  # U+2014 EM DASH, then a space
MAX_SIGNATURES = 100  # the spec asks verifiers to accept at least 16; sumdb/note stops at 100


def key_id(name: str, algorithm: int, public_key: bytes) -> bytes:
    """The 4-byte key id: SHA-256(name ‖ 0x0A ‖ algorithm ‖ public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([algorithm]) + public_key).digest()[:4]


def check_key_name(name: str) -> str:
    """A key name is non-empty, without Unicode spaces or '+', and has no control characters."""
    if not name or "+" in name or any(c.isspace() or ord(c) < 0x20 for c in name):
        raise InvalidKey(N_("invalid key name {name!r}"), name=name)
    return name


@dataclass(frozen=True)
class NoteSignature:
    """One signature line: the key's name, its 4-byte id, and what the algorithm signed."""

    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        """The line as the note carries it: "— name base64(key id ‖ signature)\\n"."""
        blob = base64.b64encode(self.key_id + self.signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {blob}\n"


@dataclass(frozen=True)
class Note:
    """A signed note split into its text (with the final newline) and its signatures."""

    text: bytes
    signatures: tuple[NoteSignature, ...]

    def render(self) -> str:
        """The note as text, signature lines in their order."""
        return self.text.decode() + "\n" + "".join(s.line() for s in self.signatures)


def parse_note(note_text: str | bytes) -> Note:
    """Split a signed note; MalformedNote for anything the signed-note format does not allow."""
    text = check_text(note_text)
    split = text.rfind("\n\n")
    if split < 0:
        raise MalformedNote(N_("a signed note separates its text and signatures by a blank line"))
    body, lines = text[: split + 1], text[split + 2 :]
    if not lines.endswith("\n"):
        raise MalformedNote(N_("a signed note ends with a signature line and a newline"))
    signatures = tuple(parse_signature_line(line) for line in lines[:-1].split("\n"))
    if len(signatures) > MAX_SIGNATURES:
        raise MalformedNote(
            N_("more than {max_signatures} signatures"), max_signatures=MAX_SIGNATURES
        )
    return Note(body.encode(), signatures)


def parse_signature_line(line: str) -> NoteSignature:
    """One "— name base64" line (without its newline)."""
    if not line.startswith(SIGNATURE_PREFIX):
        raise MalformedNote(N_("a signature line starts with an em dash and a space"))
    name, sep, blob_text = line[len(SIGNATURE_PREFIX) :].partition(" ")
    if not sep or not name or "+" in name or any(c.isspace() for c in name):
        raise MalformedNote(N_("a signature line is '— <key name> <base64 signature>'"))
    blob = b64decode(blob_text)
    if len(blob) < 5:
        raise MalformedNote(N_("a signature is a 4-byte key id and at least one byte"))
    return NoteSignature(name, blob[:4], blob[4:])


def check_text(value: str | bytes) -> str:
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise MalformedNote(N_("a note is UTF-8")) from None
    if any(ord(c) < 0x20 and c != "\n" for c in value):
        raise MalformedNote(N_("a note has no control characters but newline"))
    return value


def check_body(body: bytes | str) -> bytes:
    text = check_text(body)
    if not text.endswith("\n") or "\n\n" in text:
        raise MalformedNote(N_("a note text ends with a newline and has no blank line"))
    return text.encode()


def b64decode(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise MalformedNote(N_("not standard base64")) from None
    if base64.b64encode(raw).decode() != text:
        raise MalformedNote(N_("not canonical base64"))
    return raw


def add_signatures(note_text: str | bytes, lines: Iterable[str]) -> str:
    """The note with more signature lines (e.g. cosignatures) appended, each line once."""
    note = parse_note(note_text)
    signatures = list(note.signatures)
    for line in lines:
        signature = parse_signature_line(line.rstrip("\n"))
        if signature not in signatures:
            signatures.append(signature)
    return Note(note.text, tuple(signatures)).render()
