"""A cycle adopts the scoring policy in force and follows it; what-if runs a draft over it.

The tree of conftest: DINAS (KEPALA) → BIDANG (KABID, ANALIS) → SEKSI (KASI, STAFF, PEER).
Under the national policy BIDANG (2 people) is evaluated with DINAS (1): groups of 3 and 3.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.policy_register import PolicyRegister
from domain.appraisal_rules import AnnualBeforePeriodEnd, HeadRatingMismatch
from domain.errors import NotAllowedForRole, RuleViolation
from domain.meta import EventMeta
from domain.policy import NATIONAL, InvalidPolicyValues
from domain.scoring_policy import NATIONAL_LABEL, NATIONAL_POLICY, SCORING_KIND
from services.appraisal import AppraisalApplication
from tests.unit.appraisal.conftest import (
    BIDANG,
    CANDIDATES,
    DINAS,
    HASIL_KERJA,
    HR_CALLER,
    KABID,
    KASI,
    KEPALA,
    PERILAKU,
    SEKSI,
    TENANT,
    UNITS,
    YEAR,
    Clock,
    asn,
    caller,
    employee_id,
)

HEADS = (KEPALA, KABID, KASI)
ADMIN = EventMeta("platform-admin", "admin", NATIONAL, "req-0")


def record_policy(
    app: AppraisalApplication, scope: str, label: str, values: dict[str, Any]
) -> None:
    """A version of kind `scoring`, as PolicyApplication records it, in the app's own store."""
    at = datetime(2023, 1, 31, tzinfo=UTC)
    try:
        register: PolicyRegister = app.repository.get(PolicyRegister.id_for(scope, SCORING_KIND))
    except Exception:
        register = PolicyRegister.open(kind=SCORING_KIND, scope=scope, at=at, meta=ADMIN)
    register.record_values(
        label=label,
        effective_from=date(2023, 1, 1),
        values=values,
        source="SE MenPANRB 3/2023",
        at=at,
        meta=ADMIN,
    )
    app.save(register)


def next_january(clock: Clock, day: int) -> None:
    clock.now = datetime(YEAR + 1, 1, day, 3, tzinfo=UTC)


@pytest.fixture
def national(app: AppraisalApplication, clock: Clock) -> UUID:
    """A cycle opened once the national scoring policy is recorded, everyone enrolled and with
    an approved SKP."""
    record_policy(app, NATIONAL, NATIONAL_LABEL, NATIONAL_POLICY.values())
    opened = app.open_cycle(
        HR_CALLER, year=YEAR, period="quarterly", unit_ids=[DINAS, BIDANG, SEKSI]
    )
    cycle_id = opened.aggregate_id
    clock.set(1, 3)
    app.enrol(HR_CALLER, cycle_id=cycle_id, candidates=CANDIDATES, units=UNITS)
    app.override_appraiser(
        HR_CALLER, cycle_id=cycle_id, employee_id=employee_id(KEPALA),
        appraiser="kepala-daerah", superior=None, reason="Kepala daerah menilai kepala dinas",
    )  # fmt: skip
    clock.set(1, 10)
    for c in CANDIDATES:
        appraiser = app.get_appraisal(HR_CALLER, cycle_id, c.employee_id).appraiser or ""
        app.draft_skp(
            asn(c.nip), cycle_id=cycle_id, employee_id=c.employee_id,
            hasil_kerja=HASIL_KERJA, perilaku=PERILAKU,
        )  # fmt: skip
        app.approve_skp(asn(appraiser), cycle_id=cycle_id, employee_id=c.employee_id)
    return cycle_id


def rate_all_sesuai(app: AppraisalApplication, clock: Clock, cycle_id: UUID) -> None:
    next_january(clock, 5)
    for c in CANDIDATES:
        appraiser = app.get_appraisal(HR_CALLER, cycle_id, c.employee_id).appraiser or ""
        app.rate(
            asn(appraiser), cycle_id=cycle_id, employee_id=c.employee_id, checkpoint="ANNUAL",
            hasil_kerja="SESUAI", perilaku_kerja="SESUAI", justification="Penilaian akhir tahun",
        )  # fmt: skip
    for unit in (DINAS, BIDANG, SEKSI):
        app.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=unit, rating="ISTIMEWA")


