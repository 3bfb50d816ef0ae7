"""GraphQL type of one recorded event, as oversight reads it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Self, cast

import strawberry
from strawberry.scalars import JSON

from graphql_api.ids import to_id
from projections.event_log import LoggedEvent


@strawberry.type(description="One recorded event: what happened, who did it, for whom and why.")
class EmployeeEvent:
    position: int = strawberry.field(description="Position in the global event log.")
    aggregate: str = strawberry.field(
        description="The aggregate that recorded it: Employee, EmployeeAppraisal, Training, …"
    )
    aggregate_id: strawberry.ID = strawberry.field(description="That aggregate's id.")
    version: int = strawberry.field(description="The version of that aggregate this event made.")
    type: str = strawberry.field(description="The event's class, e.g. Promoted.")
    recorded_at: datetime = strawberry.field(description="When it was recorded, with offset.")
    actor_id: str
    actor_role: str
    tenant: str
    correlation_id: str = strawberry.field(description="The request that recorded the event.")
    reason: str | None
    payload: JSON = strawberry.field(
        description="The event's own fields as a JSON object (dates and times as ISO 8601)."
    )

    @classmethod
    def from_logged(cls, event: LoggedEvent) -> Self:
        return cls(
            position=event.position,
            aggregate=event.aggregate_type,
            aggregate_id=to_id(event.originator_id),
            version=event.originator_version,
            type=event.event_type,
            recorded_at=event.recorded_at,
            actor_id=event.actor_id,
            actor_role=event.actor_role,
            tenant=event.tenant,
            correlation_id=event.correlation_id,
            reason=event.reason,
            payload=cast(JSON, json.loads(event.payload)),
        )


@strawberry.type(
    description="One act of the platform (an instansi registered, national policy recorded)."
)
class PlatformEvent(EmployeeEvent):
    pass
