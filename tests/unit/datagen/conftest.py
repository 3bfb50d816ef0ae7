"""Plans shared by the generator's unit tests (planning is pure: no database, no clock)."""

from __future__ import annotations

import pytest

from scripts.datagen.plan import Plan, build_plan
from scripts.datagen.steps import Appoint


@pytest.fixture(scope="package")
def plan() -> Plan:
    """600 employees over the four regions, seed 7."""
    return build_plan(600, seed=7)


def appointments(plan: Plan) -> list[Appoint]:
    """Every employee's appointment step."""
    return [
        e.steps[0] for t in plan.tenants for e in t.employees if isinstance(e.steps[0], Appoint)
    ]
