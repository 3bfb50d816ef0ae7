"""AppraisalCycle: the cycle-level facts of one tenant's appraisal year (PermenPANRB 6/2022).

Why two aggregates: a tenant has thousands of employees, and every appraiser writes during the
year. The cycle holds only what HR decides for everyone (settings, participating units, the
roster of who appraises whom, organisation ratings, finalisation); each employee's SKP,
feedback, ratings and objection live in their own `EmployeeAppraisal`, so appraisers never
contend on one stream. HR commands touch the cycle (rarely), appraisers touch one appraisal.
A change of appraiser is recorded on both, saved together. Finalisation needs every employee's
annual predikat: the application loads them and passes them in, and the cycle checks the
bands per unit (rules in `domain.scoring`); once finalised, nothing in the cycle changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.aggregates.cycle_roster import CycleRoster
from domain.appraisal import (
    AppraiserChain,
    CycleSettings,
    EnrolmentCandidate,
    local_date,
)
from domain.appraisal_enrolment import roster_entry
from domain.appraisal_finalisation import final_result
from domain.errors import (
    N_,
    CycleLocked,
    InvalidInput,
    RuleViolation,
    UnitNotParticipating,
)
from domain.meta import EventMeta
from domain.scoring import OrgRating, Predikat
from domain.scoring_policy import AdoptedPolicy

CYCLE_NAMESPACE = UUID("3d0f6c1e-7b2a-4e59-a8c4-5f1e9b2d7a63")
OVERRIDE, MUTASI = "OVERRIDE", "MUTASI"


class AppraisalCycle(CycleRoster, JejakAggregate):
    """One tenant's appraisal year; its id is derived from (tenant, year)."""

    class Opened(JejakAggregate.Created):
        tenant: str
        year: int
        unit_ids: list[UUID]
        # CycleSettings.as_fields: period, checkpoints, deadlines, …; and since scoring is policy
        # data, "scoring": the policy adopted (label, scope, source, values).
        settings: dict[str, Any]

    class EmployeesEnrolled(JejakAggregate.Event):
        enrolments: list[dict[str, Any]]

        def apply(self, aggregate: AppraisalCycle) -> None:
            for entry in self.enrolments:
                aggregate.roster[str(entry["employee_id"])] = dict(entry, overridden=False)

    class AppraiserChanged(JejakAggregate.Event):
        employee_id: UUID
        cause: str  # OVERRIDE (HR decision) or MUTASI (moved to another unit)
        unit_before: UUID
        unit_after: UUID
        appraiser_before: str | None
        appraiser_after: str | None
        superior_before: str | None
        superior_after: str | None

        def apply(self, aggregate: AppraisalCycle) -> None:
            entry = aggregate.roster[str(self.employee_id)]
            entry.update(unit_id=self.unit_after, appraiser=self.appraiser_after)
            entry.update(superior=self.superior_after, overridden=self.cause == OVERRIDE)

    class OrganisationRated(JejakAggregate.Event):
        unit_id: UUID
        rating: str
        previous: str | None

        def apply(self, aggregate: AppraisalCycle) -> None:
            aggregate.org_ratings[str(self.unit_id)] = self.rating

    class Finalised(JejakAggregate.Event):
        received_on: date  # the local date employees receive their result
        rules_version: str
        distribution: list[dict[str, Any]]  # per unit: unit_id, org_rating, counts, total

        def apply(self, aggregate: AppraisalCycle) -> None:
            aggregate.finalised_on = self.received_on

    def __init__(
        self,
        tenant: str,
        year: int,
        unit_ids: list[UUID],
        settings: dict[str, Any],
        meta: EventMeta,
    ) -> None:
        self.tenant, self.year = tenant, year
        self.unit_ids = list(unit_ids)
        self.settings = dict(settings)
        self.roster: dict[str, dict[str, Any]] = {}  # str(employee id) → enrolment
        self.org_ratings: dict[str, str] = {}  # str(unit id) → OrgRating
        self.finalised_on: date | None = None

    @staticmethod
    def id_for(tenant: str, year: int) -> UUID:
        """One cycle per tenant and year."""
        return uuid5(CYCLE_NAMESPACE, f"{tenant}/{year}")

    @classmethod
    def open(
        cls,
        *,
        year: int,
        unit_ids: Sequence[UUID],
        settings: CycleSettings,
        at: datetime,
        meta: EventMeta,
        policy: AdoptedPolicy | None = None,
    ) -> AppraisalCycle:
        """Open the tenant's cycle for a year, naming the units and adopting a scoring policy
        (in its settings, which every appraisal enrolled carries: predikat are computed and
        recomputed with it); None keeps the rules from before scoring was policy data."""
        if not 2022 <= year <= 2100:
            raise InvalidInput(N_("A cycle year is 2022 (PermenPANRB 6/2022) or later."))
        if not unit_ids or len(set(unit_ids)) != len(unit_ids):
            raise InvalidInput(N_("A cycle names one or more participating units, each once."))
        cycle: AppraisalCycle = cls.start(
            cls.Opened,
            cls.id_for(meta.tenant, year),
            at,
            meta,
            tenant=meta.tenant,
            year=year,
            unit_ids=list(unit_ids),
            settings=settings.as_fields(year) | ({"scoring": policy.as_fields()} if policy else {}),
        )
        return cycle

    # --- invariants, read as sentences ---------------------------------------------------
    def check_is_open(self) -> None:
        if self.finalised_on is not None:
            raise CycleLocked(
                N_("The {year} cycle was finalised on {finalised_on}."),
                year=self.year,
                finalised_on=self.finalised_on,
            )

    def check_unit_participates(self, unit_id: UUID) -> None:
        if unit_id not in self.unit_ids:
            raise UnitNotParticipating(
                N_("Unit {unit} is not in the {year} cycle."), unit=unit_id, year=self.year
            )

    # --- commands -------------------------------------------------------------------------
    def enrol(
        self,
        candidates: Iterable[EnrolmentCandidate],
        chains: Mapping[UUID, AppraiserChain],
        at: datetime,
        meta: EventMeta,
    ) -> list[dict[str, Any]]:
        """Enrol the candidates of participating units not yet enrolled; returns them."""
        self.check_is_open()
        known = {e["nip"] for e in self.roster.values()}
        new = []
        for c in candidates:
            if c.unit_id in self.unit_ids and str(c.employee_id) not in self.roster:
                if c.nip in known:
                    raise InvalidInput(
                        N_("NIP {nip} is enrolled under another employee id."), nip=c.nip
                    )
                known.add(c.nip)
                new.append(roster_entry(c, chains[c.employee_id]))
        if not new:
            raise RuleViolation(
                N_("Every candidate of the participating units is enrolled already.")
            )
        self.record(self.EmployeesEnrolled, at, meta, enrolments=new)
        return new

    def change_appraiser(
        self,
        employee_id: UUID,
        cause: str,
        unit_id: UUID,
        chain: AppraiserChain,
        at: datetime,
        meta: EventMeta,
    ) -> None:
        """Override the derived appraiser chain (with a reason), or follow a mutasi."""
        self.check_is_open()
        entry = self.enrolment(employee_id)
        self.check_unit_participates(unit_id)
        if cause == OVERRIDE:
            meta.require_reason(N_("Overriding an appraiser"))
        if entry["nip"] in (chain.appraiser, chain.superior) or (
            chain.appraiser is not None and chain.appraiser == chain.superior
        ):
            raise InvalidInput(N_("The employee, appraiser and superior are three people."))
        before = (entry["unit_id"], entry["appraiser"], entry["superior"])
        if before == (unit_id, chain.appraiser, chain.superior):
            raise RuleViolation(N_("That is already the employee's unit and appraiser chain."))
        self.record(
            self.AppraiserChanged,
            at,
            meta,
            employee_id=employee_id,
            cause=cause,
            unit_before=before[0],
            unit_after=unit_id,
            appraiser_before=before[1],
            appraiser_after=chain.appraiser,
            superior_before=before[2],
            superior_after=chain.superior,
        )

    def rate_organisation(
        self, unit_id: UUID, rating: OrgRating, at: datetime, meta: EventMeta
    ) -> None:
        """Record the unit's predikat kinerja organisasi; changing it needs a reason."""
        self.check_is_open()
        self.check_unit_participates(unit_id)
        previous = self.org_ratings.get(str(unit_id))
        if previous == rating.value:
            raise RuleViolation(N_("The unit is rated {rating} already."), rating=previous)
        if previous is not None:
            meta.require_reason(N_("Changing an organisation rating"))
        self.record(
            self.OrganisationRated,
            at,
            meta,
            unit_id=unit_id,
            rating=rating.value,
            previous=previous,
        )

    def finalise(
        self,
        predikats: Mapping[UUID, Predikat | None],
        at: datetime,
        meta: EventMeta,
        *,
        parents: Mapping[UUID, UUID | None] | None = None,
        hasil_kerja: Mapping[UUID, str | None] | None = None,
    ) -> None:
        """Lock the cycle once its result keeps the rules (domain.appraisal_finalisation);
        without `parents` (the unit tree) or `hasil_kerja` (heads') those rules go unchecked."""
        self.check_is_open()
        args = (self.unit_ids, self.roster, self.org_ratings, predikats, parents or {})
        summary = final_result(self.policy, *args, hasil_kerja)
        received_on = local_date(at, self.settings["utc_offset_hours"])
        self.record(
            self.Finalised,
            at,
            meta,
            received_on=received_on,
            rules_version=self.policy.label,
            distribution=summary,
        )
