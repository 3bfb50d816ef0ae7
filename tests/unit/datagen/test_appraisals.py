"""Generated appraisal cycles: who is enrolled, realistic ratings in band, objections, and the
current year's cycle in progress."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from uuid import UUID

from domain.aggregates.org_unit import OrgUnit
from domain.appraisal_rules import check_annual_after_period, evaluation_groups, group_reports
from domain.scoring import OrgRating, Predikat
from domain.scoring_policy import HEAD_MAPPING, NATIONAL_POLICY
from scripts.datagen.appraisal_steps import (
    ApproveSkp,
    DraftSkp,
    Enrol,
    OpenCycle,
    RecordRealisation,
)
from scripts.datagen.assessment_steps import (
    Calibrate,
    DecideObjection,
    FileObjection,
    Finalise,
    Rate,
    RateCheckpoint,
    RateOrganisation,
)
from scripts.datagen.plan import Plan, TenantPlan, build_plan
from scripts.datagen.ratings import Ratings, predikat_of
from scripts.datagen.regions import KEMUNING
from scripts.datagen.serving import serving_all_year
from tests.unit.datagen.conftest import CURRENT, FINISHED, TODAY

YEARS = (FINISHED, CURRENT)


def final_ratings(tenant: TenantPlan, year: int) -> dict[str, Ratings]:
    """Each employee's annual ratings after calibration, before any objection."""
    rated: dict[str, Ratings] = {}
    for a in tenant.activities:
        if isinstance(a, Rate | Calibrate) and a.year == year:
            rated[a.nip] = a.ratings
    return rated


def uid(tenant: TenantPlan, code: str) -> UUID:
    return OrgUnit.id_for(tenant.region.tenant, code)


def units_of(tenant: TenantPlan, year: int) -> dict[str, str]:
    units: dict[str, str] = {}
    for a in tenant.activities:
        if isinstance(a, Enrol) and a.year == year:
            for nip, unit, _, _ in a.candidates:
                units.setdefault(nip, unit)
    return units


def test_each_tenant_opens_the_finished_and_the_current_cycle_and_finalises_the_first_only(
    plan: Plan,
) -> None:
    for tenant in plan.tenants:
        opened = [a.year for a in tenant.activities if isinstance(a, OpenCycle)]
        finalised = [(a.year, a.on) for a in tenant.activities if isinstance(a, Finalise)]

        assert opened == list(YEARS)
        assert finalised == [(FINISHED, date(CURRENT, 1, 15))]  # once the year is over


def test_a_cycle_enrols_everyone_serving_the_whole_year_once(plan: Plan) -> None:
    for tenant in plan.tenants:
        for year in YEARS:
            enrolled = sum(
                a.new for a in tenant.activities if isinstance(a, Enrol) and a.year == year
            )
            serving = {s.nip for s in serving_all_year(tenant.employees, year)}

            assert enrolled == len(serving) == len(units_of(tenant, year))
        assert set(final_ratings(tenant, FINISHED)) == {
            s.nip for s in serving_all_year(tenant.employees, FINISHED)
        }


def test_every_unit_group_ends_in_the_band_of_its_organisation_rating(plan: Plan) -> None:
    pooled = 0
    for tenant in plan.tenants:
        for year in (FINISHED,):
            units, rated = units_of(tenant, year), final_ratings(tenant, year)
            predikats: dict[UUID, list[Predikat]] = defaultdict(list)
            for nip, ratings in rated.items():
                predikats[uid(tenant, units[nip])].append(predikat_of(ratings))
            org = {
                uid(tenant, a.unit): a.rating
                for a in tenant.activities
                if isinstance(a, RateOrganisation) and a.year == year
            }
            parents = {
                uid(tenant, u.code): uid(tenant, u.parent) if u.parent else None
                for u in tenant.units
            }
            sizes = {unit: len(given) for unit, given in predikats.items()}
            groups = evaluation_groups(NATIONAL_POLICY.small_unit_min_staff, parents, sizes)

            pooled += len(groups) - len(set(groups.values()))

            assert set(org) == set(predikats)
            for group in group_reports(NATIONAL_POLICY, groups, org, predikats):
                assert group.report.failures == (), group.members
    assert pooled > 0  # some small units are evaluated with their parent


