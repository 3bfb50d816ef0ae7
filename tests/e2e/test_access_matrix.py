"""The access matrix: every query and mutation × every role, and every private field × every
kind of reader (the person, their appraiser, a colleague, HR, auditors, service accounts, the
platform admin, another tenant), on two generated regions, over HTTP with real tokens.

A *leak* is an answer the policy forbids: a root field a role may not call that was not
refused, or a person's private value shown to someone not allowed to see it. An
*over-refusal* is the opposite (an allowed reader refused). Both must be zero; the test
prints how many combinations it tried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import Any

import psycopg
import pytest

from access import policy
from access.roles import Role
from graphql_api.schema import schema
from scripts.datagen.loader import generate
from scripts.datagen.regions import KEMUNING, PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel, catch_up_read_models
from tests.database_copies import copy_of
from tests.e2e.access_matrix import root_calls
from tests.e2e.conftest import Api
from tests.tokens import bearer

pytestmark = pytest.mark.e2e

HOME, AWAY = PALANGKARAYA.tenant, KEMUNING.tenant
REFUSED = {"FORBIDDEN", "APPRAISAL_FORBIDDEN"}


@dataclass(frozen=True)
class People:
    """Who the matrix reads about and with, picked from the generated read models."""

    subject: str  # an employee of HOME with an appraisal, a score and more
    appraiser: str  # the pejabat penilai of the subject's latest appraisal
    colleague: str  # of HOME, neither the subject nor anyone's appraiser or superior
    away: str  # an employee of AWAY
    cycle_id: str
    programme_id: str
    mentee: str
    mentor: str
    mentoring_id: str
    appraiser_supervises_mentee: bool


def _one(conn: psycopg.Connection[Any], query: str, *args: Any) -> tuple[Any, ...]:
    row = conn.execute(query, args).fetchone()
    assert row is not None, query
    return tuple(row)


def pick_people(database: Database) -> People:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        subject, appraiser, cycle, programme = _one(
            conn,
            """SELECT a.nip, a.appraiser, a.cycle_id::text, p.programme_id::text
               FROM rm.appraisals a JOIN rm.training_participants p ON p.employee_id = a.employee_id
               WHERE a.tenant = %s AND a.appraiser IS NOT NULL AND p.score IS NOT NULL
               ORDER BY a.year DESC, a.nip LIMIT 1""",
            HOME,
        )
        (colleague,) = _one(
            conn,
            """SELECT nip FROM rm.employees e WHERE tenant = %s AND status = 'ACTIVE'
               AND nip <> %s AND NOT EXISTS (SELECT 1 FROM rm.appraisals a
                 WHERE a.appraiser = e.nip OR a.superior = e.nip)
               ORDER BY nip LIMIT 1""",
            HOME,
            subject,
        )
        (away,) = _one(conn, "SELECT nip FROM rm.employees WHERE tenant = %s LIMIT 1", AWAY)
        mentee, mentor, mentoring = _one(
            conn,
            """SELECT e.nip, r.nip, m.id::text FROM rm.mentorings m
               JOIN rm.employees e ON e.id = m.mentee_id JOIN rm.employees r ON r.id = m.mentor_id
               WHERE m.tenant = %s ORDER BY m.id LIMIT 1""",
            HOME,
        )
        # Whether the subject's appraiser is also in the mentee's supervisor chain.
        (in_chain,) = _one(
            conn,
            """SELECT starts_with(e.unit_path, h.unit_path) OR EXISTS (
                 SELECT 1 FROM rm.appraisals a WHERE a.employee_id = e.id
                 AND h.nip IN (a.appraiser, a.superior))
               FROM rm.employees e, rm.employees h WHERE e.nip = %s AND h.nip = %s""",
            mentee,
            appraiser,
        )
    return People(
        subject, appraiser, colleague, away, cycle, programme, mentee, mentor, mentoring, in_chain
    )


def readers(people: People) -> dict[str, dict[str, str]]:
    """Every kind of reader, by name, as their token's headers."""
    return {
        "hr": bearer("hr-budi", "hr_officer", HOME),
        "auditor": bearer("inspektorat-1", "auditor", HOME),
        "self": bearer(people.subject, "employee", HOME, people.subject),
        "appraiser": bearer(people.appraiser, "supervisor", HOME, people.appraiser),
        "colleague": bearer(people.colleague, "employee", HOME, people.colleague),
        "mentee": bearer(people.mentee, "employee", HOME, people.mentee),
        "mentor": bearer(people.mentor, "employee", HOME, people.mentor),
        "institution": bearer("bpsdm", "training_institution", HOME),
        "reporting": bearer("service-account-laporan", "reporting", HOME),
        "public": bearer("service-account-portal", "public_portal", HOME),
        "admin": bearer("platform-admin", "admin", HOME),
        "away-hr": bearer("hr-lain", "hr_officer", AWAY),
        "away-employee": bearer(people.away, "employee", AWAY, people.away),
    }


