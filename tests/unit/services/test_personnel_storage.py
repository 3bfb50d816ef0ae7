"""PersonnelApplication storage: what the mapper stores, replays and snapshots give back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from eventsourcing.application import project_aggregate
from eventsourcing.domain import Snapshot

from domain.aggregates.employee import Employee
from domain.errors import (
    RuleViolation,
)
from domain.leave import LeaveRecord, LeaveRequest, LeaveType
from domain.leave_history import LeaveHistory
from domain.promotion import PromotionKind
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import (
    ON,
    PNS_NIP,
    PROMOTION_ON,
    REGISTERED,
    Clock,
    appoint,
    caller,
    create_unit,
    employee_events,
    new_app,
)

JABATAN_TITLES = ("Pengolah Data Kepegawaian", "Pengadministrasi Kepegawaian")


# --- what is stored ----------------------------------------------------------------------
def test_events_read_back_from_the_store_equal_the_events_recorded(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given
    loaded = app.get_employee(PNS_NIP)
    loaded.promote(
        "III/b",
        PROMOTION_ON,
        app.clock(),
        hr.meta("Kenaikan pangkat pilihan"),
        kind=PromotionKind.PILIHAN_FUNGSIONAL,
    )
    loaded.grant_leave(
        LeaveRequest(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11)), app.clock(), hr.meta()
    )
    # when
    recorded = [recording.domain_event for recording in app.save(loaded)]
    # then
    stored = employee_events(app)[1:]
    assert stored == recorded
    assert stored[0].meta.reason == "Kenaikan pangkat pilihan"
    assert isinstance(stored[1].start, date)


def test_the_mapper_stores_dates_and_event_meta_with_the_jejak_transcodings(
    app: PersonnelApplication, employee: Outcome
) -> None:
    # given
    [appointed] = employee_events(app)
    # when
    stored = app.mapper.to_stored_event(appointed)
    # then
    assert b'"_type_":"date_iso","_data_":"1986-09-26"' in stored.state
    assert b'"_type_":"meta"' in stored.state
    assert app.mapper.to_domain_event(stored) == appointed


def test_a_snapshot_stores_the_leave_history_as_one_line_of_text(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11))
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CS", start=date(2025, 5, 5), end=date(2025, 5, 6))
    app.take_snapshot(employee.aggregate_id)
    assert app.snapshots is not None
    [snapshot] = app.snapshots.get(employee.aggregate_id)
    # when
    stored = app.mapper.to_stored_event(snapshot)
    # then
    assert (
        b'"leave":{"_type_":"leave_history","_data_":"CT,2025-03-06,2025-03-11,4;'
        b'CS,2025-05-05,2025-05-06,2"}' in stored.state
    )
    decoded = app.mapper.to_domain_event(stored)
    assert isinstance(decoded, Snapshot)
    assert decoded.state["class_version"] == 4
    assert list(decoded.state["leave"]) == [
        LeaveRecord(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11), 4),
        LeaveRecord(LeaveType.CS, date(2025, 5, 5), date(2025, 5, 6), 2),
    ]


def test_a_snapshot_of_version_1_with_leave_records_loads_into_a_leave_history(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given: a snapshot as Employee version 1 took it, the leave a list of records
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11))
    current = Snapshot.take(app.get_employee(PNS_NIP))
    state = {k: v for k, v in current.state.items() if k != "class_version"}
    state["leave"] = list(state["leave"])
    old = Snapshot(
        originator_id=current.originator_id,
        originator_version=current.originator_version,
        timestamp=current.timestamp,
        topic=current.topic,
        state=state,
    )
    assert b'"_type_":"leave","_data_":["CT"' in app.mapper.to_stored_event(old).state
    assert app.snapshots is not None
    app.snapshots.put([old])
    # when
    loaded = app.get_employee(PNS_NIP)
    # then
    assert isinstance(loaded.leave, LeaveHistory)
    assert list(loaded.leave) == [LeaveRecord(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11), 4)]


def test_replaying_the_stored_events_gives_the_state_the_commands_produced(
    app: PersonnelApplication, hr: Caller, unit: Outcome, employee: Outcome
) -> None:
    # given
    other = create_unit(app, hr, "DISDIK")
    live = app.get_employee(PNS_NIP)
    live.promote("III/b", date(2019, 10, 1), app.clock(), hr.meta())
    live.transfer(other.aggregate_id, date(2020, 1, 2), app.clock(), hr.meta())
    live.grant_leave(LeaveRequest(LeaveType.CS, ON, ON), app.clock(), hr.meta())
    app.save(live)
    # when
    replayed = project_aggregate(None, employee_events(app))
    # then
    assert isinstance(replayed, Employee)
    assert replayed.__dict__ == live.__dict__


def run_a_day_of_work(app: PersonnelApplication) -> None:
    hr = caller()
    unit = create_unit(app, hr)
    appoint(app, hr, unit)
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11))


def test_the_same_clock_and_commands_record_the_same_log() -> None:
    # given
    first, second = new_app(Clock()), new_app(Clock())
    # when
    run_a_day_of_work(first)
    run_a_day_of_work(second)
    # then
    logs = [app.recorder.select_notifications(start=1, limit=100) for app in (first, second)]
    assert len(logs[0]) == REGISTERED + 4
    assert [(n.originator_id, n.originator_version, n.topic, n.state) for n in logs[0]] == [
        (n.originator_id, n.originator_version, n.topic, n.state) for n in logs[1]
    ]


# --- snapshots (every 10 events of an employee) ------------------------------------------
def record_fifty_changes(app: PersonnelApplication, hr: Caller) -> None:
    """Leave, an award and a jabatan change in turn, weekly from 2016: versions 2 to 51.

    The last jabatan change is version 49, so the employee's jabatan comes from the snapshot.
    """
    for i in range(50):
        day = date(2016, 1, 4) + timedelta(weeks=i)
        if i % 3 == 0:
            app.grant_leave(hr, nip=PNS_NIP, leave_type="CS", start=day, end=day)
        elif i % 3 == 1:
            app.record_award(
                hr, nip=PNS_NIP, kind="PENGHARGAAN_INSTANSI", title=f"Teladan {i}", awarded_on=day
            )
        else:
            app.change_jabatan(
                hr,
                nip=PNS_NIP,
                jabatan_kind="PELAKSANA",
                effective_on=day,
                jabatan_title=JABATAN_TITLES[(i // 3) % 2],
            )


@pytest.fixture
def snapshotted(app: PersonnelApplication, hr: Caller, employee: Outcome) -> Employee:
    """The employee at version 51, with snapshots up to version 50; returns a full replay."""
    record_fifty_changes(app, hr)
    replayed = project_aggregate(None, employee_events(app))
    assert isinstance(replayed, Employee)
    return replayed


def test_the_application_snapshots_an_employee_every_10_events(
    app: PersonnelApplication, snapshotted: Employee
) -> None:
    # then
    assert app.snapshots is not None
    assert [s.originator_version for s in app.snapshots.get(snapshotted.id)] == [10, 20, 30, 40, 50]
    assert snapshotted.version == 51


def test_an_employee_loaded_from_a_snapshot_keeps_leave_golongan_and_unit(
    app: PersonnelApplication, snapshotted: Employee
) -> None:
    # when
    loaded = app.get_employee(PNS_NIP)
    # then
    assert loaded.version == 51
    assert len(loaded.leave) == 17
    assert loaded.leave == snapshotted.leave
    assert all(isinstance(r, LeaveRecord) and isinstance(r.start, date) for r in loaded.leave)
    assert (loaded.golongan, loaded.unit_id, loaded.status) == (
        snapshotted.golongan,
        snapshotted.unit_id,
        snapshotted.status,
    )


def test_an_employee_loaded_from_a_snapshot_equals_a_full_replay(
    app: PersonnelApplication, snapshotted: Employee
) -> None:
    # when
    loaded = app.get_employee(PNS_NIP)
    # then
    assert loaded.__dict__ == snapshotted.__dict__


def test_the_jabatan_already_held_is_refused_after_loading_from_a_snapshot(
    app: PersonnelApplication, hr: Caller, snapshotted: Employee
) -> None:
    # given
    kind, title, _ = snapshotted.jabatan
    # when / then
    with pytest.raises(RuleViolation, match="already holds that jabatan"):
        app.change_jabatan(hr, nip=PNS_NIP, jabatan_kind=kind, jabatan_title=title, effective_on=ON)
