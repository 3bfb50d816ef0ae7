"""Year-end ratings with a realistic spread, and the calibration that brings a unit into band.

Appraisers rate mostly "sesuai ekspektasi" (predikat Baik), some "di atas" on both counts
(Sangat Baik), few below (Butuh Perbaikan, Kurang); an employee sanctioned that year has
perilaku "di bawah". The tenant rates each unit's organisation (most Baik, some Istimewa;
small units Istimewa, whose band has no quota below Baik), and HR calibrates a unit whose
predikat fall out of that band (SE MenPANRB 3/2023), as `domain.scoring` checks at
finalisation.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from domain.scoring import OrgRating, Predikat, Rating, check_distribution, predikat_for

Ratings = tuple[str, str]  # hasil kerja, perilaku kerja
A, S, B = Rating.DI_ATAS.value, Rating.SESUAI.value, Rating.DI_BAWAH.value

# (ratings, weight): about 20% Sangat Baik, 66% Baik, 11% Butuh Perbaikan, 3% Kurang.
SPREAD: tuple[tuple[Ratings, int], ...] = (
    ((A, A), 20),
    ((S, S), 52),
    ((A, S), 8),
    ((S, A), 6),
    ((B, S), 10),
    ((B, A), 1),
    ((S, B), 3),
)
SANCTIONED: Ratings = (S, B)  # Kurang: perilaku below expectation
SMALL_UNIT = 3  # enrolled employees; at most this many, the unit is rated Istimewa
ISTIMEWA_SHARE = 0.2

TO_BAIK: Ratings = (A, S)  # calibrating a Sangat Baik down
TO_SANGAT_BAIK: Ratings = (A, A)
TO_BUTUH_PERBAIKAN: Ratings = (B, S)


@dataclass(frozen=True)
class Calibration:
    nip: str
    ratings: Ratings
    reason: str


def draw_ratings(rng: random.Random, sanctioned: bool) -> Ratings:
    """An appraiser's annual ratings of one employee."""
    if sanctioned:
        return SANCTIONED
    choices, weights = zip(*SPREAD, strict=True)
    picked: Ratings = rng.choices(choices, weights)[0]
    return picked


def predikat_of(ratings: Ratings) -> Predikat:
    return predikat_for(Rating(ratings[0]), Rating(ratings[1]))


def org_rating_for(size: int, rng: random.Random) -> OrgRating:
    """The unit's predikat kinerja organisasi."""
    if size <= SMALL_UNIT or rng.random() < ISTIMEWA_SHARE:
        return OrgRating.ISTIMEWA
    return OrgRating.BAIK


def calibrate_unit(
    org_rating: OrgRating, rated: Sequence[tuple[str, Ratings]], rng: random.Random
) -> list[Calibration]:
    """The calibrations that bring a unit's predikat into its band; [] if it is in band."""
    current = dict(rated)
    changes: dict[str, Calibration] = {}

    def count(*predikat: Predikat) -> int:
        return sum(predikat_of(r) in predikat for r in current.values())

    def change(wanted: Predikat, to: Ratings, reason: str, *or_else: Predikat) -> None:
        for predikat in (wanted, *or_else):
            candidates = sorted(n for n, r in current.items() if predikat_of(r) is predikat)
            if candidates:
                break
        nip = rng.choice(candidates)
        current[nip] = to
        changes[nip] = Calibration(nip, to, reason)

    total = len(current)
    if org_rating is OrgRating.ISTIMEWA:
        while count(Predikat.SANGAT_BAIK) * 100 > 70 * total:
            change(Predikat.SANGAT_BAIK, TO_BAIK, "Kalibrasi: kuota Sangat Baik unit terlampaui")
    else:
        if not count(Predikat.BUTUH_PERBAIKAN, Predikat.KURANG):
            change(
                Predikat.BAIK,
                TO_BUTUH_PERBAIKAN,
                "Kalibrasi: capaian di bawah rata-rata unit menurut evaluasi tim penilai",
                Predikat.SANGAT_BAIK,
            )
        while count(Predikat.BAIK) * 100 > 70 * total:
            change(Predikat.BAIK, TO_SANGAT_BAIK, "Kalibrasi: capaian melampaui target unit")
    final = [predikat_of(r) for r in current.values()]
    if check_distribution(org_rating, final):  # a bug here, not a fact of the data
        raise AssertionError(f"Calibration left the unit out of its {org_rating} band.")
    return list(changes.values())
