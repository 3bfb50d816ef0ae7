"""The unit kerja of one tenant, found by the id, code or name an import file gives.

Why from the event store and not the `units` read model: it is the truth the appointment
command checks the unit against (`get_unit`), a unit created a moment ago counts, and an
import needs no read models. The tenant's units are found once per import: one read of the
log's unit creations, then each unit loaded (a rename is seen).
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.aggregates.org_unit import OrgUnit
from domain.errors import N_, UnitNotFound
from services.application import JejakApplication

PAGE = 1000  # unit creations read per query


class UnitAmbiguous(UnitNotFound):
    """Several units of the tenant bear the name; the file must give a code or an id."""

    code = "UNIT_AMBIGUOUS"


class UnitDirectory:
    """A tenant's units by id, code and name (names compared without case or extra spaces)."""

    def __init__(self, tenant: str, units: list[OrgUnit]) -> None:
        self.tenant = tenant
        self._ids = {unit.id: unit for unit in units}
        self._codes = {unit.code.upper(): unit for unit in units}
        self._names: dict[str, list[OrgUnit]] = {}
        for unit in units:
            self._names.setdefault(_name_key(unit.name), []).append(unit)

    def resolve(self, reference: str) -> UUID:
        """The id of the unit `reference` names: an id, a unit code, else a unit name."""
        text = reference.strip()
        try:
            found = self._ids.get(UUID(text))
        except ValueError:
            found = None
        found = found or self._codes.get(text.upper())
        if found is not None:
            return found.id
        named = self._names.get(_name_key(text), [])
        if len(named) > 1:
            codes = ", ".join(sorted(unit.code for unit in named))
            raise UnitAmbiguous(
                N_(
                    "{count} units of {tenant} are named {text!r} ({codes}): give the unit's "
                    "code or id instead."
                ),
                count=len(named),
                tenant=self.tenant,
                text=text,
                codes=codes,
            )
        if not named:
            raise UnitNotFound(
                N_("No unit kerja {text!r} in {tenant} (by id, code or name)."),
                text=text,
                tenant=self.tenant,
            )
        return named[0].id


def tenant_units(app: JejakApplication, tenant: str) -> UnitDirectory:
    """Every unit kerja of `tenant`, as the event store has it now."""
    units: list[OrgUnit] = []
    for unit_id in _created_units(app):
        unit: object = app.repository.get(unit_id)
        if isinstance(unit, OrgUnit) and unit.tenant == tenant:
            units.append(unit)
    return UnitDirectory(tenant, units)


def _created_units(app: JejakApplication) -> Iterator[UUID]:
    topic = get_topic(OrgUnit.Created)
    start = 1
    while True:
        page = app.recorder.select_notifications(start, PAGE, topics=[topic])
        for notification in page:
            yield UUID(str(notification.originator_id))
        if len(page) < PAGE:
            return
        start = page[-1].id + 1


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()
