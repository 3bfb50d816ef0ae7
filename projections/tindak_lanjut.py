"""What follows a finalised appraisal, read from the read models and judged by domain rules.

No table of its own: the consequences are derived, not decided, so they are computed on read
from `appraisals` joined with finalised `appraisal_cycles` (only a finalised cycle's annual
predikat counts), `employees`, `career_entries` (since when the jenjang and golongan are held)
and `policy_values` (the tenant's TPP factors in force), `award_nominations` (the decisions made),
through the rules of
domain.tindak_lanjut, domain.tindak_lanjut_tpp and domain.angka_kredit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

import asyncpg

from domain.angka_kredit import AngkaKreditStatus, angka_kredit_status
from domain.jabatan import JenjangFungsional
from domain.promotion_periods import (
    PROMOTION_PERIODS_KIND,
    next_period_date,
    periods_from_policy,
)
from domain.scoring import Predikat
from domain.tindak_lanjut import (
    AwardCandidacy,
    DevelopmentTrack,
    PromotionPredikat,
    RenewalAdvice,
    award_candidacy,
    development_track,
    pppk_renewal,
    promotion_predikat,
)
from domain.tindak_lanjut_tpp import TPP_FACTORS_KIND, tpp_factor
from projections.award_nominations import NominationRow, nominations_of
from projections.base import READ_SCHEMA
from projections.career import CareerEntry, career_histories
from projections.employees import EmployeeRow, employees_by_ids
from projections.policy_values import policy_in_force


@dataclass(frozen=True)
class Tpp:
    """The TPP factor of the latest finalised predikat under the Perkada in force."""

    year: int
    predikat: Predikat
    factor_percent: Decimal | None  # None: the tenant has recorded no tpp_factors
    source: str | None
    label: str | None


@dataclass(frozen=True)
class FollowUp:
    """Everything that follows one employee's finalised predikat."""

    employee: EmployeeRow
    predikat_by_year: dict[int, Predikat]
    tpp: Tpp | None
    award: AwardCandidacy
    promotion: PromotionPredikat | None  # PNS only
    angka_kredit: AngkaKreditStatus | None  # jabatan fungsional with a jenjang only
    pppk_renewal: RenewalAdvice | None  # PPPK only
    development: DevelopmentTrack
    nominations: list[NominationRow]  # the decisions made on the candidacy

    @property
    def latest(self) -> tuple[int, Predikat] | None:
        """The latest finalised year and its predikat."""
        if not self.predikat_by_year:
            return None
        year = max(self.predikat_by_year)
        return year, self.predikat_by_year[year]


async def finalised_predikat(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID]
) -> dict[UUID, dict[int, Predikat]]:
    """Each employee's annual predikat of the years whose cycle was finalised."""
    records = await pool.fetch(
        f"""SELECT a.employee_id, a.year, a.annual_predikat
            FROM {READ_SCHEMA}.appraisals a JOIN {READ_SCHEMA}.appraisal_cycles c
              ON c.id = a.cycle_id AND c.tenant = a.tenant
            WHERE a.employee_id = ANY($1::uuid[]) AND c.finalised_on IS NOT NULL
              AND a.annual_predikat IS NOT NULL""",
        list(employee_ids),
    )
    found: dict[UUID, dict[int, Predikat]] = {i: {} for i in employee_ids}
    for r in records:
        found[r["employee_id"]][r["year"]] = Predikat(r["annual_predikat"])
    return found


def held_since(history: Sequence[CareerEntry], same: str) -> date | None:
    """When the current value of `same` (a CareerEntry field) began: the first entry of the
    latest run of entries holding it."""
    if not history:
        return None
    current, since = getattr(history[-1], same), history[-1].effective_on
    for entry in reversed(history):
        if getattr(entry, same) != current:
            break
        since = entry.effective_on
    return since


async def follow_ups(
    pool: asyncpg.Pool, employee_ids: Sequence[UUID], today: date
) -> list[FollowUp]:
    """What follows the finalised predikat of each employee (unknown ids are left out)."""
    rows = [r for r in await employees_by_ids(pool, employee_ids) if r is not None]
    ids = [r.id for r in rows]
    predikat = await finalised_predikat(pool, ids)
    histories = dict(zip(ids, await career_histories(pool, ids), strict=True))
    nominations = await nominations_of(pool, ids)
    factors, next_tmt = {}, {}
    for tenant in {r.tenant for r in rows}:
        factors[tenant] = await policy_in_force(pool, TPP_FACTORS_KIND, tenant, today)
        next_tmt[tenant] = await _next_period(pool, tenant, today)
    results = []
    for row in rows:
        years = predikat[row.id]
        latest = (max(years), years[max(years)]) if years else None
        version = factors[row.tenant]
        tpp = None
        if latest is not None:
            factor = tpp_factor(latest[1], version.version.values) if version else None
            tpp = Tpp(
                latest[0], latest[1], factor,
                version.version.source if version else None,
                version.version.label if version else None,
            )  # fmt: skip
        results.append(
            FollowUp(
                employee=row,
                predikat_by_year=years,
                tpp=tpp,
                award=award_candidacy(years),
                promotion=(
                    promotion_predikat(next_tmt[row.tenant], years)
                    if row.employment_type == "PNS"
                    else None
                ),
                angka_kredit=_angka_kredit(row, histories[row.id], years),
                pppk_renewal=pppk_renewal(years) if row.employment_type == "PPPK" else None,
                development=development_track(latest[1] if latest else None),
                nominations=nominations[row.id],
            )
        )
    return results


async def _next_period(pool: asyncpg.Pool, tenant: str, today: date) -> date:
    """The next kenaikan pangkat date under the periods recorded in force (else the seeded)."""
    row = await policy_in_force(pool, PROMOTION_PERIODS_KIND, tenant, today)
    if row is None:
        return next_period_date(today)
    v = row.version
    recorded = periods_from_policy(v.effective_from, v.values, v.source)
    return next_period_date(today, [recorded])  # in force from before today on


def _angka_kredit(
    row: EmployeeRow, history: Sequence[CareerEntry], years: dict[int, Predikat]
) -> AngkaKreditStatus | None:
    if row.jabatan_kind != "FUNGSIONAL" or row.jabatan_jenjang is None:
        return None
    since = held_since(history, "jabatan_title") or row.appointed_on
    return angka_kredit_status(
        JenjangFungsional(row.jabatan_jenjang), row.golongan, since, years.items()
    )
