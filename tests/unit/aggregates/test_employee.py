"""Employee: given its past events, when a command runs, then new events or a refusal."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from uuid import UUID, uuid5

import pytest

from domain.aggregates.employee import Employee
from domain.awards import AwardKind
from domain.discipline import parse_sanction
from domain.employment import EmploymentType, SeparationKind
from domain.errors import (
    AwardNotAllowed,
    DomainError,
    EmployeeNotActive,
    EmployeeNotFound,
    InsufficientLeaveBalance,
    InvalidInput,
    LeaveNotAllowed,
    PromotionNotAllowed,
    ReasonRequired,
    RuleViolation,
)
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRecord, LeaveRequest, LeaveType
from domain.meta import EventMeta
from tests.unit.aggregates.conftest import (
    PNS_APPOINTED_ON,
    PNS_NIP,
    TENANT,
    UNIT_ID,
    appoint,
    replay,
)

OTHER_UNIT_ID = uuid5(UUID(int=0), "DISDIK")
ANALIS_SDM = parse_jabatan("FUNGSIONAL", "Analis SDM Aparatur", "AHLI_PERTAMA")
TEGURAN_LISAN = parse_sanction("RINGAN", "TEGURAN_LISAN")
PDHTAPS = parse_sanction("BERAT", "PDHTAPS")
ON = date(2025, 6, 2)  # a Monday, ten years after the PNS was appointed

Command = Callable[[Employee, date, datetime, EventMeta], object]

# Every command, run on a valid day `on` with a meta that states a reason.
COMMANDS: dict[str, Command] = {
    "promote": lambda e, on, at, meta: e.promote("III/b", on, at, meta),
    "change_jabatan": lambda e, on, at, meta: e.change_jabatan(ANALIS_SDM, on, at, meta),
    "transfer": lambda e, on, at, meta: e.transfer(OTHER_UNIT_ID, on, at, meta),
    "confirm_as_pns": lambda e, on, at, meta: e.confirm_as_pns(on, at, meta),
    "record_award": lambda e, on, at, meta: e.record_award(
        AwardKind.PENGHARGAAN_INSTANSI, "Pegawai Teladan", on, at, meta
    ),
    "impose_sanction": lambda e, on, at, meta: e.impose_sanction(TEGURAN_LISAN, on, at, meta),
    "grant_leave": lambda e, on, at, meta: e.grant_leave(
        LeaveRequest(LeaveType.CS, on, on), at, meta
    ),
    "end_employment": lambda e, on, at, meta: e.end_employment(
        SeparationKind.RETIREMENT, on, at, meta
    ),
}


def with_reason(meta: EventMeta, reason: str = "SK Bupati 800/123/BKPSDM/2025") -> EventMeta:
    return replace(meta, reason=reason)


# --- appointment -------------------------------------------------------------------------
def test_appointing_records_appointed_with_every_field_at_the_injected_time(
    at: datetime, meta: EventMeta
) -> None:
    # when
    employee = appoint(PNS_NIP, EmploymentType.PNS, "III/a", PNS_APPOINTED_ON, at, meta)
    # then
    [appointed] = employee.collect_events()
    assert isinstance(appointed, Employee.Appointed)
    assert (appointed.originator_id, appointed.originator_version) == (employee.id, 1)
    assert (appointed.timestamp, appointed.meta) == (at, meta)
    assert (appointed.nip, appointed.name) == (PNS_NIP, "Budi Santoso")
    assert (appointed.employment_type, appointed.sex) == ("PNS", "MALE")
    assert appointed.birth_date == date(1986, 9, 26)
    assert appointed.service_start == date(2015, 5, 1)
    assert appointed.golongan == "III/a"
    assert (appointed.jabatan_kind, appointed.jabatan_title, appointed.jabatan_jenjang) == (
        "PELAKSANA",
        "Pengadministrasi Kepegawaian",
        None,
    )
    assert (appointed.unit_id, appointed.appointed_on) == (UNIT_ID, PNS_APPOINTED_ON)


def test_replaying_appointed_gives_an_active_employee_of_the_tenant(pns: Employee) -> None:
    # given an Appointed event (replayed by the fixture), then
    assert (pns.version, pns.status, pns.tenant) == (1, "ACTIVE", TENANT)
    assert (pns.golongan, pns.unit_id, pns.leave) == ("III/a", UNIT_ID, [])


def test_the_id_is_derived_from_the_nip_so_one_nip_is_one_employee(
    at: datetime, meta: EventMeta
) -> None:
    # when
    first = appoint(PNS_NIP, EmploymentType.PNS, "III/a", PNS_APPOINTED_ON, at, meta)
    again = appoint(PNS_NIP, EmploymentType.PNS, "II/c", date(2016, 1, 4), at, meta)
    # then
    assert first.id == again.id == Employee.id_for(PNS_NIP)
    assert Employee.id_for("198609262015051002") != first.id


def test_an_appointment_on_the_birth_date_is_refused(at: datetime, meta: EventMeta) -> None:
    # when / then
    with pytest.raises(InvalidInput, match="after the birth date"):
        appoint(PNS_NIP, EmploymentType.PNS, "III/a", date(1986, 9, 26), at, meta)


# --- kenaikan pangkat --------------------------------------------------------------------
def test_a_promotion_of_one_step_records_promoted_from_and_to(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.promote("III/b", ON, at, meta)
    # then
    [promoted] = pns.collect_events()
    assert isinstance(promoted, Employee.Promoted)
    assert (promoted.from_golongan, promoted.to_golongan) == ("III/a", "III/b")
    assert (promoted.effective_on, promoted.timestamp, promoted.meta) == (ON, at, meta)
    assert (pns.golongan, pns.version) == ("III/b", 2)


def test_a_promotion_of_two_steps_without_a_reason_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(ReasonRequired, match=r"2 steps \(III/a → III/c\)"):
        pns.promote("III/c", ON, at, meta)


def test_a_promotion_of_two_steps_with_a_reason_is_recorded_with_the_reason(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.promote("III/c", ON, at, with_reason(meta, "Kenaikan pangkat pilihan"))
    # then
    [promoted] = pns.collect_events()
    assert isinstance(promoted, Employee.Promoted)
    assert (promoted.from_golongan, promoted.to_golongan) == ("III/a", "III/c")
    assert promoted.meta.reason == "Kenaikan pangkat pilihan"


@pytest.mark.parametrize("to", ["III/a", "II/d", "I/a"])
def test_a_promotion_to_the_same_or_a_lower_golongan_is_refused(
    pns: Employee, at: datetime, meta: EventMeta, to: str
) -> None:
    # when / then
    with pytest.raises(PromotionNotAllowed, match="not above the current III/a"):
        pns.promote(to, ON, at, with_reason(meta))


@pytest.mark.parametrize(("employee", "to"), [("cpns", "III/b"), ("pppk", "X")])
def test_a_cpns_or_pppk_cannot_be_promoted(
    request: pytest.FixtureRequest, at: datetime, meta: EventMeta, employee: str, to: str
) -> None:
    # given
    asn: Employee = request.getfixturevalue(employee)
    # when / then
    with pytest.raises(PromotionNotAllowed, match="Only a PNS"):
        asn.promote(to, ON, at, meta)


# --- jabatan, mutasi, CPNS → PNS ---------------------------------------------------------
def test_a_change_of_jabatan_records_the_new_jabatan(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.change_jabatan(ANALIS_SDM, ON, at, meta)
    # then
    [changed] = pns.collect_events()
    assert isinstance(changed, Employee.JabatanChanged)
    assert (changed.jabatan_kind, changed.jabatan_title, changed.jabatan_jenjang) == (
        "FUNGSIONAL",
        "Analis SDM Aparatur",
        "AHLI_PERTAMA",
    )
    assert pns.jabatan == ("FUNGSIONAL", "Analis SDM Aparatur", "AHLI_PERTAMA")


def test_a_change_to_the_jabatan_already_held_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given the employee holds "Pengadministrasi Kepegawaian" since appointment
    same = parse_jabatan("pelaksana", " Pengadministrasi Kepegawaian ")
    # when / then
    with pytest.raises(RuleViolation, match="already holds that jabatan"):
        pns.change_jabatan(same, ON, at, meta)


def test_a_transfer_records_the_unit_left_and_the_unit_joined(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.transfer(OTHER_UNIT_ID, ON, at, meta)
    # then
    [transferred] = pns.collect_events()
    assert isinstance(transferred, Employee.Transferred)
    assert (transferred.from_unit_id, transferred.to_unit_id) == (UNIT_ID, OTHER_UNIT_ID)
    assert pns.unit_id == OTHER_UNIT_ID


def test_a_transfer_to_the_same_unit_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(RuleViolation, match="already in that unit"):
        pns.transfer(UNIT_ID, ON, at, meta)


def test_confirming_a_cpns_records_confirmed_as_pns_and_makes_them_a_pns(
    cpns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    cpns.confirm_as_pns(date(2024, 2, 1), at, meta)
    # then
    [confirmed] = cpns.collect_events()
    assert isinstance(confirmed, Employee.ConfirmedAsPNS)
    assert confirmed.effective_on == date(2024, 2, 1)
    assert cpns.employment_type == "PNS"


@pytest.mark.parametrize("employee", ["pns", "pppk"])
def test_only_a_cpns_can_be_confirmed_as_pns(
    request: pytest.FixtureRequest, at: datetime, meta: EventMeta, employee: str
) -> None:
    # given
    asn: Employee = request.getfixturevalue(employee)
    # when / then
    with pytest.raises(RuleViolation, match="Only a CPNS"):
        asn.confirm_as_pns(ON, at, meta)


# --- rules every command checks ----------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_an_effective_date_before_the_appointment_is_refused(
    pns: Employee, at: datetime, meta: EventMeta, command: Command
) -> None:
    # when / then
    with pytest.raises(InvalidInput, match="before the appointment"):
        command(pns, PNS_APPOINTED_ON - timedelta(days=1), at, with_reason(meta))


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_command_from_another_tenant_is_refused(
    pns: Employee, at: datetime, meta: EventMeta, command: Command
) -> None:
    # given
    other_tenant = replace(with_reason(meta), tenant="pemkab-kotawaringin-barat")
    # when / then
    with pytest.raises(EmployeeNotFound, match="No employee with NIP"):
        command(pns, ON, at, other_tenant)


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
    "confirming a PNS": lambda e, on, at, meta: e.confirm_as_pns(on, at, meta),
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
    pns.promote("III/b", date(2019, 4, 1), at, meta)
    pns.transfer(OTHER_UNIT_ID, date(2020, 1, 2), at, meta)
    pns.grant_leave(LeaveRequest(LeaveType.CT, date(2025, 3, 6), date(2025, 3, 11)), at, meta)
    history += pns.collect_events()
    # then
    assert replay(history).__dict__ == pns.__dict__
