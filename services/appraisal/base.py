"""The base of AppraisalApplication: loading, the lock, saving and retrying lost races.

Every command of the phase mixins (cycle, planning, execution, assessment, objection, views)
changes an appraisal through `_change` or the cycle through `_change_cycle`, so the lock, the
expected version and the retry rule are checked in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from access.roles import READERS
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.appraisal_record import PARTIES
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.errors import N_, AppraisalForbidden, CycleNotFound, listing
from domain.scoring import Rating
from domain.text import parse_choice
from services.application import JejakApplication
from services.caller import Caller
from services.personnel import Outcome
from services.retry import check_expected_version, retry_lost_races

Command = Callable[[AppraisalCycle, EmployeeAppraisal, datetime], Sequence[JejakAggregate]]


class AppraisalBase(JejakApplication):
    """Shared state and the one way appraisals and cycles change."""

    def get_cycle(self, caller: Caller, cycle_id: UUID) -> AppraisalCycle:
        """Load a cycle of the caller's tenant, or raise CycleNotFound."""
        missing = CycleNotFound(
            N_("No appraisal cycle {cycle_id} in {tenant}."),
            cycle_id=cycle_id,
            tenant=caller.tenant,
        )
        return self.of_tenant(caller, AppraisalCycle, cycle_id, missing)

    @staticmethod
    def _check_reads(caller: Caller, appraisal: EmployeeAppraisal, *parties: str) -> None:
        """HR and auditors read every appraisal; an ASN only as one of `parties` of it."""
        people = {"employee": appraisal.nip, "appraiser": appraisal.appraiser}
        people["superior"] = appraisal.superior
        if caller.actor.role in READERS:
            return
        if caller.actor.user_id not in {people[party] for party in parties}:
            raise AppraisalForbidden(
                N_("This view of {nip} is for: {parties}."),
                nip=appraisal.nip,
                parties=listing(PARTIES[party] for party in parties),
            )

    # --- the one way appraisals change ----------------------------------------------------
    def _command(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        expected_version: int | None,
        command: Callable[[EmployeeAppraisal, datetime], object],
    ) -> Outcome:
        def run(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            command(appraisal, at)
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, expected_version, run)

    def _change(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        expected_version: int | None,
        command: Command,
        *,
        locked_ok: bool = False,
    ) -> Outcome:
        """Load, check the lock and the expected version, run the command, save; retry a race.

        The first aggregate the command returns is the one the Outcome describes.
        """

        def attempt() -> Outcome:
            cycle = self.get_cycle(caller, cycle_id)
            if not locked_ok:
                cycle.check_is_open()
            appraisal = self._appraisal(cycle, employee_id)
            if not locked_ok:
                appraisal.check_is_open()  # locked by a finalisation this cycle load missed
            subject = f"The appraisal of {appraisal.nip}"
            check_expected_version(subject, appraisal.version, expected_version)
            changed = command(cycle, appraisal, self.clock())
            return self.save_outcome(*changed)

        return retry_lost_races(
            attempt, subject=N_("The appraisal"), strict=expected_version is not None
        )

    def _change_cycle(
        self,
        caller: Caller,
        cycle_id: UUID,
        command: Callable[[AppraisalCycle, datetime], Sequence[JejakAggregate]],
    ) -> Outcome:
        def attempt() -> Outcome:
            cycle = self.get_cycle(caller, cycle_id)
            return self.save_outcome(*command(cycle, self.clock()))  # the cycle comes first

        return retry_lost_races(attempt, subject=N_("The cycle"), strict=False)

    def _appraisal(self, cycle: AppraisalCycle, employee_id: UUID) -> EmployeeAppraisal:
        cycle.enrolment(employee_id)  # AppraisalNotFound unless enrolled
        appraisal: EmployeeAppraisal = self.repository.get(
            EmployeeAppraisal.id_for(cycle.id, employee_id)
        )
        return appraisal

    def unit_parents(self, caller: Caller, cycle: AppraisalCycle) -> dict[UUID, UUID | None]:
        """The parent of each participating unit, for pooling small units with their parent."""
        return {u: self.get_unit(caller, u).parent_id for u in cycle.unit_ids}

    def _annual_predikats(
        self, cycle: AppraisalCycle, unit_id: UUID | None = None
    ) -> dict[UUID, Any]:
        return {e: self._appraisal(cycle, e).annual_predikat() for e in cycle.employee_ids(unit_id)}


def ratings(hasil_kerja: str, perilaku_kerja: str) -> tuple[Rating, Rating]:
    return parse_choice(Rating, hasil_kerja, N_("rating")), parse_choice(
        Rating, perilaku_kerja, N_("rating")
    )
