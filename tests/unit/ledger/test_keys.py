"""Signing keys: made once in a 0600 file, read back the same, refused when others can read them."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from domain.ledger.keys import create_key, load_key
from domain.ledger.notes import (
    InvalidKey,
    NoteSigner,
    NoteVerifier,
    key_from_env,
    load_or_create_key,
)


def _seed(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def test_a_missing_key_file_is_made_with_mode_0600_and_read_back_as_the_same_key(
    tmp_path: Path,
) -> None:
    path = tmp_path / "keys" / "log.pem"
    made = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert _seed(load_or_create_key(path)) == _seed(made)


def test_creating_a_key_never_replaces_an_existing_one(tmp_path: Path) -> None:
    path = tmp_path / "witness.pem"
    create_key(path)
    with pytest.raises(FileExistsError):
        create_key(path)


def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.pem"
    create_key(path)
    os.chmod(path, 0o644)
    with pytest.raises(InvalidKey, match="chmod 600"):
        load_key(path)


def test_a_raw_seed_file_is_read(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "seed"
    path.write_bytes(_seed(key))
    path.chmod(0o600)
    assert _seed(load_key(path)) == _seed(key)


def test_an_environment_value_may_be_pem_hex_or_base64() -> None:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    for value in (pem, _seed(key).hex(), base64.b64encode(_seed(key)).decode()):
        assert _seed(key_from_env(value)) == _seed(key)
    with pytest.raises(InvalidKey):
        key_from_env("not a key")


def test_every_verifier_key_round_trips_even_when_its_base64_holds_a_plus() -> None:
    plus_seen = False
    for _ in range(64):
        signer = NoteSigner("jejak.example/log", Ed25519PrivateKey.generate())
        plus_seen |= "+" in signer.vkey().split("+", 2)[2]
        assert NoteVerifier.from_vkey(signer.vkey()).public_key == signer.public_key
    assert plus_seen
