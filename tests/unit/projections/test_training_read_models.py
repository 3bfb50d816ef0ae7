"""The training projections fed real events: which rows a batch writes, and the report rules."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain.aggregates.mentoring import Mentoring, Side
from domain.learning import JPStatus
from projections.base import Envelope
from projections.jp_ledger import JPLedgerProjection
from projections.mentorings import MentoringsProjection
from projections.training_reports import Compliance, EmployeeJP, status_basis
from tests.unit.training.conftest import (
    AT,
    HR,
    LAST_SESSION,
    accepted,
    attended_all,
    because,
    define,
    employee,
)


class RecordingCursor:
    """Stands in for a psycopg cursor: keeps every executemany's statement and rows."""

    def __init__(self) -> None:
        self.written: list[tuple[str, list[tuple[Any, ...]]]] = []

    def executemany(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        self.written.append((statement, list(rows)))


def envelopes(events: list[Any], start: int = 1) -> list[Envelope]:
    return [Envelope(start + i, event) for i, event in enumerate(events)]


def test_a_failed_result_grants_no_jp_and_leaves_no_credit() -> None:
    training = attended_all(accepted(define(), employee(1)), employee(1))
    training.complete(employee(1), "FAILED", 40.0, None, LAST_SESSION, AT, HR)
    cur = RecordingCursor()
    JPLedgerProjection().apply(envelopes(training.collect_events()), cur, "rm")  # type: ignore[arg-type]
    assert cur.written == []


def test_a_pass_is_credited_at_the_position_of_its_event() -> None:
    training = attended_all(accepted(define(), employee(1)), employee(1))
    training.complete(employee(1), "PASSED", 90.0, "SERT-1", LAST_SESSION, AT, HR)
    events = training.collect_events()
    cur = RecordingCursor()
    JPLedgerProjection().apply(envelopes(events, start=41), cur, "rm")  # type: ignore[arg-type]
    [(_, [row])] = cur.written
    assert row[:3] == (40 + len(events), HR.tenant, employee(1))  # the completion's position
    assert (row[5], row[6], row[8]) == (8, "PELATIHAN_KLASIKAL", "PROGRAMME")


def test_a_mentoring_paired_and_ended_in_one_batch_is_inserted_before_it_is_updated() -> None:
    mentoring = Mentoring.pair(
        id=UUID(int=7), mentor_id=employee(1), mentor_service_start=date(2010, 1, 1),
        mentee_id=employee(2), mentee_service_start=date(2023, 2, 1),
        starts_on=date(2025, 2, 3), ends_on=date(2025, 5, 30), goals=["Orientasi"],
        competency_codes=[], at=AT, meta=HR,
    )  # fmt: skip
    mentoring.log_meeting(date(2025, 2, 10), 50, "SOP", AT, HR)
    mentoring.end_early(Side.MENTEE, date(2025, 3, 1), AT, because("Mutasi"))
    cur = RecordingCursor()
    MentoringsProjection().apply(envelopes(mentoring.collect_events()), cur, "rm")  # type: ignore[arg-type]
    assert [statement.split()[0] for statement, _ in cur.written] == ["INSERT", "INSERT", "UPDATE"]
    [(_, [ended])] = cur.written[2:]
    assert ended == ("ENDED_EARLY", date(2025, 3, 1), "MENTEE", "Mutasi", 1, 3, UUID(int=7))


def test_a_past_year_is_judged_on_its_last_day() -> None:
    assert status_basis(2024, date(2025, 6, 2)) == date(2024, 12, 31)


def test_the_current_year_is_judged_today() -> None:
    assert status_basis(2025, date(2025, 6, 2)) == date(2025, 6, 2)


def test_a_future_year_is_judged_on_its_first_day() -> None:
    assert status_basis(2026, date(2025, 6, 2)) == date(2026, 1, 1)


def test_the_distribution_bands_employees_by_jp_earned() -> None:
    people = [
        EmployeeJP(employee(n), f"nip-{n}", "x", UUID(int=0), jp, JPStatus.AT_RISK)
        for n, jp in enumerate((0, 4, 5, 19, 20, 31))
    ]
    report = Compliance(2025, date(2025, 6, 2), people, None, None)
    assert report.distribution() == [
        ("0-4", 2), ("5-9", 1), ("10-14", 0), ("15-19", 1), ("20+", 2),
    ]  # fmt: skip


def test_nobody_in_scope_has_no_compliance_rate() -> None:
    assert Compliance(2025, date(2025, 6, 2), [], None, None).compliance_rate is None
