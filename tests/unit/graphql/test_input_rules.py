"""Poison input through the personnel API answers INVALID_INPUT, never INTERNAL_ERROR.

Variables arrive as JSON, where "\\ud800" decodes to a lone surrogate: the values below are
decoded the same way, so each reaches the resolvers as it would from a client.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from domain.errors import UnknownTenant
from tests.tenants import register_in
from tests.unit.graphql.conftest import (
    TENANT,
    FakeReadModels,
    FakeRuntime,
    codes,
    execute,
    make_context,
    nip_of,
)
from tests.unit.graphql.test_employee_mutations import APPOINT, appointment

AWARD = """mutation($input: RecordAwardInput!) { recordAward(input: $input) { version } }"""
UNIT = """mutation($input: CreateUnitInput!) { createUnit(input: $input) { unitId } }"""
POISON = {
    "a NUL": json.loads('"before\\u0000after"'),
    "an over-long value": "x" * 10_000,
    "a lone surrogate": json.loads('"x\\ud800y"'),
}


@pytest.fixture
def registered(runtime: FakeRuntime) -> FakeRuntime:
    """The runtime with the test tenant registered in its personnel store."""
    try:
        runtime.personnel.check_registered(TENANT)
    except UnknownTenant:
        register_in(runtime.personnel, TENANT)
    return runtime


def log_head(runtime: FakeRuntime) -> int:
    return runtime.personnel.recorder.max_notification_id() or 0


def sendable(result: Any) -> bool:
    """Whether the errors can go out as UTF-8 JSON, as the HTTP response sends them."""
    messages = [error.message for error in result.errors or []]
    return bool(json.dumps(messages, ensure_ascii=False).encode("utf-8"))


async def appointed(runtime: FakeRuntime) -> None:
    result = await execute(make_context(runtime), APPOINT, {"input": await appointment(runtime)})
    assert result.errors is None, result.errors


def award(**changes: str) -> dict[str, Any]:
    return {
        "input": {
            "nip": nip_of(1),
            "kind": "PENGHARGAAN_INSTANSI",
            "title": "Pegawai Teladan",
            "awardedOn": "2024-12-20",
            "reason": "SK Wali Kota 800/12/2024",
        }
        | changes
    }


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["title", "reason"])
async def test_record_award_with_poisoned_text_is_invalid_input_and_records_nothing(
    registered: FakeRuntime, field: str, value: str
) -> None:
    await appointed(registered)
    head = log_head(registered)
    result = await execute(make_context(registered), AWARD, award(**{field: value}))
    assert codes(result) == ["INVALID_INPUT"]
    assert sendable(result)
    assert log_head(registered) == head


async def test_record_award_at_the_end_of_time_is_invalid_input(registered: FakeRuntime) -> None:
    await appointed(registered)
    head = log_head(registered)
    result = await execute(make_context(registered), AWARD, award(awardedOn="9999-12-31"))
    assert codes(result) == ["INVALID_INPUT"]
    assert result.errors[0].message == (
        "The award date 9999-12-31 is too far ahead: at most 2 year(s) after today (2027-01-06)."
    )
    assert log_head(registered) == head


async def test_an_award_is_recorded_when_its_text_is_clean(registered: FakeRuntime) -> None:
    await appointed(registered)
    result = await execute(make_context(registered), AWARD, award(reason="Baris satu\nbaris dua"))
    assert result.errors is None
    assert result.data["recordAward"]["version"] == 2


@pytest.mark.parametrize("nip", [POISON["a lone surrogate"], POISON["a NUL"], "9" * 10_000])
async def test_a_nip_no_employee_can_have_is_invalid_nip_not_internal_error(
    registered: FakeRuntime, nip: str
) -> None:
    result = await execute(make_context(registered), AWARD, award(nip=nip))
    assert codes(result) == ["INVALID_NIP"]
    assert sendable(result)
    assert len(result.errors[0].message) < 200


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
async def test_create_unit_with_a_poisoned_name_is_invalid_input(
    registered: FakeRuntime, value: str
) -> None:
    head = log_head(registered)
    variables = {"input": {"code": "DISDIK", "name": value, "kind": "DINAS"}}
    result = await execute(make_context(registered), UNIT, variables)
    assert codes(result) == ["INVALID_INPUT"]
    assert sendable(result)
    assert log_head(registered) == head


@pytest.mark.parametrize(
    "document",
    [
        'query($y: Int!) { trainingYear(nip: "199001012015031001", year: $y) { earned } }',
        "query($y: Int!) { trainingCompliance(year: $y) { employeeCount } }",
    ],
    ids=["trainingYear", "trainingCompliance"],
)
@pytest.mark.parametrize("year", [99999, 0, -1, 2**31 - 1])
async def test_a_year_out_of_range_is_invalid_input_not_internal_error(
    runtime: FakeRuntime, read_models: FakeReadModels, document: str, year: int
) -> None:
    result = await execute(make_context(runtime), document, {"y": year})
    assert codes(result) == ["INVALID_INPUT"]
    assert result.errors[0].message == f"The year {year} is outside 1950–2100."
