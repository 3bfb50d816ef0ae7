"""TenantsApplication: the platform operator registers each instansi before it records anything.

An application of its own rather than a command of PersonnelApplication: registering is the
platform's act, not a tenant's (no tenant's HR may do it, and it precedes every tenant), and
its one aggregate shares nothing with employees or units. It writes to the one Jejak log like
the others, so every application can check a registration by loading the Instansi
(`JejakApplication.check_registered`).
"""

from __future__ import annotations

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from access.roles import PLATFORM
from domain.aggregates.instansi import Instansi
from domain.errors import N_, TenantAlreadyRegistered, UnknownTenant
from domain.instansi import parse_instansi_kind
from services.application import JejakApplication
from services.caller import Caller
from services.outcome import Outcome


class TenantsApplication(JejakApplication):
    """Registered instansi, in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log

    def register_tenant(
        self, caller: Caller, *, code: str, name: str, kind: str, reason: str | None = None
    ) -> Outcome:
        """Register an instansi (PEMKOT, PEMKAB or PEMPROV) under its tenant code (admin only)."""
        caller.require(PLATFORM, N_("Registering an instansi"))
        instansi = Instansi.register(
            code=code,
            name=name,
            kind=parse_instansi_kind(kind),
            at=self.clock(),
            meta=caller.meta(reason),
        )
        try:
            return self.save_outcome(instansi)
        except IntegrityError:
            raise TenantAlreadyRegistered(
                N_("Instansi {code!r} is registered already."), code=instansi.code
            ) from None

    def get_tenant(self, code: str) -> Instansi:
        """The registered instansi with this tenant code, or UNKNOWN_TENANT."""
        try:
            instansi: Instansi = self.repository.get(Instansi.id_for(code))
        except AggregateNotFoundError:
            raise UnknownTenant(N_("Instansi {code!r} is not registered."), code=code) from None
        return instansi
