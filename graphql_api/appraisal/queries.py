"""Queries on appraisal cycles: appraisals, history, explanations, summaries, 9-box, recompute.

Who may read what is the policy's (access/policy/): one person's appraisal is private
(the person, their supervisor chain, HR and auditors; checked by graphql_api/guard.py before
the resolver runs). Feedback givers are shown to HR and auditors only.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from access import policy
from domain.aggregates.employee import Employee
from domain.errors import N_, AppraisalNotFound, CycleNotFound
from graphql_api.appraisal import summaries as s
from graphql_api.appraisal.mutations import cycle_id as parse_cycle_id
from graphql_api.appraisal.types import Appraisal
from graphql_api.appraisal.whatif import WhatIfReport
from graphql_api.context import Context
from graphql_api.fields import resolver
from graphql_api.ids import parse_id
from graphql_api.paging import (
    APPRAISAL_ACTIONS,
    APPRAISAL_CYCLES,
    APPRAISAL_HISTORY,
    TALENT_GRID,
    check_first,
    description,
    page_after,
)
from graphql_api.time_travel.appraisals import appraisal_at
from graphql_api.time_travel.types import AsOfInput
from projections.appraisal_cycles import CycleRow, tenant_cycles
from projections.appraisal_records import appraisal_of
from projections.appraisal_summaries import (
    cycle_rows,
    outstanding_actions,
    progress_of,
    talent_grid,
    unit_summaries,
    unit_summary,
)
from services.personnel import normalize_nip


def is_reader(context: Context) -> bool:
    """Whether the caller reads the whole tenant (feedback givers, everyone's actions)."""
    return policy.reads_whole_tenant(context.caller.actor.role)


async def load_cycle(context: Context, raw: strawberry.ID) -> CycleRow:
    """The caller's tenant's cycle, or CYCLE_NOT_FOUND."""
    cycle = await context.loaders.appraisal_cycles.load(parse_cycle_id(raw))
    if cycle is None or cycle.tenant != context.caller.tenant:
        raise CycleNotFound(
            N_("No appraisal cycle {raw} in {tenant}."), raw=raw, tenant=context.caller.tenant
        )
    return cycle


async def load_appraisal(
    context: Context, raw: strawberry.ID, nip: str
) -> tuple[CycleRow, dict[str, Any]]:
    cycle = await load_cycle(context, raw)
    row = await appraisal_of(context.pool, cycle.id, normalize_nip(nip))
    if row is None:
        raise AppraisalNotFound(
            N_("{nip} is not enrolled in the {year} cycle."), nip=nip, year=cycle.year
        )
    return cycle, row


@strawberry.type
class AppraisalQueries:
    @resolver(description("The tenant's appraisal cycles, newest first.", APPRAISAL_CYCLES))
    async def appraisal_cycles(
        self, info: Info[Context, None], first: int = APPRAISAL_CYCLES.default
    ) -> list[s.AppraisalCycle]:
        check_first(first, APPRAISAL_CYCLES)
        cycles = await tenant_cycles(info.context.pool, info.context.caller.tenant)
        return [s.AppraisalCycle.of(c) for c in cycles[:first]]

    @resolver(
        "One employee's appraisal in a cycle: SKP, realisations, feedback, ratings, predikat; "
        "with `asOf`, as it stood then."
    )
    async def appraisal(
        self,
        info: Info[Context, None],
        cycle_id: strawberry.ID,
        nip: str,
        as_of: AsOfInput | None = None,
    ) -> Appraisal:
        _, row = await load_appraisal(info.context, cycle_id, nip)
        return await appraisal_at(info.context, row, as_of, reveal_givers=is_reader(info.context))

    @resolver(
        description("An employee's appraisals across cycles, oldest first.", APPRAISAL_HISTORY)
    )
    async def appraisal_history(
        self, info: Info[Context, None], nip: str, first: int = APPRAISAL_HISTORY.default
    ) -> list[Appraisal]:
        check_first(first, APPRAISAL_HISTORY)
        context = info.context
        rows = await context.loaders.appraisal_histories.load(Employee.id_for(normalize_nip(nip)))
        mine = [r for r in rows if r["tenant"] == context.caller.tenant][:first]
        return [Appraisal.of(r, reveal_givers=is_reader(context)) for r in mine]

    @resolver(
        "Why an employee has their predikat: targets, evidence, feedback, ratings, positions; "
        "with `asOf`, as it stood then (the unit's organisation rating is today's)."
    )
    async def score_explanation(
        self,
        info: Info[Context, None],
        cycle_id: strawberry.ID,
        nip: str,
        as_of: AsOfInput | None = None,
    ) -> s.ScoreExplanation:
        cycle, row = await load_appraisal(info.context, cycle_id, nip)
        reveal = is_reader(info.context)
        appraisal = await appraisal_at(info.context, row, as_of, reveal_givers=reveal)
        return s.ScoreExplanation.of(appraisal, cycle.org_ratings.get(str(row["unit_id"])))

    @resolver("Recompute every predikat of a cycle from the event log; differences must be none.")
    async def recompute_cycle(
        self, info: Info[Context, None], cycle_id: strawberry.ID
    ) -> s.RecomputeReport:
        caller, appraisal = info.context.caller, info.context.runtime.appraisal
        report = await asyncio.to_thread(
            appraisal.recompute_cycle, caller, parse_cycle_id(cycle_id)
        )
        return s.RecomputeReport.of(report)

    @resolver(
        "A finalised cycle under a draft scoring policy (kind `scoring`, checked as a recorded "
        "version is) beside its recorded one: each unit group's distribution, the tenant's, and "
        "every employee whose predikat would change, with why. Writes nothing."
    )
    async def what_if_scoring(
        self, info: Info[Context, None], cycle_id: strawberry.ID, policy: JSON
    ) -> WhatIfReport:
        caller, appraisal = info.context.caller, info.context.runtime.appraisal
        values = policy if isinstance(policy, dict) else {}
        report = await asyncio.to_thread(
            appraisal.what_if_scoring, caller, parse_cycle_id(cycle_id), values
        )
        return WhatIfReport.of(cycle_id, report)

    @resolver("A cycle's progress for the tenant and per unit, with the outstanding actions.")
    async def appraisal_cycle_summary(
        self, info: Info[Context, None], cycle_id: strawberry.ID
    ) -> s.AppraisalCycleSummary:
        cycle = await load_cycle(info.context, cycle_id)
        rows = await cycle_rows(info.context.pool, cycle)
        return s.AppraisalCycleSummary(
            cycle=s.AppraisalCycle.of(cycle),
            progress=s.AppraisalProgress.of(progress_of(cycle, rows)),
            units=[s.UnitAppraisalSummary.of(u) for u in unit_summaries(cycle, rows)],
            outstanding=[s.AppraisalAction.of(a) for a in outstanding_actions(rows)],
        )

    @resolver("A unit's predikat distribution against its band (SE MenPANRB 3/2023), and progress.")
    async def unit_appraisal_summary(
        self, info: Info[Context, None], cycle_id: strawberry.ID, unit_id: strawberry.ID
    ) -> s.UnitAppraisalSummary:
        cycle = await load_cycle(info.context, cycle_id)
        unit = parse_id(str(unit_id), "unitId")
        rows = await cycle_rows(info.context.pool, cycle, unit)
        return s.UnitAppraisalSummary.of(unit_summary(cycle, unit, rows))

    @resolver(
        description(
            "What a person (NIP) must do next in a cycle; an ASN sees their own.",
            APPRAISAL_ACTIONS,
        )
    )
    async def appraisal_actions(
        self,
        info: Info[Context, None],
        cycle_id: strawberry.ID,
        actor: str | None = None,
        first: int = APPRAISAL_ACTIONS.default,
    ) -> list[s.AppraisalAction]:
        check_first(first, APPRAISAL_ACTIONS)
        context = info.context
        if not is_reader(context):
            actor = context.caller.actor.user_id
        cycle = await load_cycle(context, cycle_id)
        actions = outstanding_actions(await cycle_rows(context.pool, cycle))
        wanted = [a for a in actions if actor is None or a.actor == actor]
        return [s.AppraisalAction.of(a) for a in wanted[:first]]

    @resolver(
        description(
            "The 9-box talent grid: everyone with an annual predikat and a potential "
            "assessment, by NIP.",
            TALENT_GRID,
            "the last NIP seen",
        )
    )
    async def talent_grid(
        self,
        info: Info[Context, None],
        cycle_id: strawberry.ID,
        unit_id: strawberry.ID | None = None,
        first: int = TALENT_GRID.default,
        after: str | None = None,
    ) -> list[s.TalentGridEntry]:
        cycle = await load_cycle(info.context, cycle_id)
        unit: UUID | None = parse_id(str(unit_id), "unitId") if unit_id else None
        rows = await cycle_rows(info.context.pool, cycle, unit)
        cells = page_after(talent_grid(rows), first, TALENT_GRID, lambda cell: cell.nip, after)
        return [s.TalentGridEntry.of(cell) for cell in cells]
