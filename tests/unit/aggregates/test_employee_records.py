"""Employee: awards, discipline, cuti and the end of employment; refusals record nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from domain.aggregates.employee import Employee
from domain.awards import AwardKind
from domain.employment import EmploymentType, SeparationKind
from domain.errors import (
    AwardNotAllowed,
    DomainError,
    EmployeeNotActive,
    InsufficientLeaveBalance,
    LeaveNotAllowed,
    ReasonRequired,
)
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRecord, LeaveRequest, LeaveType
from domain.meta import EventMeta
from tests.unit.aggregates.conftest import (
    PNS_APPOINTED_ON,
    PNS_NIP,
    UNIT_ID,
    appoint,
    replay,
)
from tests.unit.aggregates.employee_commands import (
    COMMANDS,
    ON,
    OTHER_UNIT_ID,
    PDHTAPS,
    TEGURAN_LISAN,
    Command,
    with_reason,
)


# --- penghargaan -------------------------------------------------------------------------
def test_a_satyalancana_10_on_the_tenth_anniversary_of_service_is_recorded(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given service began on 1 May 2015; when
    pns.record_award(AwardKind.SATYALANCANA_KARYA_SATYA_10, "SLKS X", date(2025, 5, 1), at, meta)
    # then
    [awarded] = pns.collect_events()
    assert isinstance(awarded, Employee.AwardRecorded)
    assert (awarded.award_kind, awarded.title, awarded.awarded_on) == (
        "SATYALANCANA_KARYA_SATYA_10",
        "SLKS X",
        date(2025, 5, 1),
    )


def test_a_satyalancana_10_a_day_before_ten_years_of_service_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(AwardNotAllowed, match="2025-05-01 at the earliest"):
        pns.record_award(
            AwardKind.SATYALANCANA_KARYA_SATYA_10, "SLKS X", date(2025, 4, 30), at, meta
        )


# --- hukuman disiplin and the end of employment ------------------------------------------
def test_a_discipline_sanction_without_a_reason_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(ReasonRequired, match="discipline sanction"):
        pns.impose_sanction(TEGURAN_LISAN, ON, at, meta)


def test_a_light_sanction_is_recorded_and_the_employee_stays_active(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.impose_sanction(TEGURAN_LISAN, ON, at, with_reason(meta, "Absen 3 hari"))
    # then
    [imposed] = pns.collect_events()
    assert isinstance(imposed, Employee.SanctionImposed)
    assert (imposed.level, imposed.sanction_kind, imposed.duration_months) == (
        "RINGAN",
        "TEGURAN_LISAN",
        None,
    )
    assert imposed.meta.reason == "Absen 3 hari"
    assert pns.status == "ACTIVE"


def test_pdhtaps_records_the_sanction_and_ends_employment_as_a_dismissal(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.impose_sanction(PDHTAPS, ON, at, with_reason(meta, "Absen 28 hari kerja"))
    # then
    imposed, ended = pns.collect_events()
    assert isinstance(imposed, Employee.SanctionImposed)
    assert (imposed.level, imposed.sanction_kind) == ("BERAT", "PDHTAPS")
    assert isinstance(ended, Employee.EmploymentEnded)
    assert (ended.separation, ended.effective_on, ended.originator_version) == (
        "DISMISSAL",
        ON,
        3,
    )
    assert pns.status == "ENDED"


def test_ending_employment_without_a_reason_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(ReasonRequired, match="Ending employment"):
        pns.end_employment(SeparationKind.RESIGNATION, ON, at, meta)


def test_ending_employment_with_a_reason_records_employment_ended(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.end_employment(SeparationKind.RESIGNATION, ON, at, with_reason(meta))
    # then
    [ended] = pns.collect_events()
    assert isinstance(ended, Employee.EmploymentEnded)
    assert (ended.separation, ended.effective_on) == ("RESIGNATION", ON)
    assert pns.status == "ENDED"


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_after_employment_ended_every_command_is_refused(
    pns: Employee,
    given: Callable[..., Employee],
    at: datetime,
    meta: EventMeta,
    command: Command,
) -> None:
    # given
    given(pns, Employee.EmploymentEnded, separation="RETIREMENT", effective_on=date(2025, 1, 1))
    # when / then
    with pytest.raises(EmployeeNotActive, match="has left service"):
        command(pns, ON, at, with_reason(meta))


# --- cuti --------------------------------------------------------------------------------
def test_cuti_tahunan_within_the_balance_is_recorded_in_working_days(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when: Thursday to the next Tuesday is six calendar days, four of them working days
    granted = pns.grant_leave(
        LeaveRequest(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11)), at, meta
    )
    # then
    [leave] = pns.collect_events()
    assert isinstance(leave, Employee.LeaveGranted)
    assert (leave.leave_type, leave.start, leave.end, leave.days) == (
        "CT",
        date(2025, 3, 6),
        date(2025, 3, 11),
        4,
    )
    assert pns.leave == [granted] == [LeaveRecord(LeaveType.CT, leave.start, leave.end, 4)]


def test_cuti_tahunan_above_the_balance_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given no CT since 2015, so 2025 holds 12 days plus 12 carried over; when / then
    with pytest.raises(InsufficientLeaveBalance, match="25 working days requested, but only 24"):
        pns.grant_leave(LeaveRequest(LeaveType.CT, date(2025, 3, 3), date(2025, 4, 4)), at, meta)


def test_leave_overlapping_granted_leave_is_refused(
    pns: Employee, given: Callable[..., Employee], at: datetime, meta: EventMeta
) -> None:
    # given
    given(
        pns,
        Employee.LeaveGranted,
        leave_type="CS",
        start=date(2025, 3, 3),
        end=date(2025, 3, 5),
        days=3,
    )
    # when / then
    with pytest.raises(LeaveNotAllowed, match="overlaps Cuti Sakit"):
        pns.grant_leave(LeaveRequest(LeaveType.CT, date(2025, 3, 5), date(2025, 3, 7)), at, meta)


# --- a refused command records nothing ---------------------------------------------------
REFUSED: dict[str, Command] = {
    "two-step promotion without reason": lambda e, on, at, meta: e.promote("III/c", on, at, meta),
    "promotion to the same golongan": lambda e, on, at, meta: e.promote("III/a", on, at, meta),
    "same jabatan": lambda e, on, at, meta: e.change_jabatan(
        parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"), on, at, meta
    ),
    "same unit": lambda e, on, at, meta: e.transfer(UNIT_ID, on, at, meta),
    "confirming a PNS": lambda e, on, at, meta: e.confirm_as_pns(on, at, meta, on),
    "award too early": lambda e, on, at, meta: e.record_award(
        AwardKind.SATYALANCANA_KARYA_SATYA_20, "SLKS XX", on, at, meta
    ),
    "sanction without reason": lambda e, on, at, meta: e.impose_sanction(PDHTAPS, on, at, meta),
    "CT above balance": lambda e, on, at, meta: e.grant_leave(
        LeaveRequest(LeaveType.CT, date(2025, 3, 3), date(2025, 4, 4)), at, meta
    ),
    "ending without reason": lambda e, on, at, meta: e.end_employment(
        SeparationKind.DEATH, on, at, meta
    ),
    "before appointment": lambda e, on, at, meta: e.transfer(
        OTHER_UNIT_ID, PNS_APPOINTED_ON - timedelta(days=1), at, meta
    ),
    "another tenant": lambda e, on, at, meta: e.transfer(
        OTHER_UNIT_ID, on, at, replace(meta, tenant="pemkab-kotawaringin-barat")
    ),
}


@pytest.mark.parametrize("command", REFUSED.values(), ids=REFUSED.keys())
def test_a_refused_command_records_nothing_and_changes_nothing(
    pns: Employee, at: datetime, meta: EventMeta, command: Command
) -> None:
    # given an award that is pending, not yet saved
    pns.record_award(AwardKind.PENGHARGAAN_INSTANSI, "Pegawai Teladan", ON, at, meta)
    before = copy.deepcopy(pns.__dict__)
    # when
    with pytest.raises(DomainError):
        command(pns, ON, at, meta)
    # then
    assert pns.__dict__ == before
    assert [type(e) for e in pns.collect_events()] == [Employee.AwardRecorded]


def test_replaying_the_recorded_events_gives_the_same_employee(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given
    appointed = appoint(PNS_NIP, EmploymentType.PNS, "III/a", PNS_APPOINTED_ON, at, meta)
    history = list(appointed.collect_events())
    # when
    pns.promote("III/b", date(2019, 10, 1), at, meta)
    pns.transfer(OTHER_UNIT_ID, date(2020, 1, 2), at, meta)
    pns.grant_leave(LeaveRequest(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11)), at, meta)
    history += pns.collect_events()
    # then
    assert replay(history).__dict__ == pns.__dict__
