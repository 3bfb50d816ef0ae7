"""TrainingApplication on the in-memory store: mentoring and external learning."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.aggregates.employee import Employee
from domain.aggregates.external_learning import ExternalLearning
from domain.aggregates.mentoring import Mentoring
from domain.errors import (
    EmployeeNotFound,
    MentorNotSenior,
    NotAllowedForRole,
    ReasonRequired,
)
from domain.learning import credit_from
from services.caller import Caller
from services.training import JP_GRANTING_EVENTS, TrainingApplication
from tests.unit.training.conftest import JUNIOR_NIP, SENIOR_NIP, THIRD_NIP, caller, log_head

MENTOR = caller("employee", user=SENIOR_NIP)
MENTEE = caller("employee", user=JUNIOR_NIP)
BYSTANDER = caller("employee", user=THIRD_NIP)


def paired(app: TrainingApplication, hr: Caller) -> UUID:
    """The senior mentors the junior from March to May 2025."""
    return app.pair_mentoring(
        hr,
        mentor_nip=SENIOR_NIP,
        mentee_nip=JUNIOR_NIP,
        starts_on=date(2025, 3, 1),
        ends_on=date(2025, 5, 31),
        goals=["Mandiri melayani aduan masyarakat"],
    ).aggregate_id


def submitted(app: TrainingApplication, by: Caller = MENTEE) -> UUID:
    return app.submit_external_learning(
        by,
        nip=JUNIOR_NIP,
        title="E-learning Literasi Digital ASN",
        form="e-learning",
        provider="ASN Corpu LAN",
        completed_on=date(2025, 4, 20),
        minutes=600,
        evidence_ref="https://asn-unggul.example/sertifikat/123",
    ).aggregate_id


# --- mentoring -------------------------------------------------------------------------------
def test_a_mentoring_logged_by_both_sides_and_completed_grants_the_mentee_jp(
    app: TrainingApplication, hr: Caller
) -> None:
    # given
    mentoring_id = paired(app, hr)
    # when both sides log meetings and HR completes at the agreed end
    app.log_meeting(
        MENTOR, mentoring_id=mentoring_id, held_on=date(2025, 3, 3), minutes=120, topic="Alur"
    )
    app.log_meeting(
        MENTEE, mentoring_id=mentoring_id, held_on=date(2025, 4, 7), minutes=100, topic="Praktik"
    )
    outcome = app.complete_mentoring(hr, mentoring_id=mentoring_id, completed_on=date(2025, 6, 1))
    # then 220 minutes make 4 JP for the mentee
    [completed] = app.events.get(mentoring_id, gt=outcome.version - 1)
    assert isinstance(completed, JP_GRANTING_EVENTS)
    credit = credit_from(completed, source=str(outcome.position))
    assert (credit.employee_id, credit.jp) == (Employee.id_for(JUNIOR_NIP), 4)


def test_only_the_pair_or_hr_log_meetings(app: TrainingApplication, hr: Caller) -> None:
    mentoring_id = paired(app, hr)
    with pytest.raises(NotAllowedForRole, match="mentor, the mentee or HR"):
        app.log_meeting(
            BYSTANDER, mentoring_id=mentoring_id, held_on=date(2025, 3, 3), minutes=60, topic="X"
        )


def test_the_mentor_ending_early_is_recorded_as_the_mentor_side(
    app: TrainingApplication, hr: Caller
) -> None:
    mentoring_id = paired(app, hr)
    app.end_mentoring_early(
        MENTOR, mentoring_id=mentoring_id, ended_on=date(2025, 4, 1), reason="Mutasi"
    )
    mentoring = app.get(hr, Mentoring, mentoring_id)
    assert mentoring.status == "ENDED_EARLY"
    [*_, ended] = app.events.get(mentoring_id)
    assert isinstance(ended, Mentoring.EndedEarly)
    assert ended.ended_by == "MENTOR"


def test_a_junior_cannot_mentor_a_senior(app: TrainingApplication, hr: Caller) -> None:
    with pytest.raises(MentorNotSenior):
        app.pair_mentoring(
            hr,
            mentor_nip=JUNIOR_NIP,
            mentee_nip=SENIOR_NIP,
            starts_on=date(2025, 3, 1),
            ends_on=date(2025, 5, 31),
            goals=["Terbalik"],
        )


def test_pairing_an_unknown_employee_is_refused(app: TrainingApplication, hr: Caller) -> None:
    with pytest.raises(EmployeeNotFound):
        app.pair_mentoring(
            hr,
            mentor_nip=SENIOR_NIP,
            mentee_nip="199912312024011999",
            starts_on=date(2025, 3, 1),
            ends_on=date(2025, 5, 31),
            goals=["Siapa?"],
        )


# --- external learning ---------------------------------------------------------------------
def test_an_employee_submits_and_hr_recognises_with_the_jp_it_grants(
    app: TrainingApplication, hr: Caller
) -> None:
    # given the junior's own submission of 600 minutes (13 JP at most)
    learning_id = submitted(app)
    # when
    outcome = app.recognise_external_learning(hr, learning_id=learning_id, jp=12)
    # then
    learning = app.get(hr, ExternalLearning, learning_id)
    assert learning.decision == "RECOGNISED"
    [recognised] = app.events.get(learning_id, gt=outcome.version - 1)
    assert isinstance(recognised, ExternalLearning.Recognised)
    assert (recognised.jp, recognised.form) == (12, "E_LEARNING")


def test_an_employee_submits_only_their_own_learning(app: TrainingApplication) -> None:
    with pytest.raises(NotAllowedForRole):
        submitted(app, by=BYSTANDER)


def test_an_employee_cannot_recognise_learning(app: TrainingApplication) -> None:
    learning_id = submitted(app)
    with pytest.raises(NotAllowedForRole):
        app.recognise_external_learning(MENTEE, learning_id=learning_id, jp=13)


def test_a_refusal_without_a_reason_records_nothing(app: TrainingApplication, hr: Caller) -> None:
    learning_id = submitted(app)
    head = log_head(app)
    with pytest.raises(ReasonRequired):
        app.refuse_external_learning(hr, learning_id=learning_id, reason="  ")
    assert log_head(app) == head
    app.refuse_external_learning(hr, learning_id=learning_id, reason="Sertifikat palsu")
    assert app.get(hr, ExternalLearning, learning_id).decision == "REFUSED"
