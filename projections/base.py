"""What every read model shares: the schema it lives in and the shape of a projection.

A projection is given a batch of decoded events with their log positions and a cursor inside
the transaction that will also record its new position; it writes its rows there. Handlers
are named for the events they handle (`on_Promoted`) and ignore every other event.
"""

from __future__ import annotations

from collections.abc import Sequence
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
        return type(self.event).__qualname__.split(".")[0]


class Projection(Protocol):
    """A read model: its tables and how a batch of events changes them."""

    name: ClassVar[str]

    def ddl(self, schema: str) -> Sequence[str]: ...

    def apply(self, batch: Sequence[Envelope], cur: Cursor[Any], schema: str) -> None: ...


def handlers_for(projection: object, batch: Sequence[Envelope]) -> list[tuple[Any, Envelope]]:
    """Pair each event with the projection's `on_<EventType>` method, skipping the rest."""
    paired = []
    for envelope in batch:
        handler = getattr(projection, f"on_{envelope.aggregate_type}_{envelope.event_type}", None)
        if handler is not None:
            paired.append((handler, envelope))
    return paired
