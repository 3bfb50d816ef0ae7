"""LeaveRequest: cuti asked for in writing, considered by the atasan langsung, then decided.

Perka BKN 24/2017 (as amended by Peraturan BKN 7/2021) Lampiran I and the form of Anak
Lampiran I.b: the PNS asks the Pejabat Yang Berwenang Memberikan Cuti in writing; the atasan
langsung gives a pertimbangan, and the official a keputusan, each one of DISETUJUI,
PERUBAHAN, DITANGGUHKAN or TIDAK DISETUJUI, with the reason for any but DISETUJUI. Approval
(DISETUJUI, or PERUBAHAN with the dates changed) is the grant: the service records it on the
Employee (`Employee.grant_leave`, the one record of leave and balances) in the same save.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from domain.aggregates.base import JejakAggregate
from domain.errors import N_, InvalidInput, Phrase, ReasonRequired, RuleViolation
from domain.leave import LeaveRequest as Asked
from domain.leave import LeaveType
from domain.leave_authority import Authority
from domain.meta import EventMeta


class Consideration(StrEnum):
    """The four answers of the form, for the atasan's pertimbangan and the official's keputusan."""

    DISETUJUI = "DISETUJUI"
    PERUBAHAN = "PERUBAHAN"  # the official: granted on other dates; the atasan: asks for them
    DITANGGUHKAN = "DITANGGUHKAN"  # deferred for the service's needs
    TIDAK_DISETUJUI = "TIDAK_DISETUJUI"


class RequestStatus(StrEnum):
    REQUESTED = "REQUESTED"
    RECOMMENDED = "RECOMMENDED"
    GRANTED = "GRANTED"  # DISETUJUI or PERUBAHAN: recorded on the Employee as LeaveGranted
    NOT_GRANTED = "NOT_GRANTED"  # DITANGGUHKAN or TIDAK_DISETUJUI


GRANTING = frozenset({Consideration.DISETUJUI, Consideration.PERUBAHAN})
_STATUS_WORDS = {
    RequestStatus.REQUESTED: N_("requested"),
    RequestStatus.RECOMMENDED: N_("recommended"),
    RequestStatus.GRANTED: N_("granted"),
    RequestStatus.NOT_GRANTED: N_("not_granted"),
}


def parse_consideration(raw: str) -> Consideration:
    """A consideration by its code (DISETUJUI, PERUBAHAN, DITANGGUHKAN, TIDAK_DISETUJUI)."""
    try:
        return Consideration(raw.strip().upper())
    except ValueError:
        allowed = ", ".join(c.value for c in Consideration)
        raise InvalidInput(
            N_("Unknown consideration {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


class LeaveRequest(JejakAggregate):
    """One written request for cuti and what became of it."""

    class Requested(JejakAggregate.Created):
        employee_id: UUID
        nip: str
        leave_type: str
        start: date
        end: date
        birth_order: int | None

    class Recommended(JejakAggregate.Event):
        consideration: str
        recommender_nip: str

        def apply(self, aggregate: LeaveRequest) -> None:
            aggregate.status = RequestStatus.RECOMMENDED
            aggregate.recommendation = Consideration(self.consideration)

    class Decided(JejakAggregate.Event):
        consideration: str
        authority: str
        on_behalf_of: str  # the PPK's name
        delegation: str | None  # the decree, when decided under delegation
        start: date  # as granted (PERUBAHAN may change them)
        end: date

        def apply(self, aggregate: LeaveRequest) -> None:
            decision = Consideration(self.consideration)
            aggregate.decision = decision
            granted = decision in GRANTING
            aggregate.status = RequestStatus.GRANTED if granted else RequestStatus.NOT_GRANTED
            aggregate.first_day, aggregate.last_day = self.start, self.end

    def __init__(
        self,
        employee_id: UUID,
        nip: str,
        leave_type: str,
        start: date,
        end: date,
        birth_order: int | None,
        meta: EventMeta,
    ) -> None:
        self.tenant = meta.tenant
        self.employee_id = employee_id
        self.nip = nip
        self.leave_type = LeaveType(leave_type)
        self.first_day, self.last_day = start, end
        self.birth_order = birth_order
        self.reason = meta.reason
        self.status = RequestStatus.REQUESTED
        self.recommendation: Consideration | None = None
        self.decision: Consideration | None = None

    @classmethod
    def submit(
        cls,
        *,
        request_id: UUID,
        employee_id: UUID,
        nip: str,
        asked: Asked,
        at: datetime,
        meta: EventMeta,
    ) -> LeaveRequest:
        """The employee's written request (its reason, in the meta, is private to them)."""
        request: LeaveRequest = cls.start(
            cls.Requested,
            request_id,
            at,
            meta,
            employee_id=employee_id,
            nip=nip,
            leave_type=asked.leave_type.value,
            start=asked.start,
            end=asked.end,
            birth_order=asked.birth_order,
        )
        return request

    def asked(self, start: date | None = None, end: date | None = None) -> Asked:
        """The request as the leave rules read it (on changed dates, for a PERUBAHAN)."""
        return Asked(
            self.leave_type,
            start or self.first_day,
            end or self.last_day,
            self.birth_order,
            self.reason,
        )

    def recommend(
        self, consideration: Consideration, recommender_nip: str, at: datetime, meta: EventMeta
    ) -> None:
        """The atasan langsung's pertimbangan; any but DISETUJUI says why."""
        self.check_is_awaiting(RequestStatus.REQUESTED, N_("recommended"))
        if recommender_nip == self.nip:
            raise RuleViolation(N_("Nobody recommends their own leave request."))
        self._check_reason(consideration, meta, N_("A pertimbangan"))
        self.record(
            self.Recommended,
            at,
            meta,
            consideration=consideration.value,
            recommender_nip=recommender_nip,
        )

    def decide(
        self,
        consideration: Consideration,
        authority: Authority,
        on_behalf_of: str,
        delegation: str | None,
        at: datetime,
        meta: EventMeta,
        changed: tuple[date, date] | None = None,
    ) -> None:
        """The official's keputusan; PERUBAHAN grants on the `changed` dates, others keep them."""
        self.check_is_awaiting(RequestStatus.RECOMMENDED, N_("decided"))
        self._check_reason(consideration, meta, N_("A keputusan"))
        if (consideration is Consideration.PERUBAHAN) != (changed is not None):
            raise InvalidInput(N_("A PERUBAHAN gives the changed dates; no other keputusan does."))
        start, end = changed or (self.first_day, self.last_day)
        self.record(
            self.Decided,
            at,
            meta,
            consideration=consideration.value,
            authority=authority.value,
            on_behalf_of=on_behalf_of,
            delegation=delegation if authority is Authority.DELEGATION else None,
            start=start,
            end=end,
        )

    def check_is_awaiting(self, status: RequestStatus, step: str) -> None:
        """Each step once, in order: requested, then recommended, then decided."""
        if self.status is not status:
            raise RuleViolation(
                N_("This leave request is {status}; it cannot be {step} now."),
                status=Phrase(_STATUS_WORDS[self.status]),
                step=Phrase(step),
            )

    @staticmethod
    def _check_reason(consideration: Consideration, meta: EventMeta, what: str) -> None:
        if consideration is not Consideration.DISETUJUI and not meta.reason:
            raise ReasonRequired(
                N_("{what} of {consideration} needs a reason."),
                what=Phrase(what),
                consideration=consideration.value,
            )
