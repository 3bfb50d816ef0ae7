"""The data generator on real PostgreSQL: identical logs from one seed, loadable employees,
read models built from the generated log, and the CLI command."""

from __future__ import annotations

import argparse
import json
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import psycopg
import pytest

from scripts.datagen import loader
from scripts.datagen.appraisal_steps import Enrol
from scripts.datagen.cli import add_generate_command
from scripts.datagen.demo_stamp import demo_planned_until
from scripts.datagen.loader import LogNotEmpty, generate, load_demo_if_empty
from scripts.datagen.plan import build_plan
from scripts.datagen.regions import KERTAPATI
from services.database import Database
from services.runtime import build_personnel, catch_up_read_models
from tests.integration.scenarios import database_url, read_model_contents

pytestmark = pytest.mark.integration

EMPLOYEES, SEED = 60, 20_250_817
TODAY = date(2026, 12, 5)  # the plan and the loads below agree on the day they run up to


@pytest.fixture
def other_database(postgres_server: Database) -> Iterator[Database]:
    """A second fresh database on the test server."""
    name = f"jejak_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**postgres_server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        yield Database(
            postgres_server.host,
            postgres_server.port,
            postgres_server.user,
            postgres_server.password,
            name,
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def stored(
    database: Database, table: str, order: str = "notification_id"
) -> list[tuple[str, bytes]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        rows = conn.execute(f"SELECT topic, state FROM {table} ORDER BY {order}")
        return [(topic, bytes(state)) for topic, state in rows]


def without_timestamp(state: bytes) -> dict[str, Any]:
    decoded: dict[str, Any] = json.loads(state)
    decoded.pop("timestamp")  # a snapshot is stamped with the wall clock when it is taken
    return decoded


def test_the_same_seed_gives_identical_event_logs_in_two_databases(
    database: Database, other_database: Database
) -> None:
    generate(database, EMPLOYEES, SEED, today=TODAY)
    generate(other_database, EMPLOYEES, SEED, batch_size=7, today=TODAY)

    first, second = stored(database, "jejak_events"), stored(other_database, "jejak_events")
    assert len(first) == build_plan(EMPLOYEES, SEED, today=TODAY).events
    assert first == second
    order = "originator_id, originator_version"
    snapshots = [stored(db, "jejak_snapshots", order) for db in (database, other_database)]
    assert len(snapshots[0]) > 0
    assert [(t, without_timestamp(s)) for t, s in snapshots[0]] == [
        (t, without_timestamp(s)) for t, s in snapshots[1]
    ]


def test_every_generated_employee_can_be_loaded(database: Database) -> None:
    plan = build_plan(EMPLOYEES, SEED, today=TODAY)
    generate(database, EMPLOYEES, SEED, today=TODAY)

    personnel = build_personnel(database)
    try:
        for employee in (e for t in plan.tenants for e in t.employees):
            record = personnel.get_employee(employee.nip)
            assert record.version == sum(step.events for step in employee.steps)
    finally:
        personnel.close()


def test_the_read_models_are_built_from_the_generated_log(database: Database) -> None:
    report = generate(database, EMPLOYEES, SEED)
    applied = catch_up_read_models(database)

    assert applied == report.events
    tables = read_model_contents(database)
    assert len(tables["employees"]) == EMPLOYEES
    assert len(tables["units"]) == report.units
    assert len(tables["event_log"]) == report.events


def test_the_appraisal_and_training_read_models_hold_the_generated_history(
    database: Database,
) -> None:
    plan = build_plan(EMPLOYEES, SEED, today=TODAY)
    generate(database, EMPLOYEES, SEED, today=TODAY)
    catch_up_read_models(database)

    def count(table: str) -> int:
        with psycopg.connect(**database.psycopg_kwargs()) as conn:
            row = conn.execute(f"SELECT count(*) FROM rm.{table}").fetchone()
        return int(row[0]) if row else 0

    enrolled = sum(a.new for t in plan.tenants for a in t.activities if isinstance(a, Enrol))
    assert count("appraisal_cycles") == 2 * len(plan.tenants)  # last year's and this year's
    assert count("appraisals") == enrolled
    assert count("jp_credits") > 0
    assert count("mentorings") > 0


def test_generating_into_a_log_that_is_not_empty_is_refused(database: Database) -> None:
    generate(database, 40, SEED)

    with pytest.raises(LogNotEmpty):
        generate(database, 40, SEED + 1)


def test_the_demo_data_is_loaded_only_into_an_empty_log(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "DEMO_EMPLOYEES", 40)  # the size matters not, only the once

    assert load_demo_if_empty(database) is True
    events = len(stored(database, "jejak_events"))
    assert load_demo_if_empty(database) is False
    assert len(stored(database, "jejak_events")) == events > 0


def test_the_demo_remembers_the_date_it_was_planned_up_to(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "DEMO_EMPLOYEES", 40)
    assert demo_planned_until(database) is None

    load_demo_if_empty(database, today=date(2026, 3, 15))
    load_demo_if_empty(database, today=date(2026, 7, 1))  # a restart months later loads nothing

    assert demo_planned_until(database) == date(2026, 3, 15)


def test_the_generate_command_loads_and_reports(
    database: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    parser = argparse.ArgumentParser(prog="jejak")
    add_generate_command(parser.add_subparsers(dest="command", required=True))
    argv = ["generate", "--employees", "30", "--seed", "1", "--tenants", "kertapati"]
    args = parser.parse_args([*argv, "--today", "2026-06-30"])

    assert args.func(args) == 0

    out = capsys.readouterr().out
    assert out.startswith("Generated 30 employees in ")
    assert "of pemkot-kertapati: " in out
    planned = build_plan(30, 1, (KERTAPATI,), today=date(2026, 6, 30))
    assert f": {planned.events:,} events in " in out
    assert args.func(args) == 1  # the log is no longer empty
    assert "not empty" in capsys.readouterr().err
