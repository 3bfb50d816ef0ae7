"""PersonnelApplication on the in-memory store: given saved events, when a command, then the log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from eventsourcing.application import project_aggregate
from eventsourcing.domain import Snapshot

from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.errors import (
    AlreadyExists,
    Conflict,
    EmployeeNotFound,
    NotAllowedForRole,
    PromotionNotAllowed,
    RuleViolation,
    UnitNotFound,
)
from domain.leave import LeaveRecord, LeaveRequest, LeaveType
from domain.meta import EventMeta
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import (
    OTHER_TENANT,
    PNS_NIP,
    TENANT,
    Clock,
    appoint,
    caller,
    create_unit,
    log_head,
    new_app,
)

ON = date(2025, 6, 2)
CPNS_NIP = "199503142023022002"
JABATAN_TITLES = ("Pengolah Data Kepegawaian", "Pengadministrasi Kepegawaian")


def employee_events(app: PersonnelApplication) -> list[Any]:
    return list(app.events.get(Employee.id_for(PNS_NIP)))


# --- unit kerja and appointment ----------------------------------------------------------
def test_creating_a_unit_returns_its_derived_id_version_and_position(
    app: PersonnelApplication, hr: Caller
) -> None:
    # when
    outcome = create_unit(app, hr, "BKPSDM")
    # then
    assert outcome == Outcome(OrgUnit.id_for(TENANT, "BKPSDM"), 1, 1)
    assert app.get_unit(hr, outcome.aggregate_id).name == "Unit BKPSDM"


def test_a_unit_code_already_used_in_the_tenant_raises_already_exists(
    app: PersonnelApplication, hr: Caller, unit: Outcome
) -> None:
    # when / then
    with pytest.raises(AlreadyExists, match="'bkpsdm' already exists"):
        create_unit(app, hr, "bkpsdm")
    assert log_head(app) == 1


def test_appointing_records_the_employee_stamped_by_the_clock_and_the_caller(
    app: PersonnelApplication, hr: Caller, clock: Clock, unit: Outcome
) -> None:
    # given
    expected_at = clock.now
    # when
    outcome = appoint(app, hr, unit, nip="19860926 201505 1 001")
    # then
    assert outcome == Outcome(Employee.id_for(PNS_NIP), 1, 2)
    [appointed] = employee_events(app)
    assert isinstance(appointed, Employee.Appointed)
    assert appointed.timestamp == expected_at
    assert appointed.meta == EventMeta("hr_officer-1", "hr_officer", TENANT, "req-1")
    assert (appointed.nip, appointed.unit_id) == (PNS_NIP, unit.aggregate_id)


def test_appointing_into_an_unknown_unit_raises_unit_not_found(
    app: PersonnelApplication, hr: Caller, unit: Outcome
) -> None:
    # given
    unknown = Outcome(OrgUnit.id_for(TENANT, "NOPE"), 1, 1)
    # when / then
    with pytest.raises(UnitNotFound):
        appoint(app, hr, unknown)
    assert log_head(app) == 1


def test_a_unit_of_another_tenant_is_not_found(app: PersonnelApplication, unit: Outcome) -> None:
    # given
    theirs = caller(tenant=OTHER_TENANT)
    # when / then
    with pytest.raises(UnitNotFound, match=OTHER_TENANT):
        app.get_unit(theirs, unit.aggregate_id)
    with pytest.raises(UnitNotFound):
        appoint(app, theirs, unit)
    with pytest.raises(UnitNotFound):
        app.create_unit(
            theirs, code="BIDANG", name="Bidang", kind="BIDANG", parent_id=unit.aggregate_id
        )
    assert log_head(app) == 1


def test_a_nip_already_appointed_raises_already_exists(
    app: PersonnelApplication, hr: Caller, unit: Outcome, employee: Outcome
) -> None:
    # when / then
    with pytest.raises(AlreadyExists, match=PNS_NIP):
        appoint(app, hr, unit, name="Someone Else")
    assert log_head(app) == 2


def test_an_unknown_nip_raises_employee_not_found(app: PersonnelApplication, hr: Caller) -> None:
    # when / then
    with pytest.raises(EmployeeNotFound):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)


# --- who may write -----------------------------------------------------------------------
WRITES: dict[str, Callable[[PersonnelApplication, Caller, Outcome], Outcome]] = {
    "create_unit": lambda app, c, unit: create_unit(app, c, "DISDIK"),
    "appoint_employee": lambda app, c, unit: appoint(
        app, c, unit, nip=CPNS_NIP, employment_type="CPNS", appointed_on=date(2023, 2, 1)
    ),
    "promote": lambda app, c, unit: app.promote(
        c, nip=PNS_NIP, to_golongan="III/b", effective_on=ON
    ),
    "change_jabatan": lambda app, c, unit: app.change_jabatan(
        c, nip=PNS_NIP, jabatan_kind="PELAKSANA", jabatan_title="Pengolah Data", effective_on=ON
    ),
    "transfer": lambda app, c, unit: app.transfer(
        c, nip=PNS_NIP, to_unit_id=unit.aggregate_id, effective_on=ON
    ),
    "confirm_as_pns": lambda app, c, unit: app.confirm_as_pns(c, nip=PNS_NIP, effective_on=ON),
    "record_award": lambda app, c, unit: app.record_award(
        c, nip=PNS_NIP, kind="PENGHARGAAN_INSTANSI", title="Pegawai Teladan", awarded_on=ON
    ),
    "impose_sanction": lambda app, c, unit: app.impose_sanction(
        c, nip=PNS_NIP, level="RINGAN", kind="TEGURAN_LISAN", effective_on=ON, reason="Absen"
    ),
    "grant_leave": lambda app, c, unit: app.grant_leave(
        c, nip=PNS_NIP, leave_type="CS", start=ON, end=ON
    ),
    "end_employment": lambda app, c, unit: app.end_employment(
        c, nip=PNS_NIP, separation="RETIREMENT", effective_on=ON, reason="Batas usia pensiun"
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
@pytest.mark.parametrize("role", ["auditor", "employee"])
def test_a_role_other_than_hr_officer_or_admin_is_forbidden(
    app: PersonnelApplication,
    unit: Outcome,
    employee: Outcome,
    role: str,
    write: Callable[[PersonnelApplication, Caller, Outcome], Outcome],
) -> None:
    # when
    with pytest.raises(NotAllowedForRole) as refused:
        write(app, caller(role), unit)
    # then
    assert refused.value.code == "FORBIDDEN"
    assert log_head(app) == 2


def test_an_admin_may_write(app: PersonnelApplication, unit: Outcome, employee: Outcome) -> None:
    # when
    outcome = app.promote(caller("admin"), nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    # then
    assert (outcome.version, outcome.position) == (2, 3)


def test_a_reader_asking_for_a_mutasi_is_forbidden_before_any_lookup(
    app: PersonnelApplication, unit: Outcome, employee: Outcome
) -> None:
    # when / then
    with pytest.raises(NotAllowedForRole):
        app.transfer(
            caller("auditor"),
            nip=PNS_NIP,
            to_unit_id=OrgUnit.id_for(TENANT, "NOPE"),
            effective_on=ON,
        )


def test_an_employee_of_another_tenant_cannot_be_changed(
    app: PersonnelApplication, employee: Outcome
) -> None:
    # when / then
    with pytest.raises(EmployeeNotFound, match="No employee with NIP"):
        app.promote(caller(tenant=OTHER_TENANT), nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    assert log_head(app) == 2


# --- versions and positions --------------------------------------------------------------
def test_a_stale_expected_version_raises_conflict_and_records_nothing(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given someone else promoted the employee after the caller read version 1
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    # when / then
    with pytest.raises(Conflict, match="at version 2, not 1"):
        app.change_jabatan(
            hr,
            nip=PNS_NIP,
            jabatan_kind="PELAKSANA",
            jabatan_title="Pengolah Data",
            effective_on=ON,
            expected_version=1,
        )
    assert log_head(app) == 3
    assert app.get_employee(PNS_NIP).version == 2


def test_the_current_expected_version_is_accepted(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # when
    outcome = app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON, expected_version=1)
    # then
    assert outcome == Outcome(employee.aggregate_id, 2, 3)


def with_a_write_racing_the_first_load(
    app: PersonnelApplication, monkeypatch: pytest.MonkeyPatch, race: Callable[[], object]
) -> None:
    """Another writer saves right after the command's first load, so that save loses."""
    load, loads = app.get_employee, 0

    def get_employee(nip: str) -> Employee:
        nonlocal loads
        loads += 1
        employee = load(nip)
        if loads == 1:
            race()
        return employee

    monkeypatch.setattr(app, "get_employee", get_employee)


