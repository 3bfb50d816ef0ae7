"""The base every Jejak aggregate shares: events stamped with `EventMeta` and an injected time.

Events are explicit nested classes whose `apply` holds the state change, so one class says
both what happened and what it means; commands validate first, then `trigger_event` with the
time the application injects (never the clock), which keeps replays deterministic.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.meta import EventMeta


class JejakAggregate(Aggregate):
    """An aggregate whose every event records who acted, for which tenant, and why."""

    class Event(Aggregate.Event):
        meta: EventMeta

        def apply(self, aggregate: Any) -> None:
            """State change carried by the event; subclasses override."""

    class Created(Event, Aggregate.Created):
        pass

    def record(
        self, event_class: type[Event], at: datetime, meta: EventMeta, **fields: Any
    ) -> None:
        """Append an event of `event_class` stamped with `meta` at the injected time `at`."""
        self.trigger_event(event_class, timestamp=at, meta=meta, **fields)

    @classmethod
    def start(
        cls, event_class: type[Created], id: UUID, at: datetime, meta: EventMeta, **fields: Any
    ) -> Any:
        """Create the aggregate from its first event, with an injected id and time."""
        return cls._create(event_class, id=id, timestamp=at, meta=meta, **fields)
