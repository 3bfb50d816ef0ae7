"""`jejak token`'s options, and the demo people `serve --demo` mints tokens for."""

from __future__ import annotations

import argparse
from datetime import timedelta

import pytest

from scripts.datagen.loader import DEMO_EMPLOYEES, DEMO_SEED
from scripts.datagen.plan import build_plan
from scripts.token_cli import DEMO_TENANT, demo_people, parse_ttl


@pytest.mark.parametrize(
    ("text", "lifetime"),
    [("90s", timedelta(seconds=90)), ("30m", timedelta(minutes=30)),
     ("8h", timedelta(hours=8)), ("2d", timedelta(days=2))],
)  # fmt: skip
def test_a_lifetime_is_a_number_and_a_unit(text: str, lifetime: timedelta) -> None:
    assert parse_ttl(text) == lifetime


@pytest.mark.parametrize("text", ["8", "h", "1.5h", "-1h", "8 hours"])
def test_a_lifetime_without_a_whole_number_and_unit_is_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_ttl(text)


def test_the_demo_people_are_distinct_staff_of_the_demo_tenant() -> None:
    employee, supervisor = demo_people()
    [tenant] = [t for t in build_plan(DEMO_EMPLOYEES, DEMO_SEED).tenants
                if t.region.tenant == DEMO_TENANT]  # fmt: skip
    nips = {e.nip for e in tenant.employees}
    assert employee != supervisor
    assert {employee, supervisor} <= nips
