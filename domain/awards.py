"""Penghargaan: kinds of award and who may receive a Satyalancana Karya Satya.

PP 25/1994 (Tanda Kehormatan Satyalancana Karya Satya) Pasal 4: "(1) Satyalancana Karya Satya
dianugerahkan kepada Pegawai Negeri Sipil yang dalam melaksanakan tugasnya telah menunjukkan
kesetiaan, pengabdian, kecakapan, kejujuran dan kedisiplinan. (2) ... a. Sepuluh Tahun apabila
telah bekerja secara terus menerus sekurang-kurangnya 10 tahun; b. Dua Puluh Tahun ... 20
tahun; c. Tiga Puluh Tahun ... 30 tahun"; the BKN/BKD requirements add "tidak pernah dijatuhi
hukuman disiplin tingkat sedang atau berat" during that service (UU 20/2009 Pasal 25 and PP
35/2010 for the tanda kehormatan procedure). Readings: the service counts from the TMT CPNS
(as BKDs count it); a CPNS is not yet a PNS and is refused; a cuti di luar tanggungan negara
breaks "terus menerus", so a CLTN's days do not count (the service needed moves later by them).
Checked: BKD Provinsi Riau (bkd.riau.go.id/pendayagunaan-dan-pembinaan/satyalancana) and BKD
Kabupaten Malang count the service "sejak ... menjadi CPNS", as here; Malang also requires that
no CLTN was ever taken, stricter than the deduction applied here, which stays a reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from domain.career_errors import (
    AwardBarredBySanction,
    AwardPnsOnly,
)
from domain.employment import EmploymentType
from domain.errors import (
    N_,
    AwardNotAllowed,
    InvalidInput,
)
from domain.text import CODE, clean_text


class AwardKind(StrEnum):
    """Kinds of award recorded on an employee."""

    SATYALANCANA_KARYA_SATYA_10 = "SATYALANCANA_KARYA_SATYA_10"
    SATYALANCANA_KARYA_SATYA_20 = "SATYALANCANA_KARYA_SATYA_20"
    SATYALANCANA_KARYA_SATYA_30 = "SATYALANCANA_KARYA_SATYA_30"
    TANDA_JASA_LAINNYA = "TANDA_JASA_LAINNYA"
    PENGHARGAAN_INSTANSI = "PENGHARGAAN_INSTANSI"
    PENGHARGAAN_LAINNYA = "PENGHARGAAN_LAINNYA"


# Years of service each Satyalancana Karya Satya honours; other kinds have no service rule here.
_SERVICE_YEARS_REQUIRED: dict[AwardKind, int] = {
    AwardKind.SATYALANCANA_KARYA_SATYA_10: 10,
    AwardKind.SATYALANCANA_KARYA_SATYA_20: 20,
    AwardKind.SATYALANCANA_KARYA_SATYA_30: 30,
}


def parse_award_kind(raw: str) -> AwardKind:
    """Parse an award kind, case-insensitively."""
    raw = clean_text(raw, N_("An award kind"), CODE, min_length=0)
    try:
        return AwardKind(raw.upper())
    except ValueError:
        allowed = ", ".join(k.value for k in AwardKind)
        raise InvalidInput(
            N_("Unknown award kind {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


# PP 94/2021 Pasal 8: the levels that bar a Satyalancana Karya Satya.
BARRING_SANCTION_LEVELS = frozenset({"SEDANG", "BERAT"})


def check_award_eligibility(
    kind: AwardKind,
    service_start: date,
    awarded_on: date,
    employment_type: str = EmploymentType.PNS.value,
    sanction_levels: tuple[str, ...] = (),
    days_out_of_service: int = 0,
) -> None:
    """PP 25/1994 Pasal 4: a Satyalancana Karya Satya goes to a PNS with 10, 20 or 30 years of
    unbroken service and no hukuman disiplin sedang or berat; other kinds pass."""
    years = _SERVICE_YEARS_REQUIRED.get(kind)
    if years is None:
        return
    if employment_type != EmploymentType.PNS.value:
        raise AwardPnsOnly(
            N_(
                "Satyalancana Karya Satya is for a PNS (PP 25/1994 Pasal 4); this employee is "
                "{employment_type}."
            ),
            employment_type=employment_type,
        )
    barred = sorted(BARRING_SANCTION_LEVELS.intersection(sanction_levels))
    if barred:
        raise AwardBarredBySanction(
            N_(
                "Satyalancana Karya Satya needs a service without hukuman disiplin sedang or "
                "berat; this employee had {levels}."
            ),
            levels=", ".join(b.lower() for b in barred),
        )
    earliest = _anniversary(service_start, years) + timedelta(days=days_out_of_service)
    if awarded_on < earliest:
        raise AwardNotAllowed(
            N_(
                "Satyalancana Karya Satya {years} Tahun needs {years} years of service; service "
                "began {service_start}, so it can be awarded on {earliest} at the earliest."
            ),
            years=years,
            service_start=service_start,
            earliest=earliest,
        )


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year: the years are complete on 1 March
        return date(start.year + years, 3, 1)


def days_out_of_service(cltn: Iterable[tuple[date, date]], before: date) -> int:
    """Calendar days of cuti di luar tanggungan negara before a date: not "terus menerus"."""
    return sum(
        max(0, (min(end, before - timedelta(days=1)) - start).days + 1) for start, end in cltn
    )
