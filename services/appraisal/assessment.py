"""Assessment and calibration: ratings per checkpoint, calibration changes, potential."""

from __future__ import annotations

from uuid import UUID

from access.roles import ASN
from domain.errors import N_
from domain.talent import Potensial
from domain.text import parse_choice
from services.appraisal.base import AppraisalBase, ratings
from services.caller import WRITERS, Caller
from services.personnel import Outcome


class AssessmentCommands(AppraisalBase):
    """Ratings, calibration and the potential assessment."""

    def rate(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        checkpoint: str,
        hasil_kerja: str,
        perilaku_kerja: str,
        justification: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """The appraiser rates hasil kerja and perilaku kerja for a checkpoint (or ANNUAL)."""
        caller.require(ASN, N_("Rating an employee"))
        hasil, perilaku = ratings(hasil_kerja, perilaku_kerja)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.rate(
                checkpoint, hasil, perilaku, justification, at, caller.meta(reason)
            ),
        )

    def calibrate(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        hasil_kerja: str,
        perilaku_kerja: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Outcome:
        """A calibrator (HR) changes the annual ratings, with a reason."""
        caller.require(WRITERS, N_("Calibrating a rating"))
        hasil, perilaku = ratings(hasil_kerja, perilaku_kerja)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.calibrate(hasil, perilaku, at, caller.meta(reason)),
        )

    def assess_potential(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        potensial: str,
        reason: str | None = None,
    ) -> Outcome:
        """Record a potential assessment (RENDAH, MENENGAH, TINGGI) for the 9-box."""
        caller.require(WRITERS, N_("Assessing potential"))
        level = parse_choice(Potensial, potensial, N_("potensial"))
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.assess_potential(level, at, caller.meta(reason)),
        )
