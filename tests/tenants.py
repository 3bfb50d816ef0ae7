"""Registering the tenants a test acts in: nothing is recorded for an unregistered instansi.

On a real database the platform admin registers them through the real command
(`register_tenants`). An application on the in-memory store has a store of its own, which no
other application can write: `register_in` records the registrations there, as the command
would.
"""

from __future__ import annotations

from datetime import UTC, datetime

from domain.aggregates.instansi import Instansi
from domain.instansi import InstansiKind
from domain.meta import Actor, EventMeta
from services.application import JejakApplication
from services.caller import Caller, Role
from services.database import Database
from services.runtime import build_application
from services.tenants import TenantsApplication

ADMIN = Caller(Actor("platform-admin", Role.ADMIN.value), "jejak-platform", "test-setup")
REGISTERED_AT = datetime(1985, 1, 2, tzinfo=UTC)  # before anything a test records
_KINDS = {"pemkot": InstansiKind.PEMKOT, "pemkab": InstansiKind.PEMKAB}
_TITLES = {
    InstansiKind.PEMKOT: "Kota",
    InstansiKind.PEMKAB: "Kabupaten",
    InstansiKind.PEMPROV: "Provinsi",
}


def kind_of(code: str) -> InstansiKind:
    """The kind a test tenant's code names: 'pemkot-…', 'pemkab-…', else a province."""
    return _KINDS.get(code.split("-", 1)[0], InstansiKind.PEMPROV)


def name_of(code: str) -> str:
    """'pemkab-kemuning' → 'Pemerintah Kabupaten Kemuning'."""
    place = code.split("-", 1)[-1].replace("-", " ").title()
    return f"Pemerintah {_TITLES[kind_of(code)]} {place}"


def register_in(app: JejakApplication, *codes: str) -> None:
    """Record each tenant's registration in `app`'s own (in-memory) store."""
    for code in codes:
        meta = EventMeta.of(ADMIN.actor, code, ADMIN.correlation_id, None)
        app.save(
            Instansi.register(
                code=code, name=name_of(code), kind=kind_of(code), at=REGISTERED_AT, meta=meta
            )
        )


def register_tenants(database: Database, *codes: str) -> int:
    """Register each tenant through the real command; the log position of the last one."""
    tenants = build_application(TenantsApplication, database, clock=lambda: REGISTERED_AT)
    try:
        position = 0
        for code in codes:
            outcome = tenants.register_tenant(
                ADMIN, code=code, name=name_of(code), kind=kind_of(code).value
            )
            position = outcome.position
        return position
    finally:
        tenants.close()
