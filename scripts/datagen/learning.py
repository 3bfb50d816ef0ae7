"""Mentoring of new CPNS by seniors, and external learning submitted for recognition.

Each CPNS appointed in the year (and still in service at the plan's end) is paired, two weeks
after the appointment, with a PNS of the same unit at least five years longer in service, for
three months of monthly-or-so meetings logged by the mentor; HR completes it at the agreed
end, a few end early, and one not over by the plan's end stays active. Some employees submit
learning done elsewhere (ASN Unggul, MOOCs, seminars); HR recognises most with the JP the
minutes allow and refuses a few whose evidence does not hold.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from uuid import UUID

from scripts.datagen import learning_steps as m
from scripts.datagen.activities import Activity
from scripts.datagen.serving import Serving

MENTORING_DAYS, MEETINGS, ENDED_EARLY = 90, 4, 0.08
SENIORITY_YEARS = 5
SUBMITTING, REFUSED = 0.12, 0.15
GOALS = (
    "Memahami tugas pokok dan alur kerja unit",
    "Menguasai aplikasi layanan yang dipakai unit",
    "Menerapkan nilai BerAKHLAK dalam pelayanan",
)
TOPICS = ("Orientasi tugas dan budaya kerja", "Aplikasi layanan unit", "Etika pelayanan publik")
EARLY_REASON = "Mentor dimutasi ke unit lain"
EXTERNAL = (
    ("MOOC Transformasi Digital Pemerintahan", "E_LEARNING", "ASN Unggul", ("ANALISIS-DATA",)),
    ("Seminar Nasional Pelayanan Publik", "SEMINAR", "Ombudsman RI", ("ORIENTASI-PELAYANAN",)),
    ("Kursus Analisis Data dengan Spreadsheet", "KURSUS", "Kelas Digital", ("ANALISIS-DATA",)),
    ("Belajar Mandiri Manajemen Risiko", "BELAJAR_MANDIRI", "ASN Unggul", ("PERENCANAAN",)),
)
REFUSE_REASON = "Sertifikat tidak dapat diverifikasi pada penyelenggara"


def plan_mentoring(
    newcomers: Sequence[Serving],
    seniors: Sequence[Serving],
    until: date,
    ids: Callable[[str], UUID],
    rng: random.Random,
) -> list[Activity]:
    """A mentoring for each newcomer with a senior in the same unit."""
    by_unit: dict[str, list[Serving]] = {}
    for senior in seniors:
        by_unit.setdefault(senior.unit, []).append(senior)
    out: list[Activity] = []
    for mentee in newcomers:
        cutoff = mentee.appointed_on.replace(year=mentee.appointed_on.year - SENIORITY_YEARS)
        mentors = [s for s in by_unit.get(mentee.unit, []) if s.appointed_on < cutoff]
        starts = mentee.appointed_on + timedelta(days=14)
        if not mentors or starts > until:
            continue
        mentor = rng.choice(mentors)
        ends = starts + timedelta(days=MENTORING_DAYS)
        mentoring = ids(mentee.nip)
        codes = ("ORIENTASI-PELAYANAN", "PEREKAT-BANGSA")
        out.append(m.PairMentoring(starts, mentoring, mentor.nip, mentee.nip, ends, GOALS, codes))
        early = rng.random() < ENDED_EARLY
        held, meetings = starts, []
        for _ in range(2 if early else MEETINGS):
            held += timedelta(days=rng.randint(10, 20))
            meetings.append(held)
        for i, on in enumerate(on for on in meetings if on <= until):
            minutes = rng.choice((90, 120, 150))
            out.append(m.LogMeeting(on, mentoring, mentor.nip, minutes, TOPICS[i % len(TOPICS)]))
        ended = meetings[-1] + timedelta(days=5) if early else ends
        if ended <= until:  # else still under way at the plan's end
            out.append(m.EndMentoring(ended, mentoring, EARLY_REASON if early else None))
    return out


def plan_external_learning(
    eligible: Sequence[Serving],
    year: int,
    until: date,
    ids: Callable[[str], UUID],
    rng: random.Random,
) -> list[Activity]:
    """Some employees submit learning done elsewhere; HR decides within two weeks."""
    out: list[Activity] = []
    for s in eligible:
        if rng.random() >= SUBMITTING:
            continue
        title, form, provider, codes = rng.choice(EXTERNAL)
        completed = date(year, rng.randint(2, 11), rng.randint(1, 28))
        submitted = completed + timedelta(days=rng.randint(1, 10))
        minutes = rng.choice((180, 360, 450, 720, 900))
        learning = ids(f"{s.nip}/{year}")
        evidence = f"sertifikat/{year}/{s.nip}-{learning.hex[:6]}.pdf"
        out.append(
            m.SubmitLearning(
                submitted,
                learning,
                s.nip,
                title,
                form,
                provider,
                completed,
                minutes,
                evidence,
                codes,
            )
        )
        decided = submitted + timedelta(days=rng.randint(3, 14))
        if decided > until:
            continue  # awaiting HR's decision at the plan's end
        if rng.random() < REFUSED:
            out.append(m.DecideLearning(decided, learning, None, REFUSE_REASON))
        else:
            out.append(m.DecideLearning(decided, learning, minutes // 45, None))
    return out
