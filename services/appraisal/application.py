"""AppraisalApplication: the service layer of appraisal cycles (PermenPANRB 6/2022).

Commands take the caller and plain values and return an `Outcome` (the aggregate, its version
and the log position of the last event), like `PersonnelApplication`, whose event log this
shares (`name = "Jejak"`). Who may do what:
- HR (`hr_officer`, `admin`): open a cycle, enrol, override an appraiser, record a mutasi,
  rate units, calibrate, assess potential, finalise; and pass on masyarakat ratings (the
  public portal calls as a service account of the tenant: there is no public role yet).
- An ASN acts in the `employee` role with their NIP as user id: the employee drafts the SKP,
  records evidence and objects; the appraiser approves, gives feedback and rates; the
  appraiser's superior decides an objection; peers and subordinates give feedback, their
  kind read from the cycle's roster, never from the caller.
- Everyone reads through the views here; only HR, auditors and the appraisal's appraiser and
  superior load a whole appraisal (its events name feedback givers, for audit).

Every command but the objection checks that the cycle is not finalised. Finalisation and the
distribution view load the appraisals of the roster one by one (once a year, by HR). The
feeder of `enrol` (`services.appraisal.feeder`) passes candidates and the unit tree from the
read models; a tenant may enrol unit by unit to keep each save small. The commands live in one
mixin per phase; this class only puts them together.
"""

from __future__ import annotations

from typing import Any, ClassVar

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from services.appraisal.assessment import AssessmentCommands
from services.appraisal.cycle import CycleCommands
from services.appraisal.execution import ExecutionCommands
from services.appraisal.objection import ObjectionCommands
from services.appraisal.planning import PlanningCommands
from services.appraisal.views import AppraisalViews
from services.batching import BatchingApplication
from services.satisfaction import SurveyCommands


class AppraisalApplication(
    BatchingApplication,  # first: its save and repository wrap the Application's
    CycleCommands,
    PlanningCommands,
    ExecutionCommands,
    AssessmentCommands,
    ObjectionCommands,
    AppraisalViews,
    SurveyCommands,  # the public's SKM per unit (services/satisfaction.py)
):
    """Appraisal cycles and employee appraisals, in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        AppraisalCycle: 20,
        EmployeeAppraisal: 50,
    }
