"""CPNS: the masa percobaan and the pelatihan dasar (Latsar) before appointment as PNS.

PP 11/2017 as amended by PP 17/2020: Pasal 34 ayat (1) "Calon PNS ... wajib menjalani masa
percobaan", ayat (2) "Masa percobaan ... dilaksanakan selama 1 (satu) tahun"; Pasal 35 the
masa percobaan is the "proses pendidikan dan pelatihan terintegrasi" (Latsar); Pasal 37 ayat
(1) a CPNS "yang telah menjalani masa percobaan dan dinyatakan lulus pendidikan dan
pelatihan" and healthy "diangkat menjadi PNS".

Reading: the year counts from the TMT CPNS (the appointment's effective date; tirto.id
reports the masa percobaan counted from the SK pengangkatan CPNS); Latsar is completed on the
day its result is recorded, which must be on or before the TMT PNS (no source found: a reading).
"""

from __future__ import annotations

from datetime import date

from domain.career_errors import (
    LatsarNotCompleted,
    ProbationNotComplete,
)
from domain.errors import (
    N_,
)
from domain.promotion import anniversary

PROBATION_YEARS = 1


def probation_ends(tmt_cpns: date) -> date:
    """The first day a CPNS may be PNS: one full year after the TMT CPNS (Pasal 34 ayat (2))."""
    return anniversary(tmt_cpns, PROBATION_YEARS)


def check_probation_served(tmt_cpns: date, effective_on: date) -> None:
    """Pasal 34 ayat (2): the TMT PNS is at least one year after the TMT CPNS."""
    earliest = probation_ends(tmt_cpns)
    if effective_on < earliest:
        raise ProbationNotComplete(
            N_(
                "The masa percobaan is 1 year from the TMT CPNS {tmt_cpns}: confirmation as PNS "
                "takes effect on {earliest} at the earliest, not {effective_on}."
            ),
            tmt_cpns=tmt_cpns,
            earliest=earliest,
            effective_on=effective_on,
        )


def check_latsar_passed(latsar_completed_on: date | None, effective_on: date) -> None:
    """Pasal 37 ayat (1): Latsar passed ("dinyatakan lulus") on or before the TMT PNS."""
    if latsar_completed_on is None:
        raise LatsarNotCompleted(
            N_(
                "A CPNS is confirmed after passing Latsar (pelatihan dasar); it was completed "
                "not at all, and the TMT PNS is {effective_on}."
            ),
            effective_on=effective_on,
        )
    if latsar_completed_on > effective_on:
        raise LatsarNotCompleted(
            N_(
                "A CPNS is confirmed after passing Latsar (pelatihan dasar); it was completed "
                "only on {completed_on}, and the TMT PNS is {effective_on}."
            ),
            completed_on=latsar_completed_on,
            effective_on=effective_on,
        )


def is_latsar(title: str) -> bool:
    """Whether a programme is the Latsar CPNS, by its title ("Latsar", "Pelatihan Dasar"), or
    its predecessor before PP 11/2017, the Diklat Prajabatan (PP 101/2000), a CPNS passed then."""
    folded = " ".join(title.lower().split())
    return any(word in folded for word in ("latsar", "pelatihan dasar", "prajabatan"))
