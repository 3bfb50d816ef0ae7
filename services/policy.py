"""PolicyApplication: versioned policy data (holidays, promotion periods, TPP factors, …).

The platform admin records national values; a tenant's HR officer records its own tenant's
values of a kind a tenant may set. Every Jejak application shares the one event store, so any
of them reads the values in force with `policy_in_force(self.repository, …)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository
from eventsourcing.persistence import IntegrityError

from access.roles import PLATFORM, WRITERS
from domain.absence import WorkingDay
from domain.aggregates.policy_register import PolicyRegister
from domain.errors import N_, Conflict, NotAllowedForRole
from domain.holidays import HOLIDAYS_KIND, WorkingCalendar
from domain.policy import NATIONAL, PolicyVersion, check_scope, in_force_for_scope
from domain.policy_kinds import policy_kind
from services.application import JejakApplication
from services.caller import Caller
from services.outcome import Outcome


def policy_register(
    repository: Repository[UUID], scope: str, kind: str, *, to_read: bool = False
) -> PolicyRegister | None:
    """The register of `kind` for `scope` as stored, or None if nothing was recorded.

    `to_read`: the caller only reads it, so a cached register is shared, not deep-copied (a
    copy of a year's holiday lists costs a millisecond, and every leave grant reads them).
    """
    try:
        register: PolicyRegister = repository.get(
            PolicyRegister.id_for(scope, kind), deepcopy_from_cache=not to_read
        )
    except AggregateNotFoundError:
        return None
    return register


def policy_in_force(
    repository: Repository[UUID], kind: str, scope: str, on: date
) -> PolicyVersion | None:
    """The values of `kind` in force on `on` for `scope`, the national ones as fallback."""
    known, scope = policy_kind(kind), check_scope(scope)
    kind = known.name
    national = policy_register(repository, NATIONAL, kind, to_read=True)
    tenant_scoped = scope != NATIONAL and known.tenant_may_set
    own = policy_register(repository, scope, kind, to_read=True) if tenant_scoped else None
    return in_force_for_scope(
        own.versions if own else [], national.versions if national else [], on
    )


def working_calendar(
    repository: Repository[UUID], scope: str, start: date, end: date
) -> WorkingCalendar:
    """The holidays and cuti bersama of the years from start to end, as recorded (a year with
    no list recorded counts Monday to Friday only)."""
    lists = []
    for year in range(start.year, end.year + 1):
        version = policy_in_force(repository, HOLIDAYS_KIND, scope, date(year, 12, 31))
        if version is not None and version.values.get("year") == year:
            lists.append(version.values)
    return WorkingCalendar.of_years(lists)


def recorded_working_days(repository: Repository[UUID], scope: str = NATIONAL) -> WorkingDay:
    """Whether a day is a working day by the recorded lists, each year's list read once per
    answer (so one command sees one calendar, and an amendment counts from the next)."""
    years: dict[int, WorkingCalendar] = {}

    def is_working_day(day: date) -> bool:
        if day.year not in years:
            years[day.year] = working_calendar(repository, scope, day, day)
        return years[day.year].is_working_day(day)

    return is_working_day


class PolicyApplication(JejakApplication):
    """Policy registers, in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log

    def record_values(
        self,
        caller: Caller,
        *,
        kind: str,
        scope: str,
        label: str,
        effective_from: date,
        values: Mapping[str, Any],
        source: str,
        reason: str | None = None,
    ) -> Outcome:
        """Record a version of `kind` for `scope`: admin for national, HR for its own tenant."""
        scope = self._check_may_set(caller, policy_kind(kind).name, check_scope(scope))
        meta = replace(caller.meta(reason), tenant=scope)  # the event belongs to its scope
        register = policy_register(self.repository, scope, kind)
        if register is None:
            register = PolicyRegister.open(kind=kind, scope=scope, at=self.clock(), meta=meta)
        register.record_values(
            label=label,
            effective_from=effective_from,
            values=values,
            source=source,
            at=self.clock(),
            meta=meta,
        )
        if scope != NATIONAL:
            self.check_registered(scope)
        try:
            recordings = self.save(register)
        except IntegrityError:
            raise Conflict(
                N_("The {kind} register of {scope} changed meanwhile; record the values again."),
                kind=kind,
                scope=scope,
            ) from None
        return Outcome(register.id, register.version, recordings[-1].notification.id)

    def values_in_force(self, kind: str, scope: str, on: date) -> PolicyVersion | None:
        """The version of `kind` in force on `on` for `scope` (national as fallback)."""
        return policy_in_force(self.repository, kind, scope, on)

    @staticmethod
    def _check_may_set(caller: Caller, kind: str, scope: str) -> str:
        role = caller.actor.role
        if role in PLATFORM:
            if scope != NATIONAL:
                raise NotAllowedForRole(N_("The platform admin records national policy only."))
            return scope
        if role not in WRITERS:
            raise NotAllowedForRole(
                N_("Recording policy values needs the admin or hr_officer role.")
            )
        if scope != caller.tenant:
            raise NotAllowedForRole(
                N_("An HR officer records the policy of {tenant} only."), tenant=caller.tenant
            )
        if not policy_kind(kind).tenant_may_set:
            raise NotAllowedForRole(
                N_("{kind} is national policy: only the platform admin sets it."), kind=kind
            )
        return scope
