"""GraphQL types of what-if scoring: a finalised cycle under a draft policy (issue 15 part 3).

The root `whatIfScoring` is for HR and auditors only (access/policy/); the distributions are
aggregates, and each changed employee's ratings and predikat are PRIVATE fields checked against
that employee's record, so every read of them is written to the access log.
"""

from __future__ import annotations

from uuid import UUID

import strawberry

from domain.aggregates.employee import Employee
from domain.appraisal_rules import GroupReport
from domain.appraisal_whatif import PredikatChange, WhatIf
from graphql_api.appraisal.enums import Predikat
from graphql_api.appraisal.summaries import BandFailure, PredikatCount
from graphql_api.ids import to_id


@strawberry.type(description="A unit group's predikat under one policy, against its band.")
class WhatIfDistribution:
    org_rating: str | None
    total: int
    counts: list[PredikatCount]
    in_band: bool = strawberry.field(description="Rated, and no band condition fails.")
    too_small: bool = strawberry.field(
        description="Below the policy's small-unit size at the top of the tree: held to no band."
    )
    failures: list[BandFailure]

    @classmethod
    def of(cls, g: GroupReport) -> WhatIfDistribution:
        r = g.report
        return cls(
            org_rating=r.org_rating,
            total=r.total,
            counts=_counts(r.counts),
            in_band=r.in_band or (g.too_small and r.org_rating is not None),
            too_small=g.too_small,
            failures=[
                BandFailure(condition=f.condition, count=f.count, total=f.total, percent=f.percent)
                for f in r.failures
            ],
        )


@strawberry.type(description="A unit (with the small units evaluated with it) under both policies.")
class WhatIfUnit:
    unit_id: strawberry.ID
    members: list[strawberry.ID] = strawberry.field(description="Units of the group, itself first.")
    recorded: WhatIfDistribution | None
    draft: WhatIfDistribution | None


@strawberry.type(description="An employee whose predikat the draft would change, and why.")
class WhatIfChange:
    nip: str
    unit_id: strawberry.ID
    recorded: str
    draft: str
    hasil_kerja: str = strawberry.field(description="As the draft reads it.")
    perilaku_kerja: str
    matrix_cell: str
    rule: str
    employee_id: strawberry.Private[UUID]

    def owner(self) -> tuple[UUID, frozenset[UUID]]:
        """Whose ratings these are, for the private-field check (and the access log)."""
        return self.employee_id, frozenset()

    @classmethod
    def of(cls, c: PredikatChange) -> WhatIfChange:
        return cls(
            nip=c.nip,
            unit_id=to_id(c.unit_id),
            recorded=c.recorded.value,
            draft=c.draft.value,
            hasil_kerja=c.hasil_kerja.value,
            perilaku_kerja=c.perilaku_kerja.value,
            matrix_cell=c.cell,
            rule=c.rule,
            employee_id=Employee.id_for(c.nip),
        )


@strawberry.type(description="A finalised cycle under its recorded scoring policy and a draft.")
class WhatIfReport:
    cycle_id: strawberry.ID
    recorded_policy: str = strawberry.field(description="The version label the cycle recorded.")
    draft_policy: str
    tenant_recorded: list[PredikatCount]
    tenant_draft: list[PredikatCount]
    units: list[WhatIfUnit]
    changes: list[WhatIfChange]

    @classmethod
    def of(cls, cycle_id: strawberry.ID, w: WhatIf) -> WhatIfReport:
        return cls(
            cycle_id=cycle_id,
            recorded_policy=w.recorded_label,
            draft_policy=w.draft_label,
            tenant_recorded=_counts(w.tenant_recorded),
            tenant_draft=_counts(w.tenant_draft),
            units=[_unit(g) for g in _pair(w)],
            changes=[WhatIfChange.of(c) for c in w.changes],
        )


Pair = tuple[GroupReport | None, GroupReport | None]


def _pair(w: WhatIf) -> list[Pair]:
    recorded = {g.unit_id: g for g in w.recorded_groups}
    draft = {g.unit_id: g for g in w.draft_groups}
    return [(recorded.get(u), draft.get(u)) for u in sorted(recorded | draft, key=str)]


def _unit(pair: Pair) -> WhatIfUnit:
    recorded, draft = pair
    top = recorded or draft
    assert top is not None  # a pair holds at least one group
    return WhatIfUnit(
        unit_id=to_id(top.unit_id),
        members=[to_id(u) for u in top.members],
        recorded=WhatIfDistribution.of(recorded) if recorded else None,
        draft=WhatIfDistribution.of(draft) if draft else None,
    )


def _counts(counts: dict[str, int]) -> list[PredikatCount]:
    return [PredikatCount(predikat=Predikat(k), count=v) for k, v in counts.items()]
