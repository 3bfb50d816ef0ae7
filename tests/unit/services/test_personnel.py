"""PersonnelApplication on the in-memory store: given saved events, when a command, then the log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.errors import (
    AlreadyExists,
    Conflict,
    EmployeeNotFound,
    NotAllowedForRole,
    PromotionNotAllowed,
    UnitNotFound,
)
from domain.meta import EventMeta
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import (
    ON,
    OTHER_TENANT,
    PNS_NIP,
    PROMOTION_ON,
    REGISTERED,
    TENANT,
    Clock,
    appoint,
    caller,
    create_unit,
    employee_events,
    log_head,
)

CPNS_NIP = "199503142023022002"
NO_PROGRAMME = UUID(int=1)  # refused before any programme is looked up


# --- unit kerja and appointment ----------------------------------------------------------
def test_creating_a_unit_returns_its_derived_id_version_and_position(
    app: PersonnelApplication, hr: Caller
) -> None:
    # when
    outcome = create_unit(app, hr, "BKPSDM")
    # then
    assert outcome == Outcome(OrgUnit.id_for(TENANT, "BKPSDM"), 1, REGISTERED + 1)
    assert app.get_unit(hr, outcome.aggregate_id).name == "Unit BKPSDM"


def test_a_unit_code_already_used_in_the_tenant_raises_already_exists(
    app: PersonnelApplication, hr: Caller, unit: Outcome
) -> None:
    # when / then
    with pytest.raises(AlreadyExists, match="'bkpsdm' already exists"):
        create_unit(app, hr, "bkpsdm")
    assert log_head(app) == REGISTERED + 1


def test_appointing_records_the_employee_stamped_by_the_clock_and_the_caller(
    app: PersonnelApplication, hr: Caller, clock: Clock, unit: Outcome
) -> None:
    # given
    expected_at = clock.now
    # when
    outcome = appoint(app, hr, unit, nip="19860926 201505 1 001")
    # then
    assert outcome == Outcome(Employee.id_for(PNS_NIP), 1, REGISTERED + 2)
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
    assert log_head(app) == REGISTERED + 1


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
    assert log_head(app) == REGISTERED + 1


def test_a_nip_already_appointed_raises_already_exists(
    app: PersonnelApplication, hr: Caller, unit: Outcome, employee: Outcome
) -> None:
    # when / then
    with pytest.raises(AlreadyExists, match=PNS_NIP):
        appoint(app, hr, unit, name="Someone Else")
    assert log_head(app) == REGISTERED + 2


def test_an_unknown_nip_raises_employee_not_found(app: PersonnelApplication, hr: Caller) -> None:
    # when / then
    with pytest.raises(EmployeeNotFound):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)


# --- who may write -----------------------------------------------------------------------
WRITES: dict[str, Callable[[PersonnelApplication, Caller, Outcome], Outcome]] = {
    "create_unit": lambda app, c, unit: create_unit(app, c, "DISDIK"),
    "appoint_employee": lambda app, c, unit: appoint(
        app, c, unit, nip=CPNS_NIP, employment_type="CPNS", appointed_on=date(2023, 2, 1)
    ),
    "promote": lambda app, c, unit: app.promote(
        c, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON
    ),
    "change_jabatan": lambda app, c, unit: app.change_jabatan(
        c, nip=PNS_NIP, jabatan_kind="PELAKSANA", jabatan_title="Pengolah Data", effective_on=ON
    ),
    "transfer": lambda app, c, unit: app.transfer(
        c, nip=PNS_NIP, to_unit_id=unit.aggregate_id, effective_on=ON
    ),
    "confirm_as_pns": lambda app, c, unit: app.confirm_as_pns(
        c, nip=PNS_NIP, effective_on=ON, latsar_programme_id=NO_PROGRAMME
    ),
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
    assert log_head(app) == REGISTERED + 2


def test_an_admin_may_write(app: PersonnelApplication, unit: Outcome, employee: Outcome) -> None:
    # when
    outcome = app.promote(
        caller("hr_officer"), nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON
    )
    # then
    assert (outcome.version, outcome.position) == (2, REGISTERED + 3)


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
        app.promote(
            caller(tenant=OTHER_TENANT), nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON
        )
    assert log_head(app) == REGISTERED + 2


# --- versions and positions --------------------------------------------------------------
def test_a_stale_expected_version_raises_conflict_and_records_nothing(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # given someone else promoted the employee after the caller read version 1
    app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)
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
    assert log_head(app) == REGISTERED + 3
    assert app.get_employee(PNS_NIP).version == 2


def test_the_current_expected_version_is_accepted(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # when
    outcome = app.promote(
        hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON, expected_version=1
    )
    # then
    assert outcome == Outcome(employee.aggregate_id, 2, REGISTERED + 3)


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
        app.promote(
            hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON, expected_version=1
        )
    assert [type(e) for e in employee_events(app)] == [Employee.Appointed, Employee.AwardRecorded]


def test_a_write_that_loses_a_race_is_rerun_and_rechecked_on_the_fresh_state(
    app: PersonnelApplication, hr: Caller, employee: Outcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given another officer promotes to III/b while this one does the same
    with_a_write_racing_the_first_load(
        app,
        monkeypatch,
        lambda: app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON),
    )
    # when / then: re-run on version 2, the promotion is no longer a step up
    with pytest.raises(PromotionNotAllowed, match="not above the current III/b"):
        app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)
    assert [type(e) for e in employee_events(app)] == [Employee.Appointed, Employee.Promoted]


def test_each_outcome_lands_further_along_the_log(
    app: PersonnelApplication, hr: Caller, employee: Outcome
) -> None:
    # when
    promoted = app.promote(hr, nip=PNS_NIP, to_golongan="III/b", effective_on=PROMOTION_ON)
    dismissed = app.impose_sanction(
        hr, nip=PNS_NIP, level="BERAT", kind="PDHTAPS", effective_on=ON, reason="Absen 28 hari"
    )
    # then: PDHTAPS records two events, so it moves two places
    assert [o.position - REGISTERED for o in (employee, promoted, dismissed)] == [2, 3, 5]
    assert [o.version for o in (employee, promoted, dismissed)] == [1, 2, 4]
