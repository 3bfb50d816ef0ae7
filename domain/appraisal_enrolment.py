"""Who is enrolled in an appraisal cycle, who heads each unit, and who appraises whom (§1.2).

The read models hold each employee's unit and jabatan but not a "head of unit" flag, so the
head is recognised by the jabatan title the unit's head holds (Kepala …, Sekretaris, Camat,
Lurah, Inspektur …), preferring the more senior jabatan kind when several match [L: titles
vary by instansi]. HR may name heads explicitly instead (`head_nips`), and an appraiser that
comes out wrong is overridden with a reason, as the cycle allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from domain.errors import N_, InvalidInput
from domain.jabatan import JabatanKind
from domain.text import IDENTIFIER, clean_optional_text


@dataclass(frozen=True)
class EnrolmentCandidate:
    """An employee the feeder proposes for enrolment, as the read models know them."""

    employee_id: UUID
    nip: str
    unit_id: UUID
    jabatan_kind: str
    is_head: bool


@dataclass(frozen=True)
class UnitNode:
    unit_id: UUID
    parent_id: UUID | None


@dataclass(frozen=True)
class AppraiserChain:
    """An employee's pejabat penilai and the appraiser's superior, by NIP (None: unknown)."""

    appraiser: str | None
    superior: str | None

    def __post_init__(self) -> None:
        # HR may name either by hand: one line of at most 200 characters, blank meaning None.
        for role, what in (("appraiser", N_("The appraiser")), ("superior", N_("The superior"))):
            value = clean_optional_text(getattr(self, role), what, IDENTIFIER)
            object.__setattr__(self, role, value)


def derive_appraisers(
    candidates: Iterable[EnrolmentCandidate], units: Iterable[UnitNode]
) -> dict[UUID, AppraiserChain]:
    """Each candidate's appraiser chain from the unit tree (§1.2 table [M]; searched, unconfirmed).

    The appraiser is the head of the employee's unit, or of the parent unit for a unit head;
    the superior is the appraiser's own appraiser. A unit without a head passes the role to
    the next head up [L] (in practice a Plt is enrolled as head). Above the top unit the
    appraiser is the kepala daerah, who is not an ASN: None, to be set by an override.
    """
    candidates = list(candidates)
    parent = {unit.unit_id: unit.parent_id for unit in units}
    heads: dict[UUID, str] = {}
    for candidate in candidates:
        if (
            candidate.is_head
            and heads.setdefault(candidate.unit_id, candidate.nip) != candidate.nip
        ):
            raise InvalidInput(N_("Unit {unit} has more than one head."), unit=candidate.unit_id)
    headed_unit = {nip: unit for unit, nip in heads.items()}

    def head_from(unit_id: UUID | None) -> str | None:
        seen: set[UUID] = set()
        while unit_id is not None and unit_id not in seen:
            if unit_id in heads:
                return heads[unit_id]
            seen.add(unit_id)
            unit_id = parent.get(unit_id)
        return None

    def appraiser_of(unit_id: UUID, is_head: bool) -> str | None:
        return head_from(parent.get(unit_id) if is_head else unit_id)

    chains = {}
    for c in candidates:
        appraiser = appraiser_of(c.unit_id, c.is_head)
        superior = appraiser_of(headed_unit[appraiser], True) if appraiser else None
        chains[c.employee_id] = AppraiserChain(appraiser, superior)
    return chains


def roster_entry(candidate: EnrolmentCandidate, chain: AppraiserChain) -> dict[str, Any]:
    """A cycle's roster entry: the candidate with their appraiser chain."""
    try:
        kind = JabatanKind(candidate.jabatan_kind.strip().upper())
    except ValueError:
        raise InvalidInput(
            N_("Unknown jabatan kind {kind!r}."), kind=candidate.jabatan_kind
        ) from None
    return {
        "employee_id": candidate.employee_id,
        "nip": candidate.nip,
        "unit_id": candidate.unit_id,
        "jabatan_kind": kind.value,
        "is_head": candidate.is_head,
        "appraiser": chain.appraiser,
        "superior": chain.superior,
    }


# --- candidates from the read models -------------------------------------------------------
HEAD_TITLES = ("kepala ", "sekretaris", "camat", "lurah", "inspektur")
_SENIORITY = list(JabatanKind)  # JPT_UTAMA first … PELAKSANA last


@dataclass(frozen=True)
class StaffMember:
    """An active employee as the employees read model has them."""

    employee_id: UUID
    nip: str
    unit_id: UUID
    jabatan_kind: str
    jabatan_title: str


def with_ancestors(unit_ids: Iterable[UUID], units: Sequence[UnitNode]) -> set[UUID]:
    """The units and every unit above them."""
    parent = {u.unit_id: u.parent_id for u in units}
    found: set[UUID] = set()
    for unit_id in unit_ids:
        current: UUID | None = unit_id
        while current is not None and current not in found:
            found.add(current)
            current = parent.get(current)
    return found


def heads_of(staff: Iterable[StaffMember], head_nips: Iterable[str] = ()) -> dict[UUID, str]:
    """Each unit's head (unit id → NIP): named by HR, else recognised by jabatan title."""
    staff = list(staff)
    named = set(head_nips)
    unknown = named - {s.nip for s in staff}
    if unknown:
        raise InvalidInput(
            N_("Not active in these units: {nips}."), nips=", ".join(sorted(unknown))
        )
    heads = {s.unit_id: s.nip for s in staff if s.nip in named}
    if len(heads) < len(named):
        raise InvalidInput(N_("Name at most one head per unit."))
    titled = [
        s
        for s in staff
        if s.unit_id not in heads and s.jabatan_title.strip().lower().startswith(HEAD_TITLES)
    ]
    titled.sort(key=lambda s: (_SENIORITY.index(JabatanKind(s.jabatan_kind)), s.nip))
    for s in titled:
        heads.setdefault(s.unit_id, s.nip)
    return heads


def enrolment_candidates(
    staff: Iterable[StaffMember], head_nips: Iterable[str] = ()
) -> list[EnrolmentCandidate]:
    """The candidates `AppraisalApplication.enrol` takes, each marked head or not."""
    staff = list(staff)
    heads = heads_of(staff, head_nips)
    return [
        EnrolmentCandidate(s.employee_id, s.nip, s.unit_id, s.jabatan_kind, is_head)
        for s in staff
        for is_head in [heads.get(s.unit_id) == s.nip]
    ]
