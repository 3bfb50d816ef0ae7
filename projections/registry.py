"""Every read model, in the order a batch applies them (units before the employees in them)."""

from __future__ import annotations

from projections.appraisal_cycles import AppraisalCyclesProjection
from projections.appraisal_records import AppraisalRecordsProjection
from projections.base import Projection
from projections.career import CareerProjection
from projections.competencies import CompetenciesProjection
from projections.employees import EmployeesProjection
from projections.event_log import EventLogProjection
from projections.external_learning import ExternalLearningProjection
from projections.jp_ledger import JPLedgerProjection
from projections.leave import LeaveProjection
from projections.mentorings import MentoringsProjection
from projections.subjects import EventSubjectsProjection
from projections.training_programmes import TrainingProgrammesProjection
from projections.units import UnitsProjection


def all_projections() -> list[Projection]:
    """Fresh instances of every projection (they keep per-batch state)."""
    return [
        UnitsProjection(),
        EmployeesProjection(),
        CareerProjection(),
        LeaveProjection(),
        EventLogProjection(),
        EventSubjectsProjection(),
        AppraisalCyclesProjection(),
        AppraisalRecordsProjection(),
        CompetenciesProjection(),
        TrainingProgrammesProjection(),
        MentoringsProjection(),
        ExternalLearningProjection(),
        JPLedgerProjection(),
    ]
