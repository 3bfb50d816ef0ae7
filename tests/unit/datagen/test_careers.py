"""Careers: golongan and jabatan fit the employment type, promotions follow the 4-year rhythm."""

from __future__ import annotations

from collections import Counter
from datetime import date

from domain.employment import EmploymentType
from domain.jabatan import JabatanKind
from domain.promotion_periods import is_period_date, seeded_periods_on
from domain.ranks import parse_golongan
from scripts.datagen.plan import EmployeePlan, Plan
from scripts.datagen.steps import (
    Appoint,
    ChangeJabatan,
    ConfirmAsPns,
    EndEmployment,
    Promote,
    Step,
    Transfer,
)
from scripts.datagen.tracks import TRACKS, jenjang_for, rank
from tests.unit.datagen.conftest import appointments


def employees(plan: Plan) -> list[EmployeePlan]:
    return [e for t in plan.tenants for e in t.employees]


def of(kind: type[Step], employee: EmployeePlan) -> list[Step]:
    return [s for s in employee.steps if isinstance(s, kind)]


def test_about_70_percent_are_pns_5_percent_cpns_and_25_percent_pppk(plan: Plan) -> None:
    mix = Counter(e.employment_type for e in employees(plan))

    # Each tenant rounds its own quotas: at most one off per tenant.
    for kind, share in {"PNS": 0.70, "CPNS": 0.05, "PPPK": 0.25}.items():
        assert abs(mix[kind] - share * plan.employees) <= len(plan.tenants), mix


def test_golongan_at_appointment_is_in_the_scheme_of_the_employment_type(plan: Plan) -> None:
    for step in appointments(plan):
        kind = EmploymentType(step.employment_type)
        golongan = parse_golongan(step.golongan, kind)  # raises if in the wrong scheme
        assert (golongan.scheme == "PPPK") is (kind is EmploymentType.PPPK)
        if kind is EmploymentType.PPPK:
            assert step.golongan in ("V", "VII", "IX", "XI")
        else:  # SLTA II/a, D3 II/c, S1 III/a, S2 or dokter III/b
            assert step.golongan in ("II/a", "II/c", "III/a", "III/b")


def test_only_pns_are_promoted_and_only_after_confirmation(plan: Plan) -> None:
    for employee in employees(plan):
        promotions, confirmed = of(Promote, employee), of(ConfirmAsPns, employee)
        if employee.employment_type != "PNS":
            assert promotions == confirmed == []
        elif promotions:
            assert confirmed[0].on < promotions[0].on


def test_cpns_are_confirmed_12_to_24_months_after_appointment(plan: Plan) -> None:
    for employee in employees(plan):
        for step in of(ConfirmAsPns, employee):
            months = _months(employee.steps[0].on, step.on)
            assert 12 <= months <= 24


def test_promotions_are_one_step_every_four_years_or_more_on_a_period_date_in_force(
    plan: Plan,
) -> None:
    for employee in employees(plan):
        appointed = employee.steps[0]
        assert isinstance(appointed, Appoint)
        golongan, since = appointed.golongan, appointed.on
        for step in of(Promote, employee):
            assert isinstance(step, Promote)
            assert rank(step.to_golongan) == rank(golongan) + 1
            assert is_period_date(step.on, seeded_periods_on(step.on).months)
            assert _months(since, step.on) >= 48
            golongan, since = step.to_golongan, step.on


def test_the_jenjang_of_a_jabatan_fungsional_fits_the_golongan(plan: Plan) -> None:
    fitting = 0
    for employee in employees(plan):
        golongan = ""
        jabatan: tuple[str, str, str | None] = ("", "", None)
        for step in employee.steps:
            if isinstance(step, Appoint):
                golongan, jabatan = step.golongan, step.jabatan
            elif isinstance(step, Promote):
                golongan = step.to_golongan
            elif isinstance(step, ChangeJabatan):
                jabatan = step.jabatan
            if jabatan[0] == JabatanKind.FUNGSIONAL and isinstance(step, Promote | Appoint):
                keahlian = str(jabatan[2]).startswith("AHLI")
                track = next(
                    t
                    for t in TRACKS.values()
                    if t.jf and jabatan[1].startswith(t.jf) and t.keahlian is keahlian
                )
                expected = jenjang_for(track, golongan)
                assert expected is not None
                assert jabatan[2] == expected.value, employee.nip
                fitting += 1
    assert fitting > 500


def test_every_unit_has_one_head_at_the_end(plan: Plan) -> None:
    for tenant in plan.tenants:
        heads: Counter[str] = Counter()
        for employee in tenant.employees:
            posts = [s for s in of(ChangeJabatan, employee) if _is_head_post(s)]
            if posts and not of(EndEmployment, employee):
                assert employee.employment_type == "PNS"
                heads[_unit_at_end(employee)] += 1
        assert set(heads.values()) == {1}
        assert set(heads) == {u.code for u in tenant.units}


def test_retirement_is_at_58_or_60_on_the_first_of_the_next_month(plan: Plan) -> None:
    retired = [e for e in employees(plan) if of(EndEmployment, e)]

    assert 0.02 < len(retired) / plan.employees < 0.15
    for employee in retired:
        step = employee.steps[-1]
        assert isinstance(step, EndEmployment)
        assert step.separation == "RETIREMENT"
        assert step.reason.startswith(("Pensiun BUP 58 tahun", "Pensiun BUP 60 tahun"))
        assert step.on.day == 1


def _is_head_post(step: Step) -> bool:
    assert isinstance(step, ChangeJabatan)
    kind, title, _ = step.jabatan
    return kind != JabatanKind.FUNGSIONAL or title.endswith("(Kepala Sekolah)")


def _unit_at_end(employee: EmployeePlan) -> str:
    units = [s.unit for s in employee.steps if isinstance(s, Appoint | Transfer)]
    return units[-1]


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month
