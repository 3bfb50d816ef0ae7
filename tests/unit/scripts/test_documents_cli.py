"""`jejak documents hash` prints manifest entries; `jejak serve` checks the manifest first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphql_api.trusted_documents import TrustedSettings, document_id, read_manifest
from scripts.cli import main
from scripts.documents_cli import serve_trusted_documents

TREE = "query Tree { unitTree { code } }\n"
TENANTS = "query Tenants { tenants { code } }"


def test_hash_prints_a_manifest_of_the_files_that_loads_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tree.graphql").write_text(TREE)
    (tmp_path / "tenants.graphql").write_text(TENANTS)

    code = main(["documents", "hash", str(tmp_path / "tree.graphql"),
                 str(tmp_path / "tenants.graphql")])  # fmt: skip

    printed = capsys.readouterr().out
    assert code == 0
    assert json.loads(printed) == {document_id(TREE): TREE, document_id(TENANTS): TENANTS}
    (tmp_path / "manifest.json").write_text(printed)
    assert read_manifest(tmp_path / "manifest.json") == json.loads(printed)


def test_hash_of_a_file_it_cannot_read_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.graphql"
    assert main(["documents", "hash", str(missing)]) == 1
    assert str(missing) in capsys.readouterr().err


def test_serve_stops_on_a_manifest_whose_id_is_not_its_text_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({document_id(TREE): TENANTS}))
    monkeypatch.setenv("JEJAK_TRUSTED_DOCUMENTS", str(path))
    with pytest.raises(SystemExit) as stopped:
        serve_trusted_documents()
    assert stopped.value.code == 2
    assert document_id(TREE) in capsys.readouterr().err


def test_serve_says_how_many_documents_it_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps({document_id(TREE): TREE, document_id(TENANTS): TENANTS}))
    monkeypatch.setenv("JEJAK_TRUSTED_DOCUMENTS", str(path))
    monkeypatch.setenv("JEJAK_TRUSTED_DOCUMENTS_ONLY", "1")
    assert serve_trusted_documents() == TrustedSettings(path, True)
    assert "Trusted documents: 2 registered from" in capsys.readouterr().err
