"""`jejak-verify` checks a bundle file offline: exit 0 when it holds, 1 naming the failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.verify_bundle import main
from tests.unit.ledger.appraisal_bundle import LedgerScene

SCENE = LedgerScene()


def _write(tmp_path: Path, bundle: dict[str, object]) -> str:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    return str(path)


def _args(bundle: str, *extra: str) -> list[str]:
    keys = [a for w in SCENE.witnesses for a in ("--witness-key", w.vkey())]
    return [bundle, "--log-key", SCENE.log.vkey(), *keys, "--quorum", "2", *extra]


def test_an_honest_bundle_is_verified_with_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(_write(tmp_path, SCENE.bundle()))) == 0
    out = capsys.readouterr().out
    assert "cosigned by 3 trusted witnesses (quorum 2)" in out
    assert "predikat BUTUH_PERBAIKAN at position" in out
    assert out.rstrip().endswith("VERIFIED: every check holds.")


def test_a_forged_bundle_exits_1_naming_the_first_failure_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = SCENE.bundle(SCENE.note(witnesses=1))
    assert main(_args(_write(tmp_path, bundle), "--json")) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["failure"] == "only 1 of the required 2 witness cosignatures verify"


def test_keys_may_be_given_as_files(tmp_path: Path) -> None:
    key_file = tmp_path / "log.vkey"
    key_file.write_text(SCENE.log.vkey() + "\n")
    bundle = _write(tmp_path, SCENE.bundle())
    assert main([bundle, "--log-key", str(key_file), "--quorum", "0"]) == 0


def test_an_unreadable_bundle_or_key_exits_2(tmp_path: Path) -> None:
    assert main(_args(str(tmp_path / "missing.json"))) == 2
    (tmp_path / "bad.json").write_text("{not json")
    assert main(_args(str(tmp_path / "bad.json"))) == 2
    assert main([_write(tmp_path, SCENE.bundle()), "--log-key", "not+a+key"]) == 2


def test_the_verifier_loads_nothing_of_jejaks_storage_or_server() -> None:
    code = (
        "import sys, scripts.verify_bundle; "
        "print('\\n'.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    forbidden = {"eventsourcing", "psycopg", "asyncpg", "starlette", "strawberry", "services"}
    assert not forbidden & set(loaded)
    assert not {"projections", "graphql_api", "access", "uvicorn"} & set(loaded)
