"""What `jejak serve` puts in the GraphiQL page: whose token, and the demo's example values."""

from __future__ import annotations

import argparse
from datetime import date
from functools import cache

import pytest

from access.settings import IdentitySettings
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.org_unit import OrgUnit
from graphql_api.graphiql.dev_token import PageCaller
from graphql_api.graphiql.examples import ExampleValues
from graphql_api.identity import Authenticator
from scripts.datagen.assessment_steps import Rate
from scripts.datagen.loader import DEMO_EMPLOYEES, DEMO_SEED
from scripts.datagen.plan import Plan, build_plan
from scripts.datagen.serving import serving_on
from scripts.datagen.training_steps import Complete
from scripts.graphiql_demo import (
    DemoPerson,
    add_graphiql_option,
    demo_person,
    example_values,
    graphiql_settings,
    page_caller,
)
from scripts.token_cli import DEMO_TENANT
from tests.tokens import authenticator

PERSON = DemoPerson("196709071996041001", "DPUPR", 2025, "197710292000121001")


@cache
def demo_plan() -> Plan:
    return build_plan(DEMO_EMPLOYEES, DEMO_SEED)


def serve_options(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_graphiql_option(parser)
    return parser.parse_args(argv)


def test_the_demo_person_was_rated_in_the_last_cycle_trained_that_year_and_still_serves() -> None:
    person = demo_person(demo_plan())
    [tenant] = [t for t in demo_plan().tenants if t.region.tenant == DEMO_TENANT]
    rates = [a for a in tenant.activities if isinstance(a, Rate) and a.nip == person.nip]
    assert person.year == max(a.year for a in tenant.activities if isinstance(a, Rate))
    assert [(a.year, a.appraiser) for a in rates if a.year == person.year] == [
        (person.year, person.appraiser)
    ]
    assert any(
        a.nip == person.nip and a.passed and a.on.year == person.year
        for a in tenant.activities
        if isinstance(a, Complete)
    )
    [employee] = [e for e in tenant.employees if e.nip == person.nip]
    serving = serving_on(employee, date(person.year, 12, 31))
    assert serving is not None
    assert serving.unit == person.unit


def test_the_example_values_are_the_demo_persons_unit_cycle_and_year() -> None:
    assert example_values(PERSON) == ExampleValues(
        PERSON.nip,
        str(OrgUnit.id_for(DEMO_TENANT, "DPUPR")),
        str(AppraisalCycle.id_for(DEMO_TENANT, 2025)),
        2025,
    )


@pytest.mark.parametrize(
    ("role", "caller"),
    [
        ("hr_officer", PageCaller("hr-demo", "hr_officer", DEMO_TENANT)),
        ("auditor", PageCaller("inspektorat-demo", "auditor", DEMO_TENANT)),
        ("employee", PageCaller(PERSON.nip, "employee", DEMO_TENANT, PERSON.nip)),
        ("supervisor", PageCaller(PERSON.appraiser, "supervisor", DEMO_TENANT, PERSON.appraiser)),
        ("admin", PageCaller("platform-admin", "admin", None)),
    ],
)
def test_people_act_as_the_demo_person_or_their_appraiser_and_the_admin_for_no_tenant(
    role: str, caller: PageCaller
) -> None:
    assert page_caller(role, PERSON) == caller


def test_graphiql_opens_as_the_demo_hr_officer_unless_told_otherwise() -> None:
    assert serve_options().graphiql_role == "hr_officer"
    assert serve_options("--graphiql-role", "none").graphiql_role == "none"


def test_a_role_jejak_does_not_have_is_refused() -> None:
    with pytest.raises(SystemExit):
        serve_options("--graphiql-role", "superuser")


def test_with_the_development_issuer_the_page_gets_the_chosen_callers_token() -> None:
    settings = graphiql_settings("auditor", demo=False, authenticator=authenticator())
    assert settings.caller == PageCaller("inspektorat-demo", "auditor", DEMO_TENANT)
    assert settings.examples == example_values(demo_person(demo_plan()))


def test_with_role_none_the_page_gets_no_token_and_without_the_demo_placeholders() -> None:
    settings = graphiql_settings("none", demo=False, authenticator=authenticator())
    assert (settings.caller, settings.examples) == (None, ExampleValues())


def test_with_an_external_issuer_the_demo_still_fills_the_examples_but_no_token() -> None:
    external = IdentitySettings(issuer="https://sso.example.go.id/realms/asn")
    identity = Authenticator.from_settings(external, "http://127.0.0.1:8000/dev-issuer")
    settings = graphiql_settings("hr_officer", demo=True, authenticator=identity)
    assert settings.caller is None
    assert settings.examples == example_values(demo_person(demo_plan()))
