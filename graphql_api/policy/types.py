"""GraphQL types of policy data: a recorded version and the input that records one."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from graphql_api.payloads import Recorded
from projections.policy_values import PolicyRow


@strawberry.type(description="One version of a kind of policy data, with its legal source.")
class PolicyValues:
    kind: str = strawberry.field(description="E.g. holidays, promotion_periods, tpp_factors.")
    scope: str = strawberry.field(description="`national`, or the tenant code that set it.")
    label: str = strawberry.field(description="E.g. the year of a holiday list.")
    effective_from: date = strawberry.field(description="In force from this day.")
    values: JSON = strawberry.field(description="The values, as the kind's rule reads them.")
    source: str = strawberry.field(description="The regulation or decree that sets them.")
    recorded_at: datetime
    recorded_by: str = strawberry.field(description="The user who recorded this version.")
    recorded_as: str = strawberry.field(description="The role they recorded it in.")
    reason: str | None
    position: int = strawberry.field(description="Log position of the recording.")

    @classmethod
    def from_row(cls, row: PolicyRow) -> PolicyValues:
        v = row.version
        return cls(
            kind=v.kind,
            scope=v.scope,
            label=v.label,
            effective_from=v.effective_from,
            values=cast(JSON, dict(v.values)),
            source=v.source,
            recorded_at=v.recorded_at,
            recorded_by=row.actor_id,
            recorded_as=row.actor_role,
            reason=row.reason,
            position=row.position,
        )


@strawberry.input(description="A version of policy values to record, with its source.")
class RecordPolicyValuesInput:
    kind: str = strawberry.field(description="A known kind, e.g. holidays.")
    scope: str = strawberry.field(
        description="`national` (the platform admin) or the HR officer's own tenant code."
    )
    label: str
    effective_from: date
    values: JSON = strawberry.field(description="A JSON object in the kind's shape.")
    source: str = strawberry.field(description="The regulation or decree, e.g. its number.")
    reason: str | None = None


@strawberry.type(description="The policy values are recorded.")
class RecordPolicyValuesPayload(Recorded):
    kind: str
    scope: str
