"""The body of a tlog-witness add-checkpoint request, written by the client and read by the witness.

"old <size>\\n", up to 63 base64 consistency-proof hashes one per line, an empty line, then the
checkpoint note with its signatures (c2sp.org/tlog-witness).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass

MAX_PROOF_LINES = 63
SIZE_CONTENT_TYPE = "text/x.tlog.size"
PATH = "/add-checkpoint"


class MalformedRequest(ValueError):
    """The request body is not an add-checkpoint body."""


@dataclass(frozen=True)
class AddCheckpoint:
    """A parsed request: the size the client thinks the witness has, the proof, the note."""

    old_size: int
    proof: tuple[bytes, ...]
    note: str


def format_request(old_size: int, proof: Sequence[bytes], note_text: str) -> bytes:
    """The request body for a checkpoint note and a consistency proof from `old_size`."""
    if old_size < 0 or len(proof) > MAX_PROOF_LINES:
        raise ValueError("old size is not negative and a proof has at most 63 hashes")
    lines = [f"old {old_size}", *(base64.b64encode(h).decode() for h in proof), ""]
    return ("\n".join(lines) + "\n" + note_text).encode()


def parse_request(body: bytes) -> AddCheckpoint:
    """The request's parts; MalformedRequest if the body breaks the protocol's syntax."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedRequest("the body is not UTF-8") from None
    head, sep, note = text.partition("\n\n")
    if not sep:
        raise MalformedRequest("no empty line after the old size and proof")
    old_line, *proof_lines = head.split("\n")
    number = old_line.removeprefix("old ")
    if number == old_line or not _decimal(number):
        raise MalformedRequest("the first line is 'old <size>'")
    if len(proof_lines) > MAX_PROOF_LINES:
        raise MalformedRequest("more than 63 consistency proof lines")
    return AddCheckpoint(int(number), tuple(_hash(line) for line in proof_lines), note)


def parse_size(body: str) -> int:
    """The size in a 409 answer: a decimal and a newline."""
    number = body.removesuffix("\n")
    if not _decimal(number):
        raise MalformedRequest("a size body is a decimal and a newline")
    return int(number)


def _decimal(text: str) -> bool:
    return text.isascii() and text.isdigit() and str(int(text)) == text


def _hash(line: str) -> bytes:
    try:
        value = base64.b64decode(line, validate=True)
    except (binascii.Error, ValueError):
        raise MalformedRequest("a proof line is not base64") from None
    if len(value) != 32:
        raise MalformedRequest("a proof line is not a 32-byte hash")
    return value
