"""Reading the log for one shard: decode only the events the shard's projections apply.

A shard scans every notification (the log is one order for all tenants) but decodes only the
events of the tenants it owns and, on the designated shard, the events the cross-tenant read
models have a handler for; the rest are passed over from their stored bytes alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from projections.base import Envelope
from projections.reader import EventReader, UndecodableEvent
from projections.shards import Shard, tenant_of


@dataclass
class Scan:
    """The events one shard decoded from a stretch of the log, and where the stretch ends."""

    envelopes: list[Envelope]
    owned: set[int]  # positions of the envelopes whose tenant this shard owns
    last: int  # the last position scanned: every event up to here was considered
    scanned: int = 0


class ShardReader(EventReader):
    """An EventReader that scans for one shard (`scan`); `read` still decodes everything."""

    def __init__(self, reader: EventReader, shard: Shard, global_handlers: Sequence[type]) -> None:
        # The same recorder and mapper as `reader`: no second connection pool.
        self.recorder, self.mapper = reader.recorder, reader.mapper
        self.shard = shard
        self.global_classes = tuple(global_handlers) if shard.designated else ()
        self._global_topics: dict[str, bool] = {}

    def scan(self, after: int, limit: int) -> Scan:
        """Up to `limit` notifications after `after`; decoded, those this shard needs.

        As `read`: the events before one that cannot be decoded are returned; that one, once
        it comes first, raises UndecodableEvent.
        """
        notifications = self.recorder.select_notifications(start=after + 1, limit=limit)
        scan = Scan([], set(), after)
        for notification in notifications:
            owned = self.shard.owns(tenant_of(notification.state))
            if owned or self._needed_globally(notification.topic):
                try:
                    event = self.mapper.to_domain_event(notification)
                except Exception as error:
                    if scan.scanned:
                        return scan
                    raise UndecodableEvent(notification.id, notification.topic, error) from error
                scan.envelopes.append(Envelope(notification.id, event))
                if owned:
                    scan.owned.add(notification.id)
            scan.last, scan.scanned = notification.id, scan.scanned + 1
        return scan

    def _needed_globally(self, topic: str) -> bool:
        """Whether a cross-tenant read model of this shard handles events of `topic`."""
        if not self.global_classes:
            return False
        try:
            return self._global_topics[topic]
        except KeyError:
            parts = topic.rpartition(":")[2].split(".")
            handler = f"on_{parts[0]}_{parts[-1]}"
            needed = any(hasattr(cls, handler) for cls in self.global_classes)
            return self._global_topics.setdefault(topic, needed)
