"""ServiceSurvey: the SKM answers a unit kerja received in one survey period.

Only counts are recorded (how many answered 1–4 on each of U1–U9) with the number of
respondents: nobody who answered, and no employee, is named, so the IKM built from it is
aggregate all the way down to the log.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.meta import EventMeta
from domain.satisfaction import Tally, add_tallies, check_tally, parse_period

SURVEY_NAMESPACE = UUID("0b5d6c1e-7a44-4f3b-9a8e-52d1c3f0a917")


class ServiceSurvey(JejakAggregate):
    """One unit's SKM in one period (a year, semester or triwulan)."""

    class Created(JejakAggregate.Created):
        tenant: str
        unit_id: UUID
        period: str

    class ResponsesRecorded(JejakAggregate.Event):
        respondents: int
        tally: list[list[int]]  # U1–U9 × answers 1–4

        def apply(self, aggregate: ServiceSurvey) -> None:
            aggregate.respondents += self.respondents
            aggregate.tally = add_tallies(
                [aggregate.tally, tuple(tuple(row) for row in self.tally)]
            )

    def __init__(self, tenant: str, unit_id: UUID, period: str, meta: EventMeta) -> None:
        self.tenant = tenant
        self.unit_id = unit_id
        self.period = period
        self.respondents = 0
        self.tally: Tally = tuple((0, 0, 0, 0) for _ in range(9))

    @staticmethod
    def id_for(tenant: str, unit_id: UUID, period: str) -> UUID:
        """One survey per (tenant, unit, period)."""
        return uuid5(SURVEY_NAMESPACE, f"{tenant}/{unit_id}/{parse_period(period).label}")

    @classmethod
    def open(cls, unit_id: UUID, period: str, at: datetime, meta: EventMeta) -> ServiceSurvey:
        """Start the survey of a unit and period for the tenant in `meta`."""
        label = parse_period(period).label
        survey: ServiceSurvey = cls.start(
            cls.Created,
            cls.id_for(meta.tenant, unit_id, label),
            at,
            meta,
            tenant=meta.tenant,
            unit_id=unit_id,
            period=label,
        )
        return survey

    def record_responses(
        self, tally: Tally, respondents: int, at: datetime, meta: EventMeta
    ) -> None:
        """Add answers, as counts per element and answer, with how many responded."""
        rows = check_tally(tally, respondents)
        self.record(
            self.ResponsesRecorded,
            at,
            meta,
            respondents=respondents,
            tally=[list(row) for row in rows],
        )
