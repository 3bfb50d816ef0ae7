"""What every mutation answers: the affected object's id, its new version, the log position."""

from __future__ import annotations

from typing import Self

import strawberry

from graphql_api.ids import to_id
from services.personnel import Outcome


@strawberry.interface(description="Where a command's events landed.")
class Recorded:
    version: int = strawberry.field(description="The changed object's version after the command.")
    position: int = strawberry.field(
        description="Global log position of the command's last event. Send it as the "
        "X-Min-Position header of a query to read this write."
    )


@strawberry.interface(description="A command on one employee was recorded.")
class EmployeeRecorded(Recorded):
    employee_id: strawberry.ID

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        """The payload for a command's outcome."""
        return cls(
            employee_id=to_id(outcome.aggregate_id),
            version=outcome.version,
            position=outcome.position,
        )


@strawberry.interface(description="A command on one unit kerja was recorded.")
class UnitRecorded(Recorded):
    unit_id: strawberry.ID

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        """The payload for a command's outcome."""
        return cls(
            unit_id=to_id(outcome.aggregate_id), version=outcome.version, position=outcome.position
        )
