"""GraphQL types of registered instansi (tenants)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain.instansi import InstansiKind
from graphql_api.payloads import Recorded
from projections.tenants import TenantRow

strawberry.enum(InstansiKind, description="Kind of regional government: kota, kabupaten, provinsi.")


@strawberry.type(description="A registered instansi: a tenant of Jejak.")
class Tenant:
    code: str = strawberry.field(description="The tenant code callers name, e.g. pemkab-kemuning.")
    name: str = strawberry.field(description="E.g. Pemerintah Kabupaten Kemuning.")
    kind: InstansiKind
    registered_at: datetime
    position: int = strawberry.field(description="Log position of the registration.")

    @classmethod
    def from_row(cls, row: TenantRow) -> Tenant:
        return cls(
            code=row.code,
            name=row.name,
            kind=InstansiKind(row.kind),
            registered_at=row.registered_at,
            position=row.position,
        )


@strawberry.input(description="An instansi to register under its tenant code.")
class RegisterTenantInput:
    code: str = strawberry.field(description="A lowercase slug (a-z, 0-9, '-'), e.g. pemkot-x.")
    name: str
    kind: InstansiKind
    reason: str | None = None


@strawberry.type(description="The instansi is registered; its staff may act once it is.")
class RegisterTenantPayload(Recorded):
    code: str
