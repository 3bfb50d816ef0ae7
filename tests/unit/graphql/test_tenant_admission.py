"""Admitting requests: the caller's tenant must be registered (the platform admin excepted),
known through a small cache of the registered codes that re-reads on a miss."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from domain.meta import Actor
from graphql_api.app import create_app
from graphql_api.consistency import ReadAfter
from graphql_api.tenants.admission import TenantNotRegistered, check_tenant_registered
from graphql_api.tenants.registry import TenantRegistry
from services.caller import Caller
from services.personnel import PersonnelApplication
from tests.tenants import register_in
from tests.tokens import authenticator, bearer
from tests.unit.graphql.conftest import TENANT, FakePositions

UNKNOWN = "pemkot-tidak-ada"


def tenant_record(code: str) -> dict[str, Any]:
    """A row of rm.tenants as asyncpg would give it."""
    at = datetime(2025, 1, 2, tzinfo=UTC)
    return {"code": code, "name": f"Pemerintah {code}", "kind": "PEMKOT", "registered_at": at,
            "position": 1}  # fmt: skip


class Ticking:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass
class ReadModel:
    """The registered codes as the read model holds them, counting every read."""

    codes: set[str] = field(default_factory=lambda: {TENANT})
    reads: int = 0

    async def load(self) -> list[str]:
        self.reads += 1
        return sorted(self.codes)


def caller(role: str = "hr_officer", tenant: str = TENANT) -> Caller:
    return Caller(Actor(f"{role}-1", role), tenant, "req-1")


@pytest.fixture
def clock() -> Ticking:
    return Ticking()


@pytest.fixture
def read_model() -> ReadModel:
    return ReadModel()


@pytest.fixture
def registry(read_model: ReadModel, clock: Ticking) -> TenantRegistry:
    return TenantRegistry(read_model.load, ttl=60, miss_interval=1, clock=clock)


# --- the registry --------------------------------------------------------------------------
async def test_a_registered_tenant_is_read_once_and_then_known_from_the_cache(
    registry: TenantRegistry, read_model: ReadModel
) -> None:
    assert [await registry.is_registered(TENANT) for _ in range(3)] == [True] * 3
    assert read_model.reads == 1


async def test_an_unknown_tenant_re_reads_at_most_once_per_interval(
    registry: TenantRegistry, read_model: ReadModel, clock: Ticking
) -> None:
    # given the codes read once
    await registry.is_registered(TENANT)
    # when the same unknown code is asked for three times within a second, then after it
    asked = [await registry.is_registered(UNKNOWN) for _ in range(3)]
    clock.now = 1.5
    asked.append(await registry.is_registered(UNKNOWN))
    # then
    assert asked == [False] * 4
    assert read_model.reads == 1 + 2


async def test_a_tenant_registered_after_the_last_read_is_found_at_its_first_request(
    registry: TenantRegistry, read_model: ReadModel
) -> None:
    # given another unknown code has just made a re-read
    assert not await registry.is_registered(UNKNOWN)
    read_model.codes.add("pemkab-kemuning")
    # when / then
    assert await registry.is_registered("pemkab-kemuning")


async def test_the_codes_are_read_afresh_after_the_ttl(
    registry: TenantRegistry, read_model: ReadModel, clock: Ticking
) -> None:
    await registry.is_registered(TENANT)
    clock.now = 61
    await registry.is_registered(TENANT)
    assert read_model.reads == 2


# --- the check -----------------------------------------------------------------------------
async def test_a_caller_of_an_unregistered_tenant_is_refused_with_the_reason(
    registry: TenantRegistry,
) -> None:
    with pytest.raises(TenantNotRegistered, match=UNKNOWN) as refused:
        await check_tenant_registered(registry, caller(tenant=UNKNOWN))
    assert (refused.value.code, refused.value.details) == (
        "UNAUTHENTICATED",
        {"reason": "UNKNOWN_TENANT"},
    )
    assert refused.value.status == 403


async def test_the_platform_admin_is_admitted_whatever_tenant_it_names(
    registry: TenantRegistry, read_model: ReadModel
) -> None:
    await check_tenant_registered(registry, caller("admin", UNKNOWN))
    assert read_model.reads == 0


async def test_a_registration_the_read_models_reach_within_the_wait_admits_the_caller(
    registry: TenantRegistry, read_model: ReadModel
) -> None:
    # given the registry read before the registration was projected
    await registry.is_registered(TENANT)
    waited: list[int] = []

    async def wait_for(position: int, timeout: float) -> bool:  # noqa: ASYNC109
        waited.append(position)
        read_model.codes.add("pemkot-baru")  # the registration reaches the read model
        return True

    # when / then: admitted
    await check_tenant_registered(registry, caller(tenant="pemkot-baru"), ReadAfter(7), wait_for)
    assert waited == [7]


async def test_a_registration_the_read_models_do_not_reach_in_time_is_still_refused(
    registry: TenantRegistry,
) -> None:
    async def wait_for(position: int, timeout: float) -> bool:  # noqa: ASYNC109
        return False

    with pytest.raises(TenantNotRegistered):
        await check_tenant_registered(registry, caller(tenant=UNKNOWN), ReadAfter(7), wait_for)


# --- the gate, over HTTP -------------------------------------------------------------------
@dataclass
class TenantsPool:
    """rm.tenants as the gate's registry reads it."""

    codes: tuple[str, ...] = (TENANT,)
    reads: int = 0

    async def fetch(self, query: str, *args: Any) -> list[dict[str, Any]]:
        assert "tenants" in query, query
        self.reads += 1
        return [tenant_record(code) for code in self.codes]


@dataclass
class Runtime:
    personnel: PersonnelApplication
    positions: FakePositions = field(default_factory=FakePositions)
    pool: TenantsPool = field(default_factory=TenantsPool)


@asynccontextmanager
async def serving(runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    @asynccontextmanager
    async def open_runtime() -> AsyncIterator[Any]:
        yield runtime

    app = create_app(open_runtime, authenticator=authenticator())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jejak") as client:
            yield client


CREATE_UNIT = (
    'mutation { createUnit(input: {code: "DISDIK", name: "Dinas", kind: DINAS}) { unitId } }'
)


@pytest.fixture
def runtime() -> Runtime:
    personnel = PersonnelApplication(clock=lambda: datetime(2025, 1, 2, tzinfo=UTC))
    register_in(personnel, TENANT, UNKNOWN)  # the write side would accept both: the gate decides
    return Runtime(personnel)


async def test_the_gate_refuses_a_caller_of_an_unknown_tenant_with_403_and_records_nothing(
    runtime: Runtime,
) -> None:
    # when
    async with serving(runtime) as client:
        response = await client.post(
            "/graphql", json={"query": CREATE_UNIT}, headers=bearer("hr-1", "hr_officer", UNKNOWN)
        )
    # then
    assert response.status_code == 403
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": f"Instansi '{UNKNOWN}' is not registered in Jejak.",
                "extensions": {"code": "UNAUTHENTICATED", "reason": "UNKNOWN_TENANT"},
            }
        ],
    }
    assert runtime.personnel.recorder.max_notification_id() == 2  # the two registrations


async def test_the_gate_admits_a_caller_of_a_registered_tenant_reading_the_codes_once(
    runtime: Runtime,
) -> None:
    # when
    async with serving(runtime) as client:
        answers = [
            await client.post(
                "/graphql", json={"query": "{ __typename }"},
                headers=bearer("hr-1", "hr_officer", TENANT),
            )
            for _ in range(3)
        ]  # fmt: skip
    # then
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert runtime.pool.reads == 1
