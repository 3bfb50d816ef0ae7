"""What every Jejak application shares: the one log's transcodings, an injected clock,
loading within the caller's tenant, and the `Outcome` of a save (for registered tenants only)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import JSONTranscoder

from domain.aggregates.base import JejakAggregate
from domain.aggregates.instansi import Instansi
from domain.aggregates.org_unit import OrgUnit
from domain.errors import N_, NotFound, UnitNotFound, UnknownTenant
from services.caller import Caller
from services.outcome import Outcome, utc_now
from services.transcodings import register_jejak_transcodings

A = TypeVar("A", bound=JejakAggregate)


class JejakApplication(Application[UUID]):
    """The base of the tenants, personnel, appraisal and training applications.

    Each final class still sets `name = "Jejak"` itself: the library names every subclass after
    itself unless the class says otherwise, and the name picks the event table.
    """

    def __init__(
        self,
        env: dict[str, str] | None = None,
        clock: Callable[[], datetime] = utc_now,
        new_id: Callable[[], UUID] = uuid4,
    ) -> None:
        super().__init__(env)
        self.clock = clock
        self.new_id = new_id  # ids of new aggregates that are not derived from a natural key
        # Registration is never undone, so a tenant once seen registered is cached for good.
        self._registered: set[str] = set()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_jejak_transcodings(transcoder)

    def of_tenant(self, caller: Caller, kind: type[A], aggregate_id: UUID, missing: NotFound) -> A:
        """The `kind` with this id in the caller's tenant, or `missing`.

        Another tenant's aggregate (or one of another kind) answers exactly like none at all:
        the same error and message, so ids cannot be probed across tenants.
        """
        try:
            aggregate: object = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise missing from None
        if not isinstance(aggregate, kind) or getattr(aggregate, "tenant", None) != caller.tenant:
            raise missing
        return aggregate

    def get_unit(self, caller: Caller, unit_id: UUID) -> OrgUnit:
        """Load a unit of the caller's tenant, or raise UnitNotFound."""
        return self.of_tenant(
            caller,
            OrgUnit,
            unit_id,
            UnitNotFound(
                N_("No unit kerja {unit_id} in {tenant}."), unit_id=unit_id, tenant=caller.tenant
            ),
        )

    def check_registered(self, tenant: str) -> None:
        """Raise UNKNOWN_TENANT unless the instansi `tenant` has been registered.

        Read from the event store, not the read models: it is the write side's own truth, a
        registration counts at once (the read models follow a moment later), and it costs one
        small read per tenant and process, as a registered tenant is then remembered.
        """
        if tenant in self._registered:
            return
        try:
            self.repository.get(Instansi.id_for(tenant))
        except AggregateNotFoundError:
            raise UnknownTenant(
                N_("Instansi {tenant!r} is not registered."), tenant=tenant
            ) from None
        self._registered.add(tenant)

    def save_outcome(self, *aggregates: JejakAggregate) -> Outcome:
        """Save the aggregates together; the Outcome describes the first of them.

        Nothing is recorded for a tenant that is not registered (the CLI and imports call the
        applications directly, so the API's own check is not the only one). Inside a batch
        (`BatchingApplication.batch()`) nothing is in the log yet: position 0.
        """
        # A registration is its tenant's first fact: an Instansi's events are not checked.
        checked = (a for a in aggregates if not isinstance(a, Instansi))
        for tenant in _tenants_of(self.unchecked_events(a) for a in checked):
            self.check_registered(tenant)
        recordings = self.save(*aggregates)
        position = recordings[-1].notification.id if recordings else 0
        first = aggregates[0]
        return Outcome(first.id, first.version, position)

    def unchecked_events(self, aggregate: JejakAggregate) -> Sequence[object]:
        """The aggregate's pending events that no save has checked the tenant of: all of them
        (a batch, which keeps them pending across commands, says fewer: services/batching.py)."""
        return aggregate.pending_events


def _tenants_of(pending: Iterable[Sequence[object]]) -> set[str]:
    """The tenants the pending events belong to."""
    return {
        event.meta.tenant
        for events in pending
        for event in events
        if isinstance(event, JejakAggregate.Event)
    }
