"""The unit kerja commands, and what every personnel command shares: its clock and saving.

`PersonnelApplication` (services.personnel) adds the employee commands on top of these.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from domain.aggregates.base import JejakAggregate
from domain.aggregates.org_unit import OrgUnit
from domain.errors import N_, AlreadyExists, RuleViolation
from domain.units import check_name, check_unit_code, parse_unit_kind
from services.application import JejakApplication
from services.batching import BatchingApplication
from services.caller import WRITERS, Caller
from services.outcome import Outcome

MAX_UNIT_DEPTH = 8


class UnitCommands(BatchingApplication, JejakApplication):
    """Unit kerja: created nested, loaded only within the caller's tenant (`get_unit`)."""

    # --- unit kerja -----------------------------------------------------------------------
    def create_unit(
        self,
        caller: Caller,
        *,
        code: str,
        name: str,
        kind: str,
        parent_id: UUID | None = None,
        reason: str | None = None,
    ) -> Outcome:
        """Create a unit kerja, nested under `parent_id` if given."""
        caller.require(WRITERS, N_("Creating a unit kerja"))
        code, name, unit_kind = check_unit_code(code), check_name(name), parse_unit_kind(kind)
        if parent_id is not None:
            self._check_depth(self.get_unit(caller, parent_id))
        unit = OrgUnit.create(
            code=code,
            name=name,
            kind=unit_kind.value,
            parent_id=parent_id,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        try:
            return self._commit(unit)
        except IntegrityError:
            raise AlreadyExists(
                N_("Unit code {code!r} already exists in {tenant}."),
                code=code,
                tenant=caller.tenant,
            ) from None

    def _check_depth(self, parent: OrgUnit) -> None:
        depth, unit = 1, parent
        while unit.parent_id is not None:
            depth += 1
            unit = self._load(unit.parent_id)
        if depth >= MAX_UNIT_DEPTH:
            raise RuleViolation(
                N_("Units nest at most {max_unit_depth} levels deep."),
                max_unit_depth=MAX_UNIT_DEPTH,
            )

    # --- saving, one command at a time or in a batch (`BatchingApplication.batch()`) -------
    def _load(self, aggregate_id: UUID) -> Any:
        return self.repository.get(aggregate_id)

    def _commit(self, aggregate: JejakAggregate) -> Outcome:
        return self.save_outcome(aggregate)
