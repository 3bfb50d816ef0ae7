"""Fakes for executing the schema without a database: in-memory read models and positions.

The read-model query functions are replaced where the GraphQL modules imported them, and
every call is recorded, so tests can assert how many reads a query made. Mutations run on a
real PersonnelApplication with in-memory persistence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest

from access.access_log import AccessEntry
from domain.aggregates.employee import Employee
from domain.aggregates.org_unit import OrgUnit
from domain.leave import AnnualLeaveBalance
from domain.meta import Actor
from graphql_api.consistency import ReadAfter
from graphql_api.context import Context, Loaders
from graphql_api.identity import Identity
from graphql_api.schema import schema
from projections.access_facts import OwnerFacts
from projections.career import CareerEntry
from projections.employees import EmployeeFilter, EmployeePage, EmployeeRow
from projections.event_log import LoggedEvent
from projections.leave import LeaveEntry
from projections.positions import Hold
from projections.units import UnitRow
from services.caller import Caller
from services.personnel import PersonnelApplication
from tests.tenants import register_in
from tests.tokens import bearer

TENANT = "pemkot-palangkaraya"
OTHER_TENANT = "pemkab-kemuning"
NOW = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def unit_row(code: str, parent: UnitRow | None = None, tenant: str = TENANT) -> UnitRow:
    return UnitRow(
        id=OrgUnit.id_for(tenant, code), tenant=tenant, code=code,
        name=f"Unit {code}", kind="DINAS" if parent is None else "BIDANG",
        parent_id=parent.id if parent else None, depth=parent.depth + 1 if parent else 1,
        head_count=0,
    )  # fmt: skip


def employee_row(nip: str, unit: UnitRow, **changes: Any) -> EmployeeRow:
    row = EmployeeRow(
        id=Employee.id_for(nip), nip=nip, tenant=unit.tenant, name=f"Pegawai {nip[-3:]}",
        employment_type="PNS", sex="MALE", birth_date=date(1990, 1, 1), golongan="III/a",
        jabatan_kind="PELAKSANA", jabatan_title="Pengadministrasi Umum", jabatan_jenjang=None,
        unit_id=unit.id, status="ACTIVE", separation=None, ended_on=None,
        appointed_on=date(2015, 3, 1), service_start=date(2015, 3, 1), version=1, last_position=1,
    )  # fmt: skip
    return replace(row, **changes)


def nip_of(serial: int) -> str:
    """A valid NIP: born 1990-01-01, appointed March 2015, male, the given serial."""
    return f"199001012015031{serial:03d}"


@dataclass
class FakeReadModels:
    """Read models in memory; `calls` lists every query function called, with its keys."""

    units: list[UnitRow] = field(default_factory=list)
    employees: list[EmployeeRow] = field(default_factory=list)
    careers: dict[UUID, list[CareerEntry]] = field(default_factory=dict)
    leave: dict[UUID, list[LeaveEntry]] = field(default_factory=dict)
    events: dict[UUID, list[LoggedEvent]] = field(default_factory=dict)
    access_log: list[AccessEntry] = field(default_factory=list)
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def names_called(self) -> list[str]:
        return [name for name, _ in self.calls]

    async def units_by_ids(self, _: Any, ids: Sequence[UUID]) -> list[UnitRow | None]:
        self.calls.append(("units_by_ids", list(ids)))
        found = {u.id: u for u in self.units}
        return [found.get(i) for i in ids]

    async def unit_tree(self, _: Any, tenant: str, root_id: UUID | None) -> list[UnitRow]:
        self.calls.append(("unit_tree", tenant))
        assert root_id is None, "the GraphQL layer reads whole trees"
        units = [u for u in self.units if u.tenant == tenant]
        active = [e for e in self.employees if e.status == "ACTIVE" and e.tenant == tenant]

        def under(unit: UnitRow, candidate: UUID | None) -> bool:
            parents = {u.id: u.parent_id for u in units}
            while candidate is not None:
                if candidate == unit.id:
                    return True
                candidate = parents.get(candidate)
            return False

        return [replace(u, head_count=sum(under(u, e.unit_id) for e in active)) for u in units]

    async def employees_by_ids(self, _: Any, ids: Sequence[UUID]) -> list[EmployeeRow | None]:
        self.calls.append(("employees_by_ids", list(ids)))
        found = {e.id: e for e in self.employees}
        return [found.get(i) for i in ids]

    async def employee_by_nip(self, _: Any, nip: str) -> EmployeeRow | None:
        self.calls.append(("employee_by_nip", nip))
        return next((e for e in self.employees if e.nip == nip), None)

    async def list_employees(
        self, _: Any, *, tenant: str, unit_id: UUID, include_subunits: bool,
        filter: EmployeeFilter, first: int, after_nip: str | None,
    ) -> EmployeePage:  # fmt: skip
        self.calls.append(("list_employees", (tenant, unit_id, include_subunits, filter)))
        units = {unit_id} | (
            {u.id for u in self.units if u.parent_id == unit_id} if include_subunits else set()
        )
        rows = sorted(
            (e for e in self.employees if e.tenant == tenant and e.unit_id in units
             and (filter.status is None or e.status == filter.status)),
            key=lambda e: e.nip,
        )  # fmt: skip
        after = [e for e in rows if after_nip is None or e.nip > after_nip]
        return EmployeePage(after[:first], len(after) > first, len(rows))

    async def career_histories(self, _: Any, ids: Sequence[UUID]) -> list[list[CareerEntry]]:
        self.calls.append(("career_histories", list(ids)))
        return [self.careers.get(i, []) for i in ids]

    async def leave_records(self, _: Any, ids: Sequence[UUID]) -> list[list[LeaveEntry]]:
        self.calls.append(("leave_records", list(ids)))
        return [self.leave.get(i, []) for i in ids]

    async def leave_balance(self, _: Any, employee: EmployeeRow, year: int) -> AnnualLeaveBalance:
        self.calls.append(("leave_balance", (employee.id, year)))
        used = sum(e.days for e in self.leave.get(employee.id, []) if e.start.year == year)
        return AnnualLeaveBalance(year, 12, 0, used, 12 - used)

    async def events_about(
        self, _: Any, employee_id: UUID, after_position: int | None, first: int
    ) -> list[LoggedEvent]:
        self.calls.append(("events_about", (employee_id, after_position, first)))
        events = [e for e in self.events.get(employee_id, []) if e.position > (after_position or 0)]
        return events[:first]

    def unit_path(self, unit_id: UUID) -> str:
        parents = {u.id: u.parent_id for u in self.units}
        current: UUID | None = unit_id
        chain: list[str] = []
        while current is not None:
            chain.append(str(current))
            current = parents.get(current)
        return "/" + "".join(f"{part}/" for part in reversed(chain))

    async def owners(self, _: Any, ids: Sequence[UUID]) -> list[OwnerFacts | None]:
        self.calls.append(("owners", list(ids)))
        found = {e.id: e for e in self.employees}
        return [
            OwnerFacts(e.nip, e.tenant, self.unit_path(e.unit_id), frozenset()) if e else None
            for e in (found.get(i) for i in ids)
        ]

    async def headed_unit_paths(self, _: Any, tenant: str, nip: str) -> tuple[str, ...]:
        self.calls.append(("headed_unit_paths", nip))
        return tuple(
            self.unit_path(e.unit_id)
            for e in self.employees
            if e.tenant == tenant and e.nip == nip and e.jabatan_title.startswith("Kepala ")
        )

    async def append_access(self, _: Any, entries: Sequence[AccessEntry]) -> None:
        self.access_log.extend(entries)


_PATCHES = {
    "graphql_api.units.loaders": ["units_by_ids", "unit_tree"],
    "graphql_api.employees.loaders": ["employees_by_ids"],
    "graphql_api.employees.queries": ["employee_by_nip", "list_employees"],
    "graphql_api.career.loaders": ["career_histories"],
    "graphql_api.leave.loaders": ["leave_records"],
    "graphql_api.employees.types": ["leave_balance"],
    "graphql_api.audit.queries": ["employee_by_nip", "events_about"],
    "graphql_api.guard": ["owners", "headed_unit_paths"],
}


@pytest.fixture
def read_models(monkeypatch: pytest.MonkeyPatch) -> FakeReadModels:
    """Empty in-memory read models standing in for the projections' query functions."""
    fake = FakeReadModels()
    for module, names in _PATCHES.items():
        for name in names:
            monkeypatch.setattr(f"{module}.{name}", getattr(fake, name))
    monkeypatch.setattr("access.access_log.append", fake.append_access)
    return fake


