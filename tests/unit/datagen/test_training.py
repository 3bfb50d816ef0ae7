"""Generated training: the catalogue, programmes, mentoring and external learning, and the
20 JP a year most employees reach."""

from __future__ import annotations

from collections import Counter

from domain.learning import ANNUAL_JP_TARGET
from scripts.datagen.learning_steps import (
    DecideLearning,
    EndMentoring,
    LogMeeting,
    PairMentoring,
    SubmitLearning,
)
from scripts.datagen.plan import Plan, TenantPlan
from scripts.datagen.serving import ends_by, serving_all_year
from scripts.datagen.steps import Appoint
from scripts.datagen.training_steps import (
    AddCompetency,
    CancelProgramme,
    Complete,
    DefineProgramme,
    SetJabatanRequirements,
    Withdraw,
)

YEAR = 2025


def jp_earned(tenant: TenantPlan, year: int) -> Counter[str]:
    """JP per NIP granted in `year`: passed programmes, ended mentoring, recognised learning."""
    jp_of = {a.id: a.jp for a in tenant.activities if isinstance(a, DefineProgramme)}
    mentee = {a.id: a.mentee for a in tenant.activities if isinstance(a, PairMentoring)}
    learner = {a.id: a.nip for a in tenant.activities if isinstance(a, SubmitLearning)}
    minutes: Counter[object] = Counter()
    earned: Counter[str] = Counter()
    for a in tenant.activities:
        if isinstance(a, LogMeeting):
            minutes[a.mentoring] += a.minutes
        elif a.on.year != year:
            continue
        elif isinstance(a, Complete) and a.passed:
            earned[a.nip] += jp_of[a.programme]
        elif isinstance(a, EndMentoring):
            earned[mentee[a.mentoring]] += int(minutes[a.mentoring]) // 45
        elif isinstance(a, DecideLearning) and a.jp:
            earned[learner[a.learning]] += a.jp
    return earned


def test_the_catalogue_has_technical_managerial_and_socio_cultural_competencies(
    plan: Plan,
) -> None:
    for tenant in plan.tenants:
        kinds = {a.kind for a in tenant.activities if isinstance(a, AddCompetency)}
        required = [a for a in tenant.activities if isinstance(a, SetJabatanRequirements)]

        assert kinds == {"TEKNIS", "MANAJERIAL", "SOSIAL_KULTURAL"}
        assert required


def test_most_employees_reach_20_jp_and_some_fall_short(plan: Plan) -> None:
    for tenant in plan.tenants:
        staying = [e for e in tenant.employees if not ends_by(e, plan.until)]
        eligible = [s.nip for s in serving_all_year(staying, YEAR)]
        earned = jp_earned(tenant, YEAR)
        met = sum(earned[nip] >= ANNUAL_JP_TARGET for nip in eligible)

        assert 0.6 * len(eligible) < met < len(eligible)


def test_each_year_one_programme_is_cancelled_and_someone_withdraws(plan: Plan) -> None:
    activities = [a for t in plan.tenants for a in t.activities]
    cancelled = Counter(a.on.year for a in activities if isinstance(a, CancelProgramme))

    assert cancelled == {2024: len(plan.tenants), 2025: len(plan.tenants)}
    assert any(isinstance(a, Withdraw) and a.frees_seat_for_waitlisted for a in activities)


def test_a_mentor_has_served_at_least_five_years_longer_than_the_mentee(plan: Plan) -> None:
    appointed = {
        e.nip: e.steps[0].on
        for t in plan.tenants
        for e in t.employees
        if isinstance(e.steps[0], Appoint)
    }
    pairs = [a for t in plan.tenants for a in t.activities if isinstance(a, PairMentoring)]

    assert pairs
    for pair in pairs:
        assert (appointed[pair.mentee] - appointed[pair.mentor]).days > 5 * 365 - 2
