"""What every Jejak application shares: the one log's transcodings, an injected clock, and
the `Outcome` of a save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from domain.aggregates.base import JejakAggregate
from services.outcome import Outcome, utc_now
from services.transcodings import register_jejak_transcodings


class JejakApplication(Application[UUID]):
    """The base of the personnel, appraisal and training applications.

    Each final class still sets `name = "Jejak"` itself: the library names every subclass after
    itself unless the class says otherwise, and the name picks the event table.
    """

    def __init__(
        self, env: dict[str, str] | None = None, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(env)
        self.clock = clock

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_jejak_transcodings(transcoder)

    def save_outcome(self, *aggregates: JejakAggregate) -> Outcome:
        """Save the aggregates together; the Outcome describes the first of them.

        Inside a batch (`BatchingApplication.batch()`) nothing is in the log yet: position 0.
        """
        recordings = self.save(*aggregates)
        position = recordings[-1].notification.id if recordings else 0
        first = aggregates[0]
        return Outcome(first.id, first.version, position)
