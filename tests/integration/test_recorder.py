"""The event store's recorder on PostgreSQL: big saves finish, positions commit in log order."""

from __future__ import annotations

import threading
from datetime import date

import psycopg
import pytest

from domain.aggregates.org_unit import OrgUnit
from domain.awards import AwardKind
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_personnel
from services.store import OrderedApplicationRecorder
from tests.integration.scenarios import REGISTERED, Office, SteppingClock, run_with_timeout

pytestmark = pytest.mark.integration

BIG_SAVE = 10_000
SAVES_PER_WRITER = 200
SAVE_SIZES = [1 + n % 17 for n in range(SAVES_PER_WRITER)]  # 1 to 17 events a save


def new_units(caller: Caller, clock: SteppingClock, prefix: str, count: int) -> list[OrgUnit]:
    return [
        OrgUnit.create(
            code=f"{prefix}-{i:05d}",
            name=f"UPT {prefix} {i}",
            kind="UPT",
            parent_id=None,
            at=clock(),
            meta=caller.meta(),
        )
        for i in range(count)
    ]


def test_events_are_inserted_by_the_ordered_database_function(
    database: Database, personnel: PersonnelApplication
) -> None:
    assert database.eventsourcing_env()["POSTGRES_ENABLE_DB_FUNCTIONS"] == "y"
    recorder = personnel.recorder
    assert isinstance(recorder, OrderedApplicationRecorder)
    assert recorder.datastore.enable_db_functions
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        [(body,)] = conn.execute(
            "SELECT prosrc FROM pg_proc WHERE proname = %s",
            (recorder.pg_function_name_insert_events,),
        ).fetchall()
    assert "LOCK TABLE" in body


def test_one_save_of_ten_thousand_events_completes_at_the_next_ten_thousand_positions(
    personnel: PersonnelApplication, caller: Caller, clock: SteppingClock
) -> None:
    units = new_units(caller, clock, "UPT", BIG_SAVE)

    recordings = run_with_timeout(lambda: personnel.save(*units), seconds=120)

    expected = list(range(REGISTERED + 1, REGISTERED + BIG_SAVE + 1))
    assert [r.notification.id for r in recordings] == expected
    stored = personnel.recorder.select_notifications(start=REGISTERED + 1, limit=BIG_SAVE + 1)
    assert [n.id for n in stored] == expected


def test_one_save_of_ten_thousand_events_of_one_employee_completes_with_its_snapshots(
    personnel: PersonnelApplication, caller: Caller, clock: SteppingClock, office: Office
) -> None:
    employee = personnel.get_employee(office.nips[0])
    for n in range(BIG_SAVE - 1):  # after the appointment: versions 2 to 10,000
        employee.record_award(
            AwardKind.PENGHARGAAN_INSTANSI,
            f"Pegawai Teladan {n}",
            date(2020, 1, 1),
            clock(),
            caller.meta(),
        )
    head = personnel.recorder.max_notification_id() or 0

    recordings = run_with_timeout(lambda: personnel.save(employee), seconds=120)

    assert [r.notification.id for r in recordings] == list(range(head + 1, head + BIG_SAVE))
    assert personnel.snapshots is not None
    snapshots = personnel.snapshots.get(employee.id, desc=True, limit=1)
    assert [s.originator_version for s in snapshots] == [BIG_SAVE]
    assert personnel.get_employee(office.nips[0]).version == BIG_SAVE


def test_a_reader_never_sees_a_gap_while_two_writers_save_concurrently(
    database: Database, personnel: PersonnelApplication, caller: Caller, clock: SteppingClock
) -> None:
    # Two applications, like two server processes; built here, since creating tables races.
    writers = [build_personnel(database, clock=clock) for _ in range(2)]
    errors: list[BaseException] = []

    def write(application: PersonnelApplication, prefix: str) -> None:
        try:
            for n, size in enumerate(SAVE_SIZES):
                application.save(*new_units(caller, clock, f"{prefix}{n}", size))
        except BaseException as error:
            errors.append(error)

    threads = [
        threading.Thread(target=write, args=(app, name), name=f"writer-{name}")
        for app, name in zip(writers, ("A", "B"), strict=True)
    ]
    seen, reads_with_news, gaps = REGISTERED, 0, []
    try:
        for thread in threads:
            thread.start()
        while True:
            writing = any(thread.is_alive() for thread in threads)
            ids = [n.id for n in personnel.recorder.select_notifications(start=seen + 1, limit=500)]
            if ids != list(range(seen + 1, seen + 1 + len(ids))):
                gaps.append((seen, ids[:5]))
            if ids:
                seen, reads_with_news = ids[-1], reads_with_news + 1
            elif not writing:
                break
    finally:
        for thread in threads:
            thread.join(60)
        for app in writers:
            app.close()

    assert not errors
    assert gaps == []
    assert seen == REGISTERED + 2 * sum(SAVE_SIZES) == personnel.recorder.max_notification_id()
    assert reads_with_news > 10, "the reader should have polled while the writers wrote"
