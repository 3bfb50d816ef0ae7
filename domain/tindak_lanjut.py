"""What follows a finalised appraisal (tindak lanjut): awards, promotion, PPPK renewal, training.

PP 30/2019 Bab VI (Tindak Lanjut Penilaian Kinerja) gives the result two uses, penghargaan and
sanksi; UU 20/2023 Pasal 39 and PP 49/2018 Pasal 37 make a PPPK's contract follow the penilaian
kinerja. These are consequences, derived from finalised predikat, never new decisions: each
function here reads an employee's finalised predikat by year and answers what follows. A
nomination actually made is a decision, recorded as an event elsewhere with actor and reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.career_errors import (
    PromotionPredikatInsufficient,
)
from domain.errors import (
    N_,
    RuleViolation,
)
from domain.promotion import check_predikat
from domain.scoring import Predikat

# PP 30/2019 Bab VI, as BKPSDM guides apply it: a PNS with predikat Sangat Baik for 2 (dua)
# years in a row may be given a penghargaan (tanda kehormatan, priority for competency
# development, attending official events). The exact article of the count was not checked
# against a published copy (searched again, not found): it is a parameter here so a region's
# reading can differ.
AWARD_CONSECUTIVE_YEARS = 2
AWARD_SOURCE = "PP 30/2019 Bab VI (tindak lanjut: penghargaan); Sangat Baik 2 tahun berturut-turut"


class AwardNominationNotDue(RuleViolation):
    """A nomination needs the Sangat Baik run (award_candidacy) ending at its year."""

    code = "AWARD_NOMINATION_NOT_DUE"


@dataclass(frozen=True)
class AwardCandidacy:
    """Whether the finalised predikat make an employee a candidate for an award nomination."""

    candidate: bool
    consecutive_years: int  # Sangat Baik years in a row, ending at the latest finalised year
    required_years: int
    through_year: int | None  # the latest finalised year counted


def award_candidacy(
    predikat_by_year: Mapping[int, Predikat], required: int = AWARD_CONSECUTIVE_YEARS
) -> AwardCandidacy:
    """PP 30/2019 Bab VI: Sangat Baik in the `required` latest finalised years, in a row (a
    year without a finalised predikat breaks the run)."""
    if not predikat_by_year:
        return AwardCandidacy(False, 0, required, None)
    latest = max(predikat_by_year)
    run, year = 0, latest
    while predikat_by_year.get(year) is Predikat.SANGAT_BAIK:
        run, year = run + 1, year - 1
    return AwardCandidacy(run >= required, run, required, latest)


def check_nomination_due(year: int, predikat_by_year: Mapping[int, Predikat]) -> int:
    """PP 30/2019 Bab VI: a nomination for `year` needs Sangat Baik in it and the years before
    it (AWARD_CONSECUTIVE_YEARS in a row, finalised); the run's length, or refused."""
    candidacy = award_candidacy({y: p for y, p in predikat_by_year.items() if y <= year})
    if not candidacy.candidate or candidacy.through_year != year:
        raise AwardNominationNotDue(
            N_(
                "A nomination for {year} needs a finalised Sangat Baik in {year} and the "
                "{before} year(s) before it, in a row; the run ending {through} is {run} "
                "year(s)."
            ),
            year=year,
            before=AWARD_CONSECUTIVE_YEARS - 1,
            through=candidacy.through_year,
            run=candidacy.consecutive_years,
        )
    return candidacy.consecutive_years


@dataclass(frozen=True)
class PromotionPredikat:
    """Whether the predikat condition of a kenaikan pangkat on a TMT is met, and why not."""

    met: bool
    effective_on: date
    reason: str | None


def promotion_predikat(
    effective_on: date, predikat_by_year: Mapping[int, Predikat]
) -> PromotionPredikat:
    """PP 99/2000 Pasal 7 huruf b read with PP 30/2019 (domain.promotion.check_predikat): the
    predikat of the two years before the TMT at least BAIK."""
    try:
        check_predikat(effective_on, predikat_by_year)
    except PromotionPredikatInsufficient as refused:
        return PromotionPredikat(False, effective_on, str(refused.message))
    return PromotionPredikat(True, effective_on, None)


class RenewalAdvice(StrEnum):
    """What the latest performance says about extending a PPPK's perjanjian kerja."""

    RENEW = "RENEW"  # the kinerja supports an extension
    REVIEW = "REVIEW"  # the PPK weighs it: a result below Baik
    NOT_RECOMMENDED = "NOT_RECOMMENDED"  # target not met two years running
    NO_RESULT = "NO_RESULT"  # no finalised predikat yet


PPPK_RENEWAL_SOURCE = (
    "PP 49/2018 Pasal 37 ayat (1)–(2): perpanjangan berdasarkan pencapaian kinerja, kesesuaian "
    "kompetensi dan kebutuhan instansi, dengan persetujuan PPK; UU 20/2023 Pasal 39"
)
_MET = (Predikat.SANGAT_BAIK, Predikat.BAIK)


def pppk_renewal(predikat_by_year: Mapping[int, Predikat]) -> RenewalAdvice:
    """PP 49/2018 Pasal 37: renewal rests on the pencapaian kinerja. Reading: the latest
    finalised predikat Baik or better → RENEW; below Baik → REVIEW; below Baik in the two
    latest finalised years → NOT_RECOMMENDED. Competency and the instansi's need are the
    PPK's to weigh as well: this is advice from the kinerja, not the decision."""
    if not predikat_by_year:
        return RenewalAdvice.NO_RESULT
    years = sorted(predikat_by_year, reverse=True)
    if predikat_by_year[years[0]] in _MET:
        return RenewalAdvice.RENEW
    if len(years) > 1 and predikat_by_year[years[1]] not in _MET:
        return RenewalAdvice.NOT_RECOMMENDED
    return RenewalAdvice.REVIEW


class DevelopmentTrack(StrEnum):
    """Why training is recommended after a predikat."""

    REMEDIAL = "REMEDIAL"  # below Baik: close the gaps behind the weak results
    TOP_PERFORMER = "TOP_PERFORMER"  # Sangat Baik: priority development (seeds 001, 004)
    NONE = "NONE"


def development_track(predikat: Predikat | None) -> DevelopmentTrack:
    """PP 30/2019 Bab VI and the seeds (001: more development for good performers): a Sangat
    Baik earns priority competency development; a result below Baik remedial training."""
    if predikat is None or predikat is Predikat.BAIK:
        return DevelopmentTrack.NONE
    if predikat is Predikat.SANGAT_BAIK:
        return DevelopmentTrack.TOP_PERFORMER
    return DevelopmentTrack.REMEDIAL
