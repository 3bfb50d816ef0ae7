"""The official holiday lists of 2020–2023, each SKB and each amendment with where it was read.

A list is one year's hari libur nasional and cuti bersama as a decree left them: the SKB of the
Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB, every later SKB "perubahan" of that
year, and a Keppres making an election day a hari libur nasional (these bind every instansi as
the SKB does). Sources, read through the `search` tool's stored pages (the copies of the decrees
themselves were not reachable, so each list rests on the cited government or press reports):

- 2020: SKB 728/2019, 213/2019, 01/2019 (signed 27 August 2019 after the Kemenko PMK meeting,
  makassar.tribunnews.com 2019-08-27; list: nasional.tempo.co/read/1243139). Amended four times
  (174/2020 in March, 391/2020 in April, 440/2020 on 20 May, 744/2020, 05/2020, 06/2020 on
  1 December: setkab.go.id/pemerintah-keluarkan-skb-3-menteri-hapus-tiga-hari-cuti-bersama-2020);
  Keppres 22/2020 of 27 November made 9 December (Pilkada) a holiday (inews.id, jurnaljatim.com).
  Only the first and the final state are recorded: the final one replaces the year, so the three
  between would change no count; its cuti bersama (21 Aug, 28 and 30 Oct, 24 and 31 Dec) are
  those left after 744/2020 removed 28–30 December (fotokita.grid.id, kompas via
  pontianak.tribunnews.com 2020-08-18, okezone 2020-04-12).
- 2021: SKB 642/2020, 4/2020, 4/2020 (10 September 2020; okezone 2020-09-11, sonora 2021-02-17);
  SKB 281/2021, 1/2021, 1/2021 (22 February 2021) cut the cuti bersama from seven to 12 May and
  24 December (setkab via sumsel.tribunnews.com 2021-02-23); SKB 712/2021, 1/2021, 3/2021
  (18 June 2021) moved Tahun Baru Islam to 11 August and Maulid to 20 October and dropped
  24 December (liputan6.com/news/read/4585767, okezone 2021-08-09).
- 2022: SKB 963/2021, 3/2021, 4/2021 (22 September 2021): 16 holidays, cuti bersama "ditetapkan
  kemudian" (nasional.tempo.co/read/1509153, jambiupdate.co 2021-09-22); SKB 375/2022, 1/2022,
  1/2022 (7 April 2022) added 29 April and 4–6 May (setkab via news.ddtc.co.id, kompas).
- 2023: SKB 1066/2022, 3/2022, 3/2022 (11 October 2022; kontan citing setkab); SKB 327/2023,
  1/2023, 1/2023 (29 March 2023) moved the Idul Fitri cuti bersama to 19–21, 24, 25 April
  (lensapolri.com 2023-03-29, naikpangkat.com; Keppres 8/2023 lists the same days); SKB 624/2023,
  2/2023, 2/2023 (dated 16 June 2023) added 28 and 30 June (radartv.disway.id, okezone).

2019 and earlier are not here: SKB 617/2018, 262/2018, 16/2018 and Keppres 10/2019 were found,
but no stored copy showed the list past 17 August 2019, so those years count Monday to Friday.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

Days = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class HolidayList:
    year: int
    signed_on: date  # the day the decree was signed (as reported; see the module's sources)
    source: str
    holidays: Days
    cuti_bersama: Days

    def values(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "holidays": [{"date": d, "name": n} for d, n in self.holidays],
            "cuti_bersama": [{"date": d, "name": n} for d, n in self.cuti_bersama],
        }

    def amended(
        self,
        signed_on: date,
        source: str,
        *,
        holidays: Days = (),
        cuti_bersama: Days = (),
        removed: tuple[str, ...] = (),
    ) -> HolidayList:
        """The list as a later decree leaves it: `removed` dates gone, the given days added."""
        keep = [d for d in self.holidays if d[0] not in removed]
        keep_cb = [d for d in self.cuti_bersama if d[0] not in removed]
        return replace(
            self,
            signed_on=signed_on,
            source=source,
            holidays=tuple(sorted((*keep, *holidays))),
            cuti_bersama=tuple(sorted((*keep_cb, *cuti_bersama))),
        )


_SKB = "SKB Menag, Menaker, MenPANRB No. "
_IDUL_FITRI_2020 = "Cuti Bersama Idul Fitri 1441 Hijriah"
_2020 = HolidayList(
    2020,
    date(2019, 8, 27),
    _SKB + "728 Tahun 2019, No. 213 Tahun 2019, No. 01 Tahun 2019",
    (
        ("2020-01-01", "Tahun Baru 2020 Masehi"),
        ("2020-01-25", "Tahun Baru Imlek 2571 Kongzili"),
        ("2020-03-22", "Isra Mikraj Nabi Muhammad SAW"),
        ("2020-03-25", "Hari Suci Nyepi Tahun Baru Saka 1942"),
        ("2020-04-10", "Wafat Isa Al Masih"),
        ("2020-05-01", "Hari Buruh Internasional"),
        ("2020-05-07", "Hari Raya Waisak 2564"),
        ("2020-05-21", "Kenaikan Isa Al Masih"),
        ("2020-05-24", "Hari Raya Idul Fitri 1441 Hijriah"),
        ("2020-05-25", "Hari Raya Idul Fitri 1441 Hijriah"),
        ("2020-06-01", "Hari Lahir Pancasila"),
        ("2020-07-31", "Hari Raya Idul Adha 1441 Hijriah"),
        ("2020-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ("2020-08-20", "Tahun Baru Islam 1442 Hijriah"),
        ("2020-10-29", "Maulid Nabi Muhammad SAW"),
        ("2020-12-25", "Hari Raya Natal"),
    ),
    (
        ("2020-05-22", _IDUL_FITRI_2020),
        ("2020-05-26", _IDUL_FITRI_2020),
        ("2020-05-27", _IDUL_FITRI_2020),
        ("2020-12-24", "Cuti Bersama Hari Raya Natal"),
    ),
)
_2020_FINAL = _2020.amended(
    date(2020, 12, 1),
    _SKB + "744 Tahun 2020, No. 05 Tahun 2020, No. 06 Tahun 2020 (perubahan keempat SKB "
    "728/2019, 213/2019, 01/2019, after 174/2020, 391/2020 and 440/2020); Keppres 22 Tahun 2020",
    holidays=(("2020-12-09", "Hari Pemungutan Suara Pilkada Serentak 2020"),),
    cuti_bersama=(
        ("2020-08-21", "Cuti Bersama Tahun Baru Islam 1442 Hijriah"),
        ("2020-10-28", "Cuti Bersama Maulid Nabi Muhammad SAW"),
        ("2020-10-30", "Cuti Bersama Maulid Nabi Muhammad SAW"),
        ("2020-12-31", "Pengganti " + _IDUL_FITRI_2020),
    ),
    removed=("2020-05-22", "2020-05-26", "2020-05-27"),
)
_IDUL_FITRI_2021 = "Cuti Bersama Idul Fitri 1442 Hijriah"
_2021 = HolidayList(
    2021,
    date(2020, 9, 10),
    _SKB + "642 Tahun 2020, No. 4 Tahun 2020, No. 4 Tahun 2020",
    (
        ("2021-01-01", "Tahun Baru 2021 Masehi"),
        ("2021-02-12", "Tahun Baru Imlek 2572 Kongzili"),
        ("2021-03-11", "Isra Mikraj Nabi Muhammad SAW"),
        ("2021-03-14", "Hari Suci Nyepi Tahun Baru Saka 1943"),
        ("2021-04-02", "Wafat Isa Al Masih"),
        ("2021-05-01", "Hari Buruh Internasional"),
        ("2021-05-13", "Kenaikan Isa Al Masih dan Hari Raya Idul Fitri 1442 Hijriah"),
        ("2021-05-14", "Hari Raya Idul Fitri 1442 Hijriah"),
        ("2021-05-26", "Hari Raya Waisak 2565"),
        ("2021-06-01", "Hari Lahir Pancasila"),
        ("2021-07-20", "Hari Raya Idul Adha 1442 Hijriah"),
        ("2021-08-10", "Tahun Baru Islam 1443 Hijriah"),
        ("2021-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ("2021-10-19", "Maulid Nabi Muhammad SAW"),
        ("2021-12-25", "Hari Raya Natal"),
    ),
    (
        ("2021-03-12", "Cuti Bersama Isra Mikraj Nabi Muhammad SAW"),
        ("2021-05-12", _IDUL_FITRI_2021),
        ("2021-05-17", _IDUL_FITRI_2021),
        ("2021-05-18", _IDUL_FITRI_2021),
        ("2021-05-19", _IDUL_FITRI_2021),
        ("2021-12-24", "Cuti Bersama Hari Raya Natal"),
        ("2021-12-27", "Cuti Bersama Hari Raya Natal"),
    ),
)
_2021_CUT = _2021.amended(
    date(2021, 2, 22),
    _SKB + "281 Tahun 2021, No. 1 Tahun 2021, No. 1 Tahun 2021 (perubahan SKB 642/2020, 4/2020, "
    "4/2020)",
    removed=("2021-03-12", "2021-05-17", "2021-05-18", "2021-05-19", "2021-12-27"),
)
_2021_SECOND = _2021_CUT.amended(
    date(2021, 6, 18),
    _SKB + "712 Tahun 2021, No. 1 Tahun 2021, No. 3 Tahun 2021 (perubahan kedua SKB 642/2020, "
    "4/2020, 4/2020)",
    holidays=(
        ("2021-08-11", "Tahun Baru Islam 1443 Hijriah"),
        ("2021-10-20", "Maulid Nabi Muhammad SAW"),
    ),
    removed=("2021-08-10", "2021-10-19", "2021-12-24"),
)
_2022 = HolidayList(
    2022,
    date(2021, 9, 22),
    _SKB + "963 Tahun 2021, No. 3 Tahun 2021, No. 4 Tahun 2021",
    (
        ("2022-01-01", "Tahun Baru 2022 Masehi"),
        ("2022-02-01", "Tahun Baru Imlek 2573 Kongzili"),
        ("2022-02-28", "Isra Mikraj Nabi Muhammad SAW"),
        ("2022-03-03", "Hari Suci Nyepi Tahun Baru Saka 1944"),
        ("2022-04-15", "Wafat Isa Almasih"),
        ("2022-05-01", "Hari Buruh Internasional"),
        ("2022-05-02", "Hari Raya Idul Fitri 1443 Hijriah"),
        ("2022-05-03", "Hari Raya Idul Fitri 1443 Hijriah"),
        ("2022-05-16", "Hari Raya Waisak 2566 BE"),
        ("2022-05-26", "Kenaikan Isa Almasih"),
        ("2022-06-01", "Hari Lahir Pancasila"),
        ("2022-07-09", "Hari Raya Idul Adha 1443 Hijriah"),
        ("2022-07-30", "Tahun Baru Islam 1444 Hijriah"),
        ("2022-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ("2022-10-08", "Maulid Nabi Muhammad SAW"),
        ("2022-12-25", "Hari Raya Natal"),
    ),
    (),  # "akan ditetapkan kemudian dengan mempertimbangkan kondisi pandemi Covid-19"
)
_IDUL_FITRI_2022 = "Cuti Bersama Idul Fitri 1443 Hijriah"
_LEBARAN_2022 = ("2022-04-29", "2022-05-04", "2022-05-05", "2022-05-06")
_2022_AMENDED = _2022.amended(
    date(2022, 4, 7),
    _SKB + "375 Tahun 2022, No. 1 Tahun 2022, No. 1 Tahun 2022 (perubahan SKB 963/2021, 3/2021, "
    "4/2021)",
    cuti_bersama=tuple((d, _IDUL_FITRI_2022) for d in _LEBARAN_2022),
)
_IDUL_FITRI_2023 = "Cuti Bersama Idul Fitri 1444 Hijriah"
_2023 = HolidayList(
    2023,
    date(2022, 10, 11),
    _SKB + "1066 Tahun 2022, No. 3 Tahun 2022, No. 3 Tahun 2022",
    (
        ("2023-01-01", "Tahun Baru 2023 Masehi"),
        ("2023-01-22", "Tahun Baru Imlek 2574 Kongzili"),
        ("2023-02-18", "Isra Mikraj Nabi Muhammad SAW"),
        ("2023-03-22", "Hari Suci Nyepi Tahun Baru Saka 1945"),
        ("2023-04-07", "Wafat Isa Almasih"),
        ("2023-04-22", "Hari Raya Idul Fitri 1444 Hijriah"),
        ("2023-04-23", "Hari Raya Idul Fitri 1444 Hijriah"),
        ("2023-05-01", "Hari Buruh Internasional"),
        ("2023-05-18", "Kenaikan Isa Almasih"),
        ("2023-06-01", "Hari Lahir Pancasila"),
        ("2023-06-04", "Hari Raya Waisak 2567 BE"),
        ("2023-06-29", "Hari Raya Idul Adha 1444 Hijriah"),
        ("2023-07-19", "Tahun Baru Islam 1445 Hijriah"),
        ("2023-08-17", "Hari Kemerdekaan Republik Indonesia"),
        ("2023-09-28", "Maulid Nabi Muhammad SAW"),
        ("2023-12-25", "Hari Raya Natal"),
    ),
    (
        ("2023-01-23", "Cuti Bersama Tahun Baru Imlek"),
        ("2023-03-23", "Cuti Bersama Hari Suci Nyepi"),
        ("2023-04-21", _IDUL_FITRI_2023),
        ("2023-04-24", _IDUL_FITRI_2023),
        ("2023-04-25", _IDUL_FITRI_2023),
        ("2023-04-26", _IDUL_FITRI_2023),
        ("2023-06-02", "Cuti Bersama Hari Raya Waisak"),
        ("2023-12-26", "Cuti Bersama Hari Raya Natal"),
    ),
)
_2023_LEBARAN = _2023.amended(
    date(2023, 3, 29),
    _SKB + "327 Tahun 2023, No. 1 Tahun 2023, No. 1 Tahun 2023 (perubahan SKB 1066/2022, 3/2022, "
    "3/2022)",
    cuti_bersama=(("2023-04-19", _IDUL_FITRI_2023), ("2023-04-20", _IDUL_FITRI_2023)),
    removed=("2023-04-26",),
)
_2023_IDUL_ADHA = _2023_LEBARAN.amended(
    date(2023, 6, 16),
    _SKB + "624 Tahun 2023, No. 2 Tahun 2023, No. 2 Tahun 2023 (perubahan kedua SKB 1066/2022, "
    "3/2022, 3/2022)",
    cuti_bersama=(
        ("2023-06-28", "Cuti Bersama Idul Adha 1444 Hijriah"),
        ("2023-06-30", "Cuti Bersama Idul Adha 1444 Hijriah"),
    ),
)

# An amendment follows the list it amends (scripts.datagen.policies orders them all by signing).
LISTS_2020_TO_2023: tuple[HolidayList, ...] = (
    _2020, _2020_FINAL, _2021, _2021_CUT, _2021_SECOND, _2022, _2022_AMENDED, _2023,
    _2023_LEBARAN, _2023_IDUL_ADHA,
)  # fmt: skip
