"""TrainingApplication: the service layer for competency development (pengembangan kompetensi).

Commands take the caller and plain values, check roles (see `services.training.base`) and the
other aggregates involved (employees, the tenant's competency catalogue, prerequisite
programmes), run one aggregate command and return where its events landed. The application
shares the one Jejak event log. The commands live in one mixin per capability.

The JP-granting events (`JP_GRANTING_EVENTS`) all carry employee_id, jp, form,
competency_codes and completed_on; `domain.learning.credit_from` turns one into a JP credit.
"""

from __future__ import annotations

from typing import Any, ClassVar

from domain.aggregates.external_learning import ExternalLearning
from domain.aggregates.mentoring import Mentoring
from domain.aggregates.training import Training
from services.batching import BatchingApplication
from services.training.catalogue import CatalogueCommands
from services.training.external_learning import ExternalLearningCommands
from services.training.mentoring import MentoringCommands
from services.training.programmes import ProgrammeCommands

JP_GRANTING_EVENTS = (
    Training.ParticipantCompleted,
    Mentoring.Completed,
    Mentoring.EndedEarly,
    ExternalLearning.Recognised,
)


class TrainingApplication(
    BatchingApplication,  # first: its save and repository wrap the Application's
    CatalogueCommands,
    ProgrammeCommands,
    MentoringCommands,
    ExternalLearningCommands,
):
    """Training programmes, mentoring, external learning and the competency catalogue."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Training: 100}
