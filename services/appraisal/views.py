"""Views of appraisals: the employee's view (no feedback givers), audits, recompute, bands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from access.roles import READERS
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import FeedbackView
from domain.errors import CycleNotFound
from domain.scoring import DistributionReport, Recomputation, recompute_predikats
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
            raise CycleNotFound(f"No appraisal cycle {cycle_id}.") from None
        return cycle.tenant

    def participating_units(self, caller: Caller, cycle_id: UUID) -> list[UUID]:
        """The units a cycle names, for the enrolment feeder (HR)."""
        caller.require(READERS, "Reading a cycle's units")
        return list(self.get_cycle(caller, cycle_id).unit_ids)

    def recompute_cycle(self, caller: Caller, cycle_id: UUID) -> CycleRecomputation:
        """Recompute every predikat of every appraisal in a cycle (HR and auditors)."""
        caller.require(READERS, "Recomputing a cycle")
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
        caller.require(READERS, "Reading a unit's distribution")
        cycle = self.get_cycle(caller, cycle_id)
        cycle.check_unit_participates(unit_id)
        return cycle.unit_distribution(unit_id, self._annual_predikats(cycle, unit_id))
