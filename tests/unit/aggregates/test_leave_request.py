"""LeaveRequest: asked, then the atasan's pertimbangan, then the official's keputusan, in order."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from domain.aggregates.leave_request import Consideration, LeaveRequest, RequestStatus
from domain.errors import InvalidInput, ReasonRequired, RuleViolation
from domain.leave import LeaveRequest as Asked
from domain.leave import LeaveType
from domain.leave_authority import Authority
from domain.meta import EventMeta

AT = datetime(2024, 12, 2, 9, tzinfo=UTC)
TENANT = "pemkot-palangkaraya"
NIP, ATASAN = "198609262015051001", "197501012000031001"
EMPLOYEE = EventMeta(NIP, "employee", TENANT, "c-1", "Liburan keluarga")
SUPERVISOR = EventMeta(ATASAN, "supervisor", TENANT, "c-2")
HR = EventMeta("hr-budi", "hr_officer", TENANT, "c-3")
PPK = "Walikota Palangkaraya"
DECREE = "Keputusan Walikota Palangkaraya Nomor 800/12/BKPSDM/2024"


def requested() -> LeaveRequest:
    asked = Asked(LeaveType.CT, date(2024, 12, 23), date(2024, 12, 27))
    return LeaveRequest.submit(
        request_id=UUID(int=7), employee_id=UUID(int=1), nip=NIP, asked=asked, at=AT, meta=EMPLOYEE
    )


def recommended() -> LeaveRequest:
    request = requested()
    request.recommend(Consideration.DISETUJUI, ATASAN, AT, SUPERVISOR)
    return request


def test_a_request_keeps_what_was_asked_and_the_reason_of_the_employee() -> None:
    request = requested()
    assert (request.status, request.leave_type, request.reason) == (
        RequestStatus.REQUESTED, LeaveType.CT, "Liburan keluarga",
    )  # fmt: skip
    assert request.asked() == Asked(
        LeaveType.CT, date(2024, 12, 23), date(2024, 12, 27), None, "Liburan keluarga"
    )


def test_the_atasan_recommends_once_and_a_deferral_says_why() -> None:
    with pytest.raises(ReasonRequired):
        requested().recommend(Consideration.DITANGGUHKAN, ATASAN, AT, SUPERVISOR)
    request = recommended()
    assert request.status is RequestStatus.RECOMMENDED
    with pytest.raises(RuleViolation, match="recommended"):
        request.recommend(Consideration.DISETUJUI, ATASAN, AT, SUPERVISOR)


def test_nobody_recommends_their_own_request() -> None:
    with pytest.raises(RuleViolation, match="own leave request"):
        requested().recommend(Consideration.DISETUJUI, NIP, AT, SUPERVISOR)


def test_a_request_is_decided_only_after_the_atasans_pertimbangan() -> None:
    with pytest.raises(RuleViolation, match="requested"):
        requested().decide(Consideration.DISETUJUI, Authority.DELEGATION, PPK, DECREE, AT, HR)


def test_a_perubahan_grants_on_the_changed_dates_and_names_the_decree() -> None:
    request = recommended()
    changed = (date(2024, 12, 16), date(2024, 12, 18))
    meta = EventMeta("hr-budi", "hr_officer", TENANT, "c-3", "Akhir tahun anggaran")
    request.decide(Consideration.PERUBAHAN, Authority.DELEGATION, PPK, DECREE, AT, meta, changed)
    assert request.status is RequestStatus.GRANTED
    assert (request.asked().start, request.asked().end) == changed
    decided = request.collect_events()[-1]
    assert isinstance(decided, LeaveRequest.Decided)
    assert (decided.authority, decided.delegation, decided.on_behalf_of) == (
        "DELEGATION", DECREE, PPK,
    )  # fmt: skip


def test_only_a_perubahan_carries_changed_dates() -> None:
    meta = EventMeta("hr-budi", "hr_officer", TENANT, "c-3", "Akhir tahun anggaran")
    with pytest.raises(InvalidInput, match="PERUBAHAN"):
        recommended().decide(Consideration.PERUBAHAN, Authority.PPK, PPK, None, AT, meta)
    dates = (date(2024, 12, 16), date(2024, 12, 18))
    with pytest.raises(InvalidInput, match="PERUBAHAN"):
        recommended().decide(Consideration.DISETUJUI, Authority.PPK, PPK, None, AT, HR, dates)


def test_a_refusal_grants_nothing_and_needs_its_reason() -> None:
    with pytest.raises(ReasonRequired):
        recommended().decide(Consideration.TIDAK_DISETUJUI, Authority.PPK, PPK, None, AT, HR)
    request = recommended()
    meta = EventMeta("walikota", "supervisor", TENANT, "c-4", "Tugas pengawasan akhir tahun")
    request.decide(Consideration.TIDAK_DISETUJUI, Authority.PPK, PPK, DECREE, AT, meta)
    assert request.status is RequestStatus.NOT_GRANTED
    decided = request.collect_events()[-1]
    assert isinstance(decided, LeaveRequest.Decided)
    assert decided.delegation is None  # the PPK decided himself
