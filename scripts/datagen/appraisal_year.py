"""One employee's appraisal year, and what colleagues and the public add to it.

In January the employee drafts the SKP and the appraiser approves it (a few late, in
February, with a reason); realisations with a link to their evidence in June and November;
sometimes the appraiser's feedback on a row. Colleagues in the unit give feedback on perilaku
now and then, and service users rate the staff of puskesmas, schools and kecamatan (SKM).
Appraisers rate some employees at the quarterly checkpoints, early in the next quarter.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from scripts.datagen import appraisal_steps as s
from scripts.datagen.activities import Activity
from scripts.datagen.appraisal_texts import (
    colleague_feedback,
    justification,
    masyarakat_comment,
    row_feedback,
    skp_rows,
)
from scripts.datagen.assessment_steps import RateCheckpoint
from scripts.datagen.ratings import draw_ratings, predikat_of
from scripts.datagen.serving import Serving

LATE_SKP, ROW_FEEDBACK, COLLEAGUE_FEEDBACK, MASYARAKAT = 0.04, 0.25, 0.08, 0.3
CHECKPOINT_RATED = 0.3  # of employees, at each of Q1–Q3 (the year-end rating covers Q4)
CHECKPOINT_MONTHS = {"Q1": 4, "Q2": 7, "Q3": 10}  # rated in the month after the quarter
SERVICE_UNITS = frozenset({"PUSKESMAS", "KECAMATAN", "KELURAHAN", "SEKOLAH"})
SKM_SCORES = ((4, 45), (3, 40), (2, 12), (1, 3))
LATE_REASON = "SKP disusun ulang setelah penyesuaian rencana strategis"


def employee_year(
    r: Serving, year: int, appraiser: str, tenant: str, rng: random.Random
) -> list[Activity]:
    """The SKP, its approval, two realisations and perhaps the appraiser's feedback on a row."""
    rows = skp_rows(r.jabatan_kind, r.jabatan_title, rng)
    if rng.random() < LATE_SKP:
        drafted, reason = _day(rng, year, 2, 3, 10), LATE_REASON
    else:
        drafted, reason = _day(rng, year, 1, 6, 23), None
    approved = drafted + timedelta(days=rng.randint(1, 7) if reason else rng.randint(1, 8))
    if reason is None:
        approved = min(approved, date(year, 1, 31))
    evidence = f"https://ekinerja.{tenant}.go.id/bukti/{year}/{r.nip}"
    last_row = len(rows)
    out: list[Activity] = [
        s.DraftSkp(drafted, year, r.nip, rows),
        s.ApproveSkp(approved, year, r.nip, appraiser, reason),
        s.RecordRealisation(
            _day(rng, year, 6, 10, 28),
            year,
            r.nip,
            1,
            "Tercapai sesuai target semester I",
            f"{evidence}/1",
        ),
        s.RecordRealisation(
            _day(rng, year, 11, 3, 28),
            year,
            r.nip,
            last_row,
            "Tercapai sesuai target tahunan",
            f"{evidence}/{last_row}",
        ),
    ]
    if rng.random() < ROW_FEEDBACK:
        on = _day(rng, year, rng.randint(7, 9), 1, 28)
        out.append(s.GiveFeedback(on, year, r.nip, appraiser, 1, row_feedback(rng), None))
    return out


def colleagues_and_public(
    roster: Sequence[Serving],
    appraiser: Mapping[str, str | None],
    unit_kind: Mapping[str, str],
    year: int,
    rng: random.Random,
) -> list[Activity]:
    """Peers' feedback on perilaku, and masyarakat ratings in service units."""
    by_unit: dict[str, list[str]] = {}
    for r in roster:
        by_unit.setdefault(r.unit, []).append(r.nip)
    out: list[Activity] = []
    for r in roster:
        if rng.random() < COLLEAGUE_FEEDBACK:
            peers = [n for n in by_unit[r.unit] if n not in (r.nip, appraiser[r.nip])]
            if peers:
                text, behaviour = colleague_feedback(rng)
                on = _day(rng, year, rng.randint(9, 11), 1, 28)
                out.append(
                    s.GiveFeedback(on, year, r.nip, rng.choice(peers), None, text, behaviour)
                )
        if unit_kind[r.unit] in SERVICE_UNITS and rng.random() < MASYARAKAT:
            score = rng.choices([v for v, _ in SKM_SCORES], [w for _, w in SKM_SCORES])[0]
            fingerprint = f"{rng.getrandbits(160):040x}"  # a hashed token, never a name
            on = _day(rng, year, rng.randint(3, 11), 1, 28)
            comment = masyarakat_comment(score, rng)
            out.append(s.ReceiveMasyarakatRating(on, year, r.nip, fingerprint, score, comment))
    return out


def checkpoint_ratings(
    roster: Sequence[Serving],
    appraiser: Mapping[str, str | None],
    year: int,
    rng: random.Random,
) -> list[Activity]:
    """Some employees rated by their appraiser at the Q1–Q3 checkpoints, after the SKP."""
    out: list[Activity] = []
    for checkpoint, month in CHECKPOINT_MONTHS.items():
        for r in roster:
            if rng.random() >= CHECKPOINT_RATED:
                continue
            ratings = draw_ratings(rng, sanctioned=False)
            text = justification(predikat_of(ratings), rng)
            by = appraiser[r.nip]
            assert by is not None  # the head of the region is set where none derives
            on = _day(rng, year, month, 6, 20)
            out.append(RateCheckpoint(on, year, r.nip, by, checkpoint, ratings, text))
    return out


def _day(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    return date(year, month, rng.randint(first, last))
