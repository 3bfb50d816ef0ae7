"""Poison input through the training API answers INVALID_INPUT, never INTERNAL_ERROR."""

from __future__ import annotations

import json
from typing import Any

import pytest

from services.training import TrainingApplication
from tests.unit.training.conftest import JUNIOR_NIP, log_head
from tests.unit.training.graphql.conftest import TrainingRuntime, codes, context, run

SUBMIT = """mutation($i: SubmitExternalLearningInput!) {
  submitExternalLearning(input: $i) { learningId position } }"""
LEARNING = {"nip": JUNIOR_NIP, "title": "Kursus daring", "form": "E_LEARNING", "provider": "LAN",
            "completedOn": "2025-05-20", "minutes": 100, "evidenceRef": "lan/1"}  # fmt: skip
# Variables arrive as JSON: "\ud800" there decodes to a lone surrogate, as it does here.
POISON = {
    "a NUL": "before\x00after",
    "an over-long value": "x" * 10_000,
    "a lone surrogate": json.loads('"x\\ud800y"'),
}


def sendable(result: Any) -> bool:
    """Whether the errors can go out as UTF-8 JSON, as the HTTP response sends them."""
    messages = [error.message for error in result.errors or []]
    return bool(json.dumps(messages, ensure_ascii=False).encode("utf-8"))


@pytest.mark.parametrize("value", POISON.values(), ids=POISON.keys())
@pytest.mark.parametrize("field", ["title", "provider", "evidenceRef", "reason"])
async def test_the_employee_submitting_poisoned_learning_gets_invalid_input(
    runtime: TrainingRuntime, app: TrainingApplication, field: str, value: str
) -> None:
    head = log_head(app)
    result = await run(
        context(runtime, "employee", JUNIOR_NIP), SUBMIT, {"i": LEARNING | {field: value}}
    )
    assert codes(result) == ["INVALID_INPUT"]
    assert sendable(result)
    assert log_head(app) == head


async def test_learning_completed_at_the_end_of_time_is_refused(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    head = log_head(app)
    result = await run(
        context(runtime, "employee", JUNIOR_NIP),
        SUBMIT,
        {"i": LEARNING | {"completedOn": "9999-12-31"}},
    )
    assert codes(result) == ["INVALID_LEARNING"]
    assert log_head(app) == head


async def test_a_nip_with_a_lone_surrogate_is_invalid_nip(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    result = await run(
        context(runtime), SUBMIT, {"i": LEARNING | {"nip": POISON["a lone surrogate"]}}
    )
    assert codes(result) == ["INVALID_NIP"]
    assert sendable(result)
