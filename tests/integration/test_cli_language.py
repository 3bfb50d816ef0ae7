"""`jejak --lang id` (or JEJAK_LANG=id) prints its human output in Bahasa Indonesia; `--json`
and exit codes stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.import_cli import TOKEN_VARIABLE
from services.database import Database
from tests.integration.scenarios import database_url

pytestmark = pytest.mark.integration

NIP = "199001012015031001"


@pytest.fixture
def cli_database(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The test database, given to the CLI as DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    monkeypatch.delenv("JEJAK_LANG", raising=False)
    return database


def test_status_before_any_rebuild_says_so_in_indonesian(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "id", "projections", "status"]) == 1
    assert capsys.readouterr().out == (
        "Belum ada read model: jalankan `jejak serve` atau `jejak projections rebuild`.\n"
    )


def test_rebuild_and_status_tables_speak_indonesian_with_jejak_lang(
    cli_database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEJAK_LANG", "id")
    assert main(["projections", "rebuild"]) == 0
    assert capsys.readouterr().out.startswith("Seluruh read model telah dibangun ulang dari ")
    assert main(["projections", "status"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header == ["proyeksi", "posisi", "ujung", "selisih", "status", "diperbarui"]


def test_json_output_is_never_translated(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 0
    capsys.readouterr()
    assert main(["--lang", "id", "projections", "status", "--json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"projection", "position", "head", "lag", "state"} <= first.keys()


def test_english_stays_the_default(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "status"]) == 1
    assert capsys.readouterr().out.startswith("No read models yet")


def test_tenants_says_no_instansi_is_registered_in_indonesian(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "id", "tenants"]) == 1
    assert capsys.readouterr().err.startswith("Belum ada read model: jalankan `jejak serve`")
    assert main(["projections", "rebuild"]) == 0
    capsys.readouterr()
    assert main(["--lang", "id", "tenants"]) == 0
    assert capsys.readouterr().err == "Belum ada instansi yang terdaftar.\n"


def test_appraisal_cycles_and_export_refuse_an_unknown_instansi_in_indonesian(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 0
    capsys.readouterr()
    refusal = "pemkab-entah bukan instansi yang terdaftar (lihat `jejak tenants`).\n"
    assert main(["--lang", "id", "appraisal", "cycles", "--tenant", "pemkab-entah"]) == 2
    assert capsys.readouterr().err == refusal
    assert main(["--lang", "id", "export", "roster", "--tenant", "pemkab-entah"]) == 2
    assert capsys.readouterr().err == refusal


def test_audit_of_an_unknown_nip_says_so_in_indonesian(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "id", "audit", "employee", NIP]) == 1
    assert capsys.readouterr().err == f"Tidak ada peristiwa untuk NIP {NIP}.\n"


def test_token_refuses_an_unknown_role_in_indonesian(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JEJAK_OIDC_ISSUER", raising=False)
    argv = ["--lang", "id", "token", "--user", "u", "--role", "lurah", "--tenant", "pemkab-x"]
    assert main(argv) == 2
    assert capsys.readouterr().err == "'lurah' bukan peran Jejak.\n"


def test_import_without_a_token_is_refused_in_indonesian(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    rows = tmp_path / "pegawai.csv"
    rows.write_text("nip\n", encoding="utf-8")
    assert main(["--lang", "id", "import", "employees", str(rows), "--tenant", "pemkab-x"]) == 2
    assert capsys.readouterr().err == (
        f"jejak import: UNAUTHENTICATED: berikan token bearer melalui ${TOKEN_VARIABLE} "
        "atau --token.\n"
    )


def test_a_witness_key_is_never_replaced_says_so_in_indonesian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    key = tmp_path / "witness.key"
    assert main(["witness", "key", "--out", str(key)]) == 0
    capsys.readouterr()
    assert main(["--lang", "id", "witness", "key", "--out", str(key)]) == 1
    assert capsys.readouterr().err == f"{key} sudah ada; kunci saksi tidak pernah diganti.\n"


def test_ledger_status_before_any_ledger_says_so_in_indonesian(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "id", "ledger", "status"]) == 1
    assert capsys.readouterr().out == (
        "Belum ada ledger: jalankan `jejak serve` atau `jejak ledger checkpoint`.\n"
    )
