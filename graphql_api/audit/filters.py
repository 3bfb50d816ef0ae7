"""The audit queries' arguments as one filter of the query module (projections/audit_events)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain.errors import N_
from graphql_api.errors import InvalidArgument
from projections.audit_events import EventFilter

TEXT_LIMIT = 200  # characters of the words looked for in reasons
TEXT_TOO_LONG = N_("text may be at most {limit} characters.")
NO_OFFSET = N_("from and to need their offset, e.g. 2024-03-01T00:00:00Z.")


@strawberry.input(description="Which events: every field given must match.")
class AuditEventFilter:
    actor: str | None = strawberry.field(
        default=None, description="The user id recorded on the event (a NIP for people)."
    )
    role: str | None = strawberry.field(
        default=None, description="The role it was recorded in, e.g. hr_officer."
    )
    tenant: str | None = strawberry.field(
        default=None, description="The instansi (an auditor sees their own only)."
    )
    type: str | None = strawberry.field(
        default=None, description="The event's class, e.g. Promoted or Employee.Promoted."
    )
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="Recorded at or after this time."
    )
    to: datetime | None = strawberry.field(default=None, description="Recorded before this time.")
    text: str | None = strawberry.field(
        default=None, description="Words in the reason, all of them, as whole words (any case)."
    )

    def event_filter(self, platform: bool) -> EventFilter:
        """The query module's filter; the platform admin's narrowed to the platform's acts."""
        for moment in (self.from_, self.to):
            if moment is not None and moment.tzinfo is None:
                raise InvalidArgument(NO_OFFSET)
        if self.text is not None and len(self.text) > TEXT_LIMIT:
            raise InvalidArgument(TEXT_TOO_LONG, params={"limit": TEXT_LIMIT})
        return EventFilter(
            actor=self.actor,
            role=self.role,
            tenant=self.tenant,
            event_type=self.type,
            since=self.from_,
            until=self.to,
            text=self.text,
            platform_only=platform,
        )
