from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest

from graphql_api.logging import (
    CorrelationIdFilter,
    configure_logging,
    correlation_id_from,
    correlation_id_var,
    json_formatter,
    log_level,
)


def record(**extra: object) -> logging.LogRecord:
    item = logging.makeLogRecord({"name": "jejak.request", "levelname": "INFO", "msg": "%s ok"})
    item.args = ("GET",)
    item.__dict__.update(extra)
    return item


def test_a_record_is_one_json_line_with_its_extra_fields() -> None:
    line = json_formatter().format(record(status=200, duration_ms=1.5))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "GET ok"
    assert (entry["level"], entry["logger"]) == ("INFO", "jejak.request")
    assert (entry["status"], entry["duration_ms"]) == (200, 1.5)
    assert entry["time"].endswith("+00:00")


def test_text_beyond_ascii_is_written_as_it_is() -> None:
    entry = json_formatter().format(record(tenant="Palangkaraya — Kalteng"))
    assert "Palangkaraya — Kalteng" in entry


def test_a_record_carries_the_current_requests_correlation_id() -> None:
    item = record()
    token = correlation_id_var.set("corr-7")
    try:
        CorrelationIdFilter().filter(item)
    finally:
        correlation_id_var.reset(token)
    assert json.loads(json_formatter().format(item))["correlation_id"] == "corr-7"


def test_an_exception_is_logged_with_its_traceback() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        item = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
        item.exc_info = sys.exc_info()
    entry = json.loads(json_formatter().format(item))
    assert "Traceback" in entry["exception"]
    assert "ValueError: boom" in entry["exception"]


def test_a_sane_client_correlation_id_is_kept() -> None:
    assert correlation_id_from({"x-correlation-id": "req-2024.01:abc"}) == "req-2024.01:abc"


def test_a_missing_or_odd_correlation_id_is_replaced_by_a_fresh_one() -> None:
    fresh = correlation_id_from({"x-correlation-id": "has spaces\nand newlines"})
    assert len(fresh) == 32
    assert fresh != correlation_id_from({})


def test_the_log_level_is_info_unless_jejak_log_level_names_another() -> None:
    assert log_level({}) == logging.INFO
    assert log_level({"JEJAK_LOG_LEVEL": "debug"}) == logging.DEBUG
    assert log_level({"JEJAK_LOG_LEVEL": " WARNING "}) == logging.WARNING


def test_an_unknown_log_level_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="JEJAK_LOG_LEVEL must be one of DEBUG, INFO"):
        log_level({"JEJAK_LOG_LEVEL": "verbose"})


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, its handlers and level restored afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    root.handlers, root.level = handlers, level


def test_configured_logging_writes_json_at_the_level_set(
    root_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEJAK_LOG_LEVEL", "WARNING")
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    configure_logging()

    logger = logging.getLogger("jejak.test")
    logger.info("not at WARNING")
    logger.warning("kept", extra={"tenant": "pemkot-palangkaraya"})

    [line] = out.getvalue().splitlines()
    entry = json.loads(line)
    assert (entry["message"], entry["level"], entry["tenant"]) == (
        "kept",
        "WARNING",
        "pemkot-palangkaraya",
    )
