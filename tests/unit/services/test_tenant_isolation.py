"""No existence oracles: another tenant's unit or employee answers exactly like a missing one.

Each answer is compared as (code, message) with the id or NIP asked about blanked out, so the
only difference left would be one that tells the caller the thing exists elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest

from domain.aggregates.org_unit import OrgUnit
from domain.errors import DomainError
from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from tests.unit.services.conftest import (
    ON,
    OTHER_TENANT,
    PNS_NIP,
    PROMOTION_ON,
    REGISTERED,
    TENANT,
    appoint,
    caller,
    create_unit,
    log_head,
)

NOWHERE_NIP = "199001012018031003"  # a valid NIP nobody was appointed under
NOWHERE_UNIT = OrgUnit.id_for(OTHER_TENANT, "NOWHERE")  # an id no unit was created under
NO_PROGRAMME = UUID(int=1)  # refused before any programme is looked up


def answer(command: Callable[[], Any], asked: str | UUID) -> tuple[str, str]:
    """The refusal's code and message, with what was asked about blanked out."""
    with pytest.raises(DomainError) as refused:
        command()
    return refused.value.code, refused.value.message.replace(str(asked), "<asked>")


@pytest.fixture
def ours() -> Caller:
    return caller(tenant=TENANT)


@pytest.fixture
def theirs(app: PersonnelApplication) -> tuple[Outcome, Outcome]:
    """OTHER_TENANT's unit and its employee with PNS_NIP."""
    hr = caller(tenant=OTHER_TENANT)
    unit = create_unit(app, hr, "DISDIK")
    return unit, appoint(app, hr, unit)


UNIT_COMMANDS: dict[str, Callable[[PersonnelApplication, Caller, Outcome, UUID], object]] = {
    "appoint into it": lambda app, c, own, unit_id: appoint(
        app, c, Outcome(unit_id, 1, 1), nip=NOWHERE_NIP
    ),
    "nest a unit under it": lambda app, c, own, unit_id: app.create_unit(
        c, code="BIDANG", name="Bidang", kind="BIDANG", parent_id=unit_id
    ),
    "transfer into it": lambda app, c, own, unit_id: app.transfer(
        c, nip=PNS_NIP, to_unit_id=unit_id, effective_on=ON
    ),
}


@pytest.mark.parametrize("command", UNIT_COMMANDS.values(), ids=UNIT_COMMANDS.keys())
def test_another_tenants_unit_answers_like_a_unit_that_does_not_exist(
    app: PersonnelApplication,
    ours: Caller,
    theirs: tuple[Outcome, Outcome],
    command: Callable[[PersonnelApplication, Caller, Outcome, UUID], object],
) -> None:
    # given our own unit and employee (the transfer's subject)
    own = create_unit(app, ours, "BKPSDM")
    appoint(app, ours, own, nip="198003032005011003")
    head = log_head(app)
    their_unit = theirs[0].aggregate_id
    # when
    elsewhere = answer(lambda: command(app, ours, own, their_unit), their_unit)
    nowhere = answer(lambda: command(app, ours, own, NOWHERE_UNIT), NOWHERE_UNIT)
    # then
    assert elsewhere == nowhere
    assert elsewhere[0] == "UNIT_NOT_FOUND"
    assert OTHER_TENANT not in elsewhere[1]
    assert log_head(app) == head


def test_an_employee_id_is_no_unit(app: PersonnelApplication, ours: Caller) -> None:
    # given our own employee, whose id is not a unit's
    employee = appoint(app, ours, create_unit(app, ours, "BKPSDM"))
    # when / then
    assert answer(lambda: app.get_unit(ours, employee.aggregate_id), employee.aggregate_id) == (
        answer(lambda: app.get_unit(ours, NOWHERE_UNIT), NOWHERE_UNIT)
    )


