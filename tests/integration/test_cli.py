"""The operator's command line against the test database: rebuild, status and audit."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from domain.aggregates.employee import Employee
from projections.registry import all_projections
from scripts.cli import main
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from tests.integration.scenarios import (
    REGISTERED,
    TENANT,
    Office,
    database_url,
    read_model_contents,
)

pytestmark = pytest.mark.integration

PROJECTIONS = sorted(projection.name for projection in all_projections())
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d")


def assert_aligned(header: str, rows: list[str], left: list[str], right: list[str]) -> None:
    """Each row's cell starts (left) or ends (right) where its column's heading does."""
    for name in left:
        start = header.index(name)
        assert {(row[start - 1 : start], row[start] == " ") for row in rows} <= {
            ("", False), (" ", False)
        }, name  # fmt: skip
    for name in right:
        end = header.index(name) + len(name)
        assert {(row[end - 1] == " ", row[end : end + 1]) for row in rows} == {(False, " ")}, name


@pytest.fixture
def cli_database(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The test database, given to the CLI as DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    return database


@pytest.fixture
def career(personnel: PersonnelApplication, caller: Caller, office: Office) -> str:
    """The first employee's NIP, after a promotion and a granted leave."""
    nip = office.nips[0]
    personnel.promote(caller, nip=nip, to_golongan="III/b", effective_on=date(2019, 4, 1))
    personnel.grant_leave(
        caller,
        nip=nip,
        leave_type="CT",
        start=date(2024, 3, 4),
        end=date(2024, 3, 8),
        reason="Urusan keluarga",
    )
    return nip


def test_the_database_url_given_to_the_cli_names_the_test_database(database: Database) -> None:
    assert Database.from_url(database_url(database)) == database


def test_projections_rebuild_builds_every_read_model_and_reports_the_events(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "rebuild"]) == 0

    out = capsys.readouterr().out
    assert "Rebuilt every read model from 6 events" in out  # the registration and 5 more
    assert "live at position 6." in out
    tables = read_model_contents(cli_database)
    counts = [len(tables[name]) for name in ("tenants", "units", "employees", "event_log")]
    assert counts == [1, 2, 3, 6]


def test_projections_rebuild_shows_its_progress_on_the_current_stderr(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["projections", "rebuild"])

    assert "rebuild [" in capsys.readouterr().err


def test_projections_status_lists_each_projection_at_the_head_with_no_lag(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["projections", "rebuild"])
    capsys.readouterr()

    assert main(["projections", "status"]) == 0

    header, *lines = capsys.readouterr().out.splitlines()
    assert header.split() == ["projection", "position", "head", "lag", "state", "updated"]
    assert [line.split()[:5] for line in lines] == [
        [name, "6", "6", "0", "OK"] for name in PROJECTIONS
    ]


def test_projections_status_aligns_its_columns_and_gives_times_with_their_offset(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["projections", "rebuild"])
    capsys.readouterr()

    main(["projections", "status"])

    header, *lines = capsys.readouterr().out.splitlines()
    assert_aligned(header, lines, left=["projection", "state", "updated"], right=["head", "lag"])
    assert all(ISO_TIME.fullmatch(line.split()[-1]) for line in lines)


def test_projections_status_json_prints_one_object_per_projection(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["projections", "rebuild"])
    capsys.readouterr()

    assert main(["projections", "status", "--json"]) == 0

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["projection"] for row in rows] == PROJECTIONS
    assert {(r["position"], r["head"], r["lag"], r["state"], r["held_at"]) for r in rows} == {
        (6, 6, 0, "OK", None)
    }
    assert all(ISO_TIME.fullmatch(row["updated_at"]) for row in rows)


def test_projections_status_without_read_models_says_how_to_make_them(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["projections", "status"]) == 1
    assert "projections rebuild" in capsys.readouterr().out


def test_audit_employee_json_prints_each_event_as_one_object_in_log_order(
    cli_database: Database, office: Office, career: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "employee", career, "--json"]) == 0

    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(e["position"], e["originator_version"], e["event_type"]) for e in events] == [
        (REGISTERED + 3, 1, "Appointed"),
        (REGISTERED + 6, 2, "Promoted"),
        (REGISTERED + 7, 3, "LeaveGranted"),
    ]
    assert {e["originator_id"] for e in events} == {str(Employee.id_for(career))}
    assert {(e["aggregate_type"], e["actor_id"], e["actor_role"], e["tenant"]) for e in events} == {
        ("Employee", "hr-officer-1", "hr_officer", TENANT)
    }
    assert [e["reason"] for e in events] == [None, None, "Urusan keluarga"]
    assert [e["recorded_at"] for e in events] == [
        "2024-07-01T08:00:02+00:00",
        "2024-07-01T08:00:05+00:00",
        "2024-07-01T08:00:06+00:00",
    ]
    assert events[1]["payload"] == {  # an object, not the text it is stored as
        "effective_on": "2019-04-01",
        "from_golongan": "III/a",
        "to_golongan": "III/b",
        "kind": "REGULER",
        "ijazah": None,
    }


def test_audit_employee_prints_an_aligned_table_with_iso_times_and_the_payload_last(
    cli_database: Database, office: Office, career: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "employee", career]) == 0

    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == [
        "position", "version", "recorded_at", "event", "actor", "role", "tenant", "reason",
        "payload",
    ]  # fmt: skip
    assert [row.split()[:4] for row in rows] == [
        [str(REGISTERED + 3), "1", "2024-07-01T08:00:02+00:00", "Employee.Appointed"],
        [str(REGISTERED + 6), "2", "2024-07-01T08:00:05+00:00", "Employee.Promoted"],
        [str(REGISTERED + 7), "3", "2024-07-01T08:00:06+00:00", "Employee.LeaveGranted"],
    ]
    left = ["recorded_at", "event", "actor", "role", "tenant", "reason", "payload"]
    assert_aligned(header, rows, left=left, right=["position", "version"])
    assert rows[2][header.index("reason") :].startswith("Urusan keluarga  {")


def test_audit_employee_finds_a_nip_written_with_separators(
    cli_database: Database, office: Office, career: str, capsys: pytest.CaptureFixture[str]
) -> None:
    spaced = f"{career[:8]} {career[8:14]} {career[14]} {career[15:]}"

    assert main(["audit", "employee", spaced, "--json"]) == 0

    assert len(capsys.readouterr().out.splitlines()) == 3


def test_audit_employee_of_an_unknown_nip_exits_1_and_says_so(
    cli_database: Database, office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "employee", "199001012020011001", "--json"]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "No events for NIP 199001012020011001" in captured.err
