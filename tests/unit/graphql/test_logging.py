from __future__ import annotations

import json
import logging
import sys

from graphql_api.logging import JsonFormatter, correlation_id_from, correlation_id_var


def record(**extra: object) -> logging.LogRecord:
    item = logging.makeLogRecord({"name": "jejak.request", "levelname": "INFO", "msg": "%s ok"})
    item.args = ("GET",)
    item.__dict__.update(extra)
    return item


def test_a_record_is_one_json_line_with_its_extra_fields() -> None:
    line = JsonFormatter().format(record(status=200, duration_ms=1.5))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "GET ok"
    assert (entry["level"], entry["logger"]) == ("INFO", "jejak.request")
    assert (entry["status"], entry["duration_ms"]) == (200, 1.5)


def test_a_record_carries_the_current_requests_correlation_id() -> None:
    token = correlation_id_var.set("corr-7")
    try:
        entry = json.loads(JsonFormatter().format(record()))
    finally:
        correlation_id_var.reset(token)
    assert entry["correlation_id"] == "corr-7"


def test_an_exception_is_logged_with_its_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        item = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
        item.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(item))
    assert "Traceback" in entry["exception"]
    assert "ValueError: boom" in entry["exception"]


def test_a_sane_client_correlation_id_is_kept() -> None:
    assert correlation_id_from({"x-correlation-id": "req-2024.01:abc"}) == "req-2024.01:abc"


def test_a_missing_or_odd_correlation_id_is_replaced_by_a_fresh_one() -> None:
    fresh = correlation_id_from({"x-correlation-id": "has spaces\nand newlines"})
    assert len(fresh) == 32
    assert fresh != correlation_id_from({})
