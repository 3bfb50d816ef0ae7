"""Nominating an employee for a penghargaan: the one decision that follows an appraisal here.

HR nominates on the derived candidacy (Sangat Baik in the latest years in a row, finalised),
with a reason; the command re-checks it on the write side's own records (the finalised
predikat as services.career_history reads them for kenaikan pangkat) and records one
AwardNomination per employee and year. Every Jejak application shares the one event store,
so the command runs on the personnel application the runtime already holds.
"""

from __future__ import annotations

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from access.roles import WRITERS
from domain.aggregates.award_nomination import AwardNomination
from domain.aggregates.employee import Employee, no_employee
from domain.dates import check_year
from domain.errors import N_, Conflict, ReasonRequired
from domain.tindak_lanjut import AWARD_CONSECUTIVE_YEARS, check_nomination_due
from services.application import JejakApplication
from services.caller import Caller
from services.career_history import finalised_predikat
from services.outcome import Outcome
from services.personnel import normalize_nip


def nominate_for_award(
    app: JejakApplication, caller: Caller, *, nip: str, year: int, reason: str | None
) -> Outcome:
    """Record HR's nomination of `nip` on the finalised predikat up to `year`, with a reason."""
    caller.require(WRITERS, N_("Nominating for an award"))
    if reason is None or not reason.strip():
        raise ReasonRequired(N_("A nomination for an award needs a reason."))
    digits, year = normalize_nip(nip), check_year(year)
    try:
        employee: Employee = app.repository.get(Employee.id_for(digits))
    except AggregateNotFoundError:
        raise no_employee(digits, caller.tenant) from None
    meta = caller.meta(reason)
    employee.check_tenant(meta)
    employee.check_is_active()
    years = range(year - AWARD_CONSECUTIVE_YEARS + 1, year + 1)
    run = check_nomination_due(year, finalised_predikat(app.repository, employee, years))
    nomination = AwardNomination.nominate(
        nip=digits, employee_id=employee.id, year=year, consecutive_years=run,
        at=app.clock(), meta=meta,
    )  # fmt: skip
    try:
        recordings = app.save(nomination)
    except IntegrityError:
        raise Conflict(
            N_("{nip} is already nominated on the predikat of {year}."), nip=digits, year=year
        ) from None
    return Outcome(nomination.id, nomination.version, recordings[-1].notification.id)
