"""`jejak tenants`: the registered instansi, from the read model, on real PostgreSQL."""

from __future__ import annotations

import json

import pytest

from scripts.cli import main
from services.database import Database
from tests.integration.scenarios import database_url
from tests.tenants import register_tenants

pytestmark = pytest.mark.integration


@pytest.fixture
def cli_database(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The test database, given to the CLI as DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    return database


@pytest.fixture
def registered(cli_database: Database) -> Database:
    """Two instansi registered and the read models built."""
    register_tenants(cli_database, "pemkot-palangkaraya", "pemkab-kemuning")
    assert main(["projections", "rebuild"]) == 0
    return cli_database


def test_tenants_lists_code_name_kind_and_registration_by_code_in_aligned_columns(
    registered: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    assert main(["tenants"]) == 0

    assert capsys.readouterr().out.splitlines() == [
        "code                 name                           "
        "kind    registered                 position",
        "pemkab-kemuning      Pemerintah Kabupaten Kemuning  "
        "PEMKAB  1985-01-02T00:00:00+00:00         2",
        "pemkot-palangkaraya  Pemerintah Kota Palangkaraya   "
        "PEMKOT  1985-01-02T00:00:00+00:00         1",
    ]  # fmt: skip


def test_tenants_json_gives_one_object_per_instansi_with_its_time_in_iso_8601(
    registered: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    assert main(["tenants", "--json"]) == 0

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == {
        "code": "pemkab-kemuning",
        "name": "Pemerintah Kabupaten Kemuning",
        "kind": "PEMKAB",
        "registered_at": "1985-01-02T00:00:00+00:00",
        "position": 2,
    }


def test_tenants_before_any_read_model_is_built_exits_1_saying_how_to_build_them(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    register_tenants(cli_database, "pemkot-palangkaraya")

    assert main(["tenants"]) == 1

    captured = capsys.readouterr()
    assert (captured.out, "jejak projections rebuild" in captured.err) == ("", True)
