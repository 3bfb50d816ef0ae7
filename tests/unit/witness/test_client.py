"""The log's witness client against a real witness on uvicorn: cosignatures, 409 sizes, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from domain.ledger.notes import add_signatures, verify_cosignatures
from services.witness.client import (
    WitnessConflict,
    WitnessRefused,
    WitnessUnreachable,
    request_cosignature,
)
from services.witness.server import Witness, create_witness_app
from services.witness.state import WitnessState
from tests.threaded_server import free_port, served
from tests.unit.ledger.toy_log import ToyLog, new_witness_signer

LOG = ToyLog()
SIGNER = new_witness_signer()


@pytest.fixture
def witness_url(tmp_path: Path) -> Iterator[str]:
    witness = Witness(
        SIGNER, [(LOG.origin, LOG.signer.verifier())], WitnessState(tmp_path / "w.sqlite")
    )
    with served(create_witness_app(witness), "the witness") as url:
        yield url


def test_the_client_gets_a_cosignature_the_log_can_add_to_its_note(witness_url: str) -> None:
    lines = request_cosignature(witness_url, 0, [], LOG.note(8), timeout=5)
    cosigned = add_signatures(LOG.note(8), lines)
    assert verify_cosignatures(cosigned, [SIGNER.verifier()]) == {SIGNER.name}
    more = request_cosignature(
        witness_url + "/add-checkpoint", 8, LOG.proof(8, 20), LOG.note(20), 5
    )
    assert verify_cosignatures(add_signatures(LOG.note(20), more), [SIGNER.verifier()])


def test_a_409_tells_the_client_the_witnesss_size(witness_url: str) -> None:
    request_cosignature(witness_url, 0, [], LOG.note(8), timeout=5)
    with pytest.raises(WitnessConflict) as conflict:
        request_cosignature(witness_url, 0, [], LOG.note(20), timeout=5)
    assert conflict.value.size == 8


def test_any_other_refusal_carries_the_status_and_body(witness_url: str) -> None:
    with pytest.raises(WitnessRefused) as refused:
        request_cosignature(witness_url, 0, [], ToyLog().note(8), timeout=5)
    assert refused.value.status == 403
    assert "signature" in refused.value.body


def test_a_witness_that_does_not_answer_is_unreachable() -> None:
    with pytest.raises(WitnessUnreachable):
        request_cosignature(f"http://127.0.0.1:{free_port()}", 0, [], LOG.note(8), timeout=2)
