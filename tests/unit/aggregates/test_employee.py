"""Employee: appointment, rank, jabatan and unit changes, and the rules every command checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from domain.aggregates.employee import Employee
from domain.career_errors import (
    PromotionNotOneStep,
    PromotionOutOfOrder,
    PromotionTooEarly,
)
from domain.employment import EmploymentType
from domain.errors import (
    EmployeeNotFound,
    InvalidInput,
    PromotionNotAllowed,
    ReasonRequired,
    RuleViolation,
)
from domain.jabatan import parse_jabatan
from domain.meta import EventMeta
from domain.promotion import PromotionKind
from tests.unit.aggregates.conftest import (
    PNS_APPOINTED_ON,
    PNS_NIP,
    TENANT,
    UNIT_ID,
    appoint,
)
from tests.unit.aggregates.employee_commands import (
    ANALIS_SDM,
    COMMANDS,
    ON,
    OTHER_UNIT_ID,
    Command,
    with_reason,
)

PROMOTION_ON = date(2025, 6, 1)  # a period date (Peraturan BKN 4/2023), 10 years after TMT
PILIHAN = PromotionKind.PILIHAN_PRESTASI_LUAR_BIASA


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
    assert (pns.golongan, pns.unit_id, list(pns.leave)) == ("III/a", UNIT_ID, [])


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
    pns.promote("III/b", PROMOTION_ON, at, meta)
    # then
    [promoted] = pns.collect_events()
    assert isinstance(promoted, Employee.Promoted)
    assert (promoted.from_golongan, promoted.to_golongan) == ("III/a", "III/b")
    assert (promoted.effective_on, promoted.timestamp, promoted.meta) == (PROMOTION_ON, at, meta)
    assert (promoted.kind, promoted.ijazah) == ("REGULER", None)
    assert (pns.golongan, pns.golongan_since, pns.version) == ("III/b", PROMOTION_ON, 2)


def test_a_promotion_of_two_steps_is_refused_even_with_a_reason(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(PromotionNotOneStep, match="one step"):
        pns.promote("III/c", PROMOTION_ON, at, with_reason(meta, "Kenaikan pangkat pilihan"))


def test_a_pilihan_promotion_without_a_reason_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when / then
    with pytest.raises(ReasonRequired, match="pilihan_prestasi_luar_biasa"):
        pns.promote("III/b", PROMOTION_ON, at, meta, kind=PILIHAN)


def test_a_pilihan_promotion_with_a_reason_is_recorded_with_its_kind_and_reason(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # when
    pns.promote("III/b", PROMOTION_ON, at, with_reason(meta, "Juara inovasi"), kind=PILIHAN)
    # then
    [promoted] = pns.collect_events()
    assert isinstance(promoted, Employee.Promoted)
    assert (promoted.kind, promoted.meta.reason) == (PILIHAN.value, "Juara inovasi")


def test_a_second_promotion_dated_before_the_first_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given
    pns.promote("III/b", PROMOTION_ON, at, meta)
    # when / then
    with pytest.raises(PromotionOutOfOrder):
        pns.promote("III/c", date(2025, 4, 1), at, with_reason(meta), kind=PILIHAN)


def test_a_reguler_promotion_within_four_years_of_the_last_is_refused(
    pns: Employee, at: datetime, meta: EventMeta
) -> None:
    # given
    pns.promote("III/b", date(2024, 6, 1), at, meta)
    # when / then
    with pytest.raises(PromotionTooEarly, match="4 years"):
        pns.promote("III/c", PROMOTION_ON, at, meta)


@pytest.mark.parametrize("to", ["III/a", "II/d", "I/a"])
def test_a_promotion_to_the_same_or_a_lower_golongan_is_refused(
    pns: Employee, at: datetime, meta: EventMeta, to: str
) -> None:
    # when / then
    with pytest.raises(PromotionNotAllowed, match="not above the current III/a"):
        pns.promote(to, PROMOTION_ON, at, with_reason(meta))


@pytest.mark.parametrize(("employee", "to"), [("cpns", "III/b"), ("pppk", "X")])
def test_a_cpns_or_pppk_cannot_be_promoted(
    request: pytest.FixtureRequest, at: datetime, meta: EventMeta, employee: str, to: str
) -> None:
    # given
    asn: Employee = request.getfixturevalue(employee)
    # when / then
    with pytest.raises(PromotionNotAllowed, match="Only a PNS"):
        asn.promote(to, PROMOTION_ON, at, meta)


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
    cpns.confirm_as_pns(date(2024, 2, 1), at, meta, date(2023, 11, 3))
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
        asn.confirm_as_pns(ON, at, meta, ON)


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
