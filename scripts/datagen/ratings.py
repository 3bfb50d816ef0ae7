"""Year-end ratings with a realistic spread, and the calibration that brings a group into band.

Appraisers rate mostly "sesuai ekspektasi" (predikat Baik), some "di atas" on both counts
(Sangat Baik), few below (Butuh Perbaikan, Kurang); an employee sanctioned that year has
perilaku "di bawah"; a unit head's hasil kerja is the unit's rating as the policy maps it. The
tenant rates each unit's organisation (most Baik, some Istimewa), and HR calibrates a unit
group (a unit with the small units evaluated with it) whose predikat fall out of its band (SE
MenPANRB 3/2023), with the policy's own functions that finalisation checks with.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.appraisal_rules import head_hasil_kerja
from domain.scoring import OrgRating, Predikat, Rating, check_distribution, predikat_for
from domain.scoring_policy import NATIONAL_POLICY, ScoringPolicy

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
ISTIMEWA_SHARE = 0.2
QUOTA = "Kalibrasi: kuota Sangat Baik unit terlampaui"
BELOW = "Kalibrasi: capaian di bawah rata-rata unit menurut evaluasi tim penilai"
ABOVE = "Kalibrasi: capaian melampaui target unit"

TO_BAIK: Ratings = (A, S)  # calibrating a Sangat Baik down
TO_SANGAT_BAIK: Ratings = (A, A)
TO_BUTUH_PERBAIKAN: Ratings = (B, S)
TO_KURANG: Ratings = (S, B)


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


def org_rating_for(rng: random.Random) -> OrgRating:
    """A unit's predikat kinerja organisasi: mostly Baik, some Istimewa. A small unit needs no
    lenient rating: it is evaluated with its parent unit (domain.appraisal_rules)."""
    return OrgRating.ISTIMEWA if rng.random() < ISTIMEWA_SHARE else OrgRating.BAIK


def head_ratings(ratings: Ratings, org_rating: OrgRating, policy: ScoringPolicy) -> Ratings:
    """A unit head's ratings: hasil kerja is the unit's rating mapped by the policy."""
    hasil = head_hasil_kerja(policy, org_rating)
    return (hasil.value if hasil else ratings[0], ratings[1])


def calibrate_group(
    org_rating: OrgRating,
    rated: Sequence[tuple[str, Ratings]],
    rng: random.Random,
    *,
    heads: Mapping[str, str] | None = None,
    policy: ScoringPolicy = NATIONAL_POLICY,
) -> list[Calibration]:
    """The calibrations that bring a unit group's predikat into its band; [] if it is in band.

    `heads` (NIP → the hasil kerja the head-of-unit rule fixes): a head is calibrated on
    perilaku only, and only when no one else can be. A group below the policy's small-unit size
    is held to no band and left as it is.
    """
    current = dict(rated)
    fixed = dict(heads or {})
    changes: dict[str, Calibration] = {}
    if len(current) < policy.small_unit_min_staff:
        return []

    def count(*predikat: Predikat) -> int:
        return sum(predikat_of(r) in predikat for r in current.values())

    def target(nip: str, wanted: Predikat, default: Ratings) -> Ratings | None:
        if nip not in fixed:
            return default
        for perilaku in (S, A, B):  # the mildest perilaku that gives the wanted predikat
            if policy.matrix[(Rating(fixed[nip]), Rating(perilaku))] is wanted:
                return (fixed[nip], perilaku)
        return None

    def change(froms: Sequence[Predikat], wanted: Predikat, to: Ratings, reason: str) -> bool:
        for heads_too in (False, True):
            for predikat in froms:
                candidates = sorted(
                    n
                    for n, r in current.items()
                    if predikat_of(r) is predikat
                    and (n in fixed) is heads_too
                    and target(n, wanted, to) is not None
                )
                if candidates:
                    nip = rng.choice(candidates)
                    current[nip] = target(nip, wanted, to) or to
                    changes[nip] = Calibration(nip, current[nip], reason)
                    return True
        return False

    total = len(current)
    if org_rating is OrgRating.ISTIMEWA:
        while count(Predikat.SANGAT_BAIK) * 100 > 70 * total:
            change((Predikat.SANGAT_BAIK,), Predikat.BAIK, TO_BAIK, QUOTA)
    else:
        if not count(Predikat.BUTUH_PERBAIKAN, Predikat.KURANG):
            below = (Predikat.BAIK, Predikat.SANGAT_BAIK)
            if not change(below, Predikat.BUTUH_PERBAIKAN, TO_BUTUH_PERBAIKAN, BELOW):
                change(below, Predikat.KURANG, TO_KURANG, BELOW)
        while count(Predikat.BAIK) * 100 > 70 * total:
            if not change((Predikat.BAIK,), Predikat.SANGAT_BAIK, TO_SANGAT_BAIK, ABOVE):
                change((Predikat.BAIK,), Predikat.KURANG, TO_KURANG, BELOW)
    final = [predikat_of(r) for r in current.values()]
    failures = check_distribution(
        org_rating, final, most_is_plurality=policy.most_is_plurality, bands=policy.bands
    )
    if failures:  # a bug here, not a fact of the data
        raise AssertionError(f"Calibration left the group out of its {org_rating} band.")
    return list(changes.values())
