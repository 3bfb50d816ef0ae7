"""OrgUnit: a unit kerja of one tenant, nested under an optional parent unit."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.meta import EventMeta
from domain.units import check_name, check_unit_code, parse_unit_kind

UNIT_NAMESPACE = UUID("6f1c7a52-3f0e-4d8a-9d51-0b7f5a3c9e11")


class OrgUnit(JejakAggregate):
    """A unit kerja; its id is derived from (tenant, code), so a code is unique per tenant."""

    class Created(JejakAggregate.Created):
        tenant: str
        code: str
        name: str
        kind: str
        parent_id: UUID | None

    class Renamed(JejakAggregate.Event):
        name: str

        def apply(self, aggregate: OrgUnit) -> None:
            aggregate.name = self.name

    def __init__(
        self, tenant: str, code: str, name: str, kind: str, parent_id: UUID | None, meta: EventMeta
    ) -> None:
        self.tenant = tenant
        self.code = code
        self.name = name
        self.kind = kind
        self.parent_id = parent_id

    @staticmethod
    def id_for(tenant: str, code: str) -> UUID:
        """The unit's id: the same (tenant, code) always gives the same id."""
        return uuid5(UNIT_NAMESPACE, f"{tenant}/{code.upper()}")

    @classmethod
    def create(
        cls,
        *,
        code: str,
        name: str,
        kind: str,
        parent_id: UUID | None,
        at: datetime,
        meta: EventMeta,
    ) -> OrgUnit:
        """Create a unit kerja for the tenant in `meta`."""
        code, name, kind = check_unit_code(code), check_name(name), parse_unit_kind(kind).value
        unit: OrgUnit = cls.start(
            cls.Created,
            cls.id_for(meta.tenant, code),
            at,
            meta,
            tenant=meta.tenant,
            code=code,
            name=name,
            kind=kind,
            parent_id=parent_id,
        )
        return unit

    def rename(self, name: str, at: datetime, meta: EventMeta) -> None:
        """Give the unit a new name."""
        self.record(self.Renamed, at, meta, name=check_name(name))
