from __future__ import annotations

import pytest
from cross_web import HTTPException

from graphql_api.consistency import DEFAULT_WAIT_MS, ReadAfter, read_after_from
from projections.positions import Hold
from tests.unit.graphql.conftest import (
    FakeReadModels,
    FakeRuntime,
    codes,
    execute,
    make_context,
    nip_of,
)

QUERY = "query($nip: String) { employee(nip: $nip) { nip } }"
NIP = {"nip": nip_of(1)}


def test_without_a_min_position_a_query_does_not_wait() -> None:
    assert read_after_from({}) is None


def test_the_wait_defaults_to_five_seconds() -> None:
    assert read_after_from({"x-min-position": "42"}) == ReadAfter(42, DEFAULT_WAIT_MS)


def test_a_wait_timeout_is_read_in_milliseconds() -> None:
    headers = {"x-min-position": "42", "x-wait-timeout-ms": "250"}
    assert read_after_from(headers) == ReadAfter(42, 250)


@pytest.mark.parametrize(
    "headers",
    [
        {"x-min-position": "forty-two"},
        {"x-min-position": "-1"},
        {"x-min-position": "1", "x-wait-timeout-ms": "30001"},
        {"x-min-position": "1", "x-wait-timeout-ms": "1.5"},
    ],
)
def test_a_malformed_consistency_header_is_a_bad_request(headers: dict[str, str]) -> None:
    with pytest.raises(HTTPException) as raised:
        read_after_from(headers)
    assert raised.value.status_code == 400


async def test_a_query_waits_for_the_position_then_runs(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    runtime.positions.position = 10
    context = make_context(runtime, read_after=ReadAfter(10, 2_000))
    result = await execute(context, QUERY, NIP)
    assert result.errors is None
    assert runtime.positions.waited == [(10, 2.0)]


async def test_a_query_the_read_models_cannot_catch_up_with_is_read_model_lag(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    runtime.positions.position = 7
    context = make_context(runtime, read_after=ReadAfter(10, 100))
    result = await execute(context, QUERY, NIP)
    assert codes(result) == ["READ_MODEL_LAG"]
    assert result.errors[0].extensions == {
        "code": "READ_MODEL_LAG",
        "position": 7,
        "minPosition": 10,
    }
    assert "reached position 7, not 10" in result.errors[0].message
    assert read_models.calls == []


async def test_a_query_past_a_held_read_model_is_read_model_degraded_naming_it(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    runtime.positions.position = 7
    runtime.positions.holds = [Hold("employees", 8)]
    context = make_context(runtime, read_after=ReadAfter(10, 100))
    result = await execute(context, QUERY, NIP)
    assert codes(result) == ["READ_MODEL_DEGRADED"]
    assert result.errors[0].extensions == {
        "code": "READ_MODEL_DEGRADED",
        "position": 7,
        "minPosition": 10,
        "degraded": [{"projection": "employees", "heldAt": 8}],
    }
    assert "employees (at #8)" in result.errors[0].message
    assert read_models.calls == []


async def test_a_hold_beyond_the_wanted_position_leaves_it_read_model_lag(
    read_models: FakeReadModels, runtime: FakeRuntime
) -> None:
    runtime.positions.position = 7
    runtime.positions.holds = [Hold("employees", 11)]
    context = make_context(runtime, read_after=ReadAfter(10, 100))
    result = await execute(context, QUERY, NIP)
    assert codes(result) == ["READ_MODEL_LAG"]


async def test_a_mutation_does_not_wait_for_the_read_models(runtime: FakeRuntime) -> None:
    mutation = (
        'mutation { createUnit(input: {code: "X1", name: "Unit X", kind: DINAS}) { position } }'
    )
    result = await execute(make_context(runtime, read_after=ReadAfter(10, 100)), mutation)
    assert result.errors is None
    assert runtime.positions.waited == []


async def test_a_failure_while_waiting_is_masked_as_an_internal_error(
    read_models: FakeReadModels, runtime: FakeRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unreachable(position: int, timeout: float) -> bool:  # noqa: ASYNC109
        raise OSError("could not connect to server at 10.1.2.3")

    monkeypatch.setattr(runtime.positions, "wait_for", unreachable)
    context = make_context(runtime, read_after=ReadAfter(10, 100))
    result = await execute(context, QUERY, NIP)
    assert codes(result) == ["INTERNAL_ERROR"]
    assert "10.1.2.3" not in result.errors[0].message
