"""Rules of an appraisal cycle (PermenPANRB 6/2022) that need no aggregate: checkpoints, the SKP,
deadlines and windows, who appraises whom, and which feedback an employee may see.

Choices where the reference is uncertain, each a named constant or a cycle setting:
- SKP deadline: end of January of the cycle year (§1.2 [M], searched: no source); a later one needs
  a reason. A revision after a mutasi or a new appraiser has no deadline (none found, [L]).
- Annual predikat: from the appraiser's own ANNUAL rating; periodic ratings inform it but are
  not aggregated into it (how the annual one follows from them is [L], §1.4).
- Objection window: 14 *calendar* days after the result is received (PP 30/2019 Pasal 59 says
  "14 hari"; calendar vs working days is [L]); day 14 is accepted, day 15 refused. The cycle
  records the window it was opened with, so a later change of default never rewrites history.
- Local dates: deadlines and windows count in the tenant's local date (WIB = UTC+7 by default,
  a cycle setting), computed from the injected UTC time.
- Masyarakat feedback uses the SKM 1–4 scale (§9); whether it formally enters the perilaku
  rating is [L], so it only informs the appraiser here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

from domain.appraisal_enrolment import (  # re-exported: who appraises whom lives there
    AppraiserChain,
    EnrolmentCandidate,
    UnitNode,
    derive_appraisers,
)
from domain.errors import N_, InvalidInput, InvalidSkp, ObjectionWindowClosed, Phrase
from domain.text import CODE, LINE, LINK, LONG_TEXT, clean_optional_text, clean_text, parse_choice

__all__ = ["AppraiserChain", "EnrolmentCandidate", "UnitNode", "derive_appraisers"]

ANNUAL = "ANNUAL"
OBJECTION_WINDOW_DAYS = 14
DEFAULT_UTC_OFFSET_HOURS = 7  # WIB; WITA is 8, WIT 9
DEFAULT_MASYARAKAT_LIMIT = 1  # ratings per source fingerprint per checkpoint
MAX_SKP_ROWS = 50  # an SKP has a handful of hasil kerja; fifty bounds what one draft stores
SKM_SCORES = range(1, 5)
BERAKHLAK = (
    "BERORIENTASI_PELAYANAN",
    "AKUNTABEL",
    "KOMPETEN",
    "HARMONIS",
    "LOYAL",
    "ADAPTIF",
    "KOLABORATIF",
)


class Period(StrEnum):
    """How often the cycle has periodic checkpoints (set per cycle by the instansi)."""

    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    SEMESTER = "SEMESTER"


_MONTHS_PER_CHECKPOINT = {Period.MONTHLY: 1, Period.QUARTERLY: 3, Period.SEMESTER: 6}
_LABEL = {Period.MONTHLY: "M{:02d}", Period.QUARTERLY: "Q{}", Period.SEMESTER: "S{}"}


class HasilKerjaKind(StrEnum):
    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"


class Aspect(StrEnum):
    KUANTITAS = "KUANTITAS"
    KUALITAS = "KUALITAS"
    WAKTU = "WAKTU"
    BIAYA = "BIAYA"


class FeedbackSource(StrEnum):
    APPRAISER = "APPRAISER"
    PEER = "PEER"
    SUBORDINATE = "SUBORDINATE"
    MASYARAKAT = "MASYARAKAT"


@dataclass(frozen=True)
class CycleSettings:
    """How a cycle runs, chosen when it is opened; recorded on the cycle and each appraisal."""

    period: Period
    objection_window_days: int = OBJECTION_WINDOW_DAYS
    masyarakat_limit: int = DEFAULT_MASYARAKAT_LIMIT
    utc_offset_hours: int = DEFAULT_UTC_OFFSET_HOURS
    most_is_plurality: bool = False  # see domain.scoring.check_distribution

    def __post_init__(self) -> None:
        if not 1 <= self.objection_window_days <= 60 or self.masyarakat_limit < 1:
            raise InvalidInput(N_("The objection window is 1–60 days; the feedback limit ≥ 1."))
        if self.utc_offset_hours not in (7, 8, 9):
            raise InvalidInput(N_("The UTC offset is 7 (WIB), 8 (WITA) or 9 (WIT)."))

    def as_fields(self, year: int) -> dict[str, Any]:
        """The settings as plain event fields, with the checkpoints and deadline they imply."""
        return {
            "period": self.period.value,
            "checkpoints": checkpoints_for(self.period),
            "skp_deadline": skp_deadline(year),
            "objection_window_days": self.objection_window_days,
            "masyarakat_limit": self.masyarakat_limit,
            "utc_offset_hours": self.utc_offset_hours,
            "most_is_plurality": self.most_is_plurality,
        }


def check_text(text: str, what: str, min_length: int = 2) -> str:
    """Free text of the appraisal: SKP rows, realisations, feedback (domain.text.LONG_TEXT)."""
    return clean_text(text, what, LONG_TEXT, min_length=min_length)


# --- checkpoints, dates and windows -----------------------------------------------------
def checkpoints_for(period: Period) -> list[str]:
    """The periodic checkpoints of a year, in order, then ANNUAL (the year-end assessment)."""
    count = 12 // _MONTHS_PER_CHECKPOINT[period]
    return [_LABEL[period].format(n) for n in range(1, count + 1)] + [ANNUAL]


def checkpoint_on(day: date, period: Period, year: int) -> str:
    """The periodic checkpoint a day falls in; days outside the year go to the first or last."""
    month = 1 if day.year < year else 12 if day.year > year else day.month
    return _LABEL[period].format((month - 1) // _MONTHS_PER_CHECKPOINT[period] + 1)


def local_date(at: datetime, utc_offset_hours: int) -> date:
    """The tenant's calendar date at the injected instant `at` (naive means UTC)."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(timezone(timedelta(hours=utc_offset_hours))).date()


