"""Instansi: a tenant of Jejak, registered by the platform operator before anything is recorded.

Its id derives from the tenant code, so a code is registered once. The registration event is
the instansi's own first fact: its tenant is the new code, its actor the platform admin.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID, uuid5

from domain.aggregates.base import JejakAggregate
from domain.errors import N_
from domain.instansi import InstansiKind
from domain.meta import EventMeta
from domain.units import check_name, check_tenant

INSTANSI_NAMESPACE = UUID("8a4d2c71-5e3b-4f90-b6a8-1c7e9d0f2b54")


class Instansi(JejakAggregate):
    """A registered instansi: its tenant code, its name and what kind of government it is."""

    class Registered(JejakAggregate.Created):
        code: str
        name: str
        kind: str

    def __init__(self, code: str, name: str, kind: str, meta: EventMeta) -> None:
        self.code = code
        self.tenant = code  # what every tenant-owned aggregate carries
        self.name = name
        self.kind = kind

    @staticmethod
    def id_for(code: str) -> UUID:
        """The instansi's id: one code, one registration."""
        return uuid5(INSTANSI_NAMESPACE, code)

    @classmethod
    def register(
        cls, *, code: str, name: str, kind: InstansiKind, at: datetime, meta: EventMeta
    ) -> Instansi:
        """Register an instansi under a tenant code (a lowercase slug such as 'pemkab-kemuning')."""
        code = check_tenant(code.strip())
        name = check_name(name, N_("An instansi name"))
        instansi: Instansi = cls.start(
            cls.Registered,
            cls.id_for(code),
            at,
            replace(meta, tenant=code),  # the event belongs to the instansi it registers
            code=code,
            name=name,
            kind=kind.value,
        )
        return instansi