def calibrate_heads(app: AppraisalApplication, cycle_id: UUID) -> None:
    for nip in HEADS:  # Istimewa units: the head's hasil kerja is "di atas"
        app.calibrate(
            HR_CALLER, cycle_id=cycle_id, employee_id=employee_id(nip), hasil_kerja="DI_ATAS",
            perilaku_kerja="SESUAI", reason="Capaian organisasi Istimewa",
        )  # fmt: skip


def test_a_cycle_adopts_the_national_policy_in_force_on_1_january(
    app: AppraisalApplication, national: UUID
) -> None:
    cycle = app.get_cycle(HR_CALLER, national)

    assert cycle.policy.label == NATIONAL_LABEL
    assert cycle.settings["scoring"]["scope"] == NATIONAL


def test_a_tenant_s_own_version_wins_over_the_national_one(app: AppraisalApplication) -> None:
    record_policy(app, NATIONAL, NATIONAL_LABEL, NATIONAL_POLICY.values())
    record_policy(
        app, TENANT, "palangkaraya@1", NATIONAL_POLICY.values() | {"most_is_plurality": True}
    )

    opened = app.open_cycle(HR_CALLER, year=YEAR, period="quarterly", unit_ids=[DINAS])

    policy = app.get_cycle(HR_CALLER, opened.aggregate_id).policy
    assert (policy.label, policy.most_is_plurality) == ("palangkaraya@1", True)


def test_without_a_recorded_policy_a_cycle_keeps_the_legacy_rules(
    app: AppraisalApplication, cycle_id: UUID
) -> None:
    assert "scoring" not in app.get_cycle(HR_CALLER, cycle_id).settings


def test_annual_is_refused_in_december_and_accepted_after_the_year(
    app: AppraisalApplication, clock: Clock, national: UUID
) -> None:
    staff = employee_id(CANDIDATES[3].nip)

    def rate() -> None:
        app.rate(
            asn(KASI), cycle_id=national, employee_id=staff, checkpoint="ANNUAL",
            hasil_kerja="SESUAI", perilaku_kerja="SESUAI", justification="Penilaian akhir tahun",
        )  # fmt: skip

    clock.set(12, 20)
    with pytest.raises(AnnualBeforePeriodEnd):
        rate()
    next_january(clock, 2)
    rate()

    computed = app.get_appraisal(HR_CALLER, national, staff)
    assert computed.predikat["ANNUAL"] == "BAIK"


def test_finalisation_refuses_heads_whose_hasil_kerja_departs_from_their_unit_s_rating(
    app: AppraisalApplication, clock: Clock, national: UUID
) -> None:
    rate_all_sesuai(app, clock, national)

    with pytest.raises(HeadRatingMismatch):
        app.finalise(HR_CALLER, cycle_id=national)
    calibrate_heads(app, national)
    app.finalise(HR_CALLER, cycle_id=national)

    cycle = app.get_cycle(HR_CALLER, national)
    assert cycle.finalised_on is not None
    groups = {row["unit_id"]: row["evaluated_with"] for row in _finalised(app, national)}
    assert groups == {DINAS: DINAS, BIDANG: DINAS, SEKSI: SEKSI}


def test_predikat_record_the_policy_label_and_recompute_with_it(
    app: AppraisalApplication, clock: Clock, national: UUID
) -> None:
    rate_all_sesuai(app, clock, national)

    report = app.recompute_cycle(HR_CALLER, national)

    assert {r.rules_version for _, r in report.results} == {NATIONAL_LABEL}
    assert report.differences == []


