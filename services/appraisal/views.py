"""Views of appraisals: the employee's view (no feedback givers), audits, recompute, bands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from access.roles import READERS
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import ANNUAL, FeedbackView
from domain.appraisal_whatif import FinalRating, WhatIf, what_if
from domain.errors import N_, CycleNotFound, RuleViolation
from domain.policy import json_values
from domain.policy_kinds import policy_kind
from domain.scoring import DistributionReport, Rating, Recomputation, recompute_predikats
from domain.scoring_policy import SCORING_KIND, policy_from_values
from domain.talent import TalentBox
from services.appraisal.base import AppraisalBase
from services.caller import Caller


@dataclass(frozen=True)
class EmployeeView:
    """An appraisal as the appraised employee sees it: everything but who gave feedback."""

    nip: str
    appraiser: str | None
    skp_status: str | None
    hasil_kerja: list[dict[str, Any]]
    perilaku: dict[str, str]
    realisations: list[dict[str, Any]]
    ratings: dict[str, dict[str, Any]]
    predikat: dict[str, str]
    objection: str | None
    feedback: list[FeedbackView]
    talent_box: TalentBox | None


@dataclass(frozen=True)
class CycleRecomputation:
    """Every predikat of a cycle recomputed from the event log, per appraisal."""

    cycle_id: UUID
    finalised: bool
    results: list[tuple[str, Recomputation]]  # (NIP, a recorded predikat and its recomputation)

    @property
    def differences(self) -> list[tuple[str, Recomputation]]:
        return [(nip, r) for nip, r in self.results if not r.matches]


class AppraisalViews(AppraisalBase):
    """Reading appraisals, recomputing predikat, a unit's distribution."""

    def get_appraisal(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> EmployeeAppraisal:
        """The whole appraisal, givers included: for HR, auditors, its appraiser and superior."""
        appraisal = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, appraisal, "appraiser", "superior")
        return appraisal

    def employee_view(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> EmployeeView:
        """The appraisal as the employee sees it: feedback by kind, never by giver."""
        a = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, a, "employee")
        return EmployeeView(
            a.nip,
            a.appraiser,
            a.skp_status,
            a.hasil_kerja,
            a.perilaku,
            a.realisations,
            a.ratings,
            a.predikat,
            a.objection,
            a.feedback_seen_by_employee(),
            a.talent_box(),
        )

    def recompute(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> list[Recomputation]:
        """Every recorded predikat of an appraisal beside a recomputation from its events."""
        appraisal = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, appraisal, "employee", "appraiser", "superior")
        return recompute_predikats(self.events.get(appraisal.id))

    def tenant_of(self, cycle_id: UUID) -> str:
        """The tenant a cycle belongs to, for operator tools that start from a cycle id."""
        try:
            cycle: AppraisalCycle = self.repository.get(cycle_id)
        except AggregateNotFoundError:
            raise CycleNotFound(N_("No appraisal cycle {cycle_id}."), cycle_id=cycle_id) from None
        return cycle.tenant

    def participating_units(self, caller: Caller, cycle_id: UUID) -> list[UUID]:
        """The units a cycle names, for the enrolment feeder (HR)."""
        caller.require(READERS, N_("Reading a cycle's units"))
        return list(self.get_cycle(caller, cycle_id).unit_ids)

    def recompute_cycle(self, caller: Caller, cycle_id: UUID) -> CycleRecomputation:
        """Recompute every predikat of every appraisal in a cycle (HR and auditors)."""
        caller.require(READERS, N_("Recomputing a cycle"))
        cycle = self.get_cycle(caller, cycle_id)
        results = []
        for employee_id in cycle.employee_ids():
            appraisal_id = EmployeeAppraisal.id_for(cycle.id, employee_id)
            nip = cycle.enrolment(employee_id)["nip"]
            results += [(nip, r) for r in recompute_predikats(self.events.get(appraisal_id))]
        return CycleRecomputation(cycle.id, cycle.finalised_on is not None, results)

    def unit_distribution(
        self, caller: Caller, cycle_id: UUID, unit_id: UUID
    ) -> DistributionReport:
        """A unit's annual predikat counted against its band, for calibration (HR, auditors)."""
        caller.require(READERS, N_("Reading a unit's distribution"))
        cycle = self.get_cycle(caller, cycle_id)
        cycle.check_unit_participates(unit_id)
        return cycle.unit_distribution(unit_id, self._annual_predikats(cycle, unit_id))

    def what_if_scoring(
        self, caller: Caller, cycle_id: UUID, values: Mapping[str, Any], label: str = "draft"
    ) -> WhatIf:
        """A finalised cycle under a draft scoring policy beside its recorded one; writes nothing.

        The draft is checked by the validator that checks a recorded version (kind `scoring`).
        """
        caller.require(READERS, N_("Running a what-if over a cycle"))
        cycle = self.get_cycle(caller, cycle_id)
        if cycle.finalised_on is None:
            raise RuleViolation(N_("What-if runs over a finalised cycle; this one is still open."))
        draft = policy_from_values(label, policy_kind(SCORING_KIND).validate(json_values(values)))
        ratings = []
        for employee_id in cycle.employee_ids():
            appraisal = self._appraisal(cycle, employee_id)
            annual, predikat = appraisal.ratings.get(ANNUAL), appraisal.annual_predikat()
            if annual is None or predikat is None:
                continue  # a finalised cycle has none such; kept safe for a legacy log
            entry = cycle.enrolment(employee_id)
            ratings.append(
                FinalRating(
                    appraisal.nip,
                    appraisal.unit_id,
                    bool(entry.get("is_head")),
                    Rating(annual["hasil_kerja"]),
                    Rating(annual["perilaku_kerja"]),
                    predikat,
                )
            )
        org_ratings = {UUID(str(u)): r for u, r in cycle.org_ratings.items()}
        parents = self.unit_parents(caller, cycle)
        return what_if(cycle.policy, draft, ratings, cycle.unit_ids, org_ratings, parents)
