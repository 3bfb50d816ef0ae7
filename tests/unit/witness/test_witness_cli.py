"""`jejak witness key` makes a key once and prints the verifier key logs will trust."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from domain.ledger.notes import NoteVerifier, add_signatures, verify_cosignatures
from scripts.cli import main
from scripts.witness_cli import parse_log
from services.witness.client import request_cosignature
from tests.unit.ledger.toy_log import ToyLog


def test_witness_key_prints_a_cosignature_vkey_and_never_replaces_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "witness.pem"
    assert main(["witness", "key", "--out", str(out), "--name", "bkn.example/w"]) == 0
    verifier = NoteVerifier.from_vkey(capsys.readouterr().out)
    assert (verifier.name, verifier.algorithm) == ("bkn.example/w", 0x04)
    before = out.read_bytes()
    assert main(["witness", "key", "--out", str(out)]) == 1
    assert out.read_bytes() == before


def test_a_log_is_named_by_its_keys_name_or_by_an_origin_given_before_it() -> None:
    vkey = ToyLog().signer.vkey()
    assert parse_log(vkey)[0] == "jejak.example/log"
    assert parse_log(f"pemkot.example/ledger={vkey}")[0] == "pemkot.example/ledger"


def test_witness_serve_cosigns_over_http_and_stops_on_sigterm(tmp_path: Path) -> None:
    key = tmp_path / "w.pem"
    assert main(["witness", "key", "--out", str(key), "--name", "bkn.example/w"]) == 0
    log = ToyLog()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "scripts.cli", "witness", "serve", "--key", str(key)]
    command += ["--name", "bkn.example/w", "--log", log.signer.vkey()]
    command += ["--state", str(tmp_path / "state.sqlite"), "--port", str(port)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as server:
        _talk_to(server, log, port)


def _talk_to(server: subprocess.Popen[str], log: ToyLog, port: int) -> None:
    try:
        assert server.stderr is not None
        lines: list[str] = []
        while not (line := server.stderr.readline()).startswith("witness listening"):
            assert line, "".join(lines)
            lines.append(line)
        witness_vkey = lines[0].removeprefix("witness key: ").strip()
        cosignature = request_cosignature(f"http://127.0.0.1:{port}", 0, [], log.note(4), 5)
        cosigned = add_signatures(log.note(4), cosignature)
        names = verify_cosignatures(cosigned, [NoteVerifier.from_vkey(witness_vkey)])
        assert names == {"bkn.example/w"}
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=15) == 0