def patch_guard(
    monkeypatch: pytest.MonkeyPatch,
    employees: Sequence[EmployeeRow],
    parties: dict[str, frozenset[str]] | None = None,
) -> list[AccessEntry]:
    """What the access guard (graphql_api/guard.py) reads, over `employees`: their tenant,
    a unit path of their unit id, and the appraisal `parties` by NIP; nobody heads a unit.
    Returns the list the access log's rows go to."""
    parties = parties or {}
    logged: list[AccessEntry] = []

    async def owners(_: Any, ids: Sequence[UUID]) -> list[OwnerFacts | None]:
        found = {e.id: e for e in employees}
        return [
            OwnerFacts(e.nip, e.tenant, f"/{e.unit_id}/", parties.get(e.nip, frozenset()))
            if e
            else None
            for e in (found.get(i) for i in ids)
        ]

    async def headed_unit_paths(_: Any, tenant: str, nip: str) -> tuple[str, ...]:
        return ()

    async def append(_: Any, entries: Sequence[AccessEntry]) -> None:
        logged.extend(entries)

    monkeypatch.setattr("graphql_api.guard.owners", owners)
    monkeypatch.setattr("graphql_api.guard.headed_unit_paths", headed_unit_paths)
    monkeypatch.setattr("access.access_log.append", append)
    return logged