def skp_deadline(year: int) -> date:
    """The last day the SKP may be approved without a reason: 31 January of the cycle year."""
    return date(year, 1, 31)


def check_objection_window(received_on: date, filed_on: date, window_days: int) -> int:
    """The day of the window an objection is filed on (1 = the day after receipt)."""
    day = (filed_on - received_on).days
    if day > window_days:
        raise ObjectionWindowClosed(
            N_(
                "The result was received on {received_on}; an objection was possible for "
                "{days} calendar days, until {until}."
            ),
            received_on=received_on,
            days=window_days,
            until=received_on + timedelta(days=window_days),
        )
    return day


# --- the SKP ------------------------------------------------------------------------------
@dataclass(frozen=True)
class HasilKerja:
    """One hasil kerja row of an SKP, as a caller submits it."""

    kind: str  # UTAMA or TAMBAHAN
    rencana_hasil_kerja: str
    aspect: str  # KUANTITAS, KUALITAS, WAKTU or BIAYA
    indikator: str  # indikator kinerja individu (IKI)
    target: str
    rhk_pimpinan: str | None = None  # the leader's RHK this row intervenes in


def check_hasil_kerja(rows: Sequence[HasilKerja]) -> list[dict[str, Any]]:
    """Validated rows, numbered from 1; an SKP needs at least one UTAMA row."""
    if len(rows) > MAX_SKP_ROWS:
        raise InvalidSkp(
            N_("An SKP has at most {most} hasil kerja rows, not {count}."),
            most=MAX_SKP_ROWS,
            count=len(rows),
        )
    if not any(
        parse_choice(HasilKerjaKind, r.kind, N_("kind")) is HasilKerjaKind.UTAMA for r in rows
    ):
        raise InvalidSkp(N_("An SKP needs at least one hasil kerja UTAMA."))
    return [
        {
            "no": no,
            "kind": parse_choice(HasilKerjaKind, row.kind, N_("hasil kerja kind")).value,
            "rencana_hasil_kerja": check_text(row.rencana_hasil_kerja, N_("A rencana hasil kerja")),
            "aspect": parse_choice(Aspect, row.aspect, N_("aspect")).value,
            "indikator": check_text(row.indikator, N_("An indikator kinerja individu")),
            "target": check_text(row.target, N_("A target"), 1),
            "rhk_pimpinan": check_text(row.rhk_pimpinan, N_("The leader's RHK"))
            if row.rhk_pimpinan
            else None,
        }
        for no, row in enumerate(rows, start=1)
    ]


