"""LeaveRequestsApplication: an employee asks for cuti, the atasan considers it, the official
decides, and an approval is the grant (Perka BKN 24/2017 Lampiran I; PP 11/2017 Pasal 309).

An application of its own, in the one Jejak log: the request is its own aggregate, and the
decision that grants saves the request and the Employee's LeaveGranted together, in one
`save`, so a request is never granted without the balance charged, nor charged without the
request decided. The team check of a recommendation (the supervisor chain, a read-side fact)
is the API's, as for a nomination (graphql_api/guard.py `require_team`).
HR's direct grant (PersonnelApplication.grant_leave) stays: it records leave decided on
paper (the data generator and imports use it) and is the same rule and the same event.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from access.roles import ASN, WRITERS, Role
from domain.aggregates.employee import Employee, no_employee
from domain.aggregates.leave_request import (
    GRANTING,
    Consideration,
    LeaveRequest,
    parse_consideration,
)
from domain.dates import check_effective_date
from domain.errors import N_, InvalidInput, InvalidLeaveRequest, NotAllowedForRole, NotFound, Phrase
from domain.leave import LeaveRequest as Asked
from domain.leave_authority import LEAVE_AUTHORITY_KIND, DecidingAuthority, authority_to_decide
from domain.leave_rules import check_leave
from services.application import JejakApplication
from services.caller import Caller
from services.career_history import replayed
from services.outcome import Outcome, normalize_nip
from services.personnel import _leave_type as parse_leave_type  # the one parse of a type
from services.policy import policy_in_force, working_calendar
from services.retry import retry_lost_races

DECIDERS = WRITERS | {Role.SUPERVISOR}  # HR under delegation; the PPK, named by user id
MAX_LEAVE_YEARS = 4  # PP 11/2017: CLTN at most 3 years, extendable by 1


class LeaveRequestsApplication(JejakApplication):
    """Leave requests and their decisions, in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Employee: 10}

    def request_leave(
        self,
        caller: Caller,
        *,
        leave_type: str,
        start: date,
        end: date,
        birth_order: int | None = None,
        reason: str | None = None,
    ) -> Outcome:
        """Ask for cuti under the caller's own NIP; refused at once if the rules refuse it."""
        caller.require(ASN, N_("Requesting leave"))
        if caller.nip is None:
            raise NotAllowedForRole(N_("Requesting leave needs your own NIP in the token."))
        employee = self._employee(caller, caller.nip)
        _check_dates(start, end, self.clock().date())
        asked = Asked(parse_leave_type(leave_type), start, end, birth_order, reason)
        calendar = working_calendar(self.repository, caller.tenant, start, end)
        check_leave(asked, employee.leave_context(), employee.leave, calendar)  # not yet charged
        request = LeaveRequest.submit(
            request_id=self.new_id(),
            employee_id=employee.id,
            nip=employee.nip,
            asked=asked,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        return self.save_outcome(request)

    def recommend_leave(
        self,
        caller: Caller,
        *,
        request_id: UUID,
        nip: str,
        consideration: str,
        reason: str | None = None,
    ) -> Outcome:
        """The atasan langsung's pertimbangan on a request of someone in their team."""
        caller.require(frozenset({Role.SUPERVISOR}), N_("Recommending leave"))
        if caller.nip is None:
            raise NotAllowedForRole(N_("Recommending leave needs your own NIP in the token."))
        answer, own_nip = parse_consideration(consideration), caller.nip

        def attempt() -> Outcome:
            request = self.get_request(caller, request_id, nip)
            request.recommend(answer, own_nip, self.clock(), caller.meta(reason))
            return self.save_outcome(request)

        return retry_lost_races(
            attempt,
            subject=Phrase(N_("Leave request {request_id}"), request_id=request_id),
            strict=False,
        )

    def decide_leave(
        self,
        caller: Caller,
        *,
        request_id: UUID,
        consideration: str,
        reason: str | None = None,
        changed: tuple[date, date] | None = None,
    ) -> Outcome:
        """The official's keputusan; DISETUJUI or PERUBAHAN grants and charges the balance."""
        caller.require(DECIDERS, N_("Deciding leave"))
        answer = parse_consideration(consideration)
        if changed is not None:
            _check_dates(*changed, self.clock().date())

        def attempt() -> Outcome:
            request = self.get_request(caller, request_id)
            at, meta = self.clock(), caller.meta(reason)
            version = policy_in_force(
                self.repository, LEAVE_AUTHORITY_KIND, caller.tenant, at.date()
            )
            authority = DecidingAuthority.of(version.values) if version else None
            on = authority_to_decide(
                authority, caller.actor.user_id, caller.actor.role in WRITERS, request.leave_type
            )
            assert authority is not None  # authority_to_decide refused otherwise
            request.decide(answer, on, authority.ppk_name, authority.delegation, at, meta, changed)
            if answer not in GRANTING:
                return self.save_outcome(request)
            employee = self._employee(caller, request.nip)
            asked = request.asked()  # on the dates decided
            calendar = working_calendar(self.repository, caller.tenant, asked.start, asked.end)
            employee.grant_leave(asked, at, caller.meta(request.reason), calendar)
            return self.save_outcome(request, employee)

        return retry_lost_races(
            attempt,
            subject=Phrase(N_("Leave request {request_id}"), request_id=request_id),
            strict=False,
        )

    def get_request(self, caller: Caller, request_id: UUID, nip: str | None = None) -> LeaveRequest:
        """A request of the caller's tenant (of `nip`, when given), or NOT_FOUND."""
        missing = NotFound(
            N_("No leave request {request_id} in {tenant}."),
            request_id=request_id,
            tenant=caller.tenant,
        )
        request = self.of_tenant(caller, LeaveRequest, request_id, missing)
        if nip is not None and request.nip != normalize_nip(nip):
            raise missing
        return request

    def _employee(self, caller: Caller, nip: str) -> Employee:
        digits = normalize_nip(nip)
        try:
            employee: Employee = self.repository.get(Employee.id_for(digits))
        except AggregateNotFoundError:
            raise no_employee(digits, caller.tenant) from None
        employee.check_tenant(caller.meta())
        employee.check_is_active()
        return replayed(self.repository, employee) if employee.needs_replay else employee


def _check_dates(start: date, end: date, today: date) -> None:
    """A leave's start within the effective-date horizon, and no longer than any cuti can be
    (a CLTN's 3 years and its 1-year extension), before a calendar is read for it."""
    check_effective_date(start, N_("The leave start"), today)
    if end < start:
        raise InvalidLeaveRequest(
            N_("Leave ends ({end}) before it starts ({start})."), end=end, start=start
        )
    if end.year - start.year > MAX_LEAVE_YEARS:
        raise InvalidLeaveRequest(N_("No cuti lasts from {start} to {end}."), start=start, end=end)


def changed_dates(start: date | None, end: date | None) -> tuple[date, date] | None:
    """The dates of a PERUBAHAN: both or neither."""
    if (start is None) != (end is None):
        raise InvalidInput(N_("A PERUBAHAN gives both the changed start and end."))
    return (start, end) if start is not None and end is not None else None


__all__ = ["Consideration", "LeaveRequestsApplication", "changed_dates"]
