"""The region the fuzzer runs against, and the ids in it that generated documents draw from.

The fuzz run needs real rows behind its arguments, or every query answers "not found" and no
resolver past the lookup is exercised: a small generated region is loaded once per module,
and its ids are read back through the API, as a portal would learn them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import psycopg

from scripts.datagen.loader import generate
from scripts.datagen.regions import PALANGKARAYA
from services.database import Database
from services.runtime import build_personnel
from tests.tokens import bearer

TENANT = PALANGKARAYA.tenant
HR = bearer("hr-fuzz", "hr_officer", TENANT)
SEEDED_EMPLOYEES = 60
SEED = 13

UNITS = "{ unitTree(first: 2000) { id parentId } }"
EMPLOYEES = """query($unitId: ID!, $after: String) {
  employees(unitId: $unitId, first: 100, after: $after) {
    edges { node { id nip golongan status } } pageInfo { hasNextPage endCursor } } }"""
CYCLES = "{ appraisalCycles { id year finalisedOn } }"
PROGRAMMES = "{ trainingProgrammes(first: 200) { id status } }"
LEARNING = "{ externalLearningSubmissions(first: 200) { id } }"
CATALOGUE = "{ competencyCatalogue { competencies { code } } }"
MENTORINGS = """query($nip: String!, $year: Int!) {
  trainingYear(nip: $nip, year: $year) { mentorings { id } } }"""
OPEN_CYCLE = """mutation($input: OpenAppraisalCycleInput!) {
  openAppraisalCycle(input: $input) { cycleId position } }"""
ENROL = """mutation($cycleId: ID!) { enrolUnits(input: {cycleId: $cycleId}) { position } }"""
DEFINE = """mutation($input: DefineProgrammeInput!) {
  defineProgramme(input: $input) { programmeId position } }"""


@dataclass(frozen=True)
class Seeded:
    """Real values of the seeded region, by the kind of argument they fit."""

    head: int  # the log position after seeding
    nips: tuple[str, ...]
    employee_ids: tuple[str, ...]
    unit_ids: tuple[str, ...]
    cycle_ids: tuple[str, ...]
    programme_ids: tuple[str, ...]
    mentoring_ids: tuple[str, ...]
    learning_ids: tuple[str, ...]
    competency_codes: tuple[str, ...]
    golongan: tuple[str, ...]

    def summary(self) -> str:
        """How many of each kind the fuzzer can draw from."""
        kinds = ("nips", "unit_ids", "cycle_ids", "programme_ids", "mentoring_ids")
        counts = [f"{kind} {len(getattr(self, kind))}" for kind in kinds]
        return f"seeded up to #{self.head}: " + ", ".join(counts)


@contextmanager
def module_database(server: Database) -> Iterator[Database]:
    """A fresh database on the test server for one module, dropped afterwards."""
    name = f"jejak_fuzz_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**server.psycopg_kwargs(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield Database(server.host, server.port, server.user, server.password, name)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed_region(database: Database) -> int:
    """Load a small generated Palangka Raya (units, employees, two appraisal cycles,
    programmes, mentoring, external learning); returns the log's head."""
    generate(database, SEEDED_EMPLOYEES, seed=SEED, regions=[PALANGKARAYA])
    personnel = build_personnel(database)
    try:
        return personnel.recorder.max_notification_id() or 0
    finally:
        personnel.close()


class SeedingApi:
    """HR's requests while seeding: every query reads after the last command."""

    def __init__(self, client: httpx.AsyncClient, head: int) -> None:
        self.client = client
        self.head = head

    async def send(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        headers = HR | {"x-min-position": str(self.head), "x-wait-timeout-ms": "30000"}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        body: dict[str, Any] = response.json()
        assert response.status_code == 200, body
        assert "errors" not in body, body
        data: dict[str, Any] = body["data"]
        return data

    async def command(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        [payload] = (await self.send(query, variables)).values()
        self.head = max(self.head, payload["position"])
        return dict(payload)

    async def read(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        [value] = (await self.send(query, variables or {})).values()
        return value


async def open_work(api: SeedingApi, unit_ids: list[str], competency: str) -> None:
    """An appraisal cycle of this year with every unit enrolled, and a programme open for
    nominations, unless the generated region has them: commands on them can succeed."""
    this_year = date.today().year
    if all(cycle["finalisedOn"] for cycle in await api.read(CYCLES)):
        cycle = await api.command(
            OPEN_CYCLE, {"input": {"year": this_year, "period": "QUARTERLY", "unitIds": unit_ids}}
        )
        await api.command(ENROL, {"cycleId": cycle["cycleId"]})
    if all(programme["status"] != "OPEN" for programme in await api.read(PROGRAMMES)):
        sessions = [{"on": f"{this_year}-01-{day}", "minutes": 240} for day in (12, 13)]
        programme = {
            "title": "Pelayanan Publik Digital", "form": "PELATIHAN_KLASIKAL",
            "competencyCodes": [competency], "jp": 10, "provider": "BPSDM Kalteng",
            "capacity": 5, "sessions": sessions,
        }  # fmt: skip
        await api.command(DEFINE, {"input": programme})


async def read_seeded(client: httpx.AsyncClient, head: int) -> Seeded:
    """Open this year's work in the seeded region if it has none, then read its ids as HR."""
    api = SeedingApi(client, head)
    catalogue = (await api.read(CATALOGUE))["competencies"]
    units = await api.read(UNITS)
    await open_work(api, [unit["id"] for unit in units], catalogue[0]["code"])
    cycles, programmes = await api.read(CYCLES), await api.read(PROGRAMMES)
    employees: list[dict[str, str]] = []
    for root in (unit["id"] for unit in units if unit["parentId"] is None):
        after = None
        while True:
            page = await api.read(EMPLOYEES, {"unitId": root, "after": after})
            employees.extend(edge["node"] for edge in page["edges"])
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
    # Hypothesis draws the first values of a pool most often: those that commands can change.
    employees.sort(key=lambda employee: employee["status"] != "ACTIVE")
    cycles.sort(key=lambda cycle: cycle["finalisedOn"] is not None)
    programmes.sort(key=lambda programme: programme["status"] != "OPEN")
    nips = tuple(employee["nip"] for employee in employees)
    mentorings: set[str] = set()
    for nip in nips:
        for year in sorted({cycle["year"] for cycle in cycles}):
            training_year = await api.read(MENTORINGS, {"nip": nip, "year": year})
            mentorings.update(m["id"] for m in (training_year or {}).get("mentorings", []))
    return Seeded(
        head=api.head,
        nips=nips,
        employee_ids=tuple(employee["id"] for employee in employees),
        unit_ids=tuple(unit["id"] for unit in units),
        cycle_ids=tuple(cycle["id"] for cycle in cycles),
        programme_ids=tuple(programme["id"] for programme in programmes),
        mentoring_ids=tuple(sorted(mentorings)),
        learning_ids=tuple(learning["id"] for learning in await api.read(LEARNING)),
        competency_codes=tuple(competency["code"] for competency in catalogue),
        golongan=tuple(sorted({employee["golongan"] for employee in employees})),
    )