@dataclass(frozen=True)
class Realisation:
    """A realisation of one hasil kerja row with its bukti dukung: a link or a document."""

    row: int
    realisation: str
    evidence_link: str | None
    evidence_document: str | None
    note: str

    def __post_init__(self) -> None:
        link = clean_optional_text(self.evidence_link, N_("An evidence link"), LINK)
        document = clean_optional_text(self.evidence_document, N_("An evidence document"), LINE)
        if not link and not document:
            raise InvalidInput(N_("Bukti dukung needs a link or a document reference."))
        if link and not link.startswith(("https://", "http://")):
            raise InvalidInput(N_("An evidence link is an http(s) address."))
        # Frozen, so the cleaned values are set as the dataclass itself sets fields.
        object.__setattr__(self, "evidence_link", link)
        object.__setattr__(self, "evidence_document", document)
        object.__setattr__(self, "realisation", check_text(self.realisation, N_("A realisation")))
        object.__setattr__(self, "note", check_text(self.note, N_("A note on the evidence"), 0))


def check_perilaku(expectations: Mapping[str, str]) -> dict[str, str]:
    """The leader's specific expectation for each of the seven BerAKHLAK values ('' for none)."""
    given: dict[str, str] = {}
    for key, text in expectations.items():
        value = clean_text(key, N_("A BerAKHLAK value"), CODE, min_length=0).upper()
        given[value] = check_text(text, Phrase(N_("The expectation for {value}"), value=value), 0)
    if set(given) != set(BERAKHLAK):
        raise InvalidSkp(
            N_("Perilaku kerja lists exactly the BerAKHLAK values: {values}."), values=BERAKHLAK
        )
    return {value: given[value] for value in BERAKHLAK}


# --- feedback ---------------------------------------------------------------------------------
def colleague_source(
    giver: Mapping[str, Any], employee: Mapping[str, Any]
) -> FeedbackSource | None:
    """PEER (same unit) or SUBORDINATE (appraised by the employee) from two roster entries."""
    if giver["nip"] in (employee["nip"], employee["appraiser"]):
        return None
    if giver["appraiser"] == employee["nip"]:
        return FeedbackSource.SUBORDINATE
    return FeedbackSource.PEER if giver["unit_id"] == employee["unit_id"] else None


def check_fingerprint(fingerprint: str) -> str:
    """A source fingerprint is a hashed token (32–128 hex digits), never a name."""
    fingerprint = fingerprint.strip().lower()
    if not 32 <= len(fingerprint) <= 128 or any(ch not in "0123456789abcdef" for ch in fingerprint):
        raise InvalidInput(N_("A source fingerprint must be a hashed token of 32–128 hex digits."))
    return fingerprint


def check_skm_score(score: int) -> int:
    """A masyarakat rating on the SKM scale: 1 (tidak sesuai) to 4 (sangat sesuai)."""
    if score not in SKM_SCORES:
        raise InvalidInput(N_("A masyarakat rating is 1, 2, 3 or 4 (the SKM scale)."))
    return score


@dataclass(frozen=True)
class FeedbackView:
    """One piece of feedback as the appraised employee sees it: its kind, never its giver."""

    source: str
    checkpoint: str
    text: str | None
    score: int | None
    row: int | None
    behaviour: str | None


def as_seen_by_employee(feedback: Iterable[Mapping[str, Any]]) -> list[FeedbackView]:
    """Feedback without the giver's id or fingerprint, which stay in the events for audit."""
    return [
        FeedbackView(f["source"], f["checkpoint"], f["text"], f["score"], f["row"], f["behaviour"])
        for f in feedback
    ]
