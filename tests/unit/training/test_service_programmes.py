"""TrainingApplication on the in-memory store: the catalogue and training programmes."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.aggregates.competency_catalogue import CompetencyCatalogue
from domain.aggregates.employee import Employee
from domain.aggregates.training import Seat, Training
from domain.errors import (
    CompetencyAlreadyExists,
    Conflict,
    NotAllowedForRole,
    PrerequisitesNotMet,
    ProgrammeNotFound,
    ProgrammeNotOpen,
    UnknownCompetency,
)
from services.caller import Caller
from services.personnel import Outcome
from services.training import JP_GRANTING_EVENTS, TrainingApplication
from tests.unit.training.conftest import (
    JUNIOR_NIP,
    SENIOR_NIP,
    SESSIONS,
    THIRD_NIP,
    caller,
    log_head,
)

INSTITUTION = caller("training_institution")
SUPERVISOR = caller("supervisor")
JUNIOR = caller("employee", user=JUNIOR_NIP)
SENIOR = caller("employee", user=SENIOR_NIP)


def catalogue(app: TrainingApplication, hr: Caller) -> Outcome:
    app.add_competency(hr, code="DIGITAL-PELAYANAN", name="Layanan publik digital", kind="TEKNIS")
    return app.add_competency(
        hr, code="KOMUNIKASI", name="Komunikasi publik", kind="SOSIAL KULTURAL"
    )


def programme(
    app: TrainingApplication, hr: Caller, capacity: int = 1, prerequisites: tuple[UUID, ...] = ()
) -> UUID:
    if app.get_catalogue(hr) is None:
        catalogue(app, hr)
    return app.define_programme(
        INSTITUTION,
        title="Aplikasi Pelayanan Publik Digital",
        form="pelatihan klasikal",
        competency_codes=["digital-pelayanan"],
        jp=8,
        provider="Politeknik Mulyorejo",
        capacity=capacity,
        sessions=SESSIONS,
        prerequisite_ids=prerequisites,
    ).aggregate_id


def passed(app: TrainingApplication, programme_id: UUID, nip: str) -> Outcome:
    """Nominate, accept, attend both sessions and pass."""
    app.nominate(SUPERVISOR, programme_id=programme_id, nip=nip)
    app.accept_participant(INSTITUTION, programme_id=programme_id, nip=nip)
    for session in (1, 2):
        app.record_attendance(INSTITUTION, programme_id=programme_id, nip=nip, session=session)
    return app.complete_participant(
        INSTITUTION,
        programme_id=programme_id,
        nip=nip,
        result="PASSED",
        completed_on=date(2025, 5, 6),
        score=88.5,
        certificate_ref="SERT/2025/001",
    )


# --- the competency catalogue --------------------------------------------------------------
def test_the_first_competency_opens_the_tenant_catalogue(
    app: TrainingApplication, hr: Caller
) -> None:
    # when
    outcome = catalogue(app, hr)
    # then
    assert outcome.aggregate_id == CompetencyCatalogue.id_for(hr.tenant)
    assert outcome.version == 3
    book = app.get_catalogue(hr)
    assert book is not None
    assert set(book.competencies) == {"DIGITAL-PELAYANAN", "KOMUNIKASI"}


def test_a_competency_code_is_added_once_and_jabatan_requirements_use_the_catalogue(
    app: TrainingApplication, hr: Caller
) -> None:
    # given
    catalogue(app, hr)
    # when / then
    with pytest.raises(CompetencyAlreadyExists):
        app.add_competency(hr, code="komunikasi", name="Lagi", kind="TEKNIS")
    app.set_jabatan_requirements(
        hr, jabatan_title="Analis SDM Aparatur", competency_codes=["KOMUNIKASI"]
    )
    book = app.get_catalogue(hr)
    assert book is not None
    assert book.required_by("Analis SDM Aparatur") == ["KOMUNIKASI"]


def test_only_hr_edits_the_catalogue(app: TrainingApplication) -> None:
    with pytest.raises(NotAllowedForRole):
        app.add_competency(INSTITUTION, code="X1", name="Apa saja", kind="TEKNIS")


# --- programmes ------------------------------------------------------------------------------
def test_a_programme_runs_from_nomination_to_a_pass_that_grants_jp(
    app: TrainingApplication, hr: Caller
) -> None:
    # given a programme of one seat
    programme_id = programme(app, hr)
    # when the senior is nominated by a supervisor and the junior applies herself
    app.nominate(SUPERVISOR, programme_id=programme_id, nip=SENIOR_NIP)
    app.apply_for_programme(JUNIOR, programme_id=programme_id, nip=JUNIOR_NIP)
    app.accept_participant(INSTITUTION, programme_id=programme_id, nip=SENIOR_NIP)
    app.accept_participant(INSTITUTION, programme_id=programme_id, nip=JUNIOR_NIP)
    # and the senior withdraws, which seats the waitlisted junior
    app.withdraw_participant(
        SENIOR, programme_id=programme_id, nip=SENIOR_NIP, reason="Tugas ke provinsi"
    )
    for session in (1, 2):
        app.record_attendance(
            INSTITUTION, programme_id=programme_id, nip=JUNIOR_NIP, session=session
        )
    outcome = app.complete_participant(
        INSTITUTION,
        programme_id=programme_id,
        nip=JUNIOR_NIP,
        result="passed",
        completed_on=date(2025, 5, 6),
        score=91,
        certificate_ref=" SERT/2025/017 ",
    )
    finished = app.finish_programme(hr, programme_id=programme_id)
    # then
    training = app.get(hr, Training, programme_id)
    assert training.seat_of(Employee.id_for(JUNIOR_NIP)) is Seat.PASSED
    assert training.seat_of(Employee.id_for(SENIOR_NIP)) is Seat.WITHDRAWN
    assert finished.position == log_head(app)
    completed = next(e for e in app.events.get(programme_id, gt=outcome.version - 1))
    assert isinstance(completed, JP_GRANTING_EVENTS)
    assert isinstance(completed, Training.ParticipantCompleted)
    assert (completed.jp, completed.certificate_ref) == (8, "SERT/2025/017")
    assert completed.meta.actor_role == "training_institution"


def test_an_employee_applies_and_withdraws_only_for_themselves(
    app: TrainingApplication, hr: Caller
) -> None:
    programme_id = programme(app, hr)
    with pytest.raises(NotAllowedForRole, match="the employee themselves"):
        app.apply_for_programme(JUNIOR, programme_id=programme_id, nip=SENIOR_NIP)


def test_a_supervisor_nominates_but_does_not_accept(app: TrainingApplication, hr: Caller) -> None:
    programme_id = programme(app, hr)
    app.nominate(SUPERVISOR, programme_id=programme_id, nip=THIRD_NIP)
    with pytest.raises(NotAllowedForRole):
        app.accept_participant(SUPERVISOR, programme_id=programme_id, nip=THIRD_NIP)


def test_a_programme_names_only_competencies_of_the_catalogue(
    app: TrainingApplication, hr: Caller
) -> None:
    with pytest.raises(UnknownCompetency):
        app.define_programme(
            hr,
            title="Pelatihan Tanpa Kamus",
            form="SEMINAR",
            competency_codes=["BELUM-ADA"],
            jp=2,
            provider="BKPSDM",
            capacity=10,
            sessions=[(date(2025, 7, 1), 90)],
        )
    assert log_head(app) == 4  # the tenant's registration and the three appointments


def test_prerequisites_are_checked_against_the_prerequisite_programmes(
    app: TrainingApplication, hr: Caller
) -> None:
    # given a basic programme and an advanced one requiring it
    basic = programme(app, hr)
    advanced = programme(app, hr, prerequisites=(basic,))
    # when the junior has not passed the basic one / then
    with pytest.raises(PrerequisitesNotMet):
        app.nominate(hr, programme_id=advanced, nip=JUNIOR_NIP)
    # when she has / then she may enter
    passed(app, basic, JUNIOR_NIP)
    app.nominate(hr, programme_id=advanced, nip=JUNIOR_NIP)


def test_a_cancelled_programme_records_no_more_attendance(
    app: TrainingApplication, hr: Caller
) -> None:
    # given the junior seated, then the programme cancelled
    programme_id = programme(app, hr)
    app.nominate(hr, programme_id=programme_id, nip=JUNIOR_NIP)
    app.accept_participant(hr, programme_id=programme_id, nip=JUNIOR_NIP)
    app.cancel_programme(hr, programme_id=programme_id, reason="Anggaran dialihkan")
    head = log_head(app)
    # when / then
    with pytest.raises(ProgrammeNotOpen):
        app.record_attendance(hr, programme_id=programme_id, nip=JUNIOR_NIP, session=1)
    assert log_head(app) == head


def test_a_stale_expected_version_is_a_conflict(app: TrainingApplication, hr: Caller) -> None:
    programme_id = programme(app, hr)
    with pytest.raises(Conflict, match="version 1, not 5"):
        app.nominate(hr, programme_id=programme_id, nip=JUNIOR_NIP, expected_version=5)


def test_another_tenant_does_not_see_the_programme(app: TrainingApplication, hr: Caller) -> None:
    programme_id = programme(app, hr)
    with pytest.raises(ProgrammeNotFound):
        app.get(caller(tenant="pemkab-kemuning"), Training, programme_id)


def test_a_programme_snapshot_transcodes_and_loads_as_its_events_do(
    app: TrainingApplication, hr: Caller
) -> None:
    # given a programme with a result
    programme_id = programme(app, hr)
    passed(app, programme_id, JUNIOR_NIP)
    from_events = app.get(hr, Training, programme_id)
    # when
    app.take_snapshot(programme_id)
    # then
    assert app.snapshots is not None
    [snapshot] = app.snapshots.get(programme_id)
    assert snapshot.originator_version == from_events.version
    from_snapshot = app.get(hr, Training, programme_id)
    assert from_snapshot.__dict__ == from_events.__dict__
