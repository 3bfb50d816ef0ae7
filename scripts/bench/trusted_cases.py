"""What the trusted-documents benchmark sends: portal documents, each registered and sent.

Every document goes to one server whose manifest registers it, once as a persisted document
request (`documentId` and variables) and once with its text (`query`, which that server runs
as any sent document: parsed through the bounded cache, validated through its cache, walked by
the policy), so both sides of a ratio meet the same process, caches and pools.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from graphql import specified_rules

from access.roles import Role
from graphql_api.documents import DocumentCaches
from graphql_api.guard import refusals
from graphql_api.schema import schema
from graphql_api.trusted_documents import document_id, plan
from scripts.bench.queries import CAREER, EMPLOYEE, PAGE
from scripts.bench.targets import Targets

UNIT_TREE = "query UnitTree { unitTree(first: 50) { id code name kind parentId depth headCount } }"
TRAINING_YEAR = """query TrainingYear($nip: String!, $year: Int!) { trainingYear(nip: $nip,
 year: $year) { earned target status byForm { key jp } byCompetency { key jp }
 credits { position jp form sourceKind title competencyCodes } } }"""
COMPLIANCE = """query Compliance($unit: ID, $year: Int!) { trainingCompliance(unitId: $unit,
 year: $year) { employeeCount met onTrack atRisk complianceRate distribution { band employees }
 employeesAtRisk { nip earned status } programmeFillRate programmeCompletionRate } }"""
APPRAISAL_HISTORY = """query AppraisalHistory($nip: String!) { appraisalHistory(nip: $nip) {
 cycleId year skpStatus annualPredikat potensial
 predikat { checkpoint predikat hasilKerja perilakuKerja position } } }"""


@dataclass(frozen=True)
class Document:
    """One portal document and the variables its requests cycle through."""

    key: str
    title: str
    text: str
    variables: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return document_id(self.text)

    def bodies(self, registered: bool) -> list[str]:
        """Request bodies: by `documentId` if `registered`, else with the text."""
        first: dict[str, Any] = {"documentId": self.id} if registered else {"query": self.text}
        return [json.dumps(first | {"variables": v}) for v in self.variables]


def documents(targets: Targets, today: date) -> list[Document]:
    """The benchmark's documents, with variables from the data: one employee, a career, a
    page of 50, the unit tree, a training year, a dinas's 20 JP compliance, appraisals."""
    nips = [{"nip": n} for n in targets.nips]
    units = [{"unitId": str(u)} for u in targets.unit_ids]
    year = today.year - 1  # the last whole year: finalised, its training complete
    return [
        Document("employee", "one employee", EMPLOYEE, nips),
        Document("career", "an employee's career", CAREER, nips),
        Document("page", "a page of 50 employees", PAGE, units),
        Document("unit_tree", "the unit tree (50)", UNIT_TREE, [{}]),
        Document("training_year", "a training year", TRAINING_YEAR,
                 [n | {"year": year} for n in nips]),
        Document("compliance", "20 JP compliance of a dinas", COMPLIANCE,
                 [{"unit": u["unitId"], "year": year} for u in units]),
        Document("appraisals", "an employee's appraisals", APPRAISAL_HISTORY, nips),
    ]  # fmt: skip


def manifest(found: list[Document]) -> dict[str, str]:
    """The manifest registering every document."""
    return {d.id: d.text for d in found}


def check_answers(document: Document, url: str, headers: dict[str, str]) -> None:
    """Every variable set once each way: 200, no errors, the same answer, and data."""
    sent_headers = {"Content-Type": "application/json", **headers}
    with httpx.Client(timeout=30) as client:
        for by_id, sent in zip(document.bodies(True), document.bodies(False), strict=True):
            a = client.post(url, content=by_id, headers=sent_headers)
            b = client.post(url, content=sent, headers=sent_headers)
            if a.status_code != 200 or "errors" in a.json() or a.json() != b.json():
                raise AssertionError(f"{document.key}: {a.status_code} {a.text[:300]} / "
                                     f"{b.status_code} {b.text[:300]}")  # fmt: skip
            if any(value is None for value in a.json()["data"].values()):
                raise AssertionError(f"{document.key}: an empty answer for {by_id}: {a.text}")


@dataclass(frozen=True)
class Checks:
    """What one request spends before any resolver, in µs (medians): as sent (the parse and
    validation caches hit, the policy walked) and as registered (the plan looked up)."""

    sent_us: float
    registered_us: float


def _median_us(work: Callable[[], object], repetitions: int) -> float:
    timings = []
    for _ in range(repetitions):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1e6


def check_costs(found: list[Document], repetitions: int = 300) -> dict[str, Checks]:
    """In process, per document: the checks of a sent request against a registered one's."""
    caches, graphql_schema = DocumentCaches(schema.limits), schema._schema
    rules = (*specified_rules, caches.rule)  # what BoundedDocuments keys its cache by
    planned = plan(manifest(found), schema)
    by_text = {p.text: p for p in planned.values()}
    costs = {}
    for document in found:
        text = document.text

        def sent(text: str = text) -> object:
            copy = "".join(text)  # a new string, as a request's body gives
            parsed = caches.parse(copy)
            caches.validated.get((copy, rules), lambda: [], caches.weight(copy))
            return refusals(graphql_schema, parsed, Role.HR_OFFICER)

        def registered(text: str = text) -> object:
            found_plan = by_text[text]
            return found_plan.errors(), found_plan.walks[Role.HR_OFFICER.value]

        sent()  # fill the caches: a sent document the server has seen before
        costs[document.key] = Checks(_median_us(sent, repetitions),
                                     _median_us(registered, repetitions))  # fmt: skip
    return costs


@dataclass(frozen=True)
class Paired:
    """One request at a time on one connection, by id and as text in turn (A B, B A, …):
    median milliseconds each way. Neighbouring requests share the machine's load of the
    moment, so their difference holds even while other work comes and goes."""

    registered_ms: float
    sent_ms: float

    @property
    def ratio(self) -> float:
        """How much faster by id: the as-text median over the by-id one."""
        return self.sent_ms / self.registered_ms if self.registered_ms else 0.0


def paired_latencies(document: Document, url: str, headers: dict[str, str], rounds: int) -> Paired:
    """`rounds` pairs of requests, cycling through the document's variables."""
    sent_headers = {"Content-Type": "application/json", **headers}
    by_id, as_text = document.bodies(True), document.bodies(False)
    timings: dict[bool, list[float]] = {True: [], False: []}
    with httpx.Client(timeout=30) as client:
        for n in range(rounds):
            for registered in (True, False) if n % 2 == 0 else (False, True):
                body = (by_id if registered else as_text)[n % len(by_id)]
                started = time.perf_counter()
                client.post(url, content=body, headers=sent_headers).raise_for_status()
                timings[registered].append(time.perf_counter() - started)
    return Paired(statistics.median(timings[True]) * 1000, statistics.median(timings[False]) * 1000)
