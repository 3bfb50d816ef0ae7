"""Who is calling a command, and what their role lets them do."""

from __future__ import annotations

from dataclasses import dataclass

from access.roles import AUDITORS, WRITERS, Role
from domain.errors import N_, NotAllowedForRole, phrase
from domain.meta import Actor, EventMeta
from domain.units import check_tenant


@dataclass(frozen=True)
class Caller:
    """The authenticated actor, their tenant (instansi) and the request's correlation id."""

    actor: Actor
    tenant: str
    correlation_id: str
    nip: str | None = None  # the caller's own NIP, from a verified claim (people, not services)

    def __post_init__(self) -> None:
        check_tenant(self.tenant)

    def meta(self, reason: str | None = None) -> EventMeta:
        """The metadata stamped on the events this caller's command records."""
        return EventMeta.of(self.actor, self.tenant, self.correlation_id, reason)

    def require(self, allowed: frozenset[Role], action: str) -> None:
        """Raise FORBIDDEN unless the caller's role may do `action` (a marked phrase)."""
        if self.actor.role not in allowed:
            roles = ", ".join(sorted(allowed))
            raise NotAllowedForRole(
                N_("{action} needs one of the roles: {roles}."), action=phrase(action), roles=roles
            )


__all__ = ["AUDITORS", "WRITERS", "Caller", "Role"]
