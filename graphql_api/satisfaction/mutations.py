"""Mutations on the public's satisfaction: SKM questionnaires passed on for a unit."""

from __future__ import annotations

import strawberry
from strawberry import Info

from graphql_api.commands import run_command
from graphql_api.context import Context
from graphql_api.fields import mutation
from graphql_api.ids import parse_id, to_id
from graphql_api.payloads import Recorded
from services.outcome import Outcome


@strawberry.input(description="SKM questionnaires of one unit and period (PermenPANRB 14/2017).")
class RecordSurveyResponsesInput:
    unit_id: strawberry.ID
    period: str = strawberry.field(description="YYYY, YYYY-S1/S2 or YYYY-Q1…Q4.")
    responses: list[list[int]] = strawberry.field(
        description="1–1000 questionnaires, each the nine answers U1…U9, every one 1–4. "
        "Only their counts are kept."
    )


@strawberry.type
class RecordSurveyResponsesPayload(Recorded):
    survey_id: strawberry.ID

    @classmethod
    def of(cls, outcome: Outcome) -> RecordSurveyResponsesPayload:
        return cls(
            survey_id=to_id(outcome.aggregate_id),
            version=outcome.version,
            position=outcome.position,
        )


@strawberry.type
class SatisfactionMutations:
    @mutation("Record SKM questionnaires of a unit: the public portal, or HR for paper forms.")
    async def record_survey_responses(
        self, info: Info[Context, None], input: RecordSurveyResponsesInput
    ) -> RecordSurveyResponsesPayload:
        outcome = await run_command(
            info.context,
            info.context.runtime.appraisal.record_survey_responses,
            unit_id=parse_id(str(input.unit_id), "unitId"),
            period=input.period,
            responses=input.responses,
        )
        return RecordSurveyResponsesPayload.of(outcome)
