"""A year of competency development recorded through TrainingApplication, for the read models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from services.caller import Caller
from services.personnel import Outcome, PersonnelApplication
from services.training import TrainingApplication
from tests.integration.scenarios import Office, SteppingClock

TRAINING_START = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
SENIOR_NIP = "197501012000031001"  # in service since March 2000: a mentor for the office
SESSIONS = [(date(2025, 5, 5), 180), (date(2025, 5, 6), 180)]


def training_clock() -> SteppingClock:
    return SteppingClock(TRAINING_START)


@dataclass
class TrainingYear:
    finished: UUID  # capacity 1: nips[0] passed, nips[1] waitlisted then released
    cancelled: UUID  # nips[2] accepted, then released without JP
    open: UUID  # develops DIGITAL, still open
    passed: Outcome
    mentoring_completed: Outcome  # nips[1] mentored for 150 minutes: 3 JP
    recognised: Outcome  # nips[2]: 4 JP of e-learning
    refused: Outcome


def record_training_year(
    personnel: PersonnelApplication, training: TrainingApplication, hr: Caller, office: Office
) -> TrainingYear:
    first, second, third = office.nips[:3]
    personnel.appoint_employee(
        hr, nip=SENIOR_NIP, name="Pembina Senior", employment_type="PNS", golongan="IV/a",
        jabatan_kind="PELAKSANA", jabatan_title="Pengadministrasi Umum",
        unit_id=office.dinas_id, appointed_on=date(2000, 3, 1),
    )  # fmt: skip
    training.add_competency(hr, code="DIGITAL", name="Layanan digital", kind="TEKNIS")
    training.add_competency(hr, code="LEAD", name="Kepemimpinan", kind="MANAJERIAL")
    training.set_jabatan_requirements(
        hr, jabatan_title="Pengadministrasi Umum", competency_codes=["DIGITAL", "LEAD"]
    )

    def programme(title: str, capacity: int) -> UUID:
        return training.define_programme(
            hr, title=title, form="KURSUS", competency_codes=["DIGITAL"], jp=8,
            provider="LAN", capacity=capacity, sessions=SESSIONS,
        ).aggregate_id  # fmt: skip

    finished, cancelled = programme("Layanan Digital", 1), programme("Layanan Digital II", 5)
    for nip in (first, second):
        training.nominate(hr, programme_id=finished, nip=nip)
        training.accept_participant(hr, programme_id=finished, nip=nip)
    for session in (1, 2):
        training.record_attendance(hr, programme_id=finished, nip=first, session=session)
    passed = training.complete_participant(
        hr, programme_id=finished, nip=first, result="PASSED", score=88,
        completed_on=date(2025, 5, 7), certificate_ref="SERT-LAN-1",
    )  # fmt: skip
    training.finish_programme(hr, programme_id=finished)
    training.nominate(hr, programme_id=cancelled, nip=third)
    training.accept_participant(hr, programme_id=cancelled, nip=third)
    training.cancel_programme(hr, programme_id=cancelled, reason="Narasumber berhalangan")

    mentoring = training.pair_mentoring(
        hr, mentor_nip=SENIOR_NIP, mentee_nip=second, starts_on=date(2025, 2, 3),
        ends_on=date(2025, 5, 30), goals=["Orientasi layanan"], competency_codes=["LEAD"],
    ).aggregate_id  # fmt: skip
    for held_on, minutes in ((date(2025, 2, 10), 100), (date(2025, 3, 10), 50)):
        training.log_meeting(
            hr, mentoring_id=mentoring, held_on=held_on, minutes=minutes, topic="Layanan"
        )
    completed = training.complete_mentoring(
        hr, mentoring_id=mentoring, completed_on=date(2025, 5, 30)
    )

    def submit(title: str) -> UUID:
        return training.submit_external_learning(
            hr, nip=third, title=title, form="E_LEARNING", provider="ASN Unggul",
            completed_on=date(2025, 4, 20), minutes=200, evidence_ref="asn-unggul/1",
            competency_codes=["DIGITAL"],
        ).aggregate_id  # fmt: skip

    recognised = training.recognise_external_learning(hr, learning_id=submit("Keamanan Data"), jp=4)
    refused = training.refuse_external_learning(
        hr, learning_id=submit("Webinar"), reason="Bukti tidak sah"
    )
    return TrainingYear(
        finished, cancelled, programme("Layanan Digital III", 10), passed, completed, recognised,
        refused,
    )  # fmt: skip
