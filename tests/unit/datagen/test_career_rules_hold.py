"""The generated careers obey the domain's career rules: each step of a generated region is run
through the same pure functions the Employee aggregate enforces, the ijazah recorded at the
appointment and the Latsar programmes of the tenant included."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.awards import check_award_eligibility, days_out_of_service, parse_award_kind
from domain.jabatan import JabatanKind, JenjangFungsional, check_jenjang_golongan, parse_jabatan
from domain.probation import check_latsar_passed, check_probation_served, is_latsar
from domain.promotion import (
    PromotionCase,
    check_promotion_rules,
    parse_ijazah,
    parse_promotion_kind,
)
from domain.retirement import check_retirement_at_bup
from scripts.datagen.plan import EmployeePlan, TenantPlan, build_plan
from scripts.datagen.steps import (
    Appoint,
    ChangeJabatan,
    ConfirmAsPns,
    EndEmployment,
    GrantLeave,
    ImposeSanction,
    Promote,
    RecordAward,
)
from scripts.datagen.training_steps import Complete, DefineProgramme

TODAY = date(2026, 12, 5)


Passed = dict[tuple[UUID, str], date]  # (Latsar programme, NIP) -> completed on


def latsar_passed(tenant: TenantPlan) -> Passed:
    """When each participant passed a Latsar programme of the tenant (by its title)."""
    latsar = {a.id for a in tenant.latsar if isinstance(a, DefineProgramme) and is_latsar(a.title)}
    return {
        (a.programme, a.nip): a.on
        for a in tenant.latsar
        if isinstance(a, Complete) and a.passed and a.programme in latsar
    }


def check_career(employee: EmployeePlan, passed: Passed) -> int:
    """Run every career rule over one employee's steps; returns how many steps were judged."""
    appoint = employee.steps[0]
    assert isinstance(appoint, Appoint)
    ijazah = parse_ijazah(appoint.ijazah)
    born = date(int(employee.nip[:4]), int(employee.nip[4:6]), int(employee.nip[6:8]))
    kind, golongan, since = appoint.employment_type, appoint.golongan, appoint.on
    service_start = min(date(appoint.on.year, appoint.on.month, 1), appoint.on)
    jabatan, levels, cltn, judged = appoint.jabatan, [], [], 0
    for step in employee.steps[1:]:
        judged += 1
        if isinstance(step, Promote):
            promotion_kind = parse_promotion_kind(step.kind)
            check_promotion_rules(
                PromotionCase(golongan, step.to_golongan, step.on, since, promotion_kind, ijazah)
            )
            golongan, since = step.to_golongan, step.on
        elif isinstance(step, ChangeJabatan):
            check_jenjang_golongan(parse_jabatan(*step.jabatan), golongan, kind)
            jabatan = step.jabatan
        elif isinstance(step, ConfirmAsPns):
            check_probation_served(appoint.on, step.on)
            check_latsar_passed(passed.get((step.latsar, employee.nip)), step.on)
            kind = "PNS"
        elif isinstance(step, ImposeSanction):
            levels.append(step.level)
        elif isinstance(step, GrantLeave) and step.leave_type == "CLTN":
            cltn.append((step.on, step.end))
        elif isinstance(step, RecordAward):
            check_award_eligibility(
                parse_award_kind(step.kind),
                service_start,
                step.on,
                kind,
                tuple(levels),
                days_out_of_service(cltn, step.on),
            )
        elif isinstance(step, EndEmployment) and step.separation == "RETIREMENT":
            held, title, jenjang = jabatan
            level = JenjangFungsional(jenjang) if jenjang else None
            check_retirement_at_bup(born, JabatanKind(held), level, title, step.on)
        else:
            judged -= 1
    return judged


def test_every_generated_career_obeys_the_promotion_bup_probation_award_and_jenjang_rules() -> None:
    plan = build_plan(300, 20_250_817, today=TODAY)
    employees = [(e, latsar_passed(t)) for t in plan.tenants for e in t.employees]
    judged = sum(check_career(e, passed) for e, passed in employees)
    assert judged > len(employees)  # promotions, confirmations, jabatan, awards were judged


def test_every_appointment_records_an_ijazah_and_some_promotions_are_pilihan_above_it() -> None:
    plan = build_plan(300, 20_250_817, today=TODAY)
    steps = [s for t in plan.tenants for e in t.employees for s in e.steps]
    assert all(parse_ijazah(s.ijazah) for s in steps if isinstance(s, Appoint))
    kinds = {s.kind for s in steps if isinstance(s, Promote)}
    assert {"REGULER", "PILIHAN_FUNGSIONAL"} <= kinds
