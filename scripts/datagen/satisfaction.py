"""SKM surveys of the service units: each semester, the public answers the nine elements.

Every puskesmas, school, kecamatan and kelurahan runs its survey per semester (PermenPANRB
14/2017 lets a survey run per triwulan, semester or year; at least once a year), and the
public portal passes the questionnaires on at the end of the semester. Each unit has a
service level of its own, so units differ; the answers are validated and counted by the
domain's own rules (`domain.satisfaction`), as the API's are.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from domain.aggregates.org_unit import OrgUnit
from domain.satisfaction import ELEMENTS, SCALE, check_response
from scripts.datagen.activities import Activity, Desk
from services.caller import Role

if TYPE_CHECKING:
    from scripts.datagen.steps import CreateUnit

SERVICE_UNITS = frozenset({"PUSKESMAS", "KECAMATAN", "KELURAHAN", "SEKOLAH"})
PORTAL = "portal-skm"  # the public portal's service account
SEMESTER_ENDS = ((6, 20), (12, 10))  # when each semester's questionnaires are passed on
RESPONDENTS = (20, 60)


@dataclass(frozen=True, slots=True)
class RecordSurvey(Activity):
    unit: str  # its code
    period: str
    responses: tuple[tuple[int, ...], ...]
    rank: ClassVar[int] = 6

    def run(self, desk: Desk) -> None:
        desk.appraisal.record_survey_responses(
            desk.as_(PORTAL, Role.PUBLIC_PORTAL),
            unit_id=OrgUnit.id_for(desk.hr.tenant, self.unit),
            period=self.period,
            responses=[list(r) for r in self.responses],
        )

    @property
    def events(self) -> int:
        return 2  # the survey of the unit and semester is opened, then the answers recorded


def unit_surveys(units: Sequence[CreateUnit], year: int, seed: str) -> list[RecordSurvey]:
    """Two semesters of answers from every service unit of the year."""
    out: list[RecordSurvey] = []
    for unit in units:
        if unit.kind not in SERVICE_UNITS:
            continue
        rng = random.Random(f"{seed}/skm/{unit.code}/{year}")  # noqa: S311 - not for secrets
        level = rng.uniform(2.6, 3.7)  # the unit's service: its mean answer
        for semester, (month, day) in enumerate(SEMESTER_ENDS, start=1):
            count = rng.randint(*RESPONDENTS)
            responses = tuple(_response(rng, level) for _ in range(count))
            out.append(
                RecordSurvey(date(year, month, day), unit.code, f"{year}-S{semester}", responses)
            )
    return out


def _response(rng: random.Random, level: float) -> tuple[int, ...]:
    """Nine answers around the unit's level, each on the 1–4 scale."""
    answers = [min(SCALE[-1], max(SCALE[0], round(rng.gauss(level, 0.6)))) for _ in ELEMENTS]
    return check_response(answers)
