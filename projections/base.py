"""What every read model shares: the schema it lives in and the shape of a projection.

A projection is given a batch of decoded events with their log positions and a cursor inside
the transaction that will also record its new position; it writes its rows there. Handlers
are named for the events they handle (`on_Promoted`) and ignore every other event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from psycopg import Cursor

READ_SCHEMA = "rm"  # where the API reads; a rebuild writes beside it, then swaps


@dataclass(frozen=True)
class Envelope:
    """A decoded event and its position in the global log."""

    position: int
    event: Any

    @property
    def event_type(self) -> str:
        return type(self.event).__name__

    @property
    def aggregate_type(self) -> str:
        cls = type(self.event)
        try:
            return _AGGREGATE_TYPES[cls]
        except KeyError:
            return _AGGREGATE_TYPES.setdefault(cls, cls.__qualname__.split(".")[0])


# Event class → its aggregate's name, and (projection class, event class) → the handler or
# None: a rebuild asks both for every event and every projection, millions of times.
_AGGREGATE_TYPES: dict[type, str] = {}
_HANDLERS: dict[tuple[type, type], Callable[..., Any] | None] = {}


class Projection(Protocol):
    """A read model: its tables and how a batch of events changes them."""

    name: ClassVar[str]

    def ddl(self, schema: str) -> Sequence[str]: ...

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None: ...


def handlers_for(projection: object, batch: Sequence[Envelope]) -> list[tuple[Any, Envelope]]:
    """Pair each event with the projection's `on_<EventType>` method, skipping the rest."""
    paired = []
    projection_class = type(projection)
    for envelope in batch:
        key = (projection_class, type(envelope.event))
        try:
            handler = _HANDLERS[key]
        except KeyError:
            name = f"on_{envelope.aggregate_type}_{envelope.event_type}"
            handler = _HANDLERS.setdefault(key, getattr(projection_class, name, None))
        if handler is not None:
            paired.append((handler.__get__(projection, projection_class), envelope))
    return paired
