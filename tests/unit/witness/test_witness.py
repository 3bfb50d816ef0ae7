"""The witness cosigns only checkpoints that extend what it cosigned, with the protocol's codes."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from domain.ledger.notes import verify_cosignatures
from services.witness.protocol import format_request
from services.witness.server import Witness
from services.witness.state import WitnessState
from tests.unit.ledger.toy_log import ToyLog, new_witness_signer

NOW = 1_760_000_000


class Setup:
    def __init__(self, state_file: Path, log: ToyLog | None = None) -> None:
        self.log = log or ToyLog()
        self.signer = new_witness_signer()
        self.state_file = state_file
        self.witness = self.restart()

    def restart(self) -> Witness:
        self.witness = Witness(
            self.signer,
            [(self.log.origin, self.log.signer.verifier())],
            WitnessState(self.state_file),
            clock=lambda: NOW,
        )
        return self.witness

    def add(self, old: int, note: str, proof: list[bytes] | None = None) -> tuple[int, str, str]:
        answer = self.witness.add_checkpoint(format_request(old, proof or [], note))
        return answer.status, answer.body, answer.content_type

    def grow(self, old: int, new: int) -> tuple[int, str, str]:
        return self.add(old, self.log.note(new), self.log.proof(old, new))


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path / "witness.sqlite")


def test_a_first_checkpoint_from_size_zero_gets_a_cosignature_that_verifies(setup: Setup) -> None:
    status, body, _ = setup.grow(0, 10)
    assert status == 200
    assert body.startswith("— bkn.example/witness ")
    cosigned = setup.log.note(10) + body
    assert verify_cosignatures(cosigned, [setup.signer.verifier()]) == {"bkn.example/witness"}


def test_a_checkpoint_that_extends_the_last_with_a_valid_proof_is_cosigned(setup: Setup) -> None:
    assert setup.grow(0, 10)[0] == 200
    assert setup.grow(10, 33)[0] == 200
    assert setup.grow(33, 33)[0] == 200  # the same checkpoint again is cosigned again


def test_an_unknown_origin_is_404(setup: Setup) -> None:
    stranger = ToyLog(origin="other.example/log")
    assert setup.add(0, stranger.note(5))[0] == 404


def test_a_checkpoint_not_signed_by_the_logs_key_is_403(setup: Setup) -> None:
    impostor = ToyLog()  # the same origin, another key
    assert setup.add(0, impostor.note(5))[0] == 403


def test_an_old_size_that_is_not_the_witnesss_is_409_with_its_size(setup: Setup) -> None:
    setup.grow(0, 10)
    status, body, content_type = setup.grow(5, 20)
    assert (status, body) == (409, "10\n")
    assert content_type.startswith("text/x.tlog.size")


def test_a_bad_consistency_proof_is_422(setup: Setup) -> None:
    setup.grow(0, 10)
    proof = setup.log.proof(10, 20)
    proof[0] = bytes(32)
    assert setup.add(10, setup.log.note(20), proof)[0] == 422


def test_a_proof_from_size_zero_must_be_empty(setup: Setup) -> None:
    assert setup.add(0, setup.log.note(10), [bytes(32)])[0] == 422


def test_an_old_size_above_the_checkpoints_is_400(setup: Setup) -> None:
    setup.grow(0, 10)
    assert setup.add(10, setup.log.note(5))[0] == 400


def test_a_rollback_to_a_smaller_tree_is_refused(setup: Setup) -> None:
    setup.grow(0, 20)
    assert setup.add(20, setup.log.note(10))[0] == 400  # old > size
    assert setup.add(10, setup.log.note(10))[0] == 409  # pretending the witness is at 10


def test_a_split_view_of_the_same_size_is_refused(setup: Setup) -> None:
    setup.grow(0, 20)
    fork = setup.log.fork(15)
    status, body, _ = setup.add(20, fork.note(20))
    assert (status, body) == (409, "20\n")


def test_a_fork_that_grows_past_the_witness_has_no_valid_proof(setup: Setup) -> None:
    setup.grow(0, 20)
    fork = setup.log.fork(15)
    assert setup.add(20, fork.note(30), fork.proof(20, 30))[0] == 422


def test_a_restarted_witness_keeps_its_state(setup: Setup) -> None:
    setup.grow(0, 20)
    setup.restart()
    assert setup.grow(0, 25)[:2] == (409, "20\n")
    assert setup.grow(20, 25)[0] == 200


def test_a_refused_request_leaves_the_state_as_it_was(setup: Setup) -> None:
    setup.grow(0, 20)
    setup.add(20, setup.log.fork(15).note(30), setup.log.fork(15).proof(20, 30))
    assert setup.grow(20, 30)[0] == 200


@pytest.mark.parametrize(
    "body",
    [b"old 01\n\nx", b"new 0\n\nx", b"old 0\nnot-base64\n\nx", b"old 0", b"\xff\xfe"],
)
def test_a_malformed_request_is_400(setup: Setup, body: bytes) -> None:
    assert setup.witness.add_checkpoint(body).status == 400


def test_a_request_with_a_proof_line_that_is_not_a_hash_is_400(setup: Setup) -> None:
    short = base64.b64encode(b"x" * 31).decode()
    body = f"old 0\n{short}\n\n{setup.log.note(3)}".encode()
    assert setup.witness.add_checkpoint(body).status == 400


def test_concurrent_requests_for_one_origin_are_serialised(setup: Setup) -> None:
    setup.grow(0, 10)
    sizes = list(range(11, 43))
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda new: setup.grow(10, new)[0], sizes))
    assert statuses.count(200) == 1  # the first to get the lock moves the witness past 10
    assert set(statuses) == {200, 409}
    won = sizes[statuses.index(200)]
    assert setup.grow(0, 42)[:2] == (409, f"{won}\n")
