"""How event fields that JSON does not know are stored: dates, event metadata, leave history."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.leave import LeaveRecord, LeaveType
from domain.leave_history import LeaveHistory
from domain.meta import EventMeta


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class EventMetaAsList(Transcoding):
    type = EventMeta
    name = "meta"

    def encode(self, obj: EventMeta) -> list[Any]:
        return [obj.actor_id, obj.actor_role, obj.tenant, obj.correlation_id, obj.reason]

    def decode(self, data: list[Any]) -> EventMeta:
        return EventMeta(*data)


class LeaveRecordAsList(Transcoding):
    """Leave records as snapshots of `Employee` version 1 hold them, one object each."""

    type = LeaveRecord
    name = "leave"

    def encode(self, obj: LeaveRecord) -> list[Any]:
        return [obj.leave_type.value, obj.start, obj.end, obj.days]

    def decode(self, data: list[Any]) -> LeaveRecord:
        return LeaveRecord(LeaveType(data[0]), data[1], data[2], data[3])


class LeaveHistoryAsText(Transcoding):
    type = LeaveHistory
    name = "leave_history"

    def encode(self, obj: LeaveHistory) -> str:
        return obj.text

    def decode(self, data: str) -> LeaveHistory:
        return LeaveHistory.from_text(data)


def register_jejak_transcodings(transcoder: JSONTranscoder) -> None:
    """Register every Jejak transcoding on the library's JSON transcoder."""
    transcodings = (DateAsISO(), EventMetaAsList(), LeaveRecordAsList(), LeaveHistoryAsText())
    for transcoding in transcodings:
        transcoder.register(transcoding)
