"""What the access benchmark sends: two documents, three callers, and the runs they make.

Every case goes to the same server, which trusts gateway headers (JEJAK_TRUST_GATEWAY_HEADERS=1)
and still verifies a bearer token whenever a request carries no gateway header, so the two
sides of every ratio meet the same process, caches and pools.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx
import psycopg

from access.access_log import AUDIT_SCHEMA
from access.dev_issuer import DevIssuer
from scripts.bench.access_data import People
from scripts.bench.identity import ISSUER_URL, TOKEN_TTL, bearer_headers, key_path
from scripts.bench.load import LoadSpec, run_load
from scripts.bench.stats import LoadResult, LoadSummary
from services.database import Database

PUBLIC = (
    "query Public($nip: String!) { employee(nip: $nip) { name jabatan { title } unit { name } } }"
)
PRIVATE = (
    "query Private($nip: String!) "
    "{ employee(nip: $nip) { name leaveRecords { days } careerHistory { kind } } }"
)
PRIVATE_LISTS = ("leaveRecords", "careerHistory")
HR_USER = "bench-1"  # the user of identity.bearer_headers' token
SERVER_ENVIRONMENT = {"JEJAK_TRUST_GATEWAY_HEADERS": "1"}


@dataclass(frozen=True)
class Case:
    """One kind of request: a document over some NIPs, as one caller."""

    key: str
    title: str
    document: str
    nips: list[str]
    headers: dict[str, str]
    logged: bool  # each request should leave one access-log row

    def bodies(self) -> list[str]:
        return [json.dumps({"query": self.document, "variables": {"nip": n}}) for n in self.nips]


def gateway_headers(tenant: str) -> dict[str, str]:
    """The HR officer of `bearer_headers`, as an authenticating gateway would name them."""
    return {"X-Jejak-User": HR_USER, "X-Jejak-Role": "hr_officer", "X-Jejak-Tenant": tenant}


def employee_headers(tenant: str, nip: str) -> dict[str, str]:
    """A person acting as `employee` under their own NIP, with a bearer token."""
    issuer = DevIssuer.load_or_create(key_path(), ISSUER_URL)
    token = issuer.mint(nip, ["employee"], tenant, nip, ttl=TOKEN_TTL)
    return {"Authorization": f"Bearer {token}"}


def authentication_cases(people: People) -> list[Case]:
    """(1) the non-private document as HR: verified bearer token against gateway headers."""
    hr = bearer_headers(people.tenant)
    return [
        Case("token", "HR, non-private, bearer token", PUBLIC, people.nips, hr, False),
        Case("gateway", "HR, non-private, gateway headers", PUBLIC, people.nips,
             gateway_headers(people.tenant), False),
    ]  # fmt: skip


def guard_cases(people: People) -> list[Case]:
    """(2) private fields read by HR (logged), by their owner (not logged), by an appraiser
    (logged, the owner's caller and checks otherwise), and the non-private document by HR."""
    hr = bearer_headers(people.tenant)
    own = employee_headers(people.tenant, people.appraiser)
    return [
        Case("hr_private", "HR, private, other employees (logged)", PRIVATE, people.nips, hr,
             True),
        Case("own_private", "employee, private, own record", PRIVATE, [people.appraiser], own,
             False),
        Case("appraiser_private", "same employee, private, appraisees (logged)", PRIVATE,
             people.appraisees, own, True),
        Case("hr_public", "HR, non-private, other employees", PUBLIC, people.nips, hr, False),
    ]  # fmt: skip


def check_answers(case: Case, url: str) -> float:
    """Every body once: 200, no errors, the employee and (private) both lists answered.
    Returns the private lists' items per answer (0 for the non-private document)."""
    headers = {"Content-Type": "application/json", **case.headers}
    items = 0
    with httpx.Client(timeout=30) as client:
        for body in case.bodies():
            response = client.post(url, content=body, headers=headers)
            answer = response.json() if response.status_code == 200 else None
            employee = (answer or {}).get("data", {}).get("employee") or {}
            wanted = ("name", *PRIVATE_LISTS) if case.document == PRIVATE else ("name", "unit")
            if answer is None or "errors" in answer or any(employee.get(w) is None for w in wanted):
                raise AssertionError(f"{case.key}: {response.status_code} {response.text[:500]}")
            items += sum(len(employee.get(name) or ()) for name in PRIVATE_LISTS)
    return items / len(case.nips)


def access_log_rows(database: Database) -> int:
    """Rows in the access log, read as the owner (every tenant)."""
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        row = conn.execute(f"SELECT count(*) FROM {AUDIT_SCHEMA}.access_log").fetchone()
    return int(row[0]) if row else 0


@dataclass(frozen=True)
class Measured:
    """A case's runs (in repetition order), and the access-log rows they wrote per request."""

    case: Case
    runs: list[LoadResult]
    rows_per_request: float

    @property
    def summary(self) -> LoadSummary:
        """Medians over the runs."""
        return LoadSummary.of(self.runs)


@dataclass(frozen=True)
class Load:
    """How every run is made."""

    url: str
    seconds: float
    connections: int
    generator: str
    repetitions: int


def measure(cases: list[Case], load: Load, database: Database) -> dict[str, Measured]:
    """Warm each case up, then run every case once per repetition, in turn, the order reversed
    every other repetition (A B, B A, …), so a repetition's runs are neighbours in time."""
    specs = {
        c.key: LoadSpec(load.url, c.bodies(), c.headers, load.seconds, load.connections)
        for c in cases
    }
    for spec in specs.values():  # warm-up: caches, pools, the verifier's memory
        run_load(load.generator, LoadSpec(spec.url, spec.bodies, spec.headers,
                                          min(load.seconds, 1.0), spec.connections))  # fmt: skip
    results: dict[str, list[LoadResult]] = {c.key: [] for c in cases}
    rows = dict.fromkeys(results, 0)
    for repetition in range(load.repetitions):
        for case in cases if repetition % 2 == 0 else cases[::-1]:
            before = access_log_rows(database)
            results[case.key].append(run_load(load.generator, specs[case.key]))
            rows[case.key] += access_log_rows(database) - before
    return {
        c.key: Measured(
            c, results[c.key], rows[c.key] / max(1, sum(r.requests for r in results[c.key]))
        )
        for c in cases
    }
