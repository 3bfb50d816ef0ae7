"""Who acted, for which tenant, in which request and why: carried by every event."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import N_, InvalidInput, ReasonRequired, phrase
from domain.text import IDENTIFIER, REASON, clean_optional_text, clean_text


@dataclass(frozen=True)
class Actor:
    """The authenticated caller: a user id and the role they acted in."""

    user_id: str
    role: str

    def __post_init__(self) -> None:
        if not self.user_id.strip() or not self.role.strip():
            raise InvalidInput(N_("An actor needs a user id and a role."))
        clean_text(self.user_id, N_("A user id"), IDENTIFIER)  # it is stamped on every event


@dataclass(frozen=True)
class EventMeta:
    """Stamped on every event: the actor, the tenant (instansi), the request and the reason."""

    actor_id: str
    actor_role: str
    tenant: str
    correlation_id: str
    reason: str | None = None

    @classmethod
    def of(cls, actor: Actor, tenant: str, correlation_id: str, reason: str | None) -> EventMeta:
        """A command's metadata; the reason is checked here, not on replay of stored events."""
        reason = clean_optional_text(reason, N_("A reason"), REASON)
        return cls(actor.user_id, actor.role, tenant, correlation_id, reason)

    def require_reason(self, decision: str) -> str:
        """A human decision must say why; returns the reason or raises ReasonRequired."""
        if not self.reason:
            raise ReasonRequired(N_("{decision} needs a reason."), decision=phrase(decision))
        return self.reason
