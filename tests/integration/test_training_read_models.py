"""The training read models on a real PostgreSQL: rows per event, batch-independent, queried."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg
import psycopg
import pytest

from domain.aggregates.employee import Employee
from domain.learning import JPStatus
from projections.competencies import catalogue, jabatan_requirements
from projections.external_learning import submissions
from projections.jp_ledger import credits_of, developed_competencies
from projections.mentorings import mentorings_of
from projections.reader import EventReader
from projections.runner import ProjectionRunner
from projections.training_programmes import programmes, rosters
from projections.training_reports import compliance, recommendations, unit_gaps
from services.caller import Caller
from services.database import Database
from services.personnel import PersonnelApplication
from services.runtime import build_application
from services.training import TrainingApplication
from tests.integration.scenarios import Office
from tests.integration.training_scenario import (
    TrainingYear,
    record_training_year,
    training_clock,
)

pytestmark = pytest.mark.integration

TABLES = {
    "training_programmes": "id", "training_participants": "programme_id, employee_id",
    "jp_credits": "position", "mentorings": "id", "mentoring_meetings": "position",
    "external_learning": "id", "competencies": "tenant, code",
    "jabatan_requirements": "tenant, jabatan_key",
}  # fmt: skip


@pytest.fixture
def training(database: Database) -> Iterator[TrainingApplication]:
    application = build_application(TrainingApplication, database, training_clock())
    yield application
    application.close()


@pytest.fixture
def year(
    personnel: PersonnelApplication, training: TrainingApplication, caller: Caller,
    office: Office, runner: ProjectionRunner,
) -> TrainingYear:  # fmt: skip
    recorded = record_training_year(personnel, training, caller, office)
    runner.catch_up()
    return recorded


@pytest.fixture
async def pool(database: Database) -> AsyncIterator[asyncpg.Pool]:
    created = await asyncpg.create_pool(**database.asyncpg_kwargs(), min_size=1, max_size=2)
    yield created
    await created.close()


def contents(database: Database, schema: str = "rm") -> dict[str, list[Any]]:
    with psycopg.connect(**database.psycopg_kwargs()) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {schema}.{table} ORDER BY {key}").fetchall()
            for table, key in TABLES.items()
        }


def test_the_training_read_models_do_not_depend_on_the_batch_size(
    database: Database, reader: EventReader, year: TrainingYear
) -> None:
    one_batch = contents(database)
    small = ProjectionRunner(database, reader, schema="rm_small", batch_size=3)
    try:
        small.ensure_schema()
        small.catch_up()
    finally:
        small.close()
    assert contents(database, "rm_small") == one_batch
    assert all(one_batch.values())


async def test_a_finished_programme_shows_its_fill_and_its_released_waitlist(
    pool: asyncpg.Pool, caller: Caller, year: TrainingYear
) -> None:
    found = {p.id: p for p in await programmes(pool, caller.tenant, None)}
    finished = found[year.finished]
    assert (finished.status, finished.seated, finished.passed) == ("FINISHED", 1, 1)
    assert (finished.fill_rate, finished.completion_rate) == (1.0, 1.0)
    [roster] = await rosters(pool, [year.finished])
    assert sorted((p.seat, p.certificate_ref) for p in roster) == [
        ("PASSED", "SERT-LAN-1"), ("RELEASED", None),
    ]  # fmt: skip


async def test_a_cancelled_programme_keeps_its_reason_and_granted_nothing(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    [cancelled] = [p for p in await programmes(pool, caller.tenant, "CANCELLED")]
    assert cancelled.status_reason == "Narasumber berhalangan"
    [[released]] = await rosters(pool, [year.cancelled])
    assert (released.seat, released.jp, released.reason) == (
        "RELEASED", 0, "Narasumber berhalangan",
    )  # fmt: skip
    [credits] = await credits_of(pool, [released.employee_id])
    assert year.cancelled not in {c.source_id for c in credits}


async def test_every_jp_credit_names_the_position_of_the_event_that_granted_it(
    pool: asyncpg.Pool, personnel: PersonnelApplication, caller: Caller, office: Office,
    year: TrainingYear,
) -> None:  # fmt: skip
    ids = [Employee.id_for(nip) for nip in office.nips[:3]]
    ledger = await credits_of(pool, ids, 2025)
    assert [[(c.position, c.jp, c.source_kind, c.title) for c in rows] for rows in ledger] == [
        [(year.passed.position, 8, "PROGRAMME", "Layanan Digital")],
        [(year.mentoring_completed.position, 3, "MENTORING", "Mentoring")],
        [(year.recognised.position, 4, "EXTERNAL_LEARNING", "Keamanan Data")],
    ]
    assert (await credits_of(pool, ids, 2024)) == [[], [], []]  # the year of completion counts
    developed = await developed_competencies(pool, ids)
    assert developed == {ids[0]: {"DIGITAL"}, ids[1]: {"LEAD"}, ids[2]: {"DIGITAL"}}


async def test_a_mentoring_shows_its_meetings_and_the_jp_from_their_minutes(
    pool: asyncpg.Pool, personnel: PersonnelApplication, caller: Caller, office: Office,
    year: TrainingYear,
) -> None:  # fmt: skip
    mentee = Employee.id_for(office.nips[1])
    [[mentoring]] = await mentorings_of(pool, [mentee])
    assert (mentoring.status, mentoring.logged_minutes, mentoring.jp) == ("COMPLETED", 150, 3)
    assert mentoring.end_position == year.mentoring_completed.position
    assert [m.minutes for m in mentoring.meetings] == [100, 50]


async def test_external_learning_shows_each_decision_with_its_reason(
    pool: asyncpg.Pool, caller: Caller, year: TrainingYear
) -> None:
    decided = {s.title: s for s in await submissions(pool, caller.tenant, None)}
    assert (decided["Keamanan Data"].decision, decided["Keamanan Data"].jp) == ("RECOGNISED", 4)
    refused = decided["Webinar"]
    assert (refused.decision, refused.decision_reason) == ("REFUSED", "Bukti tidak sah")
    assert refused.decided_position == year.refused.position


async def test_the_catalogue_and_jabatan_requirements_are_read_per_tenant(
    pool: asyncpg.Pool, caller: Caller, year: TrainingYear
) -> None:
    assert [(c.code, c.kind) for c in await catalogue(pool, caller.tenant)] == [
        ("DIGITAL", "TEKNIS"), ("LEAD", "MANAJERIAL"),
    ]  # fmt: skip
    [required] = await jabatan_requirements(pool, caller.tenant)
    assert (required.jabatan_title, required.competency_codes) == (
        "Pengadministrasi Umum", ["DIGITAL", "LEAD"],
    )  # fmt: skip
    assert await catalogue(pool, "pemkab-lain") == []


async def test_compliance_of_a_unit_judges_each_employee_by_the_20_jp_rule(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    report = await compliance(pool, caller.tenant, office.bidang_id, 2025, date(2025, 6, 2))
    assert report.basis == date(2025, 6, 2)
    # 8, 4 and 3 JP (by NIP) against 8.3 expected by 2 June: all three are at risk.
    assert [(e.earned, e.status) for e in report.employees] == [
        (8, JPStatus.AT_RISK), (4, JPStatus.AT_RISK), (3, JPStatus.AT_RISK),
    ]  # fmt: skip
    assert report.compliance_rate == 0.0
    assert (report.fill_rate, report.completion_rate) == (1.0, 1.0)
    whole = await compliance(pool, caller.tenant, office.dinas_id, 2025, date(2025, 6, 2))
    assert len(whole.employees) == len(report.employees) + 1  # the mentor sits in the dinas


async def test_gaps_of_a_unit_offer_the_open_programme_for_a_missing_competency(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    report = await unit_gaps(pool, caller.tenant, office.bidang_id)
    missing = sorted((report.nips[g.employee_id], g.competency_code) for g in report.gaps)
    first, second, third = office.nips[:3]
    assert missing == sorted([(first, "LEAD"), (second, "DIGITAL"), (third, "LEAD")])
    digital = next(g for g in report.gaps if g.competency_code == "DIGITAL")
    assert digital.programme_ids == (year.open,)


async def appraised(
    pool: asyncpg.Pool, caller: Caller, office: Office, predikat: str, hasil: str, perilaku: str
) -> UUID:
    """Give office.nips[1] an annual predikat of 2024 in the appraisal read model."""
    employee_id = Employee.id_for(office.nips[1])
    result = {"predikat": predikat, "hasil_kerja": hasil, "perilaku_kerja": perilaku}
    await pool.execute(
        "INSERT INTO rm.appraisals (id, cycle_id, tenant, year, employee_id, nip, unit_id, "
        "annual_predikat, doc, last_position) VALUES (gen_random_uuid(), gen_random_uuid(), "
        "$1, 2024, $2, $3, $4, $5, $6::jsonb, 1)",
        caller.tenant, employee_id, office.nips[1], office.bidang_id, predikat,
        json.dumps({"predikat": {"ANNUAL": result}}),
    )  # fmt: skip
    return employee_id


async def test_a_predikat_below_baik_with_weak_hasil_kerja_recommends_technical_programmes(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    employee_id = await appraised(pool, caller, office, "BUTUH_PERBAIKAN", "DI_BAWAH", "SESUAI")
    found = await recommendations(pool, caller.tenant, employee_id, "Pengadministrasi Umum")
    assert (found.year, found.predikat, found.weak_competencies) == (
        2024, "BUTUH_PERBAIKAN", ["DIGITAL"],
    )  # fmt: skip
    assert [o.programme_id for o in found.programmes] == [year.open]


async def test_weak_perilaku_kerja_ties_to_the_managerial_competencies(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    employee_id = await appraised(pool, caller, office, "BUTUH_PERBAIKAN", "SESUAI", "DI_BAWAH")
    found = await recommendations(pool, caller.tenant, employee_id, "Pengadministrasi Umum")
    assert (found.weak_competencies, found.programmes) == (["LEAD"], [])  # no LEAD programme


async def test_a_baik_predikat_recommends_nothing(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    employee_id = await appraised(pool, caller, office, "BAIK", "SESUAI", "SESUAI")
    found = await recommendations(pool, caller.tenant, employee_id, "Pengadministrasi Umum")
    assert (found.predikat, found.weak_competencies, found.programmes) == ("BAIK", [], [])


async def test_a_sangat_baik_is_recommended_programmes_for_its_jabatans_competencies(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    employee_id = await appraised(pool, caller, office, "SANGAT_BAIK", "DI_ATAS", "DI_ATAS")
    found = await recommendations(pool, caller.tenant, employee_id, "Pengadministrasi Umum")
    assert (found.predikat, found.weak_competencies) == ("SANGAT_BAIK", [])
    assert found.development_competencies == ["DIGITAL", "LEAD"]
    assert [o.programme_id for o in found.programmes] == [year.open]


async def test_without_a_predikat_nothing_is_recommended(
    pool: asyncpg.Pool, caller: Caller, office: Office, year: TrainingYear
) -> None:
    employee_id = Employee.id_for(office.nips[0])
    found = await recommendations(pool, caller.tenant, employee_id, "Pengadministrasi Umum")
    assert (found.predikat, found.programmes) == (None, [])
