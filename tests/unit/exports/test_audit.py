"""The audit export's rows: payloads as objects, times with offset, the stamp on every row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID

import pytest

from access.roles import Role
from graphql_api.errors import InvalidArgument
from graphql_api.exports.audit import (
    AUDIT_EVENTS,
    COLUMNS,
    PLATFORM_EVENTS,
    event_filter,
    event_row,
)
from graphql_api.exports.formats import csv_chunks, json_chunks
from graphql_api.exports.sheet import Params, Row
from projections.event_log import LoggedEvent

EVENT = LoggedEvent(
    41, UUID(int=7), 2, "Employee", "Promoted", datetime(2024, 3, 10, 2, 0, tzinfo=UTC),
    "hr-1", "hr_officer", "pemkot-palangkaraya", "corr-1", "SK 7/2024",
    '{"effective_on": "2024-01-01", "to_golongan": "III/b"}',
)  # fmt: skip
CHECKPOINT = (40, "ab" * 32)


async def _rows() -> AsyncIterator[Row]:
    yield event_row(EVENT, CHECKPOINT)


async def _text(chunks: AsyncIterator[bytes]) -> str:
    return b"".join([chunk async for chunk in chunks]).decode()


async def test_a_json_line_carries_the_payload_as_an_object_and_the_stamp() -> None:
    text = await _text(json_chunks(COLUMNS, _rows(), lines=True, position=45))
    [line] = [json.loads(row) for row in text.splitlines()]
    assert line["payload"] == {"effective_on": "2024-01-01", "to_golongan": "III/b"}
    assert line["recorded_at"] == "2024-03-10T02:00:00+00:00"
    assert (line["log_position"], line["ledger_size"], line["ledger_root"]) == (45, *CHECKPOINT)


async def test_a_csv_row_carries_the_payload_as_json_text_and_the_stamp_columns() -> None:
    text = await _text(csv_chunks(COLUMNS, _rows(), 45))
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert json.loads(row["payload"])["to_golongan"] == "III/b"
    assert (row["log_position"], row["ledger_size"]) == ("45", "40")


def test_the_arguments_become_the_query_module_s_filter() -> None:
    values = {"actor": "hr-1", "type": "Employee.Promoted", "from": "2024-01-01T00:00:00+07:00"}
    where = event_filter(Params(values))
    assert (where.actor, where.event_type, where.platform_only) == ("hr-1", values["type"], False)
    assert where.since is not None
    assert where.since.utcoffset() is not None
    assert event_filter(Params({}), platform=True).platform_only


@pytest.mark.parametrize("raw", ["2024-01-01T00:00:00", "yesterday"])
def test_a_time_without_offset_or_not_iso_is_refused(raw: str) -> None:
    with pytest.raises(InvalidArgument):
        event_filter(Params({"from": raw}))


def test_auditors_export_their_tenant_s_events_and_the_admin_only_the_platform_s() -> None:
    assert AUDIT_EVENTS.refused(Role.AUDITOR) == []
    assert PLATFORM_EVENTS.refused(Role.ADMIN) == []
    for role in Role:
        if role is not Role.AUDITOR:
            assert AUDIT_EVENTS.refused(role), role
        if role is not Role.ADMIN:
            assert PLATFORM_EVENTS.refused(role), role
