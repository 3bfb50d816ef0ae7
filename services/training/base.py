"""The base of TrainingApplication: roles, loading, and the one way an aggregate changes.

Roles (`services.caller.Role`):
- `hr_officer`, `admin`: everything here;
- `training_institution` (a lembaga diklat or education partner acting for the tenant):
  defines programmes, decides on participants, records attendance and results;
- `supervisor`: nominates employees for programmes;
- `employee`: acts for themselves only, identified by their NIP as user id: applies for and
  withdraws from programmes, logs and ends their own mentoring, submits external learning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from access.roles import ASN, WRITERS
from domain.aggregates.base import JejakAggregate
from domain.aggregates.competency_catalogue import CompetencyCatalogue
from domain.aggregates.employee import Employee, no_employee
from domain.aggregates.external_learning import ExternalLearning
from domain.aggregates.mentoring import Mentoring
from domain.aggregates.training import Training
from domain.errors import (
    N_,
    LearningRecordNotFound,
    MentoringNotFound,
    NotAllowedForRole,
    NotFound,
    Phrase,
    ProgrammeNotFound,
    UnknownCompetency,
    listing,
    phrase,
)
from services.application import JejakApplication
from services.caller import Caller
from services.personnel import Outcome, normalize_nip
from services.retry import check_expected_version, retry_lost_races

HR: frozenset[str] = frozenset(WRITERS)  # the groups are the policy's (access/roles.py)
NOBODY_ELSE: frozenset[str] = frozenset()  # only the employee concerned, for themselves

A = TypeVar("A", bound=JejakAggregate)
_NOT_FOUND: dict[type[Any], type[NotFound]] = {
    Training: ProgrammeNotFound,
    Mentoring: MentoringNotFound,
    ExternalLearning: LearningRecordNotFound,
}


class TrainingBase(JejakApplication):
    """Shared state, loading within the caller's tenant, and `_change`."""

    def get(self, caller: Caller, kind: type[A], aggregate_id: UUID) -> A:
        """Load a Training, Mentoring or ExternalLearning of the caller's tenant, or NOT_FOUND."""
        error = _NOT_FOUND.get(kind, NotFound)
        missing = error(f"No {kind.__name__} {aggregate_id} in {caller.tenant}.")
        return self.of_tenant(caller, kind, aggregate_id, missing)

    def get_catalogue(self, caller: Caller) -> CompetencyCatalogue | None:
        """The caller's tenant catalogue, or None before its first competency."""
        try:
            return self.get(caller, CompetencyCatalogue, CompetencyCatalogue.id_for(caller.tenant))
        except NotFound:
            return None

    def employee(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant, or EMPLOYEE_NOT_FOUND (one of another tenant too)."""
        nip = normalize_nip(nip)
        return self.of_tenant(
            caller, Employee, Employee.id_for(nip), no_employee(nip, caller.tenant)
        )

    def active_employee(self, caller: Caller, nip: str) -> Employee:
        """An employee of the caller's tenant still in service (else EMPLOYEE_NOT_ACTIVE)."""
        employee = self.employee(caller, nip)
        employee.check_is_active()
        return employee

    def _known(self, caller: Caller, codes: Sequence[str]) -> list[str]:
        catalogue = self.get_catalogue(caller)
        if catalogue is None:
            if codes:
                raise UnknownCompetency(N_("The tenant has no competency catalogue yet."))
            return []
        return catalogue.check_known(codes)

    def _change(
        self,
        caller: Caller,
        kind: type[A],
        aggregate_id: UUID,
        expected_version: int | None,
        command: Callable[[A, datetime], object],
    ) -> Outcome:
        """Load, check the expected version, run the command and save; retry a lost race.

        With an expected version a concurrent change is a CONFLICT for the caller to review;
        without one the command re-runs on the fresh state, its rules checked again.
        """
        subject = f"{kind.__name__} {aggregate_id}"

        def attempt() -> Outcome:
            aggregate = self.get(caller, kind, aggregate_id)
            check_expected_version(subject, aggregate.version, expected_version)
            command(aggregate, self.clock())
            return self.save_outcome(aggregate)

        return retry_lost_races(attempt, subject=subject, strict=expected_version is not None)


def acting_employee(caller: Caller) -> UUID | None:
    """The employee a person (employee or supervisor) is: their user id is their NIP."""
    if caller.actor.role not in ASN:
        return None
    return Employee.id_for(normalize_nip(caller.actor.user_id))


def require(
    caller: Caller, allowed: frozenset[str], action: str, *, self_nip: str | None = None
) -> None:
    """FORBIDDEN unless the caller's role is allowed or they are the employee `self_nip`."""
    if caller.actor.role in allowed:
        return
    acting = acting_employee(caller)
    if self_nip is not None and acting == Employee.id_for(normalize_nip(self_nip)):
        return
    who = [Phrase(N_("the role {role}"), role=role) for role in sorted(allowed)]
    if self_nip is not None:
        who.append(Phrase(N_("the employee themselves")))
    raise NotAllowedForRole(
        N_("{action} is for {who}."),
        action=phrase(action),
        who=listing(who, N_("{some} or {last}")),
    )
