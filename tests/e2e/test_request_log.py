"""The request's log line, from the running app: who called, which operation, how it ended."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from graphql_api.logging import json_formatter
from tests.e2e.conftest import HR, TENANT, Api

pytestmark = pytest.mark.e2e

TWO_OPERATIONS = "query Units { unitTree { code } } query Tenants { tenants { code } }"


def request_line(caplog: pytest.LogCaptureFixture, correlation_id: str) -> dict[str, Any]:
    """The request line of the request with this correlation id, as the JSON written."""
    [record] = [
        r
        for r in caplog.records
        if r.name == "jejak.request" and getattr(r, "correlation_id", None) == correlation_id
    ]
    line: dict[str, Any] = json.loads(json_formatter().format(record))
    return line


async def test_the_request_line_names_the_caller_the_operation_and_how_it_ended(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="jejak.request")
    response = await api.client.post(
        "/graphql",
        json={"query": TWO_OPERATIONS, "operationName": "Tenants"},
        headers=HR | {"X-Correlation-Id": "req-42"},
    )
    assert response.status_code == 200

    line = request_line(caplog, "req-42")
    assert {key: line[key] for key in ("user", "role", "tenant", "operation", "status")} == {
        "user": "hr-budi",
        "role": "hr_officer",
        "tenant": TENANT,
        "operation": "Tenants",  # the one the parsed document selects
        "status": 200,
    }
    assert (line["operation_type"], line["codes"], line["level"]) == ("query", [], "INFO")
    assert line["duration_ms"] > 0
    assert response.headers["X-Correlation-Id"] == "req-42"


async def test_a_request_without_a_token_is_logged_without_a_caller_with_its_code(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="jejak.request")
    response = await api.client.post(
        "/graphql", json={"query": "{ tenants { code } }"}, headers={"X-Correlation-Id": "anon-1"}
    )
    assert response.status_code == 401

    line = request_line(caplog, "anon-1")
    assert (line["user"], line["role"], line["tenant"], line["operation"]) == (None,) * 4
    assert (line["status"], line["codes"]) == (401, ["UNAUTHENTICATED"])


async def test_an_operation_refused_by_the_policy_is_logged_with_its_code(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="jejak.request")
    query = 'query Trail { employeeEvents(nip: "199001012015031001") { position } }'
    await api.graphql(query, headers=HR | {"X-Correlation-Id": "trail-1"})

    line = request_line(caplog, "trail-1")
    assert (line["operation"], line["codes"], line["status"]) == ("Trail", ["FORBIDDEN"], 200)


async def test_probes_and_scrapes_are_logged_at_debug(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="jejak.request")
    await api.client.get("/healthz", headers={"X-Correlation-Id": "probe-1"})
    await api.client.get("/metrics", headers={"X-Correlation-Id": "probe-2"})

    levels = {
        getattr(r, "correlation_id", None): r.levelname
        for r in caplog.records
        if r.name == "jejak.request"
    }
    assert (levels["probe-1"], levels["probe-2"]) == ("DEBUG", "DEBUG")
