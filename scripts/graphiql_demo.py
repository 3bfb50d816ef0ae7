"""What `jejak serve` puts in the GraphiQL page: a demo caller's token and the demo's variables.

With the development issuer on, the page carries a token for the role `--graphiql-role` names
(default `hr_officer`) in the demo tenant; with an external issuer, none. The example tabs open
with the demo data's values (a person rated in the last cycle who passed training that year,
their unit, that cycle) when the demo is loaded or a token is given, so one click answers.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from access.principal import role_named
from access.roles import Role
from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.org_unit import OrgUnit
from graphql_api.graphiql.dev_token import PAGE_TOKEN_TTL, PageCaller
from graphql_api.graphiql.examples import ExampleValues
from graphql_api.graphiql.page import GraphiqlSettings
from graphql_api.identity import Authenticator
from scripts.datagen.activities import Activity
from scripts.datagen.appraisal_steps import GiveFeedback
from scripts.datagen.assessment_steps import Rate
from scripts.datagen.loader import DEMO_EMPLOYEES, DEMO_SEED
from scripts.datagen.plan import Plan, TenantPlan, build_plan
from scripts.datagen.serving import serving_on
from scripts.datagen.training_steps import Complete
from scripts.token_cli import DEMO_TENANT

A = TypeVar("A", bound=Activity)

NO_ROLE = "none"
DEFAULT_ROLE = Role.HR_OFFICER.value
# The user ids `serve --demo` prints tokens for; people (supervisor, employee) act under a NIP.
DEMO_USERS = {
    Role.HR_OFFICER: "hr-demo", Role.AUDITOR: "inspektorat-demo",
    Role.TRAINING_INSTITUTION: "bpsdm-kalteng", Role.REPORTING: "reporting-demo",
    Role.PUBLIC_PORTAL: "public-portal-demo", Role.ADMIN: "platform-admin",
}  # fmt: skip


@dataclass(frozen=True)
class DemoPerson:
    """The person the example tabs ask about, and who rated them in the cycle of `year`."""

    nip: str
    unit: str  # unit code at the end of the year
    year: int
    appraiser: str


def add_graphiql_option(serve: argparse.ArgumentParser) -> None:
    """`jejak serve --graphiql-role ROLE`: whose development token the GraphiQL page carries."""
    serve.add_argument(
        "--graphiql-role",
        default=DEFAULT_ROLE,
        choices=[*(role.value for role in Role), NO_ROLE],
        help="the demo role whose short-lived development token GraphiQL opens with, for a "
        f"browser on this machine (default {DEFAULT_ROLE}; {NO_ROLE}: paste one yourself)",
    )


def graphiql_settings(
    role: str, demo: bool, authenticator: Authenticator, planned_until: date | None = None
) -> GraphiqlSettings:
    """The page's token caller and example variables (people of the demo planned up to
    `planned_until`); says on stderr what the page carries."""
    wants_token = authenticator.dev_issuer is not None and role != NO_ROLE
    if not (demo or wants_token):
        return GraphiqlSettings()
    person = demo_person(build_plan(DEMO_EMPLOYEES, DEMO_SEED, today=planned_until))
    caller = page_caller(role, person) if wants_token else None
    if caller is not None:
        minutes = int(PAGE_TOKEN_TTL.total_seconds() // 60)
        print(f"GraphiQL opens with a development token for {caller.describe()} ({minutes} "
              "min, for a browser on this machine; --graphiql-role changes it).",
              file=sys.stderr)  # fmt: skip
    return GraphiqlSettings(caller, example_values(person))


def page_caller(role: str, person: DemoPerson) -> PageCaller:
    """The demo caller of `role`: people act as the demo person or the one who rated them."""
    named = role_named(role)
    if named is None:
        raise ValueError(f"{role!r} is not a Jejak role.")
    if named in (Role.EMPLOYEE, Role.SUPERVISOR):
        nip = person.nip if named is Role.EMPLOYEE else person.appraiser
        return PageCaller(nip, named.value, DEMO_TENANT, nip)
    tenant = None if named is Role.ADMIN else DEMO_TENANT
    return PageCaller(DEMO_USERS[named], named.value, tenant)


def example_values(person: DemoPerson, tenant: str = DEMO_TENANT) -> ExampleValues:
    """The tabs' variables: the person, their unit, the cycle and training of `person.year`."""
    unit_id = OrgUnit.id_for(tenant, person.unit)
    cycle_id = AppraisalCycle.id_for(tenant, person.year)
    return ExampleValues(person.nip, str(unit_id), str(cycle_id), person.year)


def demo_person(plan: Plan, tenant: str = DEMO_TENANT) -> DemoPerson:
    """Someone rated in the tenant's last cycle and serving at its end, at best one who passed
    training that year, had feedback and was rated by a person (a NIP): the lowest such NIP,
    so a plan always gives the same person."""
    [planned] = [t for t in plan.tenants if t.region.tenant == tenant]
    rated = {(a.year, a.nip): a.appraiser for a in _of(planned, Rate)}
    if not rated:
        raise ValueError(f"The plan rates nobody in {tenant}.")
    year = max(y for y, _ in rated)
    end = date(year, 12, 31)
    employees = {e.nip: e for e in planned.employees}
    serving = {nip: s for y, nip in rated if y == year and (s := serving_on(employees[nip], end))}
    trained = {a.nip for a in _of(planned, Complete) if a.passed and a.on.year == year}
    heard = {a.nip for a in _of(planned, GiveFeedback) if a.year == year}
    candidates = sorted(serving, key=lambda nip: (
        nip not in trained, nip not in heard, not rated[year, nip].isdigit(), nip,
    ))  # fmt: skip
    if not candidates:
        raise ValueError(f"Nobody rated in {tenant} in {year} still serves at its end.")
    nip = candidates[0]
    return DemoPerson(nip, serving[nip].unit, year, rated[year, nip])


def _of(planned: TenantPlan, kind: type[A]) -> list[A]:
    return [a for a in planned.activities if isinstance(a, kind)]
