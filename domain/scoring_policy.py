"""A scoring policy as data: the values of kind `scoring` in the policy register (design.md §12).

A policy holds what a decree or a region sets for turning ratings into predikat and checking a
unit's mix, under the version label every computed predikat records as its `rules_version`:
- `matrix`: (hasil kerja, perilaku kerja) → predikat. PermenPANRB 6/2022 Lampiran, the kuadran
  kinerja (asn-rules.md §1.3 [H] for the cells).
- `bands`: per predikat kinerja organisasi, the conditions on the unit's predikat. SE MenPANRB
  3/2023 (asn-rules.md §1.5 [M/H]).
- `most_is_plurality`: "sebagian besar" read as "more of the band's main predikat than of any
  other". The SE's wording; that it means a plurality is our reading [L], so it is a switch
  (the SE was located, ainamulyana.com/2023/02/edaran-menpan-nomor-3-tahun-2023.html, but the
  stored copy stops before its table: neither this nor the 5 → 3 mapping below was checked).
- `head_of_unit`: the organisation's rating → the head's rating hasil kerja. That the unit's
  capaian IS the head's hasil kerja is SE MenPANRB 3/2023 as reported (asn-rules.md §1.3 [H]);
  the 5 → 3 mapping is stated by no source found. Seeded with the reading HR offices use:
  Istimewa → di atas, Baik → sesuai, Butuh Perbaikan/Kurang/Sangat Kurang → di bawah (a
  documented choice, recorded with its source line so a region may record another).
- `small_units.min_staff`: a unit with fewer appraised staff (with the small units pooled into
  it) is evaluated with its parent unit, under the parent's rating; a group still smaller at the
  top of the tree is not held to a band. A documented choice [L]: no source sets a size. Three is
  the smallest size at which every band can be met (KURANG: 2 Kurang + 1 Butuh Perbaikan).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from domain.policy import InvalidPolicyValues, PolicyKind, Values
from domain.scoring import (
    DISTRIBUTION_BANDS,
    OFFICIAL_MATRIX,
    RULES_VERSION,
    BandCondition,
    OrgRating,
    Predikat,
    Rating,
)

SCORING_KIND = "scoring"
NATIONAL_LABEL = "permenpanrb-6-2022/se-3-2023@2"  # the national default's version label
MATRIX_SOURCE = "PermenPANRB 6/2022 Lampiran (kuadran kinerja)"
BANDS_SOURCE = "SE MenPANRB 3/2023 (pola distribusi predikat kinerja pegawai)"
HEAD_SOURCE = (
    "SE MenPANRB 3/2023: capaian kinerja organisasi ditetapkan sebagai rating hasil kerja "
    "pimpinan; pemetaan 5→3 pilihan yang lazim dipakai BKPSDM (tidak tertulis di sumber)"
)
SMALL_SOURCE = "Pilihan Jejak: unit di bawah 3 pegawai dinilai bersama unit induknya"
HEAD_MAPPING: Mapping[OrgRating, Rating] = {
    OrgRating.ISTIMEWA: Rating.DI_ATAS,
    OrgRating.BAIK: Rating.SESUAI,
    OrgRating.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    OrgRating.KURANG: Rating.DI_BAWAH,
    OrgRating.SANGAT_KURANG: Rating.DI_BAWAH,
}
_E = TypeVar("_E", Rating, Predikat)
_KEYS = frozenset(
    {"matrix", "bands", "most_is_plurality", "head_of_unit", "small_units", "sources"}
)
_BAND_KEYS = frozenset({"predikat", "min_percent", "max_percent", "min_count"})


@dataclass(frozen=True)
class ScoringPolicy:
    """One version of the scoring policy; `label` is the rules version its predikat record."""

    label: str
    matrix: Mapping[tuple[Rating, Rating], Predikat] = field(
        default_factory=lambda: OFFICIAL_MATRIX
    )
    bands: Mapping[OrgRating, tuple[BandCondition, ...]] = field(
        default_factory=lambda: DISTRIBUTION_BANDS
    )
    most_is_plurality: bool = False
    head_hasil_kerja: Mapping[OrgRating, Rating] | None = None  # None: the rule is off
    small_unit_min_staff: int = 0  # 0: every unit is held to its own band
    sources: Mapping[str, str] = field(default_factory=dict)

    def values(self) -> Values:
        """The policy as the JSON values of kind `scoring` (what the register stores)."""
        return {
            "matrix": {
                h.value: {p.value: self.matrix[(h, p)].value for p in Rating} for h in Rating
            },
            "bands": {o.value: [_condition_values(c) for c in self.bands[o]] for o in OrgRating},
            "most_is_plurality": self.most_is_plurality,
            "head_of_unit": None
            if self.head_hasil_kerja is None
            else {o.value: self.head_hasil_kerja[o].value for o in OrgRating},
            "small_units": {"min_staff": self.small_unit_min_staff},
            "sources": dict(self.sources),
        }

    def matrix_values(self) -> dict[str, Any]:
        """What an appraisal needs to compute its predikat: the label and the matrix."""
        return {"label": self.label, "matrix": self.values()["matrix"]}


# The rules as they were before scoring was policy data: cycles opened without a recorded
# policy keep them (their plurality switch is the cycle's own setting).
LEGACY_POLICY = ScoringPolicy(RULES_VERSION, sources={"matrix": MATRIX_SOURCE})
NATIONAL_POLICY = ScoringPolicy(
    NATIONAL_LABEL,
    head_hasil_kerja=HEAD_MAPPING,
    small_unit_min_staff=3,
    sources={
        "matrix": MATRIX_SOURCE,
        "bands": BANDS_SOURCE,
        "head_of_unit": HEAD_SOURCE,
        "small_units": SMALL_SOURCE,
    },
)


def policy_from_values(label: str, values: Mapping[str, Any]) -> ScoringPolicy:
    """The policy the values of kind `scoring` describe, or INVALID_POLICY_VALUES."""
    unknown = set(values) - _KEYS
    if unknown:
        raise InvalidPolicyValues(f"Unknown scoring policy keys: {', '.join(sorted(unknown))}.")
    matrix_in = _mapping(values.get("matrix"), "matrix")
    matrix = {
        (h, p): _choice(Predikat, _mapping(matrix_in.get(h.value), f"matrix.{h}").get(p.value))
        for h in Rating
        for p in Rating
    }
    bands_in = _mapping(values.get("bands"), "bands")
    bands = {o: _conditions(bands_in.get(o.value), o) for o in OrgRating}
    plurality = values.get("most_is_plurality", False)
    if not isinstance(plurality, bool):
        raise InvalidPolicyValues("most_is_plurality is true or false.")
    head_in = values.get("head_of_unit")
    head = None
    if head_in is not None:
        head_map = _mapping(head_in, "head_of_unit")
        head = {o: _choice(Rating, head_map.get(o.value)) for o in OrgRating}
    small = _mapping(values.get("small_units", {"min_staff": 0}), "small_units")
    min_staff = small.get("min_staff", 0)
    if type(min_staff) is not int or not 0 <= min_staff <= 50:
        raise InvalidPolicyValues("small_units.min_staff is a whole number from 0 to 50.")
    sources = _mapping(values.get("sources", {}), "sources")
    if not all(isinstance(v, str) and len(v) <= 500 for v in sources.values()):
        raise InvalidPolicyValues("Each source is a line of text of at most 500 characters.")
    return ScoringPolicy(label, matrix, bands, plurality, head, min_staff, dict(sources))


@dataclass(frozen=True)
class AdoptedPolicy:
    """The version a cycle adopts: its policy, the scope it was recorded for, its source."""

    policy: ScoringPolicy
    scope: str
    source: str

    def as_fields(self) -> dict[str, Any]:
        """As the cycle's settings carry it (and every appraisal enrolled in the cycle)."""
        return {
            "label": self.policy.label,
            "scope": self.scope,
            "source": self.source,
            "values": self.policy.values(),
        }


