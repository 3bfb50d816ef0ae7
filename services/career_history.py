"""What the career rules need from beyond the employee: predikat, policy, training records.

The rules in domain/ stay pure; these helpers read the write side (every Jejak application
shares one event store) and hand plain values to them. They only read what they load, so an
aggregate cache (if one is configured) hands them its object rather than a deep copy: a
Latsar cohort's programme is thousands of seats, copied at every confirmation otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository

from domain.aggregates.appraisal_cycle import AppraisalCycle
from domain.aggregates.employee import Employee
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.aggregates.training import Training
from domain.career_errors import (
    LatsarNotCompleted,
)
from domain.errors import (
    N_,
    ProgrammeNotFound,
)
from domain.probation import is_latsar
from domain.promotion import PromotionHistory
from domain.promotion_periods import PROMOTION_PERIODS_KIND, periods_from_policy
from domain.scoring import Predikat
from services.policy import policy_in_force


def finalised_predikat(
    repository: Repository[UUID], employee: Employee, years: range
) -> dict[int, Predikat]:
    """The annual predikat of each year whose cycle was finalised (locked) for the employee."""
    found: dict[int, Predikat] = {}
    for year in years:
        cycle_id = AppraisalCycle.id_for(employee.tenant, year)
        try:
            appraisal: EmployeeAppraisal = repository.get(
                EmployeeAppraisal.id_for(cycle_id, employee.id), deepcopy_from_cache=False
            )
        except AggregateNotFoundError:
            continue
        predikat = appraisal.annual_predikat()
        if appraisal.locked_on is not None and predikat is not None:
            found[year] = predikat
    return found


def promotion_history(
    repository: Repository[UUID], employee: Employee, effective_on: date
) -> PromotionHistory:
    """The last two years' finalised predikat and the promotion periods in force on the TMT.

    The periods are read from the policy register (kind `promotion_periods`, national, which
    the platform admin keeps; the demo and the generator record the official versions). Only
    a log with no version in force on the TMT, one that has recorded none, falls back to
    domain.promotion_periods.SEEDED_PERIODS, the same official values.
    """
    years = range(effective_on.year - 2, effective_on.year)
    version = policy_in_force(repository, PROMOTION_PERIODS_KIND, employee.tenant, effective_on)
    periods = (
        periods_from_policy(version.effective_from, version.values, version.source)
        if version is not None
        else None  # nothing recorded yet: the seeded official values
    )
    return PromotionHistory(finalised_predikat(repository, employee, years), periods)


def latsar_completed_on(
    repository: Repository[UUID], employee: Employee, programme_id: UUID
) -> date:
    """When the employee passed the Latsar programme named, from its training record."""
    try:
        programme: Training = repository.get(programme_id, deepcopy_from_cache=False)
    except AggregateNotFoundError:
        raise ProgrammeNotFound(
            N_("No training programme {programme_id}."), programme_id=programme_id
        ) from None
    if not isinstance(programme, Training) or programme.tenant != employee.tenant:
        raise ProgrammeNotFound(
            N_("No training programme {programme_id}."), programme_id=programme_id
        )
    if not is_latsar(programme.title):
        raise LatsarNotCompleted(
            N_("Programme {title!r} is not a Latsar (pelatihan dasar)."), title=programme.title
        )
    passed = _passed_on(repository, programme, employee.id)
    if passed is None:
        raise LatsarNotCompleted(
            N_("{nip} has not passed {title!r}."), nip=employee.nip, title=programme.title
        )
    return passed


def _passed_on(repository: Repository[UUID], programme: Training, employee_id: UUID) -> date | None:
    """The day the employee passed the programme (None if they did not), from its state; a
    programme loaded from a version 1 snapshot does not know it, so its events are read."""
    if programme.passed_on is not None:
        return programme.passed_on.get(str(employee_id))
    passed = [
        e.completed_on
        for e in _events(repository, programme.id)
        if isinstance(e, Training.ParticipantCompleted)
        and e.employee_id == employee_id
        and e.result == "PASSED"
    ]
    return max(passed, default=None)


def replayed(repository: Repository[UUID], employee: Employee) -> Employee:
    """The employee rebuilt from all its events (a version 2 snapshot lacks the career state)."""
    rebuilt: Any = None
    for event in _events(repository, employee.id):
        rebuilt = event.mutate(rebuilt)
    assert isinstance(rebuilt, Employee)
    return rebuilt


def _events(repository: Repository[UUID], aggregate_id: UUID) -> list[Any]:
    return list(repository.event_store.get(aggregate_id))
