"""C2SP notes, checkpoints and cosignatures: Go's reference vectors hold, and no forgery does."""

from __future__ import annotations

import base64
import hashlib
import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.notes import (
    BadSignature,
    Checkpoint,
    CosignatureSigner,
    InvalidKey,
    MalformedNote,
    NoteSigner,
    NoteVerifier,
    UnverifiedNote,
    add_signatures,
    cosign,
    cosignature_times,
    key_from_env,
    open_checkpoint,
    open_note,
    parse_note,
    verify_cosignatures,
)

# golang.org/x/mod/sumdb/note note_test.go
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_SIG = (
    "— PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
# transparency-dev/witness omniwitness tests: a checkpoint signed by Go's note package
MONKEYS_VKEY = "monkeys+db4d9f7e+AULaJMvTtDLHPUcUrjdDad9vDlh/PTfC2VV60JUtCfWT"
MONKEYS_NOTE = (
    "monkeys\n5\n41smjBUiAU70EtKlT6lIOIYtRTYxYXsDB+XHfcvu/BE=\n\n"
    "— monkeys "
    "202fftzGl3LVoqjXfwCFZZXs8I+5G22+Ek2K0AOyBuSJ/8/CZawNF+6fNlTKOCd622pbzJNkkJFWuw9DbicZCkEx9AY=\n"
)

ROOT = hashlib.sha256(b"root").digest()
LOG = NoteSigner("jejak.example/log", Ed25519PrivateKey.generate())
WITNESS = CosignatureSigner("bkn.example/witness", Ed25519PrivateKey.generate())
CHECKPOINT = Checkpoint("jejak.example/log", 42, ROOT)


def test_signing_the_go_reference_note_gives_its_published_signature_byte_for_byte() -> None:
    signer = NoteSigner("PeterNeumann", key_from_env(GO_SKEY))
    assert signer.vkey() == GO_VKEY
    assert signer.sign(GO_TEXT) == GO_TEXT + "\n" + GO_SIG


def test_the_go_reference_note_opens_with_its_verifier_key() -> None:
    note, names = open_note(GO_TEXT + "\n" + GO_SIG, [NoteVerifier.from_vkey(GO_VKEY)])
    assert note.text == GO_TEXT.encode()
    assert names == {"PeterNeumann"}


def test_a_checkpoint_signed_by_go_opens_with_the_logs_key() -> None:
    checkpoint = open_checkpoint(MONKEYS_NOTE, NoteVerifier.from_vkey(MONKEYS_VKEY))
    assert checkpoint.origin == "monkeys"
    assert checkpoint.size == 5
    assert checkpoint.body() == MONKEYS_NOTE.split("\n\n")[0].encode() + b"\n"


def test_every_mangled_verifier_key_is_refused() -> None:
    for i in range(len(GO_VKEY)):
        mangled = GO_VKEY[:i] + chr(ord(GO_VKEY[i]) + 1) + GO_VKEY[i + 1 :]
        with pytest.raises(InvalidKey):
            NoteVerifier.from_vkey(mangled)
    for cut in range(1, len(GO_VKEY)):
        with pytest.raises(InvalidKey):
            NoteVerifier.from_vkey(GO_VKEY[:cut])


def test_the_key_id_is_the_sha256_of_name_newline_type_and_key() -> None:
    verifier = NoteVerifier.from_vkey(WITNESS.vkey())
    expected = hashlib.sha256(b"bkn.example/witness\n\x04" + WITNESS.public_key).digest()[:4]
    assert verifier.key_id == expected
    assert verifier.algorithm == 0x04
    assert WITNESS.vkey().startswith(f"bkn.example/witness+{expected.hex()}+")


def test_a_checkpoint_body_is_origin_size_and_base64_root_each_on_a_line() -> None:
    body = CHECKPOINT.body()
    assert body == b"jejak.example/log\n42\n" + base64.b64encode(ROOT) + b"\n"
    assert Checkpoint.parse(body) == CHECKPOINT


@pytest.mark.parametrize(
    "body",
    [
        "log\n042\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  # leading zero
        "log\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
        "log\n1\nAAAA\n",  # not 32 bytes
        "log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # no final newline
        "\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  # empty origin
        "log\n1\n",
        "log\n١\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",  # a non-ASCII digit
    ],
)
def test_a_checkpoint_body_that_breaks_the_format_is_refused(body: str) -> None:
    with pytest.raises(MalformedNote):
        Checkpoint.parse(body)


def test_a_signed_checkpoint_opens_to_the_checkpoint() -> None:
    note = LOG.sign(CHECKPOINT.body())
    assert note.startswith(CHECKPOINT.body().decode() + "\n— jejak.example/log ")
    assert open_checkpoint(note, LOG.verifier()) == CHECKPOINT


def test_a_checkpoint_signed_by_another_key_under_the_same_name_is_unverified() -> None:
    impostor = NoteSigner("jejak.example/log", Ed25519PrivateKey.generate())
    with pytest.raises(UnverifiedNote):
        open_checkpoint(impostor.sign(CHECKPOINT.body()), LOG.verifier())


def test_an_edited_checkpoint_fails_the_logs_signature() -> None:
    note = LOG.sign(CHECKPOINT.body()).replace("\n42\n", "\n43\n", 1)
    with pytest.raises(BadSignature):
        open_checkpoint(note, LOG.verifier())


def test_a_signature_line_with_the_right_id_and_a_wrong_signature_rejects_the_note() -> None:
    note = parse_note(LOG.sign(CHECKPOINT.body()))
    sig = note.signatures[0]
    forged = type(sig)(sig.name, sig.key_id, bytes(64))
    with pytest.raises(BadSignature):
        open_checkpoint(CHECKPOINT.body().decode() + "\n" + forged.line(), LOG.verifier())


@pytest.mark.parametrize(
    "text",
    [
        "a\n— x AAAAAAA=\n",  # no blank line
        "a\n\n- x AAAAAAA=\n",  # a hyphen, not an em dash
        "a\n\n— x AAAAAAA=",  # no final newline
        "a\n\n— x AAA\n",  # too short, not base64
        "a\n\n— x+y AAAAAAA=\n",  # '+' in a key name
        "a\r\n\n— x AAAAAAA=\n",  # a control character
        "a\n\n",
    ],
)
def test_a_note_that_breaks_the_signed_note_format_is_refused(text: str) -> None:
    with pytest.raises(MalformedNote):
        parse_note(text)


def test_a_cosignature_signs_the_header_the_time_and_the_checkpoint_body() -> None:
    note = LOG.sign(CHECKPOINT.body())
    line = cosign(note, WITNESS, 1_700_000_000)
    blob = base64.b64decode(line.split(" ")[2])
    assert line.startswith("— bkn.example/witness ")
    assert blob[:4] == WITNESS.key_id
    assert struct.unpack(">Q", blob[4:12]) == (1_700_000_000,)
    message = b"cosignature/v1\ntime 1700000000\n" + CHECKPOINT.body()
    WITNESS.verifier()._key.verify(blob[12:], message)  # raises if it is not that message


def test_a_cosigned_note_names_the_witnesses_whose_cosignature_verifies() -> None:
    note = LOG.sign(CHECKPOINT.body())
    other = CosignatureSigner("ombudsman.example/w", Ed25519PrivateKey.generate())
    cosigned = add_signatures(note, [cosign(note, WITNESS, 10), cosign(note, other, 11)])
    assert verify_cosignatures(cosigned, [WITNESS.verifier()]) == {"bkn.example/witness"}
    both = [WITNESS.verifier(), other.verifier()]
    assert verify_cosignatures(cosigned, both) == {"bkn.example/witness", "ombudsman.example/w"}
    assert cosignature_times(cosigned, both) == {
        "bkn.example/witness": 10,
        "ombudsman.example/w": 11,
    }
    assert open_checkpoint(cosigned, LOG.verifier()) == CHECKPOINT  # unknown lines are ignored


def test_a_cosignature_over_another_checkpoint_does_not_count() -> None:
    other = Checkpoint("jejak.example/log", 42, hashlib.sha256(b"other").digest())
    note = LOG.sign(CHECKPOINT.body())
    moved = add_signatures(note, [cosign(other, WITNESS, 10)])
    assert verify_cosignatures(moved, [WITNESS.verifier()]) == set()


def test_a_log_signature_never_counts_as_a_cosignature() -> None:
    same_key_as_log = NoteVerifier(LOG.name, 0x04, LOG.public_key)
    note = LOG.sign(CHECKPOINT.body())
    assert verify_cosignatures(note, [same_key_as_log, LOG.verifier()]) == set()


def test_adding_a_signature_line_twice_keeps_one() -> None:
    note = LOG.sign(CHECKPOINT.body())
    line = cosign(note, WITNESS, 10)
    assert add_signatures(add_signatures(note, [line]), [line]).count("— bkn.example/") == 1


def test_a_note_private_key_with_a_wrong_id_is_refused() -> None:
    with pytest.raises(InvalidKey):
        key_from_env(GO_SKEY.replace("c74f20a3", "c74f20a4"))
