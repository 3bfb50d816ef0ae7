"""Every read model, in the order a batch applies them (units before the employees in them)."""

from __future__ import annotations

from projections.absences import AbsencesProjection
from projections.appraisal_cycles import AppraisalCyclesProjection
from projections.appraisal_records import AppraisalRecordsProjection
from projections.award_nominations import AwardNominationsProjection
from projections.base import Projection
from projections.career import CareerProjection
from projections.competencies import CompetenciesProjection
from projections.employees import EmployeesProjection
from projections.event_log import EventLogProjection
from projections.external_learning import ExternalLearningProjection
from projections.jp_ledger import JPLedgerProjection
from projections.leave import LeaveProjection
from projections.leave_requests import LeaveRequestsProjection
from projections.mentorings import MentoringsProjection
from projections.policy_values import PolicyValuesProjection
from projections.satisfaction import SatisfactionProjection
from projections.subjects import EventSubjectsProjection
from projections.tenants import TenantsProjection
from projections.training_programmes import TrainingProgrammesProjection
from projections.units import UnitsProjection


def all_projections() -> list[Projection]:
    """Fresh instances of every projection (they keep per-batch state)."""
    return [
        TenantsProjection(),
        PolicyValuesProjection(),
        UnitsProjection(),
        EmployeesProjection(),
        CareerProjection(),
        LeaveProjection(),
        LeaveRequestsProjection(),
        AbsencesProjection(),
        EventLogProjection(),
        EventSubjectsProjection(),
        AppraisalCyclesProjection(),
        AppraisalRecordsProjection(),
        AwardNominationsProjection(),
        CompetenciesProjection(),
        TrainingProgrammesProjection(),
        MentoringsProjection(),
        ExternalLearningProjection(),
        JPLedgerProjection(),
        SatisfactionProjection(),
    ]


# Projections that read another's tables while applying (employees and career look up units):
# one may not pass the position where a projection it reads from is held.
READS_FROM: dict[str, tuple[str, ...]] = {
    "employees": ("units",),
    "career": ("units",),
}