def adopted(label: str, scope: str, source: str, values: Mapping[str, Any]) -> AdoptedPolicy:
    """A recorded version (or the built-in national default) as a cycle adopts it."""
    return AdoptedPolicy(policy_from_values(label, values), scope, source)


def cycle_policy(settings: Mapping[str, Any]) -> ScoringPolicy:
    """The policy of a cycle or appraisal from its settings; the legacy rules before policy data.

    A cycle opened before scoring was policy data keeps its own plurality setting.
    """
    scoring = settings.get("scoring")
    if scoring:
        return policy_from_values(scoring["label"], scoring["values"])
    return replace(LEGACY_POLICY, most_is_plurality=bool(settings.get("most_is_plurality")))


def validate_scoring(values: Mapping[str, Any]) -> Values:
    """Policy values of kind `scoring`, normalised; the same check for a recording and a draft."""
    return policy_from_values("draft", values).values()


SCORING = PolicyKind(
    SCORING_KIND,
    validate_scoring,
    tenant_may_set=True,
    description="Scoring policy: predikat matrix, distribution bands, plurality, head of unit, "
    "small units.",
)


def _condition_values(condition: BandCondition) -> dict[str, Any]:
    out: dict[str, Any] = {"predikat": [p.value for p in condition.predikat]}
    if condition.min_percent is not None:
        out["min_percent"] = condition.min_percent
    if condition.max_percent is not None:
        out["max_percent"] = condition.max_percent
    if condition.min_count:
        out["min_count"] = condition.min_count
    return out


def _conditions(raw: Any, org_rating: OrgRating) -> tuple[BandCondition, ...]:
    if not isinstance(raw, list) or len(raw) > 10:
        raise InvalidPolicyValues(f"bands.{org_rating} is a list of at most 10 conditions.")
    out = []
    for item in raw:
        condition = _mapping(item, f"bands.{org_rating}")
        if set(condition) - _BAND_KEYS or not condition.get("predikat"):
            raise InvalidPolicyValues(
                f"A condition of bands.{org_rating} names predikat and min_percent, "
                "max_percent or min_count."
            )
        names = condition["predikat"]
        if not isinstance(names, list) or len(names) > len(Predikat):
            raise InvalidPolicyValues(f"bands.{org_rating}: predikat is a list of predikat.")
        bounds = [condition.get(k) for k in ("min_percent", "max_percent")]
        if any(b is not None and (type(b) is not int or not 0 <= b <= 100) for b in bounds):
            raise InvalidPolicyValues(f"bands.{org_rating}: a percentage is a whole 0–100.")
        count = condition.get("min_count", 0)
        if type(count) is not int or not 0 <= count <= 1000:
            raise InvalidPolicyValues(f"bands.{org_rating}: min_count is a whole 0–1000.")
        predikat = tuple(_choice(Predikat, name) for name in names)
        out.append(BandCondition(predikat, bounds[0], bounds[1], count))
    return tuple(out)


def _mapping(raw: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise InvalidPolicyValues(f"The scoring policy's {what} is a JSON object.")
    return raw


def _choice(enum: type[_E], raw: Any) -> _E:
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidPolicyValues(f"{raw!r} is not one of {allowed}.") from None
