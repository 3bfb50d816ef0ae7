"""AppraisalCycle: opening, enrolment, overrides, organisation ratings, finalisation, lock."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

import pytest

from domain.aggregates.appraisal_cycle import MUTASI, OVERRIDE, AppraisalCycle
from domain.appraisal import AppraiserChain, CycleSettings, Period, derive_appraisers
from domain.errors import (
    AppraisalsIncomplete,
    CycleLocked,
    DistributionOutOfBand,
    InvalidInput,
    OrgRatingMissing,
    ReasonRequired,
    RuleViolation,
    UnitNotParticipating,
)
from domain.scoring import OrgRating, Predikat
from tests.unit.appraisal.conftest import (
    BIDANG,
    CANDIDATES,
    DINAS,
    HR,
    KABID,
    KASI,
    KEPALA,
    NS,
    SEKSI,
    STAFF,
    UNITS,
    YEAR,
    at,
    employee_id,
    enrolled_cycle,
    hr,
    open_cycle,
    settled,
)


def rated_units(cycle: AppraisalCycle, rating: OrgRating = OrgRating.BAIK) -> AppraisalCycle:
    for unit in (DINAS, BIDANG, SEKSI):
        cycle.rate_organisation(unit, rating, at(12, 1), HR)
    return settled(cycle)


def everyone(predikat: Predikat) -> dict[UUID, Predikat | None]:
    return {c.employee_id: predikat for c in CANDIDATES}


def test_a_cycle_is_opened_with_its_checkpoints_deadline_and_window() -> None:
    cycle = open_cycle(CycleSettings(Period.SEMESTER))
    assert cycle.id == AppraisalCycle.id_for("pemkot-palangkaraya", YEAR)
    assert cycle.settings["checkpoints"] == ["S1", "S2", "ANNUAL"]
    assert cycle.settings["skp_deadline"] == date(YEAR, 1, 31)
    assert cycle.settings["objection_window_days"] == 14


def test_monthly_checkpoints_are_twelve_and_the_annual_one() -> None:
    cycle = open_cycle(CycleSettings(Period.MONTHLY))
    assert cycle.settings["checkpoints"][0] == "M01"
    assert len(cycle.settings["checkpoints"]) == 13


def test_a_cycle_needs_participating_units() -> None:
    with pytest.raises(InvalidInput, match="participating units"):
        AppraisalCycle.open(
            year=YEAR, unit_ids=[], settings=CycleSettings(Period.QUARTERLY), at=at(1, 2), meta=HR
        )


def test_a_utc_offset_outside_indonesia_is_refused() -> None:
    with pytest.raises(InvalidInput, match="WIB"):
        CycleSettings(Period.QUARTERLY, utc_offset_hours=0)


def test_enrolment_records_each_employee_with_the_derived_appraiser_chain() -> None:
    # given an open cycle
    cycle = open_cycle()
    # when the candidates are enrolled
    cycle.enrol(CANDIDATES, derive_appraisers(CANDIDATES, UNITS), at(1, 3), HR)
    # then one event lists them with appraiser and superior
    (event,) = cycle.collect_events()
    assert isinstance(event, AppraisalCycle.EmployeesEnrolled)
    staff = next(e for e in event.enrolments if e["nip"] == STAFF)
    assert (staff["appraiser"], staff["superior"]) == (KASI, KABID)


def test_candidates_outside_the_participating_units_are_not_enrolled() -> None:
    # given a cycle of the seksi only
    cycle = AppraisalCycle.open(
        year=YEAR, unit_ids=[SEKSI], settings=CycleSettings(Period.QUARTERLY), at=at(1, 2), meta=HR
    )
    # when all candidates are offered
    new = cycle.enrol(CANDIDATES, derive_appraisers(CANDIDATES, UNITS), at(1, 3), HR)
    # then only the seksi's people are enrolled (their appraisers still come from the tree)
    assert {e["unit_id"] for e in new} == {SEKSI}


def test_enrolling_nobody_new_is_refused() -> None:
    cycle = enrolled_cycle()
    with pytest.raises(RuleViolation, match="enrolled already"):
        cycle.enrol(CANDIDATES, derive_appraisers(CANDIDATES, UNITS), at(1, 4), HR)
    assert cycle.collect_events() == []


def test_an_override_of_the_appraiser_needs_a_reason() -> None:
    cycle = enrolled_cycle()
    with pytest.raises(ReasonRequired):
        cycle.change_appraiser(
            employee_id(STAFF), OVERRIDE, SEKSI, AppraiserChain(KABID, KEPALA), at(2, 1), HR
        )
    assert cycle.collect_events() == []


def test_an_override_records_the_chain_before_and_after() -> None:
    cycle = enrolled_cycle()
    cycle.change_appraiser(
        employee_id(STAFF), OVERRIDE, SEKSI, AppraiserChain(KABID, KEPALA), at(2, 1), hr("Plt")
    )
    (event,) = cycle.collect_events()
    assert isinstance(event, AppraisalCycle.AppraiserChanged)
    assert (event.appraiser_before, event.appraiser_after) == (KASI, KABID)
    assert cycle.enrolment(employee_id(STAFF))["overridden"] is True


def test_an_employee_cannot_appraise_themself() -> None:
    cycle = enrolled_cycle()
    with pytest.raises(InvalidInput, match="three people"):
        cycle.change_appraiser(
            employee_id(STAFF), OVERRIDE, SEKSI, AppraiserChain(STAFF, KABID), at(2, 1), hr("x")
        )


def test_a_mutasi_to_a_unit_outside_the_cycle_is_refused() -> None:
    cycle = enrolled_cycle()
    elsewhere = uuid5(NS, "ELSEWHERE")
    with pytest.raises(UnitNotParticipating):
        cycle.change_appraiser(
            employee_id(STAFF), MUTASI, elsewhere, AppraiserChain(KABID, KEPALA), at(6, 1), HR
        )


def test_changing_an_organisation_rating_needs_a_reason() -> None:
    cycle = rated_units(enrolled_cycle())
    with pytest.raises(ReasonRequired):
        cycle.rate_organisation(SEKSI, OrgRating.ISTIMEWA, at(12, 2), HR)
    cycle.rate_organisation(SEKSI, OrgRating.ISTIMEWA, at(12, 2), hr("Hasil evaluasi"))
    (event,) = cycle.collect_events()
    assert isinstance(event, AppraisalCycle.OrganisationRated)
    assert (event.previous, event.rating) == ("BAIK", "ISTIMEWA")


def test_finalising_needs_every_annual_predikat() -> None:
    cycle = rated_units(enrolled_cycle())
    predikats = everyone(Predikat.BAIK) | {employee_id(STAFF): None}
    with pytest.raises(AppraisalsIncomplete, match=STAFF):
        cycle.finalise(predikats, at(12, 30), HR)


def test_finalising_needs_every_unit_rated() -> None:
    cycle = enrolled_cycle()
    with pytest.raises(OrgRatingMissing):
        cycle.finalise(everyone(Predikat.BAIK), at(12, 30), HR)


def test_finalising_out_of_band_lists_each_failing_condition_and_records_nothing() -> None:
    # given every unit rated BAIK and everyone rated Baik (no Butuh Perbaikan or Kurang)
    cycle = rated_units(enrolled_cycle())
    # when HR finalises
    with pytest.raises(DistributionOutOfBand) as refused:
        cycle.finalise(everyone(Predikat.BAIK), at(12, 30), HR)
    # then each unit's failing conditions are listed with counts and shares
    conditions = {(f["unit_id"], f["condition"]) for f in refused.value.failures}
    assert (SEKSI, "at most 70% BAIK") in conditions
    assert (SEKSI, "at least 1 BUTUH_PERBAIKAN and/or KURANG") in conditions
    assert "has 3 of 3 (100.0%)" in refused.value.message
    assert cycle.collect_events() == []


def test_finalising_in_band_records_the_distribution_and_the_receipt_date() -> None:
    cycle = rated_units(enrolled_cycle(), OrgRating.ISTIMEWA)
    cycle.finalise(everyone(Predikat.BAIK), at(12, 30, hour=18), HR)
    (event,) = cycle.collect_events()
    assert isinstance(event, AppraisalCycle.Finalised)
    assert event.received_on == date(YEAR, 12, 31)  # 18:00 UTC is past midnight in WIB
    seksi = next(u for u in event.distribution if u["unit_id"] == SEKSI)
    assert (seksi["counts"]["BAIK"], seksi["total"]) == (3, 3)


def test_a_finalised_cycle_refuses_every_change() -> None:
    cycle = rated_units(enrolled_cycle(), OrgRating.ISTIMEWA)
    cycle.finalise(everyone(Predikat.BAIK), at(12, 30), HR)
    settled(cycle)
    with pytest.raises(CycleLocked):
        cycle.rate_organisation(SEKSI, OrgRating.BAIK, at(12, 31), hr("late"))
    with pytest.raises(CycleLocked):
        cycle.change_appraiser(
            employee_id(STAFF), OVERRIDE, SEKSI, AppraiserChain(KABID, KEPALA), at(12, 31), hr("x")
        )
    assert cycle.collect_events() == []
