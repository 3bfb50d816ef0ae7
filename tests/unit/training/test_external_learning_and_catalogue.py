"""External learning submitted with evidence and decided by HR; the tenant competency catalogue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.aggregates.competency_catalogue import CompetencyCatalogue
from domain.aggregates.external_learning import ExternalLearning
from domain.competency import CompetencyKind
from domain.errors import (
    CompetencyAlreadyExists,
    InvalidLearning,
    LearningAlreadyDecided,
    ReasonRequired,
    UnknownCompetency,
)
from domain.learning import LearningForm, credit_from
from tests.unit.training.conftest import AT, HR, because, employee, records_nothing, settle

ANI = employee(1)


def submit(minutes: int = 200, on: date = date(2025, 4, 10)) -> ExternalLearning:
    """Ani's webinar on public-service apps, 200 minutes (4 JP at most), its events pending."""
    return ExternalLearning.submit(
        id=employee(50),
        employee_id=ANI,
        title="Webinar Transformasi Layanan Digital",
        form=LearningForm.SEMINAR,
        provider="Kementerian PANRB",
        completed_on=on,
        minutes=minutes,
        evidence_ref="sertifikat/2025/webinar-0412.pdf",
        competency_codes=["DIGITAL-PELAYANAN"],
        at=AT,
        meta=HR,
    )


def submitted(minutes: int = 200, on: date = date(2025, 4, 10)) -> ExternalLearning:
    """The submission as the repository loads it."""
    return settle(submit(minutes, on))


# --- external learning ---------------------------------------------------------------------
def test_learning_completed_in_the_future_cannot_be_submitted() -> None:
    with pytest.raises(InvalidLearning, match="already completed"):
        submitted(on=AT.date() + timedelta(days=1))


def test_recognising_grants_the_jp_hr_decides_traceable_to_the_employee_and_year() -> None:
    learning = submitted()
    learning.recognise(3, None, AT, HR)
    [recognised] = learning.collect_events()
    assert isinstance(recognised, ExternalLearning.Recognised)
    credit = credit_from(recognised, source="99")
    assert (credit.employee_id, credit.jp, credit.form, credit.year) == (
        ANI,
        3,
        LearningForm.SEMINAR,
        2025,
    )
    assert credit.competency_codes == ("DIGITAL-PELAYANAN",)


def test_recognising_more_jp_than_the_minutes_hold_is_refused() -> None:
    learning = submitted(minutes=200)  # 4 JP at most
    records_nothing(learning, InvalidLearning, lambda: learning.recognise(5, None, AT, HR))


def test_hr_may_set_the_competencies_when_recognising() -> None:
    learning = submitted()
    learning.recognise(4, ["KOMUNIKASI"], AT, HR)
    [recognised] = learning.collect_events()
    assert isinstance(recognised, ExternalLearning.Recognised)
    assert recognised.competency_codes == ["KOMUNIKASI"]


def test_refusing_needs_a_reason() -> None:
    learning = submitted()
    records_nothing(learning, ReasonRequired, lambda: learning.refuse(AT, HR))


def test_a_refusal_keeps_its_reason_and_grants_nothing() -> None:
    learning = submitted()
    learning.refuse(AT, because("Sertifikat tidak terbaca"))
    [refused] = learning.collect_events()
    assert isinstance(refused, ExternalLearning.Refused)
    assert refused.meta.reason == "Sertifikat tidak terbaca"
    assert not hasattr(refused, "jp")


def test_a_decided_submission_cannot_be_decided_again() -> None:
    learning = submit()
    learning.refuse(AT, because("Bukti tidak sah"))
    learning = settle(learning)
    records_nothing(learning, LearningAlreadyDecided, lambda: learning.recognise(2, None, AT, HR))


# --- the competency catalogue --------------------------------------------------------------
def catalogue() -> CompetencyCatalogue:
    opened = CompetencyCatalogue.open(AT, HR)
    opened.add_competency(
        "digital-pelayanan", "Layanan publik digital", CompetencyKind.TEKNIS, AT, HR
    )
    return settle(opened)


def test_a_competency_code_is_added_once_per_tenant() -> None:
    book = catalogue()
    records_nothing(
        book,
        CompetencyAlreadyExists,
        lambda: book.add_competency("DIGITAL-PELAYANAN", "Lagi", CompetencyKind.TEKNIS, AT, HR),
    )


def test_a_jabatan_requires_only_competencies_of_the_catalogue() -> None:
    book = catalogue()
    records_nothing(
        book,
        UnknownCompetency,
        lambda: book.set_jabatan_requirements("Analis SDM", ["DIGITAL-PELAYANAN", "X1"], AT, HR),
    )


def test_the_requirements_of_a_jabatan_are_found_by_its_title() -> None:
    book = catalogue()
    book.set_jabatan_requirements("Analis SDM Aparatur", ["digital-pelayanan"], AT, HR)
    [event] = book.collect_events()
    assert isinstance(event, CompetencyCatalogue.JabatanRequirementsSet)
    assert book.required_by("analis sdm  aparatur") == ["DIGITAL-PELAYANAN"]
