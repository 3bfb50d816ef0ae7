"""The one decision on what follows an appraisal: HR nominates for a penghargaan."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.ids import to_id
from graphql_api.payloads import Recorded
from services.award_nominations import nominate_for_award


@strawberry.input(description="Whom to nominate, on which year's predikat, and why.")
class NominateForAwardInput:
    nip: str
    year: int = strawberry.field(description="The finalised year the Sangat Baik run ends.")
    reason: str = strawberry.field(description="Why HR nominates (required).")


@strawberry.type(description="The nomination is recorded.")
class NominateForAwardPayload(Recorded):
    nomination_id: strawberry.ID


@strawberry.type
class TindakLanjutMutations:
    @mutation(
        "Nominate an employee for a penghargaan on Sangat Baik in the latest finalised years "
        "in a row (PP 30/2019 Bab VI), once per year, with a reason; refused with "
        "AWARD_NOMINATION_NOT_DUE otherwise."
    )
    async def nominate_for_award(
        self, info: Info[Context, None], input: NominateForAwardInput
    ) -> NominateForAwardPayload:
        app = info.context.runtime.personnel
        outcome = await run_command(
            info.context,
            lambda caller, **kw: nominate_for_award(app, caller, **kw),
            nip=input.nip,
            year=input.year,
            reason=input.reason,
        )
        return NominateForAwardPayload(
            nomination_id=to_id(outcome.aggregate_id),
            version=outcome.version,
            position=outcome.position,
        )
