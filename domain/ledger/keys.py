"""Ed25519 signing keys for the log and for witnesses: a 0600 file or an environment value.

The one module of domain/ledger that touches files: a signing key must live outside the
database, and the log, the witness and the tests all read it the same way. Accepted forms:
PKCS#8 PEM, the 32-byte seed (raw, hex or base64), or sumdb/note's
"PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)".
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from domain.errors import N_
from domain.ledger.errors import InvalidKey

SEED_SIZE = 32


def load_or_create_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    """The key in the file, made (mode 0600, PEM) when the file does not exist yet."""
    file = Path(path)
    try:
        return create_key(file)
    except FileExistsError:
        return load_key(file)


def create_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    """A new key written to a new 0600 file; FileExistsError rather than replacing a key."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key


def load_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    """The key in an existing file, refused when others may read or write the file."""
    file = Path(path)
    mode = file.stat().st_mode
    if stat.S_IMODE(mode) & 0o077:
        raise InvalidKey(N_("{file} is open to other users: chmod 600 it"), file=file)
    return _parse_key(file.read_bytes())


def key_from_env(value: str) -> Ed25519PrivateKey:
    """The key an environment variable holds (PEM, hex or base64 seed, or a note private key)."""
    return _parse_key(value.strip().encode())


def _parse_key(data: bytes) -> Ed25519PrivateKey:
    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        try:
            key = load_pem_private_key(text, password=None)
        except ValueError:
            raise InvalidKey(N_("the PEM key cannot be read")) from None
        if not isinstance(key, Ed25519PrivateKey):
            raise InvalidKey(N_("the PEM key is not an Ed25519 key"))
        return key
    if text.startswith(b"PRIVATE+KEY+"):
        return _note_private_key(text.decode("ascii", "replace"))
    if len(data) == SEED_SIZE:
        return Ed25519PrivateKey.from_private_bytes(data)
    return Ed25519PrivateKey.from_private_bytes(_seed(text))


def _seed(text: bytes) -> bytes:
    try:
        seed = bytes.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        try:
            seed = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidKey(
                N_("a key is PEM, a 32-byte seed (hex or base64) or a note key")
            ) from None
    if len(seed) != SEED_SIZE:
        raise InvalidKey(N_("an Ed25519 seed is 32 bytes"))
    return seed


def _note_private_key(text: str) -> Ed25519PrivateKey:
    parts = text.split("+", 4)
    if len(parts) != 5:
        raise InvalidKey(N_("a note private key is PRIVATE+KEY+name+keyid+base64(key)"))
    try:
        raw = base64.b64decode(parts[4], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidKey(N_("the note private key is not base64")) from None
    if len(raw) != 1 + SEED_SIZE or raw[0] not in (0x01, 0x04):
        raise InvalidKey(N_("a note private key is type 0x01 or 0x04 and a 32-byte seed"))
    key = Ed25519PrivateKey.from_private_bytes(raw[1:])
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    name = parts[2].encode()
    if hashlib.sha256(name + b"\n" + raw[:1] + public).digest()[:4].hex() != parts[3]:
        raise InvalidKey(N_("the note private key's id does not match its name and key"))
    return key
