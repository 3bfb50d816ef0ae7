"""Reports over the training read models: 20 JP compliance, competency gaps, recommendations.

No table of its own: these are queries over `employees`, `units`, `jp_credits`,
`training_programmes`/`training_participants`, `jabatan_requirements` and (for the latest
predikat) the appraisal read model's `appraisal_histories`, judged by the domain's own rules
(`jp_status`, `competency_gaps`, `recommended_programmes`).

Choices: the 20 JP status of a past year is judged on 31 December, of the current year on
`today`, of a future year on 1 January (the date basis is reported with it); a scope counts
the employees in service (ACTIVE) now. Weak results map to kinds of competence: a hasil kerja
below expectation to TEKNIS, a perilaku kerja below expectation to MANAJERIAL and
SOSIAL_KULTURAL (the BerAKHLAK behaviours).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from domain.appraisal import ANNUAL
from domain.competency import (
    EmployeeCompetence,
    Gap,
    Offer,
    below_baik,
    competency_gaps,
    development_programmes,
    jabatan_key,
    recommended_programmes,
)
from domain.learning import JPStatus, jp_status
from projections.appraisal_records import appraisal_histories
from projections.base import READ_SCHEMA
from projections.competencies import catalogue, jabatan_requirements
from projections.employee_scope import employees_in_scope
from projections.jp_ledger import developed_competencies, jp_totals
from projections.training_programmes import SEATED, programmes

BUCKETS = ((0, 4), (5, 9), (10, 14), (15, 19), (20, None))


@dataclass(frozen=True)
class EmployeeJP:
    employee_id: UUID
    nip: str
    name: str
    unit_id: UUID
    earned: int
    status: JPStatus


@dataclass(frozen=True)
class Compliance:
    year: int
    basis: date  # the date the status is judged on
    employees: list[EmployeeJP]
    fill_rate: float | None  # places taken over capacity, in the programmes in scope
    completion_rate: float | None  # passed over places taken, of the employees in scope

    def count(self, status: JPStatus) -> int:
        return sum(1 for e in self.employees if e.status is status)

    @property
    def compliance_rate(self) -> float | None:
        """The share of employees who met 20 JP; None for nobody in scope."""
        return self.count(JPStatus.MET) / len(self.employees) if self.employees else None

    def distribution(self) -> list[tuple[str, int]]:
        """Employees per band of JP earned: 0–4, 5–9, 10–14, 15–19, 20+."""
        bands = []
        for low, high in BUCKETS:
            top = high if high is not None else max((e.earned for e in self.employees), default=0)
            label = f"{low}+" if high is None else f"{low}-{high}"
            bands.append((label, sum(1 for e in self.employees if low <= e.earned <= top)))
        return bands


async def open_offers(pool: asyncpg.Pool, tenant: str) -> list[Offer]:
    """The tenant's open programmes as offers that may close a gap."""
    return [
        Offer(p.id, p.title, frozenset(p.competency_codes))
        for p in await programmes(pool, tenant, "OPEN")
    ]


def status_basis(year: int, today: date) -> date:
    """The date a year's 20 JP status is judged on."""
    return min(max(today, date(year, 1, 1)), date(year, 12, 31))


async def compliance(
    pool: asyncpg.Pool, tenant: str, unit_id: UUID | None, year: int, today: date,
    include_subunits: bool = True,
) -> Compliance:  # fmt: skip
    """The 20 JP compliance of a scope in `year`, with its programme fill and completion."""
    people = await employees_in_scope(pool, tenant, unit_id, include_subunits)
    ids = [p["id"] for p in people]
    totals = await jp_totals(pool, ids, year)
    basis = status_basis(year, today)
    rows = [
        EmployeeJP(p["id"], p["nip"], p["name"], p["unit_id"], totals.get(p["id"], 0),
                   jp_status(totals.get(p["id"], 0), basis))
        for p in people
    ]  # fmt: skip
    fill, completion = await _programme_rates(pool, tenant, None if unit_id is None else ids, year)
    return Compliance(year, basis, rows, fill, completion)


async def _programme_rates(
    pool: asyncpg.Pool, tenant: str, employee_ids: list[UUID] | None, year: int
) -> tuple[float | None, float | None]:
    """Over the year's programmes (by first session) not cancelled: the tenant's, or for a
    unit those its employees entered; completion counts only the scope's participants."""
    record = await pool.fetchrow(
        f"""WITH scope AS (
              SELECT p.id, p.capacity FROM {READ_SCHEMA}.training_programmes p
              WHERE p.tenant = $1 AND p.status <> 'CANCELLED'
                AND extract(year FROM p.first_session) = $3
                AND ($2::uuid[] IS NULL OR EXISTS (
                  SELECT 1 FROM {READ_SCHEMA}.training_participants r
                  WHERE r.programme_id = p.id AND r.employee_id = ANY($2::uuid[]))))
            SELECT (SELECT sum(capacity) FROM scope),
              count(*) FILTER (WHERE r.seat IN {SEATED}),
              count(*) FILTER (WHERE r.seat IN {SEATED}
                               AND ($2::uuid[] IS NULL OR r.employee_id = ANY($2::uuid[]))),
              count(*) FILTER (WHERE r.seat = 'PASSED'
                               AND ($2::uuid[] IS NULL OR r.employee_id = ANY($2::uuid[])))
            FROM {READ_SCHEMA}.training_participants r JOIN scope ON scope.id = r.programme_id""",
        tenant,
        employee_ids,
        year,
    )
    capacity, seated, seated_in_scope, passed = (int(v or 0) for v in record.values())
    return (
        seated / capacity if capacity else None,
        passed / seated_in_scope if seated_in_scope else None,
    )


