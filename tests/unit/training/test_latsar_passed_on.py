"""The day a CPNS passed the Latsar comes from the programme's state, not from its events.

Confirming a CPNS as PNS asks when they passed the Latsar named. Reading every event of
the programme for that made each confirmation cost the whole cohort's events: the 100k
employees' generated set took hours. The state keeps `passed_on` (Training version 2); a
programme loaded from a version 1 snapshot does not know it and reads its events, as before.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest
from eventsourcing.domain import Snapshot

from domain.aggregates.employee import Employee
from domain.aggregates.training import Training
from domain.career_errors import LatsarNotCompleted
from services.caller import Caller
from services.career_history import latsar_completed_on
from services.training import TrainingApplication
from tests.unit.training.conftest import JUNIOR_NIP, SENIOR_NIP, SESSIONS, caller

INSTITUTION = caller("training_institution")
SUPERVISOR = caller("supervisor")
PASSED_ON = date(2025, 5, 6)


def latsar(app: TrainingApplication, hr: Caller) -> UUID:
    """A Latsar with the junior CPNS passed and the senior PNS failed."""
    app.add_competency(
        hr, code="WAWASAN-KEBANGSAAN", name="Wawasan kebangsaan", kind="SOSIAL KULTURAL"
    )
    programme_id = app.define_programme(
        INSTITUTION,
        title="Pelatihan Dasar CPNS Golongan III",
        form="pelatihan klasikal",
        competency_codes=["wawasan-kebangsaan"],
        jp=8,
        provider="BPSDM Provinsi",
        capacity=2,
        sessions=SESSIONS,
        prerequisite_ids=(),
    ).aggregate_id
    for nip, result in ((JUNIOR_NIP, "PASSED"), (SENIOR_NIP, "FAILED")):
        app.nominate(SUPERVISOR, programme_id=programme_id, nip=nip)
        app.accept_participant(INSTITUTION, programme_id=programme_id, nip=nip)
        for session in (1, 2):
            app.record_attendance(INSTITUTION, programme_id=programme_id, nip=nip, session=session)
        app.complete_participant(
            INSTITUTION,
            programme_id=programme_id,
            nip=nip,
            result=result,
            completed_on=PASSED_ON,
            score=88.5 if result == "PASSED" else 41.0,
            certificate_ref="SERT/LATSAR/001" if result == "PASSED" else None,
        )
    return programme_id


def person(app: TrainingApplication, nip: str) -> Employee:
    found: Employee = app.repository.get(Employee.id_for(nip))
    assert isinstance(found, Employee)
    return found


def test_the_programme_state_holds_the_day_each_participant_passed(
    app: TrainingApplication, hr: Caller
) -> None:
    programme_id = latsar(app, hr)
    programme: Training = app.repository.get(programme_id)
    assert programme.passed_on == {str(person(app, JUNIOR_NIP).id): PASSED_ON}
    assert latsar_completed_on(app.repository, person(app, JUNIOR_NIP), programme_id) == PASSED_ON
    with pytest.raises(LatsarNotCompleted):
        latsar_completed_on(app.repository, person(app, SENIOR_NIP), programme_id)


def test_a_version_1_snapshot_does_not_know_the_days_so_the_events_are_read(
    app: TrainingApplication, hr: Caller
) -> None:
    # given the programme's latest snapshot as Training version 1 took it
    programme_id = latsar(app, hr)
    current = Snapshot.take(app.repository.get(programme_id))
    state = {k: v for k, v in current.state.items() if k not in ("class_version", "passed_on")}
    assert app.snapshots is not None
    app.snapshots.put(
        [
            Snapshot(
                originator_id=current.originator_id,
                originator_version=current.originator_version,
                timestamp=current.timestamp,
                topic=current.topic,
                state=state,
            )
        ]
    )
    # when it is loaded
    programme: Training = app.repository.get(programme_id)
    # then it does not claim to know, and the answer is the events' answer
    assert programme.passed_on is None
    assert latsar_completed_on(app.repository, person(app, JUNIOR_NIP), programme_id) == PASSED_ON
    with pytest.raises(LatsarNotCompleted):
        latsar_completed_on(app.repository, person(app, SENIOR_NIP), programme_id)
