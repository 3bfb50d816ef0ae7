"""The competency catalogue's vocabulary, and competency gaps with the programmes that close them.

A tenant keeps its own catalogue of competencies, each of one of the three kinds of ASN
competence (teknis, manajerial, sosial kultural); HR sets which competencies each jabatan
requires. Gaps and recommendations are pure functions over plain inputs: the read models
supply the employees and the open programmes, the appraisal issue supplies the predikat and
the weak competencies.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from domain.errors import N_, InvalidLearning
from domain.text import CODE, clean_text

_CODE = re.compile(r"^[A-Z][A-Z0-9_-]{1,39}$")


class CompetencyKind(StrEnum):
    """The three kinds of ASN competence."""

    TEKNIS = "TEKNIS"
    MANAJERIAL = "MANAJERIAL"
    SOSIAL_KULTURAL = "SOSIAL_KULTURAL"


def parse_competency_kind(raw: str) -> CompetencyKind:
    """Parse a competency kind ("sosial kultural" and "SOSIAL_KULTURAL" alike)."""
    raw = clean_text(raw, N_("A competency kind"), CODE, min_length=0, error=InvalidLearning)
    key = "_".join(raw.upper().replace("-", " ").split())
    try:
        return CompetencyKind(key)
    except ValueError:
        allowed = ", ".join(kind.value for kind in CompetencyKind)
        raise InvalidLearning(
            N_("Unknown competency kind {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


def check_competency_code(code: str) -> str:
    """A competency code: 2–40 capitals, digits, '-' or '_', starting with a letter."""
    code = clean_text(code, N_("A competency code"), CODE, min_length=0, error=InvalidLearning)
    normalized = code.upper()
    if not _CODE.fullmatch(normalized):
        raise InvalidLearning(
            N_(
                "Competency code {code!r} must be 2–40 letters, digits, '-' or '_' "
                "and start with a letter."
            ),
            code=code,
        )
    return normalized


def check_competency_codes(codes: Iterable[str], at_least: int = 0) -> list[str]:
    """Codes checked and de-duplicated, in the order given."""
    checked = list(dict.fromkeys(check_competency_code(code) for code in codes))
    if len(checked) < at_least:
        raise InvalidLearning(
            N_("Name at least {count} competency from the catalogue."), count=at_least
        )
    return checked


def jabatan_key(title: str) -> str:
    """How a jabatan title keys its required competencies: spacing and case do not matter."""
    key = " ".join(title.split()).upper()
    if not 2 <= len(key) <= 200:
        raise InvalidLearning(N_("A jabatan title must be 2–200 characters."))
    return key


# --- gaps and recommendations ------------------------------------------------------------
# Predikat as domain.scoring.Predikat spells it, best first; taken as a string so the
# appraisal rules and these stay independent of each other.
PREDIKAT_ORDER = ("SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG")


def below_baik(predikat: str) -> bool:
    """Whether a predikat calls for development: BUTUH_PERBAIKAN, KURANG or SANGAT_KURANG."""
    key = "_".join(predikat.strip().upper().replace("-", " ").split())
    if key not in PREDIKAT_ORDER:
        allowed = ", ".join(PREDIKAT_ORDER)
        raise InvalidLearning(
            N_("Unknown predikat {predikat!r}; use one of {allowed}."),
            predikat=predikat,
            allowed=allowed,
        )
    return PREDIKAT_ORDER.index(key) > PREDIKAT_ORDER.index("BAIK")


@dataclass(frozen=True)
class Offer:
    """A programme still open for enrolment and the competencies it develops."""

    programme_id: UUID
    title: str
    competency_codes: frozenset[str]


@dataclass(frozen=True)
class EmployeeCompetence:
    """One employee of a unit: the jabatan held and the competencies already developed.

    `developed` holds the competencies of passed programmes, completed mentoring and
    recognised external learning (the JP-granting events with JP > 0).
    """

    employee_id: UUID
    jabatan_title: str
    developed: frozenset[str]


@dataclass(frozen=True)
class Gap:
    """A competency an employee's jabatan requires and they have not developed yet."""

    employee_id: UUID
    competency_code: str
    programme_ids: tuple[UUID, ...]  # open programmes that develop it; empty if none


def competency_gaps(
    employees: Iterable[EmployeeCompetence],
    required: Mapping[str, Collection[str]],
    offers: Iterable[Offer],
) -> list[Gap]:
    """Each employee's missing required competencies, with the programmes that close them.

    `required` maps a `jabatan_key` to its competency codes (as HR set them in the catalogue);
    a jabatan with no requirements has no gaps.
    """
    offers = list(offers)
    gaps = []
    for employee in employees:
        needed = required.get(jabatan_key(employee.jabatan_title), ())
        for code in sorted(set(needed) - employee.developed):
            closing = tuple(o.programme_id for o in _ranked(offers, {code}))
            gaps.append(Gap(employee.employee_id, code, closing))
    return gaps


def recommended_programmes(
    latest_predikat: str | None, weak_competencies: Sequence[str], offers: Iterable[Offer]
) -> list[Offer]:
    """Programmes for the competencies tied to weak results, if the predikat is below BAIK.

    Programmes covering more of the weak competencies come first; no predikat yet, or a
    predikat of BAIK or better, recommends nothing.
    """
    if latest_predikat is None or not below_baik(latest_predikat):
        return []
    return _ranked(list(offers), set(check_competency_codes(weak_competencies)))


def development_programmes(competencies: Sequence[str], offers: Iterable[Offer]) -> list[Offer]:
    """PP 30/2019 Bab VI and seed 001 (more development for good performers): for a Sangat
    Baik, the open programmes developing the competencies named, most of them first."""
    return _ranked(list(offers), set(check_competency_codes(competencies)))


def _ranked(offers: Sequence[Offer], wanted: set[str]) -> list[Offer]:
    relevant = [o for o in offers if o.competency_codes & wanted]
    return sorted(relevant, key=lambda o: (-len(o.competency_codes & wanted), o.title))
