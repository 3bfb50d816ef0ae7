"""The applications a plan loads through, on one business clock.

Each has a cache of aggregates without fast-forward: this process is the one writing them.
Every appointment and mutasi re-reads its unit, every training command re-reads employees,
and a cycle's finalisation reads every appraisal of the tenant's year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

from domain.aggregates.appraisal_cycle import AppraisalCycle
from scripts.datagen.activities import PresetIds
from services.appraisal import AppraisalApplication
from services.personnel import PersonnelApplication
from services.policy import PolicyApplication
from services.tenants import TenantsApplication
from services.training import TrainingApplication

_OFFICE_OPENS_UTC = timedelta(hours=1)  # 08:00 WIB


class BusinessClock:
    """The application's clock while loading: the business date of the step being run."""

    def __init__(self) -> None:
        self._at = datetime(1970, 1, 1, tzinfo=UTC)

    def at(self, day: date, step: int) -> None:
        """Set the time for the `step`-th step of an employee (or unit) on `day`."""
        self._at = datetime(day.year, day.month, day.day, tzinfo=UTC) + _OFFICE_OPENS_UTC
        self._at += timedelta(seconds=step)

    def __call__(self) -> datetime:
        return self._at


class LoadingAppraisal(AppraisalApplication):
    """The appraisal application, snapshotting a cycle every 200 events rather than 20.

    A cycle's snapshot holds the roster of the whole tenant (25,000 entries in a province),
    and loading records a cycle's organisation ratings, one per unit, in a row: at every 20th
    event the snapshots would cost more than all the rest. Snapshots are not events: the log
    is the one the API would record, and a cycle still loads from a snapshot.
    """

    name = "Jejak"  # a subclass is named after itself unless told: keep the one event log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        **AppraisalApplication.snapshotting_intervals,
        AppraisalCycle: 200,
    }


@dataclass
class Applications:
    """The applications a plan loads through, sharing the business clock."""

    personnel: PersonnelApplication
    appraisal: AppraisalApplication
    training: TrainingApplication
    ids: PresetIds
    tenants: TenantsApplication
    policy: PolicyApplication

    @classmethod
    def build(cls, clock: BusinessClock, env: dict[str, str] | None = None) -> Applications:
        ids = PresetIds()
        return cls(
            PersonnelApplication(env=_env(env, PERSONNEL_CACHE), clock=clock),
            LoadingAppraisal(env=_env(env, APPRAISAL_CACHE, copy=False), clock=clock),
            TrainingApplication(env=_env(env, TRAINING_CACHE, copy=False), clock=clock, new_id=ids),
            ids,
            TenantsApplication(env=dict(env or {}), clock=clock),
            PolicyApplication(env=dict(env or {}), clock=clock),
        )

    def close(self) -> None:
        for app in (self.personnel, self.appraisal, self.training, self.tenants, self.policy):
            app.close()


# Caches of aggregates, without fast-forward: this process is the one writing the aggregates.
# Every appointment and mutasi re-reads its unit; every training command re-reads employees;
# a cycle's finalisation reads every appraisal of the tenant's year. The appraisal and training
# caches hand out the cached object itself (no deep copy): a refused command aborts the load.
PERSONNEL_CACHE, APPRAISAL_CACHE, TRAINING_CACHE = 5_000, 40_000, 30_000


def _env(env: dict[str, str] | None, cache: int, *, copy: bool = True) -> dict[str, str]:
    return (env or {}) | {
        "AGGREGATE_CACHE_MAXSIZE": str(cache),
        "AGGREGATE_CACHE_FASTFORWARD": "n",
        "DEEPCOPY_FROM_AGGREGATE_CACHE": "y" if copy else "n",
    }
