"""Recomputing a bundle's predikat from its own events, without eventsourcing or a database.

Events are stored as eventsourcing's JSONTranscoder writes them (services/transcodings.py): a
JSON object of the event's fields, with custom types as {"_type_": name, "_data_": value}.
The fields the scoring rules read (ratings, predikat, rules_version, source_versions) are plain
JSON, so decoding here needs no Jejak type.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from uuid import UUID

from domain.errors import UnknownRulesVersion
from domain.ledger.entry import StoredEvent
from domain.scoring import recompute_predikats


@dataclass(frozen=True)
class PredikatOutcome:
    """One recorded predikat beside its recomputation; `problem` says why they disagree."""

    appraisal_id: str
    position: int
    checkpoint: str
    rules_version: str
    recorded: str
    recomputed: str | None
    problem: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "appraisal_id": self.appraisal_id,
            "position": self.position,
            "checkpoint": self.checkpoint,
            "rules_version": self.rules_version,
            "recorded": self.recorded,
            "recomputed": self.recomputed,
        }


def decode_state(state: bytes) -> dict[str, Any]:
    """An event's stored JSON state, custom types left as their data."""
    value = json.loads(state.decode("utf-8"), object_hook=_unwrap)
    if not isinstance(value, dict):
        raise ValueError("an event state is a JSON object")
    return value


def recompute_bundle_predikats(events: Sequence[StoredEvent]) -> list[PredikatOutcome]:
    """Every PredikatComputed in the events, recomputed from the rating events of its stream."""
    streams: dict[UUID, list[StoredEvent]] = defaultdict(list)
    for event in events:
        streams[event.originator_id].append(event)
    outcomes: list[PredikatOutcome] = []
    for stream_id, stream in streams.items():
        stream.sort(key=lambda e: e.originator_version)
        decoded, positions = [], {}
        for event in stream:
            try:
                state = decode_state(event.state)
            except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                if b"source_versions" in event.state:
                    return [_undecodable(stream_id, event)]
                continue  # not an event the scores read
            state["originator_version"] = event.originator_version
            decoded.append(SimpleNamespace(**state))
            positions[event.originator_version] = event.position
        try:
            recomputed = recompute_predikats(decoded)
        except (UnknownRulesVersion, ValueError, TypeError, AttributeError) as error:
            return [_undecodable(stream_id, stream[0], str(error))]
        outcomes += [
            PredikatOutcome(
                str(stream_id),
                positions[r.version],
                r.checkpoint,
                r.rules_version,
                r.recorded,
                r.recomputed,
                None if r.matches else _mismatch(stream_id, positions[r.version], r.recomputed),
            )
            for r in recomputed
        ]
    return sorted(outcomes, key=lambda o: o.position)


def _mismatch(stream_id: UUID, position: int, recomputed: str | None) -> str:
    if recomputed is None:
        return (
            f"predikat at position {position} (appraisal {stream_id}): its rating events are "
            "not in the bundle or do not hold the ratings it names"
        )
    return (
        f"predikat at position {position} (appraisal {stream_id}): the rules give {recomputed}, "
        "not what was recorded"
    )


def _undecodable(stream_id: UUID, event: StoredEvent, why: str = "not JSON") -> PredikatOutcome:
    problem = f"event at position {event.position} (appraisal {stream_id}) cannot be read: {why}"
    return PredikatOutcome(str(stream_id), event.position, "", "", "", None, problem)


def _unwrap(obj: dict[str, Any]) -> Any:
    if len(obj) == 2 and "_type_" in obj and "_data_" in obj:
        return obj["_data_"]
    return obj
