"""Reading the one notification log: positions, stored events and their decoding."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application

from projections.base import Envelope


class UndecodableEvent(Exception):
    """The next stored event cannot be decoded (an unknown topic, a changed event class)."""

    def __init__(self, position: int, topic: str, error: Exception) -> None:
        super().__init__(f"Event #{position} ({topic}) cannot be decoded: {error}")
        self.position, self.topic, self.error = position, topic, error


class EventReader:
    """Reads and decodes the Jejak log through an application's recorder and mapper."""

    def __init__(self, application: Application[UUID]) -> None:
        self.recorder = application.recorder
        self.mapper = application.mapper

    def read(self, after: int, limit: int) -> list[Envelope]:
        """Up to `limit` events after position `after`, decoded, in log order.

        The events before one that cannot be decoded are returned; that one, once it comes
        first, raises UndecodableEvent.
        """
        notifications = self.recorder.select_notifications(start=after + 1, limit=limit)
        envelopes: list[Envelope] = []
        for notification in notifications:
            try:
                event = self.mapper.to_domain_event(notification)
            except Exception as error:
                if envelopes:
                    return envelopes
                raise UndecodableEvent(notification.id, notification.topic, error) from error
            envelopes.append(Envelope(notification.id, event))
        return envelopes

    def head(self) -> int:
        """The position of the newest event in the log (0 when empty)."""
        return self.recorder.max_notification_id() or 0

    @property
    def channel(self) -> str:
        """The channel the recorder NOTIFYs on every insert."""
        channel: str = getattr(self.recorder, "channel_name")  # noqa: B009 - postgres only
        return channel
