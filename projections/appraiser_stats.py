"""Calibration and leniency per appraiser in one cycle, from the appraisal events.

What an appraiser *gave* is the annual predikat computed from their own rating: the last ANNUAL
`PredikatComputed` before the first calibration of the annual rating or upheld objection (both
are other people's acts). Their shares are set against the same shares of their appraisees'
units and of the whole tenant's cycle; calibrations of their annual ratings are counted by
direction (the sum of the two ratings up or down); upheld objections against their results.
Read from the appraisals and event_log read models (both under row-level security).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from projections.base import READ_SCHEMA

ANNUAL = "ANNUAL"
RATING_WEIGHT: Mapping[str, int] = {"DI_ATAS": 3, "SESUAI": 2, "DI_BAWAH": 1}

_GIVEN_SQL = f"""
WITH a AS (
    SELECT id, unit_id, appraiser, objection FROM {READ_SCHEMA}.appraisals WHERE cycle_id = $1
), changed AS (
    SELECT l.originator_id AS id, min(l.position) AS first
    FROM a JOIN {READ_SCHEMA}.event_log l ON l.originator_id = a.id
    WHERE (l.event_type = 'RatingCalibrated' AND l.payload->>'checkpoint' = '{ANNUAL}')
       OR (l.event_type = 'ObjectionDecided' AND (l.payload->>'upheld')::boolean)
    GROUP BY l.originator_id
)
SELECT a.id, a.unit_id, a.appraiser, a.objection,
       (SELECT l.payload->>'predikat' FROM {READ_SCHEMA}.event_log l
        WHERE l.originator_id = a.id AND l.event_type = 'PredikatComputed'
          AND l.payload->>'checkpoint' = '{ANNUAL}'
          AND l.position < coalesce(c.first, 9223372036854775807)
        ORDER BY l.position DESC LIMIT 1) AS given
FROM a LEFT JOIN changed c ON c.id = a.id"""

_CALIBRATIONS_SQL = f"""
SELECT a.appraiser, l.payload->>'hasil_kerja_before' AS hk_before,
       l.payload->>'perilaku_kerja_before' AS pk_before,
       l.payload->>'hasil_kerja' AS hk, l.payload->>'perilaku_kerja' AS pk
FROM {READ_SCHEMA}.appraisals a JOIN {READ_SCHEMA}.event_log l ON l.originator_id = a.id
WHERE a.cycle_id = $1 AND l.event_type = 'RatingCalibrated'
  AND l.payload->>'checkpoint' = '{ANNUAL}'"""


@dataclass
class AppraiserStats:
    """One appraiser's annual results in a cycle, beside their units' and the tenant's."""

    appraiser: str  # the NIP (or the id set by hand) of the pejabat penilai
    appraisals: int = 0
    given: Counter[str] = field(default_factory=Counter)  # predikat → how many they gave
    unit_given: Counter[str] = field(default_factory=Counter)  # in their appraisees' units
    tenant_given: Counter[str] = field(default_factory=Counter)  # in the whole cycle
    calibrated_up: int = 0
    calibrated_down: int = 0
    calibrated_level: int = 0  # changed, the sum of the two ratings the same
    objections_upheld: int = 0

    def share(self, counts: Counter[str], predikat: str) -> float:
        """The share of `predikat` in `counts` (0 when empty)."""
        total = sum(counts.values())
        return counts[predikat] / total if total else 0.0


def direction(before: tuple[str, str], after: tuple[str, str]) -> int:
    """+1 when a calibration raised the ratings' sum, -1 when it lowered it, 0 otherwise."""
    delta = sum(RATING_WEIGHT[r] for r in after) - sum(RATING_WEIGHT[r] for r in before)
    return (delta > 0) - (delta < 0)


async def appraiser_stats(pool: Any, cycle_id: UUID) -> list[AppraiserStats]:
    """Every appraiser of the cycle with at least one appraisee, by appraiser."""
    rows = await pool.fetch(_GIVEN_SQL, cycle_id)
    calibrations = await pool.fetch(_CALIBRATIONS_SQL, cycle_id)
    stats: dict[str, AppraiserStats] = {}
    by_unit: dict[UUID, Counter[str]] = defaultdict(Counter)
    tenant: Counter[str] = Counter()
    units_of: dict[str, set[UUID]] = defaultdict(set)
    for row in rows:
        appraiser = row["appraiser"]
        if not appraiser:
            continue
        entry = stats.setdefault(appraiser, AppraiserStats(appraiser))
        entry.appraisals += 1
        entry.objections_upheld += row["objection"] == "UPHELD"
        units_of[appraiser].add(row["unit_id"])
        if row["given"] is not None:
            entry.given[row["given"]] += 1
            by_unit[row["unit_id"]][row["given"]] += 1
            tenant[row["given"]] += 1
    for appraiser, entry in stats.items():
        entry.tenant_given = tenant
        for unit in units_of[appraiser]:
            entry.unit_given.update(by_unit[unit])
    for row in calibrations:
        calibrated = stats.get(row["appraiser"])
        if calibrated is None:
            continue
        way = direction((row["hk_before"], row["pk_before"]), (row["hk"], row["pk"]))
        if way > 0:
            calibrated.calibrated_up += 1
        elif way < 0:
            calibrated.calibrated_down += 1
        else:
            calibrated.calibrated_level += 1
    return sorted(stats.values(), key=lambda s: s.appraiser)