def test_a_tenant_matrix_unknown_to_the_code_is_recomputed_from_the_recorded_policy(
    app: AppraisalApplication, clock: Clock
) -> None:
    own = NATIONAL_POLICY.values()
    own["matrix"]["SESUAI"]["SESUAI"] = "SANGAT_BAIK"  # a region's own (odd) reading
    record_policy(app, TENANT, "eksperimen@1", own)
    opened = app.open_cycle(HR_CALLER, year=YEAR, period="quarterly", unit_ids=[SEKSI])
    clock.set(1, 3)
    app.enrol(HR_CALLER, cycle_id=opened.aggregate_id, candidates=CANDIDATES, units=UNITS)
    cycle_id, staff = opened.aggregate_id, employee_id(CANDIDATES[3].nip)
    clock.set(1, 10)
    app.draft_skp(
        asn(CANDIDATES[3].nip), cycle_id=cycle_id, employee_id=staff,
        hasil_kerja=HASIL_KERJA, perilaku=PERILAKU,
    )  # fmt: skip
    app.approve_skp(asn(KASI), cycle_id=cycle_id, employee_id=staff)
    next_january(clock, 5)
    app.rate(
        asn(KASI), cycle_id=cycle_id, employee_id=staff, checkpoint="ANNUAL",
        hasil_kerja="SESUAI", perilaku_kerja="SESUAI", justification="Penilaian akhir tahun",
    )  # fmt: skip

    report = app.recompute_cycle(HR_CALLER, opened.aggregate_id)

    assert [(r.rules_version, r.recorded) for _, r in report.results] == [
        ("eksperimen@1", "SANGAT_BAIK")
    ]
    assert report.differences == []


@pytest.fixture
def finalised(app: AppraisalApplication, clock: Clock, national: UUID) -> UUID:
    rate_all_sesuai(app, clock, national)
    calibrate_heads(app, national)
    next_january(clock, 15)
    app.finalise(HR_CALLER, cycle_id=national)
    return national


def test_what_if_under_the_recorded_policy_changes_nothing(
    app: AppraisalApplication, finalised: UUID
) -> None:
    before = app.recorder.max_notification_id()

    result = app.what_if_scoring(HR_CALLER, finalised, NATIONAL_POLICY.values())

    assert result.changes == []
    assert result.tenant_draft == result.tenant_recorded
    assert [g.report for g in result.draft_groups] == [g.report for g in result.recorded_groups]
    assert app.recorder.max_notification_id() == before  # nothing written


def test_what_if_under_a_stricter_band_reports_the_group_out_of_band(
    app: AppraisalApplication, finalised: UUID
) -> None:
    strict = NATIONAL_POLICY.values()
    strict["bands"]["ISTIMEWA"] = [{"predikat": ["SANGAT_BAIK"], "min_percent": 10}]

    result = app.what_if_scoring(caller("auditor-1", "auditor"), finalised, strict, "ketat")

    assert result.draft_label == "ketat"
    assert all(g.report.in_band for g in result.recorded_groups)
    assert not any(g.report.in_band for g in result.draft_groups)


def test_what_if_lists_each_changed_predikat_with_its_cell_and_rule(
    app: AppraisalApplication, finalised: UUID
) -> None:
    generous = NATIONAL_POLICY.values()
    generous["matrix"]["DI_ATAS"]["SESUAI"] = "SANGAT_BAIK"

    result = app.what_if_scoring(HR_CALLER, finalised, generous)

    assert sorted(c.nip for c in result.changes) == sorted(HEADS)
    change = result.changes[0]
    assert (change.recorded.value, change.draft.value) == ("BAIK", "SANGAT_BAIK")
    assert change.cell == "DI_ATAS × SESUAI"
    assert change.rule.startswith("head of unit: organisation ISTIMEWA")
    assert result.tenant_draft["SANGAT_BAIK"] == 3


def test_what_if_runs_only_over_a_finalised_cycle(
    app: AppraisalApplication, national: UUID
) -> None:
    with pytest.raises(RuleViolation):
        app.what_if_scoring(HR_CALLER, national, NATIONAL_POLICY.values())


def test_a_draft_is_refused_by_the_validator_of_a_recorded_version(
    app: AppraisalApplication, finalised: UUID
) -> None:
    with pytest.raises(InvalidPolicyValues):
        app.what_if_scoring(HR_CALLER, finalised, {"matrix": {}})


def test_an_employee_may_not_run_a_what_if(app: AppraisalApplication, finalised: UUID) -> None:
    with pytest.raises(NotAllowedForRole):
        app.what_if_scoring(asn(KASI), finalised, NATIONAL_POLICY.values())


def _finalised(app: AppraisalApplication, cycle_id: UUID) -> list[dict[str, Any]]:
    finalised = [e for e in app.events.get(cycle_id) if isinstance(e, AppraisalCycle.Finalised)]
    return list(finalised[-1].distribution)