@dataclass(frozen=True)
class PrivatePath:
    """One private value of one person: how to ask for it, how to find it in the answer,
    and which readers may see it."""

    name: str
    document: str
    variables: Callable[[People], dict[str, Any]]
    value: Callable[[dict[str, Any], People], Any]
    allowed: frozenset[str]


PERSON = frozenset({"hr", "auditor", "self", "appraiser"})  # the person's own record


def _roster_value(field: str) -> Callable[[dict[str, Any], People], Any]:
    def value(data: dict[str, Any], people: People) -> Any:
        programme = data.get("trainingProgramme") or {}
        mine = [
            p
            for p in programme.get("roster") or []
            if (p.get("employee") or {}).get("nip") == people.subject
        ]
        return mine[0].get(field) if mine else None

    return value


def _at(*keys: str) -> Callable[[dict[str, Any], People], Any]:
    def value(data: dict[str, Any], _: People) -> Any:
        found: Any = data
        for key in keys:
            found = found.get(key) if isinstance(found, dict) else None
        return found

    return value


def _nip(people: People) -> dict[str, Any]:
    return {"nip": people.subject}


PATHS = [
    PrivatePath(
        "Employee.leaveRecords",
        "query($nip: String) { employee(nip: $nip) { leaveRecords { days } } }",
        _nip,
        _at("employee", "leaveRecords"),
        PERSON,
    ),
    PrivatePath(
        "Employee.careerHistory",
        "query($nip: String) { employee(nip: $nip) { careerHistory { kind reason } } }",
        _nip,
        _at("employee", "careerHistory"),
        PERSON,
    ),
    PrivatePath(
        "Employee.leaveBalance",
        "query($nip: String) { employee(nip: $nip) { leaveBalance(year: 2025) { used } } }",
        _nip,
        _at("employee", "leaveBalance"),
        PERSON,
    ),
    PrivatePath(
        "Query.appraisal",
        "query($c: ID!, $nip: String!) { appraisal(cycleId: $c, nip: $nip) { annualPredikat } }",
        lambda p: {"c": p.cycle_id, "nip": p.subject},
        _at("appraisal"),
        PERSON,
    ),
    PrivatePath(
        "Query.scoreExplanation",
        "query($c: ID!, $nip: String!) { scoreExplanation(cycleId: $c, nip: $nip) "
        "{ matrixCell { predikat } } }",
        lambda p: {"c": p.cycle_id, "nip": p.subject},
        _at("scoreExplanation"),
        PERSON,
    ),
    PrivatePath(
        "Query.appraisalHistory",
        "query($nip: String!) { appraisalHistory(nip: $nip) { predikat { predikat } } }",
        _nip,
        _at("appraisalHistory"),
        PERSON,
    ),
    PrivatePath(
        "Query.trainingYear",
        "query($nip: String!) { trainingYear(nip: $nip, year: 2025) { earned } }",
        _nip,
        _at("trainingYear"),
        PERSON,
    ),
    PrivatePath(
        "Participant.score",
        "query($id: ID!) { trainingProgramme(id: $id) { roster { employee { nip } score } } }",
        lambda p: {"id": p.programme_id},
        _roster_value("score"),
        PERSON,
    ),
    PrivatePath(
        "Participant.certificateRef",
        "query($id: ID!) { trainingProgramme(id: $id) "
        "{ roster { employee { nip } certificateRef } } }",
        lambda p: {"id": p.programme_id},
        _roster_value("certificateRef"),
        PERSON,
    ),
    PrivatePath(
        "Mentoring.goals",
        "query($id: ID!) { mentoring(id: $id) { goals } }",
        lambda p: {"id": p.mentoring_id},
        _at("mentoring", "goals"),
        frozenset({"hr", "auditor", "mentee", "mentor"}),
    ),
    PrivatePath(
        "Mentoring.meetings",
        "query($id: ID!) { mentoring(id: $id) { meetings { topic } } }",
        lambda p: {"id": p.mentoring_id},
        _at("mentoring", "meetings"),
        frozenset({"hr", "auditor", "mentee", "mentor"}),
    ),
    PrivatePath(
        "Query.employeeEvents",
        "query($nip: String!) { employeeEvents(nip: $nip) { type reason } }",
        _nip,
        _at("employeeEvents"),
        frozenset({"auditor"}),
    ),
]


