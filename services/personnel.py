"""PersonnelApplication: the service layer for unit kerja and employee records.

`Outcome`, `utc_now` and `normalize_nip` are re-exported from services.outcome.

GraphQL mutations, the CLI and the data generator all call these commands; each takes the
caller and plain values, validates, saves the events and returns where they landed in the log.
The application is assembled by concern, one way down: the conduct commands here (hukuman
disiplin, cuti), the career commands (services.career_commands), the employee records and
the shared change loop (services.employee_records), absences (services.attendance) and unit
kerja (services.units).
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from domain.aggregates.employee import Employee
from domain.discipline import AbsenceBasis, SanctionImposition, parse_sanction
from domain.errors import N_, InvalidLeaveRequest
from domain.jabatan import parse_jabatan
from domain.leave import LeaveRequest, LeaveType
from domain.text import CODE, clean_text
from services.caller import WRITERS, Caller
from services.career_commands import CareerCommands
from services.outcome import Outcome, normalize_nip, utc_now
from services.policy import working_calendar

__all__ = ["Outcome", "PersonnelApplication", "normalize_nip", "utc_now"]


class PersonnelApplication(CareerCommands):
    """Unit kerja and employee records, all in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    # At most 9 events to replay after the latest snapshot: loading a long-serving employee
    # costs 1.4-1.6x a new one (docs/benchmarks.md, loading); at 50 it was 2.3-5x.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Employee: 10}

    def impose_sanction(
        self,
        caller: Caller,
        *,
        nip: str,
        level: str,
        kind: str,
        effective_on: date,
        reason: str | None = None,
        expected_version: int | None = None,
        absences_seen: AbsenceBasis | None = None,
        departure_reason: str | None = None,
        jabatan_after: tuple[str, str, str | None] | None = None,
    ) -> Outcome:
        """Record a hukuman disiplin (PP 94/2021) with its reason; for a year's absences, bound
        to the count and proposal the decider saw (`absences_seen`, services/attendance.py)."""
        caller.require(WRITERS, N_("A discipline sanction"))
        sanction = parse_sanction(level, kind)
        after = parse_jabatan(*jabatan_after) if jabatan_after else None
        if absences_seen is not None:
            return self._impose_for_absence(
                caller,
                nip=nip,
                sanction=sanction,
                effective_on=effective_on,
                seen=absences_seen,
                departure_reason=departure_reason,
                jabatan_after=after,
                reason=reason,
                expected_version=expected_version,
            )
        imposition = SanctionImposition(jabatan_after=after)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.impose_sanction(
                sanction, effective_on, at, caller.meta(reason), imposition
            ),
        )

    def grant_leave(
        self,
        caller: Caller,
        *,
        nip: str,
        leave_type: str,
        start: date,
        end: date,
        birth_order: int | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Grant and record cuti after the eligibility and balance checks."""
        caller.require(WRITERS, N_("Granting leave"))
        request = LeaveRequest(_leave_type(leave_type), start, end, birth_order, reason)
        return self._change(
            caller,
            nip,
            expected_version,
            lambda e, at: e.grant_leave(
                request,
                at,
                caller.meta(reason),
                working_calendar(self.repository, caller.tenant, start, end),
            ),
        )


def _leave_type(raw: str) -> LeaveType:
    raw = clean_text(raw, N_("A leave type"), CODE, min_length=0, error=InvalidLeaveRequest)
    try:
        return LeaveType(raw.strip().upper())
    except ValueError:
        allowed = ", ".join(t.value for t in LeaveType)
        raise InvalidLeaveRequest(
            N_("Unknown leave type {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None
