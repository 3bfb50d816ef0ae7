"""Who is calling a command, and what their role lets them do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.errors import NotAllowedForRole
from domain.meta import Actor, EventMeta
from domain.units import check_tenant


class Role(StrEnum):
    """Roles a caller acts in."""

    HR_OFFICER = "hr_officer"  # BKPSDM / BKD staff of one instansi
    AUDITOR = "auditor"  # Inspektorat, BKN, Ombudsman: read-only, full history
    EMPLOYEE = "employee"  # an ASN using the self-service portal
    ADMIN = "admin"  # operators of the system
    TRAINING_INSTITUTION = "training_institution"  # a lembaga diklat acting for the tenant
    SUPERVISOR = "supervisor"  # an atasan nominating their staff for training


WRITERS = frozenset({Role.HR_OFFICER, Role.ADMIN})
AUDITORS = frozenset({Role.AUDITOR, Role.ADMIN})


@dataclass(frozen=True)
class Caller:
    """The authenticated actor, their tenant (instansi) and the request's correlation id."""

    actor: Actor
    tenant: str
    correlation_id: str

    def __post_init__(self) -> None:
        check_tenant(self.tenant)

    def meta(self, reason: str | None = None) -> EventMeta:
        """The metadata stamped on the events this caller's command records."""
        return EventMeta.of(self.actor, self.tenant, self.correlation_id, reason)

    def require(self, allowed: frozenset[Role], action: str) -> None:
        """Raise FORBIDDEN unless the caller's role may do `action`."""
        if self.actor.role not in allowed:
            roles = ", ".join(sorted(allowed))
            raise NotAllowedForRole(f"{action} needs one of the roles: {roles}.")