@pytest.fixture
def people(database: Database) -> People:
    """Two generated tenants with their read models, built once per session and copied."""

    def build(template: Database) -> None:
        generate(template, 120, seed=11, regions=[PALANGKARAYA, KEMUNING])
        catch_up_read_models(template)

    copy_of(database, ("access matrix", date.today()), build)
    return pick_people(database)


async def _post(api: Api, document: str, variables: dict[str, Any], headers: dict[str, str]) -> Any:
    response = await api.client.post(
        "/graphql",
        json={"query": document, "variables": variables},
        headers=headers | {"x-min-position": str(api.last_position)},
    )
    return response.status_code, response.json()


async def test_no_role_reaches_a_root_field_the_policy_does_not_grant_it(
    people: People, api: Api, database: Database
) -> None:
    api.last_position = _head(database)
    tried = leaks = over = 0
    failures = []
    for operation, name, document, variables in root_calls(schema._schema):
        table = policy.MUTATIONS if operation == "mutation" else policy.QUERIES
        for role, (tenant, nip) in product(Role, ((HOME, people.colleague), (AWAY, people.away))):
            headers = bearer(f"matrix-{role.value}", role.value, tenant, nip)
            status, body = await _post(api, document, variables, headers)
            codes = {e.get("extensions", {}).get("code") for e in body.get("errors") or []}
            refused = status == 200 and "FORBIDDEN" in codes and body.get("data") is None
            allowed = role in table[name]
            tried += 1
            if not allowed and not refused:
                leaks += 1
                failures.append(f"LEAK {role.value} {name}: {status} {codes}")
            # A record-level refusal (not one's own application, not one's team) is the
            # command's to make; the policy's own refusal of an allowed role is a bug.
            by_policy = any(
                e.get("message", "").startswith("The role ") for e in body.get("errors") or []
            )
            if allowed and by_policy:
                over += 1
                failures.append(f"OVER {role.value} {name}: {codes}")
    print(f"\nroot fields × roles: {tried} combinations, {leaks} leaks, {over} over-refusals")
    print("\n".join(failures))
    assert failures == []


