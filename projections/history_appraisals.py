"""An appraisal as it stood at a point: its read model's own fold over the log as it was then.

The appraisal document keeps only the latest of each fact (a calibrated rating overwrites the
one given), so the history cannot be read back from it. The audit trail (`event_log`) holds
every event's payload, which the API may read: the appraisal's events up to the point are
folded by `AppraisalRecordsProjection.fold`, the same code that built the document, so the
answer is the document the read model held then. An appraisal's facts carry no effective date
of their own (a rating is in force once given), so the valid axis bounds them by the date they
were recorded (UTC) as well.
"""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any
from uuid import UUID

import asyncpg

from projections.appraisal_records import AppraisalRecordsProjection
from projections.base import READ_SCHEMA, Envelope

_EVENTS = f"""
SELECT position, originator_version, aggregate_type, event_type, recorded_at, actor_id,
       actor_role, tenant, correlation_id, reason, payload::text AS payload
FROM {READ_SCHEMA}.event_log
WHERE originator_id = $1 AND position <= $2 AND (recorded_at AT TIME ZONE 'UTC')::date <= $3
ORDER BY position"""

# One stand-in class per logged event type: the projection dispatches on the class's name
# and its aggregate's (`projections.base.handlers_for`), and caches per class.
_CLASSES: dict[tuple[str, str], type] = {}


def _event_class(aggregate_type: str, event_type: str) -> type:
    key = (aggregate_type, event_type)
    if key not in _CLASSES:
        cls = type(event_type, (SimpleNamespace,), {})
        cls.__qualname__ = f"{aggregate_type}.{event_type}"
        _CLASSES[key] = cls
    return _CLASSES[key]


def _envelope(appraisal_id: UUID, record: asyncpg.Record) -> Envelope:
    meta = SimpleNamespace(
        actor_id=record["actor_id"],
        actor_role=record["actor_role"],
        tenant=record["tenant"],
        correlation_id=record["correlation_id"],
        reason=record["reason"],
    )
    payload: dict[str, Any] = json.loads(record["payload"])
    cls = _event_class(record["aggregate_type"], record["event_type"])
    event = cls(
        **payload,
        originator_id=appraisal_id,
        originator_version=record["originator_version"],
        timestamp=record["recorded_at"],
        meta=meta,
    )
    return Envelope(record["position"], event)


async def appraisal_as_of(
    pool: asyncpg.Pool, current: dict[str, Any], position: int, valid_on: date
) -> dict[str, Any] | None:
    """The appraisal row (`projections.appraisal_records`) as it stood at the point; None if
    the enrolment was not yet recorded there."""
    records = await pool.fetch(_EVENTS, current["id"], position, valid_on)
    if not records:
        return None
    folded = AppraisalRecordsProjection().fold({}, [_envelope(current["id"], r) for r in records])
    row = folded.get(current["id"])
    if row is None:
        return None
    # The log's payload holds ids as text; the identity of the row is the current one's.
    keep = ("id", "cycle_id", "tenant", "year", "employee_id", "nip")
    return row | {name: current[name] for name in keep} | {"unit_id": UUID(str(row["unit_id"]))}
