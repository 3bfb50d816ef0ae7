"""Generated training: the catalogue, programmes, mentoring and external learning, the
20 JP a year most employees reach, and the current year's training so far."""

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
    Attend,
    CancelProgramme,
    Complete,
    DefineProgramme,
    FinishProgramme,
    SetJabatanRequirements,
    Withdraw,
)
from tests.unit.datagen.conftest import CURRENT, FINISHED, TODAY

YEAR = FINISHED


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

    assert cancelled == {FINISHED: len(plan.tenants), CURRENT: len(plan.tenants)}
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


def test_this_year_programmes_before_today_are_finished_and_the_announced_ones_are_to_come(
    plan: Plan,
) -> None:
    for tenant in plan.tenants:
        defined = [
            a for a in tenant.activities if isinstance(a, DefineProgramme) and a.on.year == CURRENT
        ]
        finished = {a.programme for a in tenant.activities if isinstance(a, FinishProgramme)}
        certified = {
            a.programme for a in tenant.activities if isinstance(a, Complete) and a.certificate
        }
        attended = {a.programme for a in tenant.activities if isinstance(a, Attend)}
        upcoming = [a for a in defined if a.sessions[0][0] > TODAY]

        assert any(a.id in finished and a.id in certified for a in defined)
        assert upcoming
        assert all(a.id not in attended | finished and a.capacity > 0 for a in upcoming)


def test_mentoring_of_this_years_newcomers_is_still_under_way_for_some(plan: Plan) -> None:
    paired = {
        a.id for t in plan.tenants for a in t.activities
        if isinstance(a, PairMentoring) and a.on.year == CURRENT
    }  # fmt: skip
    ended = {a.mentoring for t in plan.tenants for a in t.activities if isinstance(a, EndMentoring)}

    assert paired - ended
    assert paired & ended
