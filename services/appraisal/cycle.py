"""Cycle commands (HR): open a cycle, enrol, change appraisers, rate units, finalise."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain.aggregates.appraisal_cycle import MUTASI, OVERRIDE, AppraisalCycle
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import (
    DEFAULT_MASYARAKAT_LIMIT,
    DEFAULT_UTC_OFFSET_HOURS,
    OBJECTION_WINDOW_DAYS,
    AppraiserChain,
    CycleSettings,
    EnrolmentCandidate,
    Period,
    UnitNode,
    derive_appraisers,
)
from domain.errors import N_, AlreadyExists
from domain.scoring import OrgRating
from domain.scoring_policy import SCORING_KIND, AdoptedPolicy, adopted
from domain.text import parse_choice
from services.appraisal.base import AppraisalBase
from services.caller import WRITERS, Caller
from services.personnel import Outcome
from services.policy import policy_in_force


class CycleCommands(AppraisalBase):
    """What HR decides for the whole cycle."""

    def open_cycle(
        self,
        caller: Caller,
        *,
        year: int,
        period: str,
        unit_ids: Sequence[UUID],
        objection_window_days: int = OBJECTION_WINDOW_DAYS,
        masyarakat_limit: int = DEFAULT_MASYARAKAT_LIMIT,
        utc_offset_hours: int = DEFAULT_UTC_OFFSET_HOURS,
        most_is_plurality: bool = False,
        reason: str | None = None,
    ) -> Outcome:
        """Open the tenant's cycle for a year with its checkpoints and participating units."""
        caller.require(WRITERS, N_("Opening an appraisal cycle"))
        for unit_id in dict.fromkeys(unit_ids):  # another tenant's unit: as if there were none
            self.get_unit(caller, unit_id)
        settings = CycleSettings(
            parse_choice(Period, period, N_("period")),
            objection_window_days,
            masyarakat_limit,
            utc_offset_hours,
            most_is_plurality,
        )
        cycle = AppraisalCycle.open(
            year=year,
            unit_ids=unit_ids,
            settings=settings,
            at=self.clock(),
            meta=caller.meta(reason),
            policy=self.scoring_policy_for(caller.tenant, year),
        )
        try:
            return self.save_outcome(cycle)
        except IntegrityError:
            raise AlreadyExists(
                N_("{tenant} has a {year} cycle already."), tenant=caller.tenant, year=year
            ) from None

    def scoring_policy_for(self, tenant: str, year: int) -> AdoptedPolicy | None:
        """The scoring policy in force on 1 January of the year (the tenant's, else national).

        None when none is recorded: the cycle then keeps the rules as they were before scoring
        was policy data (domain.scoring_policy.LEGACY_POLICY).
        """
        version = policy_in_force(self.repository, SCORING_KIND, tenant, date(year, 1, 1))
        if version is None:
            return None
        return adopted(version.label, version.scope, version.source, version.values)

    def enrol(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        candidates: Sequence[EnrolmentCandidate],
        units: Sequence[UnitNode],
        reason: str | None = None,
    ) -> Outcome:
        """Enrol the candidates of participating units, with appraisers derived from the tree."""
        caller.require(WRITERS, N_("Enrolling employees"))
        chains = derive_appraisers(candidates, units)

        def enrol(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            meta = caller.meta(reason)
            new = cycle.enrol(candidates, chains, at, meta)
            settings, year = cycle.settings, cycle.year
            return [cycle] + [
                EmployeeAppraisal.enrol(cycle.id, year, settings, entry, at, meta) for entry in new
            ]

        return self._change_cycle(caller, cycle_id, enrol)

    def override_appraiser(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        appraiser: str | None,
        superior: str | None,
        reason: str,
    ) -> Outcome:
        """Set an employee's appraiser and superior by hand (NIP or user id), with a reason."""
        caller.require(WRITERS, N_("Overriding an appraiser"))
        return self._reassign(
            caller, cycle_id, employee_id, OVERRIDE, None, appraiser, superior, reason
        )

    def record_mutasi(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        to_unit_id: UUID,
        appraiser: str | None,
        superior: str | None,
        reason: str | None = None,
    ) -> Outcome:
        """Move an employee to another participating unit and appraiser; the SKP reopens."""
        caller.require(WRITERS, N_("Recording a mutasi in a cycle"))
        return self._reassign(
            caller, cycle_id, employee_id, MUTASI, to_unit_id, appraiser, superior, reason
        )

    def _reassign(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        cause: str,
        unit_id: UUID | None,
        appraiser: str | None,
        superior: str | None,
        reason: str | None,
    ) -> Outcome:
        chain = AppraiserChain(appraiser or None, superior or None)

        def reassign(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            meta, unit = caller.meta(reason), unit_id or appraisal.unit_id
            cycle.change_appraiser(employee_id, cause, unit, chain, at, meta)
            appraisal.change_appraiser(cause, unit, chain.appraiser, chain.superior, at, meta)
            return [appraisal, cycle]

        return self._change(caller, cycle_id, employee_id, None, reassign)

    def rate_organisation(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        unit_id: UUID,
        rating: str,
        reason: str | None = None,
    ) -> Outcome:
        """Record a unit's predikat kinerja organisasi (changing it needs a reason)."""
        caller.require(WRITERS, N_("Rating a unit"))
        org_rating = parse_choice(OrgRating, rating, N_("organisation rating"))

        def rate(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            cycle.rate_organisation(unit_id, org_rating, at, caller.meta(reason))
            return [cycle]

        return self._change_cycle(caller, cycle_id, rate)

    def finalise(self, caller: Caller, *, cycle_id: UUID, reason: str | None = None) -> Outcome:
        """Lock the cycle once every unit is rated and in band; results count as received."""
        caller.require(WRITERS, N_("Finalising a cycle"))

        def finalise(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            meta = caller.meta(reason)
            appraisals = [self._appraisal(cycle, e) for e in cycle.employee_ids()]
            cycle.finalise(
                {a.employee_id: a.annual_predikat() for a in appraisals},
                at,
                meta,
                parents=self.unit_parents(caller, cycle),
                hasil_kerja={a.employee_id: a.annual_hasil_kerja() for a in appraisals},
            )
            for appraisal in appraisals:
                appraisal.lock(cycle.finalised_on or at.date(), at, meta)
            # One save: any appraisal changed since it was read makes this conflict, and retry.
            return [cycle, *appraisals]

        return self._change_cycle(caller, cycle_id, finalise)
