"""Limits across requests: chained cuti sakit and CLTN, cuti tahunan of a guru before 2020."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import LeaveNotAllowed
from domain.leave import LeaveRecord, LeaveType
from domain.leave_caps import LeaveCapExceeded, check_cumulative_cap, check_guru_may_take_ct


def test_cuti_sakit_extending_a_year_of_sick_leave_past_six_months_is_refused() -> None:
    # PP 11/2017 Pasal 321: 1 year, extendable by at most 6 months
    year = LeaveRecord(LeaveType.CS, date(2023, 1, 1), date(2023, 12, 31), 365)
    with pytest.raises(LeaveCapExceeded) as refused:
        check_cumulative_cap("CS", date(2024, 1, 1), date(2024, 7, 1), [year])
    assert refused.value.code == "LEAVE_CAP_EXCEEDED"


def test_cuti_sakit_extending_a_year_by_six_months_is_allowed() -> None:
    year = LeaveRecord(LeaveType.CS, date(2023, 1, 1), date(2023, 12, 31), 365)
    check_cumulative_cap("CS", date(2024, 1, 1), date(2024, 6, 30), [year])


def test_cltn_extended_beyond_three_years_and_one_is_refused() -> None:
    # PP 11/2017 Pasal 332: at most 3 years, extendable by at most 1 year
    first = LeaveRecord(LeaveType.CLTN, date(2018, 1, 1), date(2020, 12, 31), 1096)
    extension = LeaveRecord(LeaveType.CLTN, date(2021, 1, 1), date(2021, 12, 31), 365)
    with pytest.raises(LeaveCapExceeded):
        check_cumulative_cap("CLTN", date(2022, 1, 1), date(2022, 1, 31), [first, extension])


def test_a_guru_had_no_cuti_tahunan_before_pp_17_2020() -> None:
    # PP 11/2017 Pasal 315 as first enacted; amended by PP 17/2020
    with pytest.raises(LeaveNotAllowed):
        check_guru_may_take_ct(date(2019, 7, 1), guru=True)
    check_guru_may_take_ct(date(2021, 7, 1), guru=True)
