"""A tenant's training programmes of a year, planned so most staff reach the 20 JP.

Eligible are those serving the whole year and still in service at the plan's end (the
application admits only active employees, and careers load before training). Each eligible
employee gets a seat in one programme: classical programmes grant 20 JP or more, the
non-classical ones (e-learning, coaching, benchmarking) 10–16, so those in them alone fall
short unless mentoring or external learning makes up the rest. Nominations run a little over
capacity (the extra are waitlisted; a withdrawal frees a seat for the first of them), a few
employees apply themselves, a few fail, and one programme a year is cancelled. In the current
year a few programmes are announced, filled and scheduled for the weeks after the plan's end.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from uuid import UUID

from domain.learning import LearningForm
from scripts.datagen import training_steps as t
from scripts.datagen.activities import Activity
from scripts.datagen.catalogue import KLASIKAL, NONKLASIKAL, PROVIDERS, Template
from scripts.datagen.serving import Serving

NONKLASIKAL_SHARE, SELF_APPLIED, FAILED, WITHDRAWN = 0.22, 0.15, 0.03, 0.3
CAPACITY = (20, 40)
UPCOMING = 2  # programmes announced before the plan's end, their sessions after it
WITHDRAWAL_REASON = "Ditugaskan mendampingi kegiatan prioritas daerah pada jadwal pelatihan"
CANCEL_REASON = "Narasumber berhalangan; pelatihan dijadwalkan ulang tahun berikutnya"


def plan_programmes(
    tenant_name: str,
    eligible: Sequence[Serving],
    year: int,
    ids: Callable[[str], UUID],
    rng: random.Random,
) -> list[Activity]:
    """The year's programmes: one seat per eligible employee, and one cancelled programme."""
    people = list(eligible)
    rng.shuffle(people)
    out: list[Activity] = []
    n = seats = nonklasikal_seats = 0
    while people:
        n += 1
        capacity = min(rng.randint(*CAPACITY), len(people))
        # Keep the share of non-classical seats steady, whatever the size of the tenant.
        nonklasikal = nonklasikal_seats + capacity <= NONKLASIKAL_SHARE * (seats + capacity)
        template = rng.choice(NONKLASIKAL if nonklasikal else KLASIKAL)
        seats += capacity
        nonklasikal_seats += capacity if nonklasikal else 0
        seated, people = people[:capacity], people[capacity:]
        waiting = people[: rng.randint(0, 2)] if people else []
        out += _programme(ids(f"{year}/{n}"), template, tenant_name, seated, waiting, year, rng)
    if eligible:
        cancelled = rng.sample(list(eligible), min(8, len(eligible)))
        out += _cancelled(ids(f"{year}/cancelled"), tenant_name, cancelled, year, rng)
    return out


def plan_upcoming(
    tenant_name: str,
    eligible: Sequence[Serving],
    today: date,
    ids: Callable[[str], UUID],
    rng: random.Random,
) -> list[Activity]:
    """Programmes defined and filled in the weeks before `today`, every session after it."""
    if not eligible:
        return []
    out: list[Activity] = []
    for n in range(1, UPCOMING + 1):
        title, form, codes, sessions, minutes, jp = rng.choice(KLASIKAL)
        defined = today - timedelta(days=rng.randint(12, 30))
        first = today + timedelta(days=rng.randint(5, 40))
        schedule = tuple((first + timedelta(days=i), minutes) for i in range(sessions))
        seated = rng.sample(list(eligible), min(rng.randint(*CAPACITY), len(eligible)))
        programme = ids(f"{today.year}/{n}")
        provider = _provider(tenant_name, rng)
        out.append(
            t.DefineProgramme(
                defined, programme, title, form, codes, jp, provider, len(seated), schedule
            )
        )
        for i, s in enumerate(seated):
            out.append(t.Enter(defined + timedelta(days=1 + i % 7), programme, s.nip, False))
            out.append(t.Accept(defined + timedelta(days=10), programme, s.nip))
    return out


def _programme(
    programme: UUID,
    template: Template,
    tenant_name: str,
    seated: Sequence[Serving],
    waiting: Sequence[Serving],
    year: int,
    rng: random.Random,
) -> list[Activity]:
    title, form, codes, sessions, minutes, jp = template
    defined = date(year, rng.randint(2, 9), rng.randint(1, 20))
    first = defined + timedelta(days=rng.randint(20, 35))
    schedule = tuple((first + timedelta(days=i), minutes) for i in range(sessions))
    provider = _provider(tenant_name, rng)
    out: list[Activity] = [
        t.DefineProgramme(
            defined, programme, title, form, codes, jp, provider, len(seated), schedule
        )
    ]
    entering = [*seated, *waiting]
    for i, s in enumerate(entering):
        on = defined + timedelta(days=1 + i % 7)
        out.append(t.Enter(on, programme, s.nip, rng.random() < SELF_APPLIED))
        out.append(t.Accept(defined + timedelta(days=10), programme, s.nip))
    attending = list(seated)
    if waiting and rng.random() < WITHDRAWN:  # the first waitlisted takes the freed seat
        leaving = rng.choice(seated)
        out.append(
            t.Withdraw(first - timedelta(days=3), programme, leaving.nip, WITHDRAWAL_REASON, True)
        )
        attending = [s for s in seated if s is not leaving] + [waiting[0]]
    last_session = schedule[-1][0]
    completed_on = last_session + timedelta(days=rng.randint(0, 4))
    for s in attending:
        for session, (on, _) in enumerate(schedule, start=1):
            out.append(t.Attend(on, programme, s.nip, session))
        passed = rng.random() >= FAILED
        score = (
            round(rng.uniform(70, 98) if passed else rng.uniform(40, 59), 1)
            if LearningForm(form).has_score
            else None
        )
        certificate = f"SERT/{year}/{programme.hex[:8].upper()}/{s.nip}" if passed else None
        out.append(t.Complete(completed_on, programme, s.nip, passed, score, certificate))
    out.append(t.FinishProgramme(completed_on + timedelta(days=1), programme))
    return out


def _cancelled(
    programme: UUID, tenant_name: str, entering: Sequence[Serving], year: int, rng: random.Random
) -> list[Activity]:
    title, form, codes, sessions, minutes, jp = rng.choice(KLASIKAL)
    defined = date(year, rng.randint(3, 8), rng.randint(1, 20))
    first = defined + timedelta(days=30)
    schedule = tuple((first + timedelta(days=i), minutes) for i in range(sessions))
    provider = _provider(tenant_name, rng)
    out: list[Activity] = [
        t.DefineProgramme(
            defined, programme, title, form, codes, jp, provider, len(entering), schedule
        )
    ]
    for s in entering:
        out.append(t.Enter(defined + timedelta(days=2), programme, s.nip, False))
        out.append(t.Accept(defined + timedelta(days=10), programme, s.nip))
    out.append(t.CancelProgramme(first - timedelta(days=5), programme, CANCEL_REASON))
    return out


def _provider(tenant_name: str, rng: random.Random) -> str:
    provider = rng.choice(PROVIDERS)
    return f"{provider} {tenant_name}" if provider == "BKPSDM" else provider