NIP_COMMANDS: dict[str, Callable[[PersonnelApplication, Caller, str], object]] = {
    "promote": lambda app, c, nip: app.promote(
        c, nip=nip, to_golongan="III/b", effective_on=PROMOTION_ON
    ),
    "change_jabatan": lambda app, c, nip: app.change_jabatan(
        c, nip=nip, jabatan_kind="PELAKSANA", jabatan_title="Pengolah Data", effective_on=ON
    ),
    "transfer": lambda app, c, nip: app.transfer(
        c, nip=nip, to_unit_id=OrgUnit.id_for(TENANT, "BKPSDM"), effective_on=ON
    ),
    "confirm_as_pns": lambda app, c, nip: app.confirm_as_pns(
        c, nip=nip, effective_on=ON, latsar_programme_id=NO_PROGRAMME
    ),
    "record_award": lambda app, c, nip: app.record_award(
        c, nip=nip, kind="PENGHARGAAN_INSTANSI", title="Pegawai Teladan", awarded_on=ON
    ),
    "impose_sanction": lambda app, c, nip: app.impose_sanction(
        c, nip=nip, level="RINGAN", kind="TEGURAN_LISAN", effective_on=ON, reason="Absen"
    ),
    "grant_leave": lambda app, c, nip: app.grant_leave(
        c, nip=nip, leave_type="CS", start=ON, end=ON
    ),
    "end_employment": lambda app, c, nip: app.end_employment(
        c, nip=nip, separation="RETIREMENT", effective_on=ON, reason="Batas usia pensiun"
    ),
}


@pytest.mark.parametrize("command", NIP_COMMANDS.values(), ids=NIP_COMMANDS.keys())
def test_another_tenants_employee_answers_like_a_nip_nobody_holds(
    app: PersonnelApplication,
    ours: Caller,
    theirs: tuple[Outcome, Outcome],
    command: Callable[[PersonnelApplication, Caller, str], object],
) -> None:
    # given our own unit (the transfer's target)
    create_unit(app, ours, "BKPSDM")
    head = log_head(app)
    # when
    elsewhere = answer(lambda: command(app, ours, PNS_NIP), PNS_NIP)
    nowhere = answer(lambda: command(app, ours, NOWHERE_NIP), NOWHERE_NIP)
    # then
    assert (
        elsewhere == nowhere == ("EMPLOYEE_NOT_FOUND", f"No employee with NIP <asked> in {TENANT}.")
    )
    assert log_head(app) == head


def test_a_nip_written_with_separators_answers_the_same(
    app: PersonnelApplication, ours: Caller, theirs: tuple[Outcome, Outcome]
) -> None:
    # when
    spaced = answer(lambda: NIP_COMMANDS["promote"](app, ours, "19860926 201505 1 001"), PNS_NIP)
    # then
    assert spaced == answer(lambda: NIP_COMMANDS["promote"](app, ours, NOWHERE_NIP), NOWHERE_NIP)


def test_a_nip_of_another_tenants_employee_cannot_be_appointed_here_naming_nobody(
    app: PersonnelApplication, ours: Caller, theirs: tuple[Outcome, Outcome]
) -> None:
    # given
    unit = create_unit(app, ours, "BKPSDM")
    head = log_head(app)
    # when
    refused = answer(lambda: appoint(app, ours, unit, nip=PNS_NIP), PNS_NIP)
    # then
    assert refused == ("NIP_NOT_APPOINTABLE", "NIP <asked> cannot be appointed here.")
    assert log_head(app) == head


def test_a_nip_already_appointed_in_the_callers_own_tenant_says_so(
    app: PersonnelApplication, ours: Caller
) -> None:
    # given
    unit = create_unit(app, ours, "BKPSDM")
    appoint(app, ours, unit)
    # when / then
    assert answer(lambda: appoint(app, ours, unit, name="Someone Else"), PNS_NIP) == (
        "ALREADY_EXISTS",
        "NIP <asked> is already appointed.",
    )
    assert log_head(app) == REGISTERED + 2