def test_a_write_that_loses_a_race_with_an_expected_version_raises_conflict(
    app: PersonnelApplication, hr: Caller, employee: Outcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given another officer records an award while this one promotes
    def award() -> Outcome:
        return app.record_award(
            hr, nip=PNS_NIP, kind="PENGHARGAAN_INSTANSI", title="Teladan", awarded_on=ON
        )

    with_a_write_racing_the_first_load(app, monkeypatch, award)
    # when / then
    with pytest.raises(Conflict, match="changed meanwhile"):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON, expected_version=1)
    assert [type(e) for e in employee_events(app)] == [Employee.Appointed, Employee.AwardRecorded]


def test_a_write_that_loses_a_race_is_rerun_and_rechecked_on_the_fresh_state(
    app: PersonnelApplication, hr: Caller, employee: Outcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given another officer promotes to III/b while this one does the same
    with_a_write_racing_the_first_load(
        app, monkeypatch, lambda: app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    )
    # when / then: re-run on version 2, the promotion is no longer a step up
    with pytest.raises(PromotionNotAllowed, match="not above the current III/b"):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    assert [type(e) for e in employee_events(app)] == [Employee.Appointed, Employee.Promoted]


def test_each_outcome_lands_further_along_the_log(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # when
    promoted = app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    dismissed = app.impose_sanction(
        hr, nip=PNS_NIP, level="BERAT", kind="PDHTAPS", effective_on=ON, reason="Absen 28 hari"
    )
    # then: PDHTAPS records two events, so it moves two places
    assert [o.position for o in (employee, promoted, dismissed)] == [2, 3, 5]
    assert [o.version for o in (employee, promoted, dismissed)] == [1, 2, 4]


# --- what is stored ----------------------------------------------------------------------
def test_events_read_back_from_the_store_equal_the_events_recorded(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given
    loaded = app.get_employee(PNS_NIP)
    loaded.promote("III/c", ON, app.clock(), hr.meta("Kenaikan pangkat pilihan"))
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


def test_a_snapshot_with_leave_records_round_trips_through_the_mapper(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11))
    app.take_snapshot(employee.aggregate_id)
    assert app.snapshots is not None
    [snapshot] = app.snapshots.get(employee.aggregate_id)
    # when
    stored = app.mapper.to_stored_event(snapshot)
    # then
    assert b'"_type_":"leave"' in stored.state
    decoded = app.mapper.to_domain_event(stored)
    assert isinstance(decoded, Snapshot)
    assert decoded.state["leave"] == [
        LeaveRecord(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11), 4)
    ]


def test_replaying_the_stored_events_gives_the_state_the_commands_produced(
    app: PersonnelApplication, hr: Caller, unit: Outcome, employee: Outcome
) -> None:
    # given
    other = create_unit(app, hr, "DISDIK")
    live = app.get_employee(PNS_NIP)
    live.promote("III/b", date(2019, 4, 1), app.clock(), hr.meta())
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
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=ON)
    app.grant_leave(hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11))


def test_the_same_clock_and_commands_record_the_same_log() -> None:
    # given
    first, second = new_app(Clock()), new_app(Clock())
    # when
    run_a_day_of_work(first)
    run_a_day_of_work(second)
    # then
    logs = [app.recorder.select_notifications(start=1, limit=100) for app in (first, second)]
    assert len(logs[0]) == 4
    assert [(n.originator_id, n.originator_version, n.topic, n.state) for n in logs[0]] == [
        (n.originator_id, n.originator_version, n.topic, n.state) for n in logs[1]
    ]


# --- snapshots (every 50 events of an employee) ------------------------------------------
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
    """The employee at version 51, with a snapshot at version 50; returns a full replay."""
    record_fifty_changes(app, hr)
    replayed = project_aggregate(None, employee_events(app))
    assert isinstance(replayed, Employee)
    return replayed


def test_the_application_snapshots_an_employee_every_50_events(
    app: PersonnelApplication, snapshotted: Employee
) -> None:
    # then
    assert app.snapshots is not None
    assert [s.originator_version for s in app.snapshots.get(snapshotted.id)] == [50]
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
