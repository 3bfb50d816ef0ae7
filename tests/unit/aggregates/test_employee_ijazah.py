"""The highest ijazah on the record: recorded at appointment or later, read by the ceiling."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from domain.aggregates.employee import Employee
from domain.career_errors import (
    IjazahNotHigher,
    PromotionAboveEducationCeiling,
)
from domain.employment import EmploymentType
from domain.errors import (
    InvalidInput,
)
from domain.jabatan import parse_jabatan
from domain.meta import EventMeta
from domain.nip import parse_nip
from domain.promotion import Ijazah, PromotionKind
from domain.ranks import parse_golongan
from tests.unit.aggregates.conftest import PNS_APPOINTED_ON, PNS_NIP, UNIT_ID, replay

PROMOTION_ON = date(2025, 6, 1)  # a period date, ten years after the TMT


def appointed_with(ijazah: Ijazah | None, golongan: str, at: datetime, meta: EventMeta) -> Employee:
    employee = Employee.appoint(
        nip=parse_nip(PNS_NIP, EmploymentType.PNS),
        name="Budi Santoso",
        employment_type=EmploymentType.PNS,
        golongan=parse_golongan(golongan, EmploymentType.PNS),
        jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"),
        unit_id=UNIT_ID,
        appointed_on=PNS_APPOINTED_ON,
        at=at,
        meta=meta,
        ijazah=ijazah,
    )
    return replay(employee.collect_events())


def test_an_appointment_with_an_ijazah_records_it_as_its_own_event(
    at: datetime, meta: EventMeta
) -> None:
    # when
    employee = Employee.appoint(
        nip=parse_nip(PNS_NIP, EmploymentType.PNS),
        name="Budi Santoso",
        employment_type=EmploymentType.PNS,
        golongan=parse_golongan("III/a", EmploymentType.PNS),
        jabatan=parse_jabatan("PELAKSANA", "Pengadministrasi Kepegawaian"),
        unit_id=UNIT_ID,
        appointed_on=PNS_APPOINTED_ON,
        at=at,
        meta=meta,
        ijazah=Ijazah.S1,
    )
    # then
    appointed, recorded = employee.collect_events()
    assert isinstance(appointed, Employee.Appointed)
    assert isinstance(recorded, Employee.IjazahRecorded)
    assert (recorded.ijazah, recorded.effective_on) == ("S1", PNS_APPOINTED_ON)
    assert replay([appointed, recorded]).ijazah == "S1"


def test_an_appointment_without_an_ijazah_leaves_it_unknown(at: datetime, meta: EventMeta) -> None:
    assert appointed_with(None, "III/a", at, meta).ijazah is None


def test_a_reguler_promotion_reads_the_recorded_ijazah_for_its_ceiling(
    at: datetime, meta: EventMeta
) -> None:
    # given: SMA holders rise by reguler promotion up to III/b
    employee = appointed_with(Ijazah.SMA, "III/b", at, meta)
    # when / then
    with pytest.raises(PromotionAboveEducationCeiling, match="III/b"):
        employee.promote("III/c", PROMOTION_ON, at, meta)


def test_a_promotion_records_the_ijazah_the_ceiling_read(at: datetime, meta: EventMeta) -> None:
    # given
    employee = appointed_with(Ijazah.S1, "III/a", at, meta)
    # when
    employee.promote("III/b", PROMOTION_ON, at, meta)
    # then
    [promoted] = employee.collect_events()
    assert isinstance(promoted, Employee.Promoted)
    assert promoted.ijazah == "S1"


def test_a_promotion_naming_another_ijazah_than_the_recorded_one_is_refused(
    at: datetime, meta: EventMeta
) -> None:
    # given
    employee = appointed_with(Ijazah.SMA, "III/b", at, meta)
    # when / then: a higher ijazah is recorded first, not claimed on the promotion
    with pytest.raises(InvalidInput, match="record the new ijazah first"):
        employee.promote("III/c", PROMOTION_ON, at, meta, ijazah=Ijazah.S1)


def test_a_higher_ijazah_recorded_lets_a_penyesuaian_ijazah_rise_to_its_pangkat(
    at: datetime, meta: EventMeta
) -> None:
    # given: an SMA holder in II/b who earned an S1
    employee = appointed_with(Ijazah.SMA, "II/b", at, meta)
    employee.record_ijazah(Ijazah.S1, date(2024, 8, 15), at, meta)
    # when: PP 99/2000 Pasal 18: straight to III/a
    employee.promote(
        "III/a",
        PROMOTION_ON,
        at,
        replace(meta, reason="Penyesuaian ijazah S1"),
        kind=PromotionKind.PILIHAN_PENYESUAIAN_IJAZAH,
    )
    # then
    recorded, promoted = employee.collect_events()
    assert isinstance(recorded, Employee.IjazahRecorded)
    assert isinstance(promoted, Employee.Promoted)
    assert (promoted.to_golongan, promoted.ijazah) == ("III/a", "S1")


@pytest.mark.parametrize("ijazah", [Ijazah.SMA, Ijazah.S1])
def test_an_ijazah_not_above_the_recorded_one_is_refused(
    at: datetime, meta: EventMeta, ijazah: Ijazah
) -> None:
    # given
    employee = appointed_with(Ijazah.S1, "III/a", at, meta)
    # when / then
    with pytest.raises(IjazahNotHigher, match="already holds ijazah S1"):
        employee.record_ijazah(ijazah, date(2024, 8, 15), at, meta)
    assert employee.collect_events() == []
