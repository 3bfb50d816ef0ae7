"""The `asOf` argument and the point every time-travelling answer names (issue 15)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import strawberry

from domain.errors import N_
from graphql_api.context import Context
from graphql_api.errors import InvalidArgument
from projections.history import TimePoint as PointRow
from projections.history import point_for


@strawberry.input(
    name="AsOf",
    description="Both time axes of a read. `knownAt` or `position`: the log as it stood "
    "then (system time); `validOn`: what was in force on that date by the effective dates "
    "the events carry (valid time). Each defaults to now.",
)
class AsOfInput:
    known_at: datetime | None = strawberry.field(
        default=None, description="Answer from the events recorded by this time."
    )
    position: int | None = strawberry.field(
        default=None, description="Answer from the log up to this position."
    )
    valid_on: date | None = strawberry.field(
        default=None, description="Answer with what was in effect on this date."
    )


@strawberry.type(
    description="Where an answer stands: the log position it was computed at (tie it to a "
    "ledger checkpoint of at least that size) and the date it is valid on."
)
class TimePoint:
    position: int = strawberry.field(description="Global log position the answer reads up to.")
    known_at: datetime | None = strawberry.field(description="The `knownAt` asked for, if any.")
    valid_on: date = strawberry.field(description="The date the answer is valid on.")

    @classmethod
    def from_row(cls, point: PointRow) -> TimePoint:
        return cls(position=point.position, known_at=point.known_at, valid_on=point.valid_on)


def today() -> date:
    """Today in UTC: the default of the valid axis."""
    return datetime.now(UTC).date()


async def resolve_point(
    context: Context, employee_id: UUID | None, as_of: AsOfInput | None
) -> PointRow:
    """The point an `asOf` names (now on both axes when it is left out)."""
    as_of = as_of or AsOfInput()
    if as_of.known_at is not None and as_of.position is not None:
        raise InvalidArgument(N_("Give at most one of knownAt and position."))
    if as_of.position is not None and as_of.position < 0:
        raise InvalidArgument(N_("position must not be negative."))
    known_at = as_of.known_at
    if known_at is not None and known_at.tzinfo is None:
        raise InvalidArgument(N_("knownAt needs its offset, e.g. 2024-03-01T00:00:00+07:00."))
    return await point_for(
        context.pool,
        employee_id,
        known_at=known_at,
        position=as_of.position,
        valid_on=as_of.valid_on or today(),
    )
