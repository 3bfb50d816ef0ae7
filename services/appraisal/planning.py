"""Planning: the SKP is drafted by the employee and approved by the appraiser."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from access.roles import ASN
from domain.appraisal import HasilKerja, check_hasil_kerja, check_perilaku
from domain.errors import N_
from services.appraisal.base import AppraisalBase
from services.caller import Caller
from services.personnel import Outcome


class PlanningCommands(AppraisalBase):
    """SKP drafting and approval."""

    def draft_skp(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        hasil_kerja: Sequence[HasilKerja],
        perilaku: Mapping[str, str],
        expected_version: int | None = None,
    ) -> Outcome:
        """The employee (or appraiser) drafts the SKP: hasil kerja rows, BerAKHLAK expectations."""
        caller.require(ASN, N_("Drafting an SKP"))
        rows, expectations = check_hasil_kerja(hasil_kerja), check_perilaku(perilaku)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.draft_skp(rows, expectations, at, caller.meta()),
        )

    def approve_skp(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """The appraiser approves the SKP (after 31 January only with a reason)."""
        caller.require(ASN, N_("Approving an SKP"))
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.approve_skp(at, caller.meta(reason)),
        )