@dataclass
class FakePositions:
    """Read models that stand at `position` and never move unless a test moves them."""

    position: int = 0
    waited: list[tuple[int, float]] = field(default_factory=list)
    holds: list[Hold] = field(default_factory=list)  # projections held at a dead letter

    async def current(self) -> int:
        return self.position

    async def held(self) -> list[Hold]:
        return self.holds

    async def wait_for(self, position: int, timeout: float) -> bool:  # noqa: ASYNC109
        self.waited.append((position, timeout))
        return self.position >= position


@dataclass
class FakeRuntime:
    personnel: PersonnelApplication
    positions: FakePositions
    pool: Any = None
    appraisal: Any = None  # an AppraisalApplication, set by the tests that need one


@pytest.fixture
def runtime() -> FakeRuntime:
    """A runtime with a real PersonnelApplication on in-memory persistence, both test
    tenants registered in it."""
    personnel = PersonnelApplication(clock=lambda: NOW)
    register_in(personnel, TENANT, OTHER_TENANT)
    return FakeRuntime(personnel, FakePositions())


CALLER_ID = "198001012005011001"


def headers_of(role: str | None = "hr_officer", tenant: str = TENANT) -> dict[str, str]:
    """The bearer token header of a caller in `role` (None: no credentials)."""
    return {} if role is None else bearer(CALLER_ID, role, tenant)


def identity_of(
    role: str | None = "hr_officer", tenant: str = TENANT, user: str = CALLER_ID,
    nip: str | None = None,
) -> Identity:  # fmt: skip
    """What the authentication gate makes of a caller's token (None: no token)."""
    if role is None:
        return Identity(None, "No bearer token was sent.")
    return Identity.of(Caller(Actor(user, role), tenant, "test-correlation", nip))


def make_context(
    runtime: FakeRuntime, role: str | None = "hr_officer", tenant: str = TENANT,
    read_after: ReadAfter | None = None,
) -> Context:  # fmt: skip
    return Context(
        runtime=runtime,  # type: ignore[arg-type]
        identity=identity_of(role, tenant),
        correlation_id="test-correlation",
        loaders=Loaders.for_request(runtime.pool),
        read_after=read_after,
    )


async def execute(context: Context, query: str, variables: dict[str, Any] | None = None) -> Any:
    """Run `query` on the real schema with `context`."""
    return await schema.execute(query, variable_values=variables, context_value=context)


def codes(result: Any) -> list[str]:
    return [error.extensions["code"] for error in result.errors or []]
