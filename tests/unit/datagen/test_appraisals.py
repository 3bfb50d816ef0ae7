"""Generated appraisal cycles: who is enrolled, realistic ratings in band, objections."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from domain.scoring import OrgRating, Predikat, check_distribution
from scripts.datagen.appraisal_steps import Enrol, OpenCycle
from scripts.datagen.assessment_steps import (
    Calibrate,
    DecideObjection,
    FileObjection,
    Finalise,
    Rate,
    RateOrganisation,
)
from scripts.datagen.plan import Plan, TenantPlan
from scripts.datagen.ratings import Ratings, predikat_of
from scripts.datagen.serving import serving_all_year

YEARS = (2024, 2025)


def final_ratings(tenant: TenantPlan, year: int) -> dict[str, Ratings]:
    """Each employee's annual ratings after calibration, before any objection."""
    rated: dict[str, Ratings] = {}
    for a in tenant.activities:
        if isinstance(a, Rate | Calibrate) and a.year == year:
            rated[a.nip] = a.ratings
    return rated


def units_of(tenant: TenantPlan, year: int) -> dict[str, str]:
    units: dict[str, str] = {}
    for a in tenant.activities:
        if isinstance(a, Enrol) and a.year == year:
            for nip, unit, _, _ in a.candidates:
                units.setdefault(nip, unit)
    return units


def test_each_tenant_opens_and_finalises_a_cycle_in_each_of_the_last_two_years(
    plan: Plan,
) -> None:
    for tenant in plan.tenants:
        opened = [a.year for a in tenant.activities if isinstance(a, OpenCycle)]
        finalised = [(a.year, a.on) for a in tenant.activities if isinstance(a, Finalise)]

        assert opened == list(YEARS)
        assert finalised == [(y, date(y, 12, 30)) for y in YEARS]


def test_a_cycle_enrols_everyone_serving_the_whole_year_once(plan: Plan) -> None:
    for tenant in plan.tenants:
        for year in YEARS:
            enrolled = sum(
                a.new for a in tenant.activities if isinstance(a, Enrol) and a.year == year
            )
            serving = {s.nip for s in serving_all_year(tenant.employees, year)}

            assert enrolled == len(serving) == len(units_of(tenant, year))
            assert set(final_ratings(tenant, year)) == serving


def test_every_unit_ends_in_the_band_of_its_organisation_rating(plan: Plan) -> None:
    for tenant in plan.tenants:
        for year in YEARS:
            units, rated = units_of(tenant, year), final_ratings(tenant, year)
            predikats: dict[str, list[Predikat]] = defaultdict(list)
            for nip, ratings in rated.items():
                predikats[units[nip]].append(predikat_of(ratings))
            org = {
                a.unit: OrgRating(a.rating)
                for a in tenant.activities
                if isinstance(a, RateOrganisation) and a.year == year
            }

            assert set(org) == set(predikats)
            for unit, given in predikats.items():
                assert check_distribution(org[unit], given) == [], unit


def test_final_ratings_are_mostly_baik_with_some_sangat_baik_and_few_below(plan: Plan) -> None:
    counts = Counter(
        predikat_of(r)
        for t in plan.tenants
        for year in YEARS
        for r in final_ratings(t, year).values()
    )
    total = sum(counts.values())

    assert counts[Predikat.BAIK] > 0.5 * total
    assert 0.1 * total < counts[Predikat.SANGAT_BAIK] < 0.35 * total
    assert 0 < counts[Predikat.BUTUH_PERBAIKAN] + counts[Predikat.KURANG] < 0.2 * total


def test_objections_are_decided_in_january_except_those_of_the_last_cycle(plan: Plan) -> None:
    filed = [a for t in plan.tenants for a in t.activities if isinstance(a, FileObjection)]
    decided = [a for t in plan.tenants for a in t.activities if isinstance(a, DecideObjection)]

    assert filed
    assert decided
    assert {(d.year, d.nip) for d in decided} == {(f.year, f.nip) for f in filed if f.year == 2024}
    assert all(d.on.year == d.year + 1 and d.on.month == 1 for d in decided)
    assert all(f.on == date(2025, 12, 31) for f in filed if f.year == 2025)
