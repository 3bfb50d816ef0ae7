"""The hukuman PP 94/2021 Pasal 11 proposes for working days absent without a valid reason.

The count and the runs of absences are in domain/absence.py; the sanctions themselves (their
levels, kinds and durations) in domain/discipline.py.
"""

from __future__ import annotations

from domain.discipline import Sanction, SanctionKind, sanction_of
from domain.errors import N_, InvalidInput

# Pasal 11 ayat (2) (kewajiban masuk kerja, Pasal 4 huruf f): the least number of
# working days absent without a valid reason, cumulative in one year, that earns each hukuman,
# most severe first.
_ABSENCE_BANDS: tuple[tuple[int, SanctionKind], ...] = (
    (28, SanctionKind.PDHTAPS),
    (25, SanctionKind.PEMBEBASAN_JABATAN_KE_PELAKSANA_12_BULAN),
    (21, SanctionKind.PENURUNAN_JABATAN_12_BULAN),
    (17, SanctionKind.POTONGAN_TUKIN_25_12_BULAN),
    (14, SanctionKind.POTONGAN_TUKIN_25_9_BULAN),
    (11, SanctionKind.POTONGAN_TUKIN_25_6_BULAN),
    (7, SanctionKind.PERNYATAAN_TIDAK_PUAS_TERTULIS),
    (4, SanctionKind.TEGURAN_TERTULIS),
    (3, SanctionKind.TEGURAN_LISAN),
)
# Pasal 11 ayat (2) huruf d angka 4: 10 working days in a row ("secara terus menerus").
CONSECUTIVE_DAYS_FOR_PDHTAPS = 10


def sanction_for_absence(days_absent: int, longest_run: int = 0) -> SanctionKind | None:
    """The hukuman PP 94/2021 Pasal 11 sets for working days absent without a valid reason.

    `days_absent` is the cumulative count of working days in one calendar year, `longest_run`
    the longest run of consecutive working days among them. Pasal 11, for a breach of the
    kewajiban "masuk Kerja dan menaati ketentuan jam kerja" (Pasal 4 huruf f):
    - ringan: teguran lisan for 3 days; teguran tertulis for 4 to 6; pernyataan tidak puas
      secara tertulis for 7 to 10;
    - sedang: pemotongan tunjangan kinerja 25% for 6 months for 11 to 13 days,
      9 months for 14 to 16, 12 months for 17 to 20;
    - berat (ayat (2) huruf d): angka 1, penurunan jabatan setingkat lebih rendah for 12
      months for 21 to 24 days; angka 2, pembebasan dari jabatannya menjadi jabatan pelaksana
      for 12 months for 25 to 27; angka 3, PDHTAPS for 28 days or more in 1 year; angka 4,
      PDHTAPS for "tidak Masuk Kerja ... secara terus menerus selama 10 (sepuluh) hari
      kerja" (whose pay also stops from the next month, Pasal 15 ayat (2)).
    Fewer than 3 days call for no hukuman. The 10 days in a row count working days only, so a
    weekend or holiday neither breaks nor extends a run (domain/absence.py). The count runs
    January to December and starts anew each year, as Peraturan BKN 6/2022 reads "dalam 1
    (satu) tahun"; a regulation-level ambiguity (a rolling year) is not taken.
    """
    if days_absent < 0 or longest_run < 0:
        raise InvalidInput(
            N_("Days absent cannot be negative ({days_absent}, {longest_run})."),
            days_absent=days_absent,
            longest_run=longest_run,
        )
    if longest_run > days_absent:
        raise InvalidInput(
            N_("A run of {longest_run} days is longer than {days_absent} days."),
            longest_run=longest_run,
            days_absent=days_absent,
        )
    if longest_run >= CONSECUTIVE_DAYS_FOR_PDHTAPS:
        return SanctionKind.PDHTAPS
    for least, kind in _ABSENCE_BANDS:
        if days_absent >= least:
            return kind
    return None


def proposed_sanction(days_absent: int, longest_run: int = 0) -> Sanction | None:
    """The full sanction (level, kind, duration) Pasal 11 proposes for a year's absences."""
    kind = sanction_for_absence(days_absent, longest_run)
    return None if kind is None else sanction_of(kind)
