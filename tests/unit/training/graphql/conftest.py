"""The real schema over a real TrainingApplication (in memory) and fake training read models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from graphql_api.context import Context, Loaders
from graphql_api.schema import schema
from services.training import TrainingApplication
from tests.unit.graphql.conftest import FakePositions, identity_of
from tests.unit.training.conftest import TENANT


@dataclass
class TrainingRuntime:
    training: TrainingApplication
    positions: FakePositions = field(default_factory=FakePositions)
    pool: Any = None


@pytest.fixture
def runtime(app: TrainingApplication) -> TrainingRuntime:
    """The runtime of the API with the training application of tests/unit/training."""
    return TrainingRuntime(app)


def context(
    runtime: TrainingRuntime, role: str = "hr_officer", user: str = "hr-1", tenant: str = TENANT
) -> Context:
    nip = user if role == "employee" else None  # people act under their NIP
    return Context(
        runtime=runtime,  # type: ignore[arg-type]
        identity=identity_of(role, tenant, user=user, nip=nip),
        correlation_id="test-correlation",
        loaders=Loaders.for_request(runtime.pool),
    )


async def run(ctx: Context, document: str, variables: dict[str, Any] | None = None) -> Any:
    return await schema.execute(document, variable_values=variables, context_value=ctx)


def codes(result: Any) -> list[str]:
    return [error.extensions["code"] for error in result.errors or []]


def payload(result: Any) -> dict[str, Any]:
    """The one payload of a mutation that must have succeeded."""
    assert result.errors is None, result.errors
    [value] = result.data.values()
    return dict(value)
