"""Who a cycle holds and how its units stand: the roster and distribution views of a cycle.

The state of `AppraisalCycle` read without changing it; the aggregate derives from this so
its views read apart from its events and commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from domain.appraisal_finalisation import unit_groups
from domain.appraisal_rules import GroupReport
from domain.errors import N_, AppraisalNotFound
from domain.scoring import DistributionReport, OrgRating, Predikat, distribution_report
from domain.scoring_policy import ScoringPolicy, cycle_policy


class CycleRoster:
    """Views over the state a cycle's events build (see AppraisalCycle)."""

    unit_ids: list[UUID]
    settings: dict[str, Any]
    roster: dict[str, dict[str, Any]]  # str(employee id) → enrolment
    org_ratings: dict[str, str]  # str(unit id) → OrgRating

    @property
    def policy(self) -> ScoringPolicy:
        """The scoring policy the cycle adopted when it was opened (not kept: snapshots)."""
        return cycle_policy(self.settings)

    def enrolment(self, employee_id: UUID) -> dict[str, Any]:
        """The roster entry of an enrolled employee, or AppraisalNotFound."""
        try:
            return self.roster[str(employee_id)]
        except KeyError:
            raise AppraisalNotFound(
                N_("Employee {employee} is not enrolled."), employee=employee_id
            ) from None

    def enrolment_by_nip(self, nip: str) -> dict[str, Any] | None:
        return next((e for e in self.roster.values() if e["nip"] == nip), None)

    def employee_ids(self, unit_id: UUID | None = None) -> list[UUID]:
        """Enrolled employees, of one unit if given."""
        entries = self.roster.values()
        return [e["employee_id"] for e in entries if unit_id in (None, e["unit_id"])]

    def unit_distribution(
        self, unit_id: UUID, predikats: Mapping[UUID, Predikat | None]
    ) -> DistributionReport:
        """The unit's predikat (of the employees given) against its organisation rating."""
        rating = self.org_ratings.get(str(unit_id))
        in_unit = [predikats.get(e) for e in self.employee_ids(unit_id)]
        return distribution_report(
            OrgRating(rating) if rating else None,
            [p for p in in_unit if p is not None],
            most_is_plurality=self.policy.most_is_plurality,
            bands=self.policy.bands,
        )

    def group_reports(
        self,
        predikats: Mapping[UUID, Predikat | None],
        parents: Mapping[UUID, UUID | None] | None = None,
    ) -> list[GroupReport]:
        """Every unit group's predikat against its band (no pooling without the unit tree)."""
        args = (self.unit_ids, self.roster, self.org_ratings, predikats, parents or {})
        return unit_groups(self.policy, *args)
