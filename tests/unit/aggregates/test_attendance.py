"""Attendance: each absent working day once, corrections with evidence, one hukuman per count."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from domain.absence_sanction import proposed_sanction
from domain.aggregates.attendance import AbsenceSource, Attendance
from domain.discipline import SanctionKind
from domain.errors import InvalidInput, ReasonRequired, RuleViolation
from domain.meta import EventMeta

AT = datetime(2024, 12, 20, 9, tzinfo=UTC)
META = EventMeta("hr-budi", "hr_officer", "pemkot-palangkaraya", "c-1", "Rekap absensi")
MONDAY = date(2024, 3, 4)


def attendance() -> Attendance:
    return Attendance.open(
        nip="198609262015051001", employee_id=UUID(int=1), year=2024, at=AT, meta=META
    )


def test_a_day_recorded_twice_is_recorded_once() -> None:
    record = attendance()
    assert record.record_absence(MONDAY, AbsenceSource.HR, AT, META)
    assert not record.record_absence(MONDAY, AbsenceSource.IMPORT, AT, META)
    assert [type(e).__name__ for e in record.collect_events()] == ["Opened", "AbsenceRecorded"]
    assert record.days_absent() == 1


def test_a_weekend_day_is_not_an_absence() -> None:
    with pytest.raises(RuleViolation, match="not a working day"):
        attendance().record_absence(date(2024, 3, 3), AbsenceSource.HR, AT, META)


def test_a_day_of_another_year_is_refused() -> None:
    with pytest.raises(InvalidInput, match="not in 2024"):
        attendance().record_absence(date(2023, 3, 6), AbsenceSource.HR, AT, META)


def test_an_excused_day_leaves_the_count_and_keeps_its_evidence() -> None:
    record = attendance()
    record.record_absence(MONDAY, AbsenceSource.HR, AT, META)
    record.excuse_absence(MONDAY, "Surat keterangan dokter 12/2024", AT, META)
    assert record.days_absent() == 0
    with pytest.raises(RuleViolation, match="excused"):
        record.record_absence(MONDAY, AbsenceSource.IMPORT, AT, META)


def test_an_excuse_needs_a_reason() -> None:
    record = attendance()
    record.record_absence(MONDAY, AbsenceSource.HR, AT, META)
    with pytest.raises(ReasonRequired):
        record.excuse_absence(MONDAY, "SKD 1", AT, EventMeta("hr", "hr_officer", META.tenant, "c"))


def test_a_second_hukuman_on_the_same_count_is_refused() -> None:
    record = attendance()
    for n in range(3):
        record.record_absence(date(2024, 3, 4 + n), AbsenceSource.HR, AT, META)
    proposal = proposed_sanction(record.days_absent())
    assert proposal is not None
    assert proposal.kind is SanctionKind.TEGURAN_LISAN
    record.decide_sanction(proposal, proposal, date(2024, 4, 1), AT, META)
    with pytest.raises(RuleViolation, match="already decided"):
        record.decide_sanction(proposal, proposal, date(2024, 4, 2), AT, META)
