"""The pelatihan dasar each CPNS passes before confirmation as PNS (PP 11/2017 Pasal 37).

Every planned confirmation names its Latsar programme (`latsar_id`): one per tenant and
half-year intake, the CPNS whose TMT falls in January–June together, and July–December. A
programme's three days lie after every TMT of its intake and before any confirmation (at least
12 months after the TMT): August for the first half, February of the next year for the second.
Before 2018 the same training was the Diklat Prajabatan (PP 101/2000), whose title says so;
domain.probation.is_latsar reads both. The loader runs these after the appointments and
before the confirmations (scripts/datagen/loader.py); they open the tenant's competency
catalogue with the one competency they develop, which the tenant history then adds to.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import UUID, uuid5

from scripts.datagen import training_steps as t
from scripts.datagen.activities import Activity
from scripts.datagen.steps import Appoint, ConfirmAsPns

if TYPE_CHECKING:  # plan.py imports this module
    from scripts.datagen.plan import EmployeePlan

LATSAR_IDS = UUID("9c4e2b7d-1f3a-4e85-b6d0-7a2c5e8f1d43")  # namespace of planned Latsar ids
COMPETENCY = (
    "NILAI-DASAR-ASN",
    "Nilai-nilai dasar ASN, wawasan kebangsaan dan bela negara",
    "SOSIAL_KULTURAL",
)
SESSIONS, MINUTES, JP = 3, 480, 30  # three full days; 30 JP of the 32 their minutes allow
LATSAR_SINCE = 2018  # the first Latsar CPNS under PP 11/2017 and PerLAN 12/2018
PROVIDER = "BPSDM Provinsi"


def latsar_id(tenant: str, tmt_cpns: date) -> UUID:
    """The id of the Latsar programme of the intake a TMT CPNS belongs to."""
    year, half = _intake(tmt_cpns)
    return uuid5(LATSAR_IDS, f"{tenant}/{year}/{half}")


def plan_latsar(
    tenant: str, employees: Sequence[EmployeePlan], rng: random.Random
) -> list[Activity]:
    """Each intake's programme with everyone of it who is confirmed, in the order they run."""
    intakes: dict[tuple[int, int], list[str]] = {}
    for employee in employees:
        appoint = employee.steps[0]
        if isinstance(appoint, Appoint) and any(
            isinstance(s, ConfirmAsPns) for s in employee.steps
        ):
            intakes.setdefault(_intake(appoint.on), []).append(employee.nip)
    out: list[Activity] = []
    for (year, half), nips in sorted(intakes.items()):
        out += _programme(tenant, year, half, sorted(nips), rng)
    if out:
        code, name, kind = COMPETENCY
        out.insert(0, t.AddCompetency(out[0].on, code, name, kind, first=True))
    return out


def _programme(
    tenant: str, year: int, half: int, nips: list[str], rng: random.Random
) -> list[Activity]:
    first = _monday_on_or_after(date(year, 8, 1) if half == 1 else date(year + 1, 2, 1))
    days = [first + timedelta(days=i) for i in range(SESSIONS)]
    defined = first - timedelta(days=14)
    programme = latsar_id(tenant, date(year, 1 if half == 1 else 7, 1))
    name = "Pelatihan Dasar CPNS" if first.year >= LATSAR_SINCE else "Diklat Prajabatan"
    title = f"{name} Angkatan {'I' if half == 1 else 'II'} Tahun {year}"
    out: list[Activity] = [
        t.DefineProgramme(
            defined,
            programme,
            title,
            "PELATIHAN_KLASIKAL",
            (COMPETENCY[0],),
            JP,
            PROVIDER,
            len(nips),
            tuple((day, MINUTES) for day in days),
        )
    ]
    for nip in nips:
        out += [t.Enter(defined, programme, nip, False), t.Accept(defined, programme, nip)]
    for session, day in enumerate(days, start=1):
        out += [t.Attend(day, programme, nip, session) for nip in nips]
    for n, nip in enumerate(nips, start=1):
        certificate = f"STTPL/{year}/{half}/{n:03d}"
        score = round(rng.uniform(72.0, 94.0), 1)
        out.append(t.Complete(days[-1], programme, nip, True, score, certificate))
    out.append(t.FinishProgramme(days[-1], programme))
    return out


def _intake(tmt: date) -> tuple[int, int]:
    return tmt.year, 1 if tmt.month <= 6 else 2


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=-day.weekday() % 7)
