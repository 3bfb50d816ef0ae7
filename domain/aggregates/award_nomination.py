"""A nomination for a penghargaan after Sangat Baik years: a decision, with actor and reason.

The candidacy is derived (domain.tindak_lanjut.award_candidacy); nominating is what an HR
officer decides on it, so it is an event of its own, once per employee and appraisal year,
carrying the reason in its meta and the run of Sangat Baik years it was made on.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.meta import EventMeta

NOMINATION_NAMESPACE = UUID("0b7f4e1a-6c3d-4a59-8e21-3f5d7c9b1a64")


class AwardNomination(JejakAggregate):
    """One employee's nomination for a penghargaan on the predikat up to one year."""

    class Nominated(JejakAggregate.Created):
        nip: str
        employee_id: UUID
        year: int
        consecutive_years: int

    def __init__(
        self, nip: str, employee_id: UUID, year: int, consecutive_years: int, meta: EventMeta
    ) -> None:
        self.nip = nip
        self.employee_id = employee_id
        self.year = year
        self.consecutive_years = consecutive_years
        self.tenant = meta.tenant

    @staticmethod
    def id_for(nip: str, year: int) -> UUID:
        """One nomination per NIP and appraisal year."""
        return uuid5(NOMINATION_NAMESPACE, f"{nip}/{year}")

    @classmethod
    def nominate(
        cls, *, nip: str, employee_id: UUID, year: int, consecutive_years: int,
        at: datetime, meta: EventMeta,
    ) -> AwardNomination:  # fmt: skip
        """Record the nomination (the caller checked the candidacy and the reason)."""
        nomination: AwardNomination = cls.start(
            cls.Nominated, cls.id_for(nip, year), at, meta, nip=nip, employee_id=employee_id,
            year=year, consecutive_years=consecutive_years,
        )  # fmt: skip
        return nomination
