"""The career commands of the PersonnelApplication: kenaikan pangkat, jabatan, mutasi,
confirmation as PNS, awards and the end of employment.

Each parses the caller's values, gathers what the rules need from beyond the employee (the
finalised predikat and the promotion periods in force, the Latsar training record:
services.career_history), and runs the Employee's command through `_change`.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain.aggregates.employee import Employee
from domain.awards import parse_award_kind
from domain.employment import parse_separation_kind
from domain.errors import N_
from domain.jabatan import parse_jabatan
from domain.promotion import parse_ijazah, parse_promotion_kind
from services.caller import WRITERS, Caller
from services.career_history import latsar_completed_on, promotion_history
from services.employee_records import EmployeeRecords
from services.outcome import Outcome


class CareerCommands(EmployeeRecords):
    """Kenaikan pangkat, jabatan, mutasi, confirmation as PNS, awards, the end of employment."""

    def promote(
        self,
        caller: Caller,
        *,
        nip: str,
        to_golongan: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
        kind: str | None = None,
        ijazah: str | None = None,
    ) -> Outcome:
        """Kenaikan pangkat one step, by domain.promotion's rules (a pilihan with its reason)."""
        caller.require(WRITERS, N_("Promoting"))
        promotion_kind, held = parse_promotion_kind(kind), parse_ijazah(ijazah)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.promote(
                to_golongan,
                effective_on,
                at,
                caller.meta(reason),
                kind=promotion_kind,
                ijazah=held,
                history=promotion_history(self.repository, e, effective_on),
            ),
        )

    def change_jabatan(
        self,
        caller: Caller,
        *,
        nip: str,
        jabatan_kind: str,
        jabatan_title: str,
        effective_on: date,
        jabatan_jenjang: str | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Put the employee in another jabatan."""
        caller.require(WRITERS, N_("Changing a jabatan"))
        jabatan = parse_jabatan(jabatan_kind, jabatan_title, jabatan_jenjang)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.change_jabatan(jabatan, effective_on, at, caller.meta(reason)),
        )

    def transfer(
        self,
        caller: Caller,
        *,
        nip: str,
        to_unit_id: UUID,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Mutasi to another unit kerja of the same tenant."""
        caller.require(WRITERS, N_("A mutasi"))
        unit = self.get_unit(caller, to_unit_id)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.transfer(unit.id, effective_on, at, caller.meta(reason)),
        )

    def confirm_as_pns(
        self,
        caller: Caller,
        *,
        nip: str,
        effective_on: date,
        latsar_programme_id: UUID,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Confirm a CPNS as PNS after probation and the Latsar programme named, passed (PP
        11/2017 Pasal 37): its completion date comes from the programme's training record."""
        caller.require(WRITERS, N_("Confirming a CPNS"))

        def confirm(e: Employee, at: datetime) -> None:
            meta = caller.meta(reason)
            e.check_can_confirm_as_pns(effective_on, at, meta)
            latsar = latsar_completed_on(self.repository, e, latsar_programme_id)
            e.confirm_as_pns(effective_on, at, meta, latsar)

        return self._change(caller, nip, expected_version, confirm)

    def record_award(
        self,
        caller: Caller,
        *,
        nip: str,
        kind: str,
        title: str,
        awarded_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Record a penghargaan."""
        caller.require(WRITERS, N_("Recording an award"))
        award_kind = parse_award_kind(kind)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.record_award(award_kind, title, awarded_on, at, caller.meta(reason)),
        )

    def end_employment(
        self,
        caller: Caller,
        *,
        nip: str,
        separation: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """End employment (retirement, resignation, dismissal, death) with its reason."""
        caller.require(WRITERS, N_("Ending employment"))
        kind = parse_separation_kind(separation)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.end_employment(kind, effective_on, at, caller.meta(reason)),
        )
