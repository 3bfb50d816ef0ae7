"""SKM intake: the public's answers about a unit's service, recorded per unit and period.

The public portal (a service account of the tenant) passes questionnaires on as they come;
HR records a survey tabulated elsewhere (paper forms) the same way. Either may repeat: each
recording adds to the unit's survey of that period, and a lost race is simply retried.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from access.roles import MASYARAKAT_INTAKE
from domain.aggregates.service_survey import ServiceSurvey
from domain.errors import N_, Phrase
from domain.satisfaction import parse_period, tally_responses
from services.application import JejakApplication
from services.caller import Caller
from services.outcome import Outcome
from services.retry import retry_lost_races


class SurveyCommands(JejakApplication):
    """Recording SKM responses of a unit kerja."""

    def record_survey_responses(
        self,
        caller: Caller,
        *,
        unit_id: UUID,
        period: str,
        responses: Sequence[Sequence[int]],
    ) -> Outcome:
        """Add questionnaires (nine answers 1–4 each) to the unit's survey of `period`."""
        caller.require(MASYARAKAT_INTAKE, N_("Recording SKM responses"))
        label = parse_period(period).label
        tally = tally_responses(responses)
        unit = self.get_unit(caller, unit_id)

        def attempt() -> Outcome:
            survey_id = ServiceSurvey.id_for(caller.tenant, unit.id, label)
            try:
                survey: ServiceSurvey = self.repository.get(survey_id)
            except AggregateNotFoundError:
                survey = ServiceSurvey.open(unit.id, label, self.clock(), caller.meta())
            survey.record_responses(tally, len(responses), self.clock(), caller.meta())
            return self.save_outcome(survey)

        return retry_lost_races(
            attempt, subject=Phrase(N_("The survey of {label}"), label=label), strict=False
        )
