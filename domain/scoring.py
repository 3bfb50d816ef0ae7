"""Scoring rules of PermenPANRB 6/2022 and SE MenPANRB 3/2023, as pure functions under a version.

The values a decree sets (matrix, bands, plurality switch) are policy data since issue 16
(domain/scoring_policy.py, kind `scoring`): the functions here take them as parameters, the
official values by default. Every computed predikat records its policy's label as
`rules_version` and the versions of the rating events it used, so anyone can recompute it with
the same rules later (`recompute_predikats`): with the matrix the appraisal's own Enrolled
event carries (the cycle's adopted policy), or a built-in label of `_RULES` (`RULES_VERSION`,
recorded before scoring was data, and the national default). Labels are never reused.

- The 3×3 matrix (§1.3, [H] for the cell values) turns the two ratings into the predikat.
- The distribution bands (§1.5, [M/H]) say which mixes of predikat a unit may have for its
  organisation rating. Percentages are compared in whole numbers (`count * 100 <= 70 * total`),
  so exactly 70% passes a "max 70%" band. "There must be some" means at least one employee.
  "Sebagian besar" (most) in the SE is enforced only with `most_is_plurality=True` [L]: the
  bounds are what every source states, the meaning of "most" beyond them is not confirmed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain.errors import N_, UnknownRulesVersion

RULES_VERSION = "permenpanrb-6-2022/se-3-2023@1"


class Rating(StrEnum):
    """Rating hasil kerja or perilaku kerja, relative to the leader's expectation."""

    DI_ATAS = "DI_ATAS"  # di atas ekspektasi
    SESUAI = "SESUAI"  # sesuai ekspektasi
    DI_BAWAH = "DI_BAWAH"  # di bawah ekspektasi


class Predikat(StrEnum):
    """Predikat kinerja pegawai, best first."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"  # Kurang / Misconduct
    SANGAT_KURANG = "SANGAT_KURANG"


class OrgRating(StrEnum):
    """Predikat kinerja organisasi of a unit (SE MenPANRB 3/2023)."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"  # also written "Cukup"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


P = Predikat
# (rating hasil kerja, rating perilaku kerja) → predikat: the kuadran kinerja of §1.3.
OFFICIAL_MATRIX: Mapping[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_ATAS): P.SANGAT_BAIK,
    (Rating.DI_ATAS, Rating.SESUAI): P.BAIK,
    (Rating.DI_ATAS, Rating.DI_BAWAH): P.KURANG,
    (Rating.SESUAI, Rating.DI_ATAS): P.BAIK,
    (Rating.SESUAI, Rating.SESUAI): P.BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): P.KURANG,
    (Rating.DI_BAWAH, Rating.DI_ATAS): P.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.SESUAI): P.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): P.SANGAT_KURANG,
}


def predikat_for(
    hasil_kerja: Rating,
    perilaku_kerja: Rating,
    matrix: Mapping[tuple[Rating, Rating], Predikat] = OFFICIAL_MATRIX,
) -> Predikat:
    """The predikat a policy's matrix (the official one by default) gives for the two ratings."""
    return matrix[(hasil_kerja, perilaku_kerja)]


def matrix_from_values(
    values: Mapping[str, Mapping[str, str]],
) -> dict[tuple[Rating, Rating], Predikat]:
    """A matrix as policy values hold it ({hasil: {perilaku: predikat}}) as a lookup table."""
    return {
        (Rating(h), Rating(p)): Predikat(predikat)
        for h, row in values.items()
        for p, predikat in row.items()
    }


# Built-in versions: the labels recorded before scoring was policy data, and the national one.
_RULES: dict[str, Mapping[tuple[Rating, Rating], Predikat]] = {
    RULES_VERSION: OFFICIAL_MATRIX,
    "permenpanrb-6-2022/se-3-2023@2": OFFICIAL_MATRIX,  # scoring_policy.NATIONAL_LABEL
}


def recompute(
    rules_version: str,
    hasil_kerja: str,
    perilaku_kerja: str,
    recorded: Mapping[str, Mapping[tuple[Rating, Rating], Predikat]] | None = None,
) -> Predikat:
    """The predikat the rules of `rules_version` give for two recorded ratings.

    `recorded`: matrices by label as the appraisal's own events carry them (a cycle records the
    policy it adopted); a built-in label is known without them.
    """
    matrix = (recorded or {}).get(rules_version) or _RULES.get(rules_version)
    if matrix is None:
        raise UnknownRulesVersion(
            N_("No scoring rules are labelled {version!r}."), version=rules_version
        )
    return predikat_for(Rating(hasil_kerja), Rating(perilaku_kerja), matrix)


@dataclass(frozen=True)
class Recomputation:
    """A recorded predikat beside the one its rules version gives for its source ratings."""

    checkpoint: str
    version: int  # of the PredikatComputed event
    rules_version: str
    source_versions: tuple[int, ...]
    recorded: str
    recomputed: str | None  # None when a named source event is missing or disagrees

    @property
    def matches(self) -> bool:
        return self.recorded == self.recomputed


