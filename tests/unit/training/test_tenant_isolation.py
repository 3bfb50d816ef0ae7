"""No existence oracles in training commands: another tenant's employee, programme or
mentoring answers exactly like an id or NIP that exists nowhere, and nothing is recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.aggregates.employee import Employee
from domain.employment import EmploymentType
from domain.errors import DomainError
from domain.jabatan import parse_jabatan
from domain.nip import parse_nip
from domain.ranks import parse_golongan
from services.training import TrainingApplication
from tests.tenants import register_in
from tests.unit.training.conftest import HR, JUNIOR_NIP, SESSIONS, TENANT, caller, log_head

KEMUNING = "pemkab-kemuning"
THEIR_NIP = "198805052012012005"  # Kemuning's employee
NOWHERE_NIP = "199101012020121001"  # nobody's
OURS = caller()
THEIRS = caller(tenant=KEMUNING)


def answer(command: Callable[[], Any], asked: str | UUID) -> tuple[str, str]:
    """The refusal's code and message, with what was asked about blanked out."""
    with pytest.raises(DomainError) as refused:
        command()
    return refused.value.code, refused.value.message.replace(str(asked), "<asked>")


def define(app: TrainingApplication, by: Any, prerequisite_ids: tuple[UUID, ...] = ()) -> UUID:
    return app.define_programme(
        by,
        title="Aplikasi Pelayanan Publik Digital",
        form="PELATIHAN_KLASIKAL",
        competency_codes=["DIGITAL"],
        jp=8,
        provider="Politeknik Mulyorejo",
        capacity=2,
        sessions=SESSIONS,
        prerequisite_ids=prerequisite_ids,
    ).aggregate_id


@pytest.fixture
def theirs(app: TrainingApplication) -> UUID:
    """Kemuning, registered, with an employee and a programme of its own; both tenants have
    a competency catalogue."""
    register_in(app, KEMUNING)
    for hr in (OURS, THEIRS):
        app.add_competency(hr, code="DIGITAL", name="Layanan publik digital", kind="TEKNIS")
    kind = EmploymentType.PNS
    app.save(
        Employee.appoint(
            nip=parse_nip(THEIR_NIP, kind),
            name="Pegawai Kemuning",
            employment_type=kind,
            golongan=parse_golongan("III/a", kind),
            jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"),
            unit_id=uuid4(),
            appointed_on=date(2012, 1, 1),
            at=datetime(2025, 1, 2, tzinfo=UTC),
            meta=replace(HR, tenant=KEMUNING),
        )
    )
    return define(app, THEIRS)


NIP_COMMANDS: dict[str, Callable[[TrainingApplication, UUID, str], object]] = {
    "nominate": lambda app, programme, nip: app.nominate(OURS, programme_id=programme, nip=nip),
    "accept_participant": lambda app, programme, nip: app.accept_participant(
        OURS, programme_id=programme, nip=nip
    ),
    "pair_mentoring as mentor": lambda app, programme, nip: app.pair_mentoring(
        OURS,
        mentor_nip=nip,
        mentee_nip=JUNIOR_NIP,
        starts_on=date(2025, 7, 1),
        ends_on=date(2025, 9, 30),
        goals=["Orientasi"],
    ),
    "submit_external_learning": lambda app, programme, nip: app.submit_external_learning(
        OURS,
        nip=nip,
        title="Kursus daring",
        form="E_LEARNING",
        provider="LAN",
        completed_on=date(2025, 5, 1),
        minutes=90,
        evidence_ref="sertifikat-1",
    ),
}


@pytest.mark.parametrize("command", NIP_COMMANDS.values(), ids=NIP_COMMANDS.keys())
def test_another_tenants_employee_answers_like_a_nip_nobody_holds(
    app: TrainingApplication,
    theirs: UUID,
    command: Callable[[TrainingApplication, UUID, str], object],
) -> None:
    # given our own programme
    programme = define(app, OURS)
    before = log_head(app)
    # when
    elsewhere = answer(lambda: command(app, programme, THEIR_NIP), THEIR_NIP)
    nowhere = answer(lambda: command(app, programme, NOWHERE_NIP), NOWHERE_NIP)
    # then
    assert elsewhere == nowhere
    assert elsewhere == ("EMPLOYEE_NOT_FOUND", f"No employee with NIP <asked> in {TENANT}.")
    assert log_head(app) == before


PROGRAMME_COMMANDS: dict[str, Callable[[TrainingApplication, UUID], object]] = {
    "a prerequisite": lambda app, programme: define(app, OURS, (programme,)),
    "nominate into it": lambda app, programme: app.nominate(
        OURS, programme_id=programme, nip=JUNIOR_NIP
    ),
    "finish it": lambda app, programme: app.finish_programme(OURS, programme_id=programme),
}


@pytest.mark.parametrize("command", PROGRAMME_COMMANDS.values(), ids=PROGRAMME_COMMANDS.keys())
def test_another_tenants_programme_answers_like_an_id_no_programme_has(
    app: TrainingApplication,
    theirs: UUID,
    command: Callable[[TrainingApplication, UUID], object],
) -> None:
    # given
    before, random_id = log_head(app), uuid4()
    # when
    elsewhere = answer(lambda: command(app, theirs), theirs)
    nowhere = answer(lambda: command(app, random_id), random_id)
    # then
    assert elsewhere == nowhere
    assert elsewhere[0] == "PROGRAMME_NOT_FOUND"
    assert log_head(app) == before
