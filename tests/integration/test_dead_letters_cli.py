"""The operator's view of a held projection: status, retry and rebuild on the command line."""

from __future__ import annotations

import json

import pytest

from projections.runner import ProjectionRunner
from scripts.cli import main
from services.database import Database
from services.personnel import PersonnelApplication
from tests.integration.poison import (
    NUL_NAME,
    fixed_projections,
    head,
    save_appointment,
    save_unit,
)
from tests.integration.scenarios import database_url

pytestmark = pytest.mark.integration


@pytest.fixture
def cli_database(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The test database, given to the CLI as DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    return database


@pytest.fixture
def held_at(
    personnel: PersonnelApplication, runner: ProjectionRunner, cli_database: Database
) -> int:
    """The live read models after a bad appointment and a later one: employees is held there."""
    dinas = save_unit(personnel, "DISDIK")
    save_appointment(personnel, 0, dinas, name=NUL_NAME)
    bad = head(personnel)
    save_appointment(personnel, 1, dinas)
    runner.catch_up()
    return bad


@pytest.fixture
def fix_deployed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The release with the fixed employees projection is what the CLI now runs."""
    monkeypatch.setattr("projections.runner.all_projections", fixed_projections)


def test_status_exits_1_and_shows_the_held_projection_degraded_with_its_event(
    held_at: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "status"]) == 1

    out = capsys.readouterr().out.splitlines()
    table = {line.split()[0]: line.split() for line in out[1:] if " is DEGRADED: " not in line}
    assert table["employees"][1:5] == [str(held_at - 1), str(held_at + 1), "2", "DEGRADED"]
    assert table["units"][4] == "OK"
    assert out[-1] == (
        f"employees is DEGRADED: held at #{held_at} "
        "(domain.aggregates.employee:Employee.Appointed): "
        "DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes"
    )


def test_status_json_nests_the_event_a_projection_is_held_at_and_exits_1(
    held_at: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "status", "--json"]) == 1

    rows = {
        row["projection"]: row for row in map(json.loads, capsys.readouterr().out.split("\n")[:-1])
    }
    assert rows["employees"]["state"] == "DEGRADED"
    assert rows["employees"]["held_at"] == {
        "position": held_at,
        "topic": "domain.aggregates.employee:Employee.Appointed",
        "error": "DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes",
    }
    assert (rows["units"]["state"], rows["units"]["held_at"]) == ("OK", None)


def test_retry_without_a_fix_exits_1_naming_the_event_that_still_fails(
    held_at: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "retry"]) == 1

    err = capsys.readouterr().err
    assert f"Still failing: employees at #{held_at} (domain.aggregates.employee:" in err


def test_retry_after_the_fix_applies_the_event_and_status_is_ok_again(
    held_at: int, fix_deployed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "retry", "--projection", "employees"]) == 0
    assert f"Applied #{held_at} (domain.aggregates.employee:Employee.Appointed) to employees" in (
        capsys.readouterr().out
    )

    assert main(["projections", "status"]) == 0
    assert "DEGRADED" not in capsys.readouterr().out


def test_retry_with_nothing_held_says_so_and_exits_0(
    cli_database: Database, runner: ProjectionRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "retry"]) == 0
    assert "nothing to retry" in capsys.readouterr().out


def test_retry_of_a_projection_that_does_not_exist_is_a_usage_error(
    cli_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["projections", "retry", "--projection", "employes"])
    assert exited.value.code == 2
    assert "invalid choice: 'employes'" in capsys.readouterr().err


def test_rebuild_swaps_in_the_read_models_and_exits_1_listing_the_held_one(
    held_at: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 1

    out = capsys.readouterr().out
    assert f"Rebuilt every read model from {held_at + 1} events" in out
    assert f"DEGRADED: employees at #{held_at} (domain.aggregates.employee:" in out
    assert "jejak projections retry" in out