def test_every_head_s_hasil_kerja_is_the_unit_s_rating_as_the_policy_maps_it(plan: Plan) -> None:
    for tenant in plan.tenants:
        rated = final_ratings(tenant, FINISHED)
        org = {
            a.unit: OrgRating(a.rating)
            for a in tenant.activities
            if isinstance(a, RateOrganisation) and a.year == FINISHED
        }
        heads = {
            nip: unit
            for a in tenant.activities
            if isinstance(a, Enrol) and a.year == FINISHED
            for nip, unit, _, is_head in a.candidates
            if is_head
        }

        assert heads
        for nip, unit in heads.items():
            assert rated[nip][0] == HEAD_MAPPING[org[unit]].value, nip


def test_annual_ratings_are_given_after_the_year_ends(plan: Plan) -> None:
    for tenant in plan.tenants:
        rates = [a for a in tenant.activities if isinstance(a, Rate)]

        assert rates
        for a in rates:
            check_annual_after_period(a.year, a.on)  # raises for a rating within the year


def test_final_ratings_are_mostly_baik_with_some_sangat_baik_and_few_below(plan: Plan) -> None:
    counts = Counter(
        predikat_of(r) for t in plan.tenants for r in final_ratings(t, FINISHED).values()
    )
    total = sum(counts.values())

    assert counts[Predikat.BAIK] > 0.5 * total
    assert 0.1 * total < counts[Predikat.SANGAT_BAIK] < 0.35 * total
    assert 0 < counts[Predikat.BUTUH_PERBAIKAN] + counts[Predikat.KURANG] < 0.2 * total


def test_objections_to_the_finished_cycle_are_filed_in_january_and_decided_in_february(
    plan: Plan,
) -> None:
    filed = [a for t in plan.tenants for a in t.activities if isinstance(a, FileObjection)]
    decided = [a for t in plan.tenants for a in t.activities if isinstance(a, DecideObjection)]

    assert filed
    assert {(d.year, d.nip) for d in decided} == {(f.year, f.nip) for f in filed}
    assert {f.year for f in filed} == {FINISHED}
    assert all(a.on.year == CURRENT and a.on.month == 1 for a in filed)
    assert all(a.on.year == CURRENT and a.on.month == 2 for a in decided)


def test_the_current_cycle_is_under_way_with_nothing_after_today(plan: Plan) -> None:
    for tenant in plan.tenants:
        current = [a for a in tenant.activities if getattr(a, "year", None) == CURRENT]
        kinds = Counter(type(a) for a in current)
        enrolled = sum(a.new for a in current if isinstance(a, Enrol))

        assert kinds[DraftSkp] == kinds[ApproveSkp] == enrolled > 0
        assert 0 < kinds[RecordRealisation] <= 2 * enrolled
        assert {a.checkpoint for a in current if isinstance(a, RateCheckpoint)} == {
            "Q1",
            "Q2",
            "Q3",
        }
        assert kinds[Finalise] == kinds[FileObjection] == 0
        assert max(a.on for a in tenant.activities) <= TODAY


def test_before_15_january_the_finished_cycle_is_rated_but_not_final() -> None:
    today = date(CURRENT, 1, 12)
    activities = build_plan(80, seed=3, regions=(KEMUNING,), today=today).tenants[0].activities

    assert any(isinstance(a, Rate) and a.year == FINISHED for a in activities)
    assert not any(isinstance(a, Finalise | FileObjection) for a in activities)
    assert max(a.on for a in activities) <= today


def test_late_in_january_the_finished_cycle_is_final_and_its_objections_are_pending() -> None:
    today = date(CURRENT, 1, 28)
    activities = build_plan(80, seed=3, regions=(KEMUNING,), today=today).tenants[0].activities

    assert [a.year for a in activities if isinstance(a, Finalise)] == [FINISHED]
    assert [a.year for a in activities if isinstance(a, OpenCycle)] == [FINISHED, CURRENT]
    assert any(isinstance(a, FileObjection) for a in activities)
    assert not any(isinstance(a, DecideObjection) for a in activities)
    assert max(a.on for a in activities) <= today