def recompute_predikats(events: Iterable[Any]) -> list[Recomputation]:
    """Recompute every predikat of one appraisal's event stream from the rating events it names.

    A rating event is any event carrying both `hasil_kerja` and `perilaku_kerja` (given,
    calibrated, or an upheld objection); a computation carries `predikat` and `source_versions`.
    """
    sources: dict[int, tuple[str, str]] = {}
    matrices: dict[str, Mapping[tuple[Rating, Rating], Predikat]] = {}
    results = []
    for event in events:
        scoring = (getattr(event, "settings", None) or {}).get("scoring")
        if scoring:  # the Enrolled event: the matrix of the policy the cycle adopted
            matrices[scoring["label"]] = matrix_from_values(scoring["values"]["matrix"])
        hasil, perilaku = (
            getattr(event, "hasil_kerja", None),
            getattr(event, "perilaku_kerja", None),
        )
        if hasattr(event, "source_versions"):
            used = {sources.get(version) for version in event.source_versions}
            again = None
            if hasil and perilaku and used == {(hasil, perilaku)}:
                again = recompute(event.rules_version, hasil, perilaku, matrices).value
            results.append(
                Recomputation(
                    event.checkpoint,
                    event.originator_version,
                    event.rules_version,
                    tuple(event.source_versions),
                    event.predikat,
                    again,
                )
            )
        elif hasil and perilaku:
            sources[event.originator_version] = (hasil, perilaku)
    return results


# --- distribution bands ------------------------------------------------------------------
@dataclass(frozen=True)
class BandCondition:
    """One condition of a band: the share of some predikat is bounded, or some must exist."""

    predikat: tuple[Predikat, ...]
    min_percent: int | None = None
    max_percent: int | None = None
    min_count: int = 0

    def holds(self, count: int, total: int) -> bool:
        if count < self.min_count:
            return False
        if self.min_percent is not None and count * 100 < self.min_percent * total:
            return False
        return self.max_percent is None or count * 100 <= self.max_percent * total

    def describe(self) -> str:
        names = " and/or ".join(p.value for p in self.predikat)
        if self.max_percent == 0:
            return f"no {names}"
        if self.min_percent is not None:
            return f"at least {self.min_percent}% {names}"
        if self.max_percent is not None:
            return f"at most {self.max_percent}% {names}"
        return f"at least {self.min_count} {names}"


@dataclass(frozen=True)
class BandFailure:
    """A band condition a unit fails, with the count and share it has."""

    condition: str
    predikat: tuple[str, ...]
    count: int
    total: int
    percent: float


C = BandCondition
DISTRIBUTION_BANDS: dict[OrgRating, tuple[BandCondition, ...]] = {
    OrgRating.ISTIMEWA: (C((P.SANGAT_BAIK,), max_percent=70),),
    OrgRating.BAIK: (
        C((P.BAIK,), max_percent=70),
        C((P.BUTUH_PERBAIKAN, P.KURANG), min_count=1),
    ),
    OrgRating.BUTUH_PERBAIKAN: (
        C((P.BUTUH_PERBAIKAN,), min_percent=60),
        C((P.SANGAT_BAIK,), max_percent=10),
    ),
    OrgRating.KURANG: (
        C((P.KURANG,), min_percent=60),
        C((P.BUTUH_PERBAIKAN,), min_percent=10),
        C((P.SANGAT_BAIK,), max_percent=10),
    ),
    OrgRating.SANGAT_KURANG: (
        C((P.SANGAT_KURANG,), min_percent=60),
        C((P.KURANG, P.BUTUH_PERBAIKAN), min_percent=10),
        C((P.SANGAT_BAIK,), max_percent=0),
    ),
}


def check_distribution(
    org_rating: OrgRating,
    predikats: Iterable[Predikat],
    *,
    most_is_plurality: bool = False,
    bands: Mapping[OrgRating, tuple[BandCondition, ...]] = DISTRIBUTION_BANDS,
) -> list[BandFailure]:
    """The band conditions a unit's predikat fail for its organisation rating; [] if in band.

    A unit with no appraised employee has nothing to distribute and passes. With
    `most_is_plurality`, "sebagian besar" also requires the band's main predikat to be the
    most frequent one [L].
    """
    counts = Counter(predikats)
    total = sum(counts.values())
    if total == 0:
        return []
    failures = []
    for condition in bands[org_rating]:
        count = sum(counts[p] for p in condition.predikat)
        if not condition.holds(count, total):
            failures.append(_failure(condition.describe(), condition.predikat, count, total))
    most = P.SANGAT_BAIK if org_rating is OrgRating.ISTIMEWA else Predikat(org_rating.value)
    if most_is_plurality and any(counts[p] >= counts[most] for p in Predikat if p is not most):
        failures.append(_failure(f"more {most.value} than any other", (most,), counts[most], total))
    return failures


@dataclass(frozen=True)
class DistributionReport:
    """A unit's predikat counts beside the band of its organisation rating (None: unrated)."""

    org_rating: str | None
    counts: dict[str, int]
    total: int
    failures: tuple[BandFailure, ...]

    @property
    def in_band(self) -> bool:
        return self.org_rating is not None and not self.failures


def distribution_report(
    org_rating: OrgRating | None,
    predikats: Iterable[Predikat],
    *,
    most_is_plurality: bool = False,
    bands: Mapping[OrgRating, tuple[BandCondition, ...]] = DISTRIBUTION_BANDS,
) -> DistributionReport:
    """Count a unit's predikat and check them against its band, once it is rated."""
    given = list(predikats)
    failures = (
        check_distribution(org_rating, given, most_is_plurality=most_is_plurality, bands=bands)
        if org_rating
        else []
    )
    counts = {p.value: given.count(p) for p in Predikat}
    return DistributionReport(org_rating and org_rating.value, counts, len(given), tuple(failures))


def _failure(condition: str, predikat: tuple[Predikat, ...], count: int, total: int) -> BandFailure:
    names = tuple(p.value for p in predikat)
    return BandFailure(condition, names, count, total, round(count * 100 / total, 1))