@dataclass(frozen=True)
class UnitGaps:
    gaps: list[Gap]
    nips: dict[UUID, str]
    offers: dict[UUID, Offer]
    names: dict[str, str]  # competency code → name


async def unit_gaps(
    pool: asyncpg.Pool, tenant: str, unit_id: UUID | None, include_subunits: bool = True
) -> UnitGaps:
    """What the scope's jabatan require and its employees have not developed yet."""
    people = await employees_in_scope(pool, tenant, unit_id, include_subunits)
    developed = await developed_competencies(pool, [p["id"] for p in people])
    required = {r.jabatan_key: r.competency_codes for r in await jabatan_requirements(pool, tenant)}
    offers = await open_offers(pool, tenant)
    competence = [
        EmployeeCompetence(p["id"], p["jabatan_title"], developed.get(p["id"], frozenset()))
        for p in people
    ]
    names = {c.code: c.name for c in await catalogue(pool, tenant)}
    return UnitGaps(
        competency_gaps(competence, required, offers),
        {p["id"]: p["nip"] for p in people},
        {o.programme_id: o for o in offers},
        names,
    )


@dataclass(frozen=True)
class Recommendation:
    year: int | None  # of the latest annual predikat
    predikat: str | None
    weak_competencies: list[str]
    programmes: list[Offer]
    development_competencies: list[str] = field(default_factory=list)  # for a Sangat Baik


async def recommendations(
    pool: asyncpg.Pool, tenant: str, employee_id: UUID, jabatan_title: str
) -> Recommendation:
    """Programmes for the competencies tied to the weak results of the latest predikat."""
    [history] = await appraisal_histories(pool, [employee_id])  # oldest year first
    latest = next((a for a in reversed(history) if a["annual_predikat"]), None)
    if latest is None:
        return Recommendation(None, None, [], [])
    year, predikat = latest["year"], latest["annual_predikat"]
    if predikat == "SANGAT_BAIK":  # a top performer is developed too (domain.tindak_lanjut)
        wanted = await _development_competencies(pool, tenant, jabatan_title)
        offers = await open_offers(pool, tenant)
        return Recommendation(year, predikat, [], development_programmes(wanted, offers), wanted)
    if not below_baik(predikat):  # Baik: no weak results to develop
        return Recommendation(year, predikat, [], [])
    result = latest["doc"].get("predikat", {}).get(ANNUAL, {})
    weak = await _weak_competencies(pool, tenant, jabatan_title, result)
    chosen = recommended_programmes(predikat, weak, await open_offers(pool, tenant))
    return Recommendation(year, predikat, weak, chosen)


async def _development_competencies(
    pool: asyncpg.Pool, tenant: str, jabatan_title: str
) -> list[str]:
    """What a top performer develops: their jabatan's required competencies, else the
    catalogue's managerial ones (towards the kelompok rencana suksesi)."""
    required = {r.jabatan_key: r.competency_codes for r in await jabatan_requirements(pool, tenant)}
    own = required.get(jabatan_key(jabatan_title))
    if own:
        return list(own)
    return [c.code for c in await catalogue(pool, tenant) if c.kind == "MANAJERIAL"]


async def _weak_competencies(
    pool: asyncpg.Pool, tenant: str, jabatan_title: str, result: dict[str, Any]
) -> list[str]:
    kinds: set[str] = set()
    if result.get("hasil_kerja") == "DI_BAWAH":
        kinds.add("TEKNIS")
    if result.get("perilaku_kerja") == "DI_BAWAH":
        kinds |= {"MANAJERIAL", "SOSIAL_KULTURAL"}
    if not kinds:  # a low predikat without a rating named: every kind may need work
        kinds = {"TEKNIS", "MANAJERIAL", "SOSIAL_KULTURAL"}
    competencies = {c.code: c.kind for c in await catalogue(pool, tenant)}
    required = {r.jabatan_key: r.competency_codes for r in await jabatan_requirements(pool, tenant)}
    pool_of_codes = required.get(jabatan_key(jabatan_title)) or sorted(competencies)
    return [code for code in pool_of_codes if competencies.get(code) in kinds]