async def test_a_persons_private_fields_reach_only_the_person_their_chain_hr_and_auditors(
    people: People, api: Api, database: Database
) -> None:
    api.last_position = _head(database)
    everyone = readers(people)
    tried = leaks = over = 0
    failures = []
    for path in PATHS:
        _, truth = await _post(api, path.document, path.variables(people), everyone["hr"])
        if "auditor" in path.allowed and path.allowed == {"auditor"}:
            _, truth = await _post(api, path.document, path.variables(people), everyone["auditor"])
        assert path.value(truth.get("data") or {}, people) is not None, (path.name, truth)
        allowed = set(path.allowed)
        if path.name.startswith("Mentoring.") and people.appraiser_supervises_mentee:
            allowed.add("appraiser")
        for reader, headers in everyone.items():
            status, body = await _post(api, path.document, path.variables(people), headers)
            shown = path.value(body.get("data") or {}, people) not in (None, [])
            tried += 1
            if shown and reader not in allowed:
                leaks += 1
                failures.append(f"LEAK {path.name} to {reader}")
            if not shown and reader in allowed:
                over += 1
                failures.append(f"OVER {path.name} from {reader}: {status} {body.get('errors')}")
    print(f"\nprivate fields × readers: {tried} combinations, {leaks} leaks, {over} over-refusals")
    print("\n".join(failures))
    assert failures == []


async def test_reads_of_anothers_private_record_are_in_the_access_log_and_own_reads_are_not(
    people: People, api: Api, database: Database
) -> None:
    api.last_position = _head(database)
    everyone = readers(people)
    leave = PATHS[0]
    for reader in ("hr", "self", "appraiser"):
        await _post(api, leave.document, leave.variables(people), everyone[reader])
    mine = "{ accessLog { viewer viewerRole subjectNip fields correlationId } }"
    _, body = await _post(api, mine, {}, everyone["self"])
    entries = body["data"]["accessLog"]
    assert {(e["viewerRole"], e["subjectNip"]) for e in entries} == {
        ("hr_officer", people.subject),
        ("supervisor", people.subject),
    }
    assert all(e["fields"] == ["Employee.leaveRecords"] for e in entries)
    theirs = "query($n: String) { accessLog(nip: $n) { viewer } }"
    _, refused = await _post(api, theirs, {"n": people.subject}, everyone["colleague"])
    assert {e["extensions"]["code"] for e in refused["errors"]} == {"FORBIDDEN"}
    audit = "{ accessLog(first: 500) { subjectNip } }"
    _, audited = await _post(api, audit, {}, everyone["auditor"])
    assert {e["subjectNip"] for e in audited["data"]["accessLog"]} >= {people.subject}


def _head(database: Database) -> int:
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()


async def test_an_employee_cannot_read_a_colleagues_predikat_through_training_recommendations(
    people: People, api: Api, database: Database
) -> None:
    api.last_position = _head(database)
    everyone = readers(people)
    document = "query($nip: String!) { trainingRecommendations(nip: $nip) { predikat } }"
    _, body = await _post(api, document, {"nip": people.subject}, everyone["colleague"])
    assert body["data"] is None or body["data"]["trainingRecommendations"] is None
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    aliased = "query($nip: String!) { a: trainingRecommendations(nip: $nip) { predikat } " + (
        "b: trainingRecommendations(nip: $nip) { predikat } }"
    )
    _, twice = await _post(api, aliased, {"nip": people.subject}, everyone["colleague"])
    assert {e["extensions"]["code"] for e in twice["errors"]} == {"FORBIDDEN"}


async def test_a_supervisor_nominates_only_the_people_of_their_own_team(
    people: People, api: Api, database: Database
) -> None:
    api.last_position = _head(database)
    nominate = """mutation($input: ParticipantInput!) {
      nominateParticipant(input: $input) { position } }"""
    variables = {"input": {"programmeId": people.programme_id, "nip": people.subject}}
    outsider = bearer(people.colleague, "supervisor", HOME, people.colleague)
    _, refused = await _post(api, nominate, variables, outsider)
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    assert "own team" in refused["errors"][0]["message"]
    head = bearer(people.appraiser, "supervisor", HOME, people.appraiser)
    _, allowed = await _post(api, nominate, variables, head)
    codes = {e["extensions"]["code"] for e in allowed.get("errors") or []}
    assert "FORBIDDEN" not in codes  # the programme may refuse the seat for its own reasons
