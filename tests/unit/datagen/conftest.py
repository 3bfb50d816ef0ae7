"""Plans shared by the generator's unit tests (planning is pure: no database, no clock)."""

from __future__ import annotations

from datetime import date

import pytest

from scripts.datagen.plan import Plan, build_plan
from scripts.datagen.steps import Appoint

# A December day: 2025 is the last finished year, the 2026 cycle is open before its annual
# ratings (January 2027), and the year's programmes are over but for the announced ones.
TODAY = date(2026, 12, 5)
FINISHED, CURRENT = 2025, 2026


@pytest.fixture(scope="package")
def plan() -> Plan:
    """600 employees over the four regions, seed 7, up to TODAY."""
    return build_plan(600, seed=7, today=TODAY)


def appointments(plan: Plan) -> list[Appoint]:
    """Every employee's appointment step."""
    return [
        e.steps[0] for t in plan.tenants for e in t.employees if isinstance(e.steps[0], Appoint)
    ]
