"""Registering instansi, and nothing recorded for a tenant that is not registered.

The tenants and personnel applications share one log here (a SQLite file), as they share the
PostgreSQL event table in production, so a registration is what lets the other commands in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from domain.aggregates.employee import Employee
from domain.aggregates.instansi import Instansi
from domain.errors import InvalidInput, NotAllowedForRole, TenantAlreadyRegistered, UnknownTenant
from domain.meta import Actor
from services.caller import Caller
from services.outcome import Outcome
from services.personnel import PersonnelApplication
from services.tenants import TenantsApplication
from tests.unit.services.conftest import PNS_NIP, TENANT, Clock, appoint, caller, create_unit

ADMIN = Caller(Actor("platform-admin", "admin"), "jejak-platform", "req-1")
KEMUNING = "pemkab-kemuning"


@pytest.fixture
def shared_log(tmp_path: Path) -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(tmp_path / "log")}


@pytest.fixture
def tenants(shared_log: dict[str, str]) -> Iterator[TenantsApplication]:
    app = TenantsApplication(env=dict(shared_log), clock=Clock())
    yield app
    app.close()


@pytest.fixture
def personnel(shared_log: dict[str, str]) -> Iterator[PersonnelApplication]:
    app = PersonnelApplication(env=dict(shared_log), clock=Clock())
    yield app
    app.close()


def register(tenants: TenantsApplication, by: Caller = ADMIN, code: str = KEMUNING) -> Outcome:
    return tenants.register_tenant(
        by, code=code, name="Pemerintah Kabupaten Kemuning", kind="pemkab", reason="Onboarding"
    )


def head(app: TenantsApplication | PersonnelApplication) -> int:
    return app.recorder.max_notification_id() or 0


def test_the_platform_admin_registers_an_instansi(tenants: TenantsApplication) -> None:
    # when
    outcome = register(tenants)
    # then
    assert outcome == Outcome(Instansi.id_for(KEMUNING), 1, 1)
    instansi = tenants.get_tenant(KEMUNING)
    assert (instansi.code, instansi.name, instansi.kind) == (
        KEMUNING,
        "Pemerintah Kabupaten Kemuning",
        "PEMKAB",
    )
    [registered] = tenants.events.get(instansi.id)
    assert isinstance(registered, Instansi.Registered)
    assert (registered.meta.actor_id, registered.meta.actor_role) == ("platform-admin", "admin")
    assert (registered.meta.tenant, registered.meta.reason) == (KEMUNING, "Onboarding")


def test_registering_a_code_twice_is_a_typed_conflict_and_records_nothing(
    tenants: TenantsApplication,
) -> None:
    # given
    register(tenants)
    # when / then
    with pytest.raises(TenantAlreadyRegistered, match=KEMUNING) as refused:
        register(tenants)
    assert refused.value.code == "TENANT_ALREADY_REGISTERED"
    assert head(tenants) == 1


@pytest.mark.parametrize("role", ["hr_officer", "auditor", "employee", "supervisor"])
def test_only_the_platform_admin_may_register(tenants: TenantsApplication, role: str) -> None:
    # when / then
    with pytest.raises(NotAllowedForRole, match="admin"):
        register(tenants, by=caller(role, tenant=KEMUNING))
    assert head(tenants) == 0


def test_an_unknown_kind_is_refused(tenants: TenantsApplication) -> None:
    with pytest.raises(InvalidInput, match="instansi kind"):
        tenants.register_tenant(ADMIN, code=KEMUNING, name="Kemuning", kind="KECAMATAN")


def test_an_unregistered_tenant_is_unknown(tenants: TenantsApplication) -> None:
    with pytest.raises(UnknownTenant, match=KEMUNING):
        tenants.get_tenant(KEMUNING)


def test_a_command_for_an_unregistered_tenant_is_refused_and_records_nothing(
    personnel: PersonnelApplication,
) -> None:
    # when / then
    with pytest.raises(UnknownTenant, match=TENANT) as refused:
        create_unit(personnel, caller(tenant=TENANT))
    assert refused.value.code == "UNKNOWN_TENANT"
    assert head(personnel) == 0


def test_once_registered_the_tenant_may_record(
    tenants: TenantsApplication, personnel: PersonnelApplication
) -> None:
    # given a refusal before the registration
    with pytest.raises(UnknownTenant):
        create_unit(personnel, caller(tenant=KEMUNING))
    register(tenants)
    # when
    outcome = create_unit(personnel, caller(tenant=KEMUNING))
    # then
    assert outcome.position == 2


def test_another_tenant_being_registered_does_not_let_an_unregistered_one_in(
    tenants: TenantsApplication, personnel: PersonnelApplication
) -> None:
    # given
    register(tenants)
    create_unit(personnel, caller(tenant=KEMUNING))
    # when / then
    with pytest.raises(UnknownTenant, match=TENANT):
        create_unit(personnel, caller(tenant=TENANT))
    assert head(personnel) == 2


def test_in_a_batch_each_save_checks_the_tenant_of_only_the_events_it_adds(
    tenants: TenantsApplication, personnel: PersonnelApplication
) -> None:
    # given a registered tenant and a batch of commands on one employee
    register(tenants)
    hr = caller(tenant=KEMUNING)
    with personnel.batch():
        unit = create_unit(personnel, hr)
        appointed = appoint(personnel, hr, unit)
        personnel.grant_leave(
            hr, nip=PNS_NIP, leave_type="CT", start=date(2025, 3, 6), end=date(2025, 3, 11)
        )
        # then the employee's two pending events were each checked once, when saved
        employee: Employee = personnel.repository.get(appointed.aggregate_id)
        assert len(employee.pending_events) == 2
        assert list(personnel.unchecked_events(employee)) == []
        # and a command for an unregistered tenant is still refused inside the batch
        with pytest.raises(UnknownTenant, match=TENANT):
            create_unit(personnel, caller(tenant=TENANT), code="DINKES")
    assert head(personnel) == 4  # the registration, the unit, the appointment and the leave
