"""AppraisalApplication, cycle commands: open, enrol, override, mutasi, organisation ratings."""

from __future__ import annotations

from uuid import UUID

import pytest

from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import (
    AlreadyExists,
    AppraisalNotFound,
    CycleNotFound,
    NotAllowedForRole,
    ReasonRequired,
)
from domain.meta import Actor
from services.appraisal import AppraisalApplication
from services.caller import Caller
from tests.unit.appraisal.conftest import (
    BIDANG,
    DINAS,
    HR_CALLER,
    KABID,
    KASI,
    KEPALA,
    SEKSI,
    STAFF,
    YEAR,
    Clock,
    asn,
    employee_id,
)


def test_a_second_cycle_for_the_same_year_is_refused(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    with pytest.raises(AlreadyExists, match=str(YEAR)):
        app.open_cycle(HR_CALLER, year=YEAR, period="SEMESTER", unit_ids=[SEKSI])


def test_only_hr_opens_a_cycle(app: AppraisalApplication) -> None:
    with pytest.raises(NotAllowedForRole):
        app.open_cycle(asn(STAFF), year=YEAR, period="QUARTERLY", unit_ids=[SEKSI])


def test_enrolment_starts_an_appraisal_per_employee_with_the_derived_chain(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    # given the enrolled cycle, when HR loads STAFF's appraisal
    appraisal = app.get_appraisal(HR_CALLER, cycle_id, employee_id(STAFF))
    # then it was started with the appraiser and superior derived from the tree
    assert appraisal.id == EmployeeAppraisal.id_for(cycle_id, employee_id(STAFF))
    assert (appraisal.appraiser, appraisal.superior) == (KASI, KABID)
    assert len(app.get_cycle(HR_CALLER, cycle_id).roster) == 6


def test_another_tenant_cannot_see_the_cycle(app: AppraisalApplication, cycle_id: UUID) -> None:
    stranger = Caller(Actor("hr-9", "hr_officer"), "pemkab-kemuning", "req-9")
    with pytest.raises(CycleNotFound):
        app.get_cycle(stranger, cycle_id)


def test_an_employee_outside_the_roster_has_no_appraisal(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    with pytest.raises(AppraisalNotFound):
        app.get_appraisal(HR_CALLER, cycle_id, employee_id("199912312024011001"))


def test_an_override_changes_cycle_and_appraisal_together(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    # when HR overrides STAFF's appraiser with a reason
    clock.set(2, 1)
    outcome = app.override_appraiser(
        HR_CALLER,
        cycle_id=cycle_id,
        employee_id=employee_id(STAFF),
        appraiser=KABID,
        superior=KEPALA,
        reason="Kasi diberhentikan sementara",
    )
    # then the appraisal and the roster agree
    appraisal = app.get_appraisal(HR_CALLER, cycle_id, employee_id(STAFF))
    entry = app.get_cycle(HR_CALLER, cycle_id).enrolment(employee_id(STAFF))
    assert outcome.aggregate_id == appraisal.id
    assert (appraisal.appraiser, entry["appraiser"], entry["overridden"]) == (KABID, KABID, True)


def test_an_override_without_a_reason_records_nothing(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    before = app.get_cycle(HR_CALLER, cycle_id).version
    with pytest.raises(ReasonRequired):
        app.override_appraiser(
            HR_CALLER,
            cycle_id=cycle_id,
            employee_id=employee_id(STAFF),
            appraiser=KABID,
            superior=KEPALA,
            reason="",
        )
    assert app.get_cycle(HR_CALLER, cycle_id).version == before


def test_a_mutasi_moves_the_employee_to_another_participating_unit(
    app: AppraisalApplication, clock: Clock, cycle_id: UUID
) -> None:
    clock.set(6, 1)
    app.record_mutasi(
        HR_CALLER,
        cycle_id=cycle_id,
        employee_id=employee_id(STAFF),
        to_unit_id=BIDANG,
        appraiser=KABID,
        superior=KEPALA,
    )
    appraisal = app.get_appraisal(HR_CALLER, cycle_id, employee_id(STAFF))
    assert (appraisal.unit_id, appraisal.appraiser) == (BIDANG, KABID)


def test_organisation_ratings_are_recorded_per_unit(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    for unit, rating in ((DINAS, "baik"), (BIDANG, "ISTIMEWA"), (SEKSI, "Kurang")):
        app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=unit, rating=rating)
    ratings = app.get_cycle(HR_CALLER, cycle_id).org_ratings
    assert ratings == {str(DINAS): "BAIK", str(BIDANG): "ISTIMEWA", str(SEKSI): "KURANG"}


def test_snapshots_of_the_cycle_and_an_appraisal_load_as_the_events_do(
    app: AppraisalApplication, approved: UUID
) -> None:
    # given both aggregates with events, when snapshots are taken and they are loaded again
    appraisal_id = EmployeeAppraisal.id_for(approved, employee_id(STAFF))
    replayed = [vars(app.repository.get(i)) for i in (approved, appraisal_id)]
    app.take_snapshot(approved)
    app.take_snapshot(appraisal_id)
    # then the snapshots transcode and give the same state
    assert [vars(app.repository.get(i)) for i in (approved, appraisal_id)] == replayed
