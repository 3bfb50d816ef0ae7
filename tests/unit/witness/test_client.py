"""The log's witness client against a real witness on uvicorn: cosignatures, 409 sizes, refusals."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from domain.ledger.notes import add_signatures, verify_cosignatures
from services.witness.client import (
    WitnessConflict,
    WitnessRefused,
    WitnessUnreachable,
    request_cosignature,
)
from services.witness.server import Witness, create_witness_app
from services.witness.state import WitnessState
from tests.unit.ledger.toy_log import ToyLog, new_witness_signer

LOG = ToyLog()
SIGNER = new_witness_signer()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def witness_url(tmp_path: Path) -> Iterator[str]:
    witness = Witness(
        SIGNER, [(LOG.origin, LOG.signer.verifier())], WitnessState(tmp_path / "w.sqlite")
    )
    port = _free_port()
    config = uvicorn.Config(
        create_witness_app(witness), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the witness did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
        request_cosignature(f"http://127.0.0.1:{_free_port()}", 0, [], LOG.note(8), timeout=2)
