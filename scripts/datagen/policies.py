"""The official policy values the demo and the generator record, with their sources.

Holiday lists: the SKB of the Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB on hari
libur nasional and cuti bersama of each year, amendments (and a Keppres making an election day a
holiday) recorded as later versions of the same year. 2020–2023 are in
`scripts.datagen.holiday_lists` with their sources; 2024–2026 here. 2024 also has Keppres 10/2024
(14 February, Pemilu; signed 6 February 2024: okezone 2024-02-06, suara.com citing
jdih.setpres.go.id) and Keppres 33/2024 (27 November, Pilkada; signed 21 November 2024:
dutakabar.com, koranbanjar.net). Years before 2020 have no list and count Monday to Friday. The
generator records a list on the day its decree was signed, and only the lists signed by its
"today" (`lists_signed_by`); it plans leave and absences with the calendar those lists make
(`calendar_of`), the one the domain charges.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.holidays import HOLIDAYS_KIND, WorkingCalendar
from domain.policy import NATIONAL
from scripts.datagen.holiday_lists import LISTS_2020_TO_2023, HolidayList
from services.caller import Caller
from services.outcome import Outcome
from services.policy import PolicyApplication

__all__ = [  # HolidayList is re-exported: the plan and the tests import it from here
    "HOLIDAY_LISTS", "HolidayList", "calendar_of", "lists_signed_by", "policy_events",
    "record_holiday_list", "seed_holidays",
]  # fmt: skip

_2024 = HolidayList(
    2024,
    date(2023, 9, 12),
    "SKB Menag, Menaker, MenPANRB No. 855 Tahun 2023, No. 3 Tahun 2023, No. 4 Tahun 2023",
    (
        ("2024-01-01", "Tahun Baru 2024 Masehi"),
        ("2024-02-08", "Isra Mikraj Nabi Muhammad SAW"),
        ("2024-02-10", "Tahun Baru Imlek 2575 Kongzili"),
        ("2024-03-11", "Hari Suci Nyepi Tahun Baru Saka 1946"),
        ("2024-03-29", "Wafat Isa Almasih"),
        ("2024-03-31", "Hari Paskah"),
        ("2024-04-10", "Hari Raya Idul Fitri 1445 Hijriah"),
        ("2024-04-11", "Hari Raya Idul Fitri 1445 Hijriah"),
        ("2024-05-01", "Hari Buruh Internasional"),
        ("2024-05-09", "Kenaikan Isa Almasih"),
        ("2024-05-23", "Hari Raya Waisak 2568 BE"),
        ("2024-06-01", "Hari Lahir Pancasila"),
        ("2024-06-17", "Hari Raya Idul Adha 1445 Hijriah"),
        ("2024-07-07", "Tahun Baru Islam 1446 Hijriah"),
        ("2024-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ("2024-09-16", "Maulid Nabi Muhammad SAW"),
        ("2024-12-25", "Hari Raya Natal"),
    ),
    (
        ("2024-02-09", "Cuti Bersama Tahun Baru Imlek"),
        ("2024-03-12", "Cuti Bersama Hari Suci Nyepi"),
        ("2024-04-08", "Cuti Bersama Idul Fitri 1445 Hijriah"),
        ("2024-04-09", "Cuti Bersama Idul Fitri 1445 Hijriah"),
        ("2024-04-12", "Cuti Bersama Idul Fitri 1445 Hijriah"),
        ("2024-04-15", "Cuti Bersama Idul Fitri 1445 Hijriah"),
        ("2024-05-10", "Cuti Bersama Kenaikan Isa Almasih"),
        ("2024-05-24", "Cuti Bersama Hari Raya Waisak"),
        ("2024-06-18", "Cuti Bersama Idul Adha 1445 Hijriah"),
        ("2024-12-26", "Cuti Bersama Hari Raya Natal"),
    ),
)
_2024_PEMILU = _2024.amended(
    date(2024, 2, 6),
    _2024.source + "; Keppres 10 Tahun 2024",
    holidays=(("2024-02-14", "Hari Pemungutan Suara Pemilu 2024"),),
)
_2024_PILKADA = _2024_PEMILU.amended(
    date(2024, 11, 21),
    _2024_PEMILU.source + "; Keppres 33 Tahun 2024",
    holidays=(("2024-11-27", "Hari Pemungutan Suara Pilkada Serentak 2024"),),
)
_2025_HOLIDAYS = (
    ("2025-01-01", "Tahun Baru 2025 Masehi"),
    ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
    ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
    ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947"),
    ("2025-03-31", "Idul Fitri 1446 Hijriah"),
    ("2025-04-01", "Idul Fitri 1446 Hijriah"),
    ("2025-04-18", "Wafat Yesus Kristus"),
    ("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
    ("2025-05-01", "Hari Buruh Internasional"),
    ("2025-05-12", "Hari Raya Waisak 2569 BE"),
    ("2025-05-29", "Kenaikan Yesus Kristus"),
    ("2025-06-01", "Hari Lahir Pancasila"),
    ("2025-06-06", "Idul Adha 1446 Hijriah"),
    ("2025-06-27", "1 Muharam Tahun Baru Islam 1447 Hijriah"),
    ("2025-08-17", "Proklamasi Kemerdekaan"),
    ("2025-09-05", "Maulid Nabi Muhammad SAW"),
    ("2025-12-25", "Kelahiran Yesus Kristus"),
)
_2025_CUTI_BERSAMA = (
    ("2025-01-28", "Cuti Bersama Tahun Baru Imlek"),
    ("2025-03-28", "Cuti Bersama Hari Suci Nyepi"),
    ("2025-04-02", "Cuti Bersama Idul Fitri 1446 Hijriah"),
    ("2025-04-03", "Cuti Bersama Idul Fitri 1446 Hijriah"),
    ("2025-04-04", "Cuti Bersama Idul Fitri 1446 Hijriah"),
    ("2025-04-07", "Cuti Bersama Idul Fitri 1446 Hijriah"),
    ("2025-05-13", "Cuti Bersama Hari Raya Waisak"),
    ("2025-05-30", "Cuti Bersama Kenaikan Yesus Kristus"),
    ("2025-06-09", "Cuti Bersama Idul Adha 1446 Hijriah"),
    ("2025-12-26", "Cuti Bersama Kelahiran Yesus Kristus"),
)
_2025 = HolidayList(
    2025,
    date(2024, 10, 14),
    "SKB Menag, Menaker, MenPANRB No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024",
    _2025_HOLIDAYS,
    _2025_CUTI_BERSAMA,
)
_2025_AMENDED = HolidayList(  # adds 18 August 2025 (80th Independence Day)
    2025,
    date(2025, 8, 7),
    "SKB Menag, Menaker, MenPANRB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 "
    "(perubahan SKB No. 1017/2024, 2/2024, 2/2024)",
    _2025_HOLIDAYS,
    (*_2025_CUTI_BERSAMA, ("2025-08-18", "Cuti Bersama Proklamasi Kemerdekaan")),
)
_2026 = HolidayList(
    2026,
    date(2025, 9, 19),
    "SKB Menag, Menaker, MenPANRB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025",
    (
        ("2026-01-01", "Tahun Baru 2026 Masehi"),
        ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
        ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
        ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
        ("2026-03-21", "Idul Fitri 1447 Hijriah"),
        ("2026-03-22", "Idul Fitri 1447 Hijriah"),
        ("2026-04-03", "Wafat Yesus Kristus"),
        ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
        ("2026-05-01", "Hari Buruh Internasional"),
        ("2026-05-14", "Kenaikan Yesus Kristus"),
        ("2026-05-27", "Idul Adha 1447 Hijriah"),
        ("2026-05-31", "Hari Raya Waisak 2570 BE"),
        ("2026-06-01", "Hari Lahir Pancasila"),
        ("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah"),
        ("2026-08-17", "Proklamasi Kemerdekaan"),
        ("2026-08-25", "Maulid Nabi Muhammad SAW"),
        ("2026-12-25", "Kelahiran Yesus Kristus"),
    ),
    (
        ("2026-02-16", "Cuti Bersama Tahun Baru Imlek"),
        ("2026-03-18", "Cuti Bersama Hari Suci Nyepi"),
        ("2026-03-20", "Cuti Bersama Idul Fitri 1447 Hijriah"),
        ("2026-03-23", "Cuti Bersama Idul Fitri 1447 Hijriah"),
        ("2026-03-24", "Cuti Bersama Idul Fitri 1447 Hijriah"),
        ("2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus"),
        ("2026-05-28", "Cuti Bersama Idul Adha 1447 Hijriah"),
        ("2026-12-24", "Cuti Bersama Kelahiran Yesus Kristus"),
    ),
)

# In recording order, the order of signing: an amendment follows the list it amends.
HOLIDAY_LISTS: tuple[HolidayList, ...] = tuple(
    sorted(
        (*LISTS_2020_TO_2023, _2024, _2024_PEMILU, _2024_PILKADA, _2025, _2025_AMENDED, _2026),
        key=lambda hl: hl.signed_on,
    )
)


def lists_signed_by(day: date) -> tuple[HolidayList, ...]:
    """The official lists already signed on `day`, in recording order."""
    return tuple(hl for hl in HOLIDAY_LISTS if hl.signed_on <= day)


def policy_events(lists: tuple[HolidayList, ...]) -> int:
    """Events recording `lists` into an empty log: the register's opening, then one per list."""
    return 1 + len(lists) if lists else 0


def calendar_of(lists: Iterable[HolidayList]) -> WorkingCalendar:
    """The working calendar the lists make, a later list of a year replacing the earlier one."""
    latest = {hl.year: hl for hl in lists}
    return WorkingCalendar.of_years(hl.values() for hl in latest.values())


def record_holiday_list(
    policy: PolicyApplication, admin: Caller, holiday_list: HolidayList
) -> Outcome:
    """Record one official list as the national holidays of its year."""
    return policy.record_values(
        admin,
        kind=HOLIDAYS_KIND,
        scope=NATIONAL,
        label=str(holiday_list.year),
        effective_from=date(holiday_list.year, 1, 1),
        values=holiday_list.values(),
        source=holiday_list.source,
        reason=f"Hari libur nasional dan cuti bersama {holiday_list.year}",
    )


def seed_holidays(
    policy: PolicyApplication, admin: Caller, lists: tuple[HolidayList, ...] = HOLIDAY_LISTS
) -> int:
    """Record every official holiday list as the platform admin; the last log position."""
    position = 0
    for holiday_list in lists:
        position = record_holiday_list(policy, admin, holiday_list).position
    return position
