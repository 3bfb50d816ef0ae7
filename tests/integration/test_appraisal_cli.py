"""`jejak appraisal verify` and `jejak appraisal cycles` against cycles recorded on real
PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.scoring import RULES_VERSION
from scripts.cli import main
from services.appraisal import AppraisalApplication
from services.database import Database
from services.runtime import build_application
from tests.integration.scenarios import database_url
from tests.unit.appraisal.conftest import (
    CANDIDATES,
    HASIL_KERJA,
    HR_CALLER,
    KABID,
    KASI,
    PEER,
    PERILAKU,
    SEKSI,
    STAFF,
    TENANT,
    UNITS,
    YEAR,
    Clock,
    asn,
    employee_id,
    given_the_tenant,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def appraisal(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppraisalApplication]:
    """The appraisal application on the test database, which the CLI is given too."""
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    application = build_application(AppraisalApplication, database, Clock())
    given_the_tenant(application)
    yield application
    application.close()


@pytest.fixture
def finalised(appraisal: AppraisalApplication) -> UUID:
    """A cycle of the Seksi (KASI, STAFF, PEER), everyone BAIK, the unit ISTIMEWA, finalised."""
    cycle_id = appraisal.open_cycle(
        HR_CALLER, year=YEAR, period="QUARTERLY", unit_ids=[SEKSI]
    ).aggregate_id
    appraisal.enrol(HR_CALLER, cycle_id=cycle_id, candidates=CANDIDATES, units=UNITS)
    for nip, appraiser in ((KASI, KABID), (STAFF, KASI), (PEER, KASI)):
        who: dict[str, Any] = {"cycle_id": cycle_id, "employee_id": employee_id(nip)}
        appraisal.draft_skp(asn(nip), **who, hasil_kerja=HASIL_KERJA, perilaku=PERILAKU)
        appraisal.approve_skp(asn(appraiser), **who)
        appraisal.rate(
            asn(appraiser), **who, checkpoint="ANNUAL", hasil_kerja="SESUAI",
            perilaku_kerja="SESUAI", justification="Target tahunan tercapai sesuai rencana.",
        )  # fmt: skip
    appraisal.rate_organisation(HR_CALLER, cycle_id=cycle_id, unit_id=SEKSI, rating="ISTIMEWA")
    appraisal.finalise(HR_CALLER, cycle_id=cycle_id)
    return cycle_id


def test_verify_reports_every_predikat_matching_and_exits_zero(
    finalised: UUID, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["appraisal", "verify", str(finalised)]) == 0
    assert "3 predikat recomputed, 0 differ." in capsys.readouterr().out


def test_verify_exits_non_zero_when_a_recorded_predikat_differs(
    appraisal: AppraisalApplication, finalised: UUID, capsys: pytest.CaptureFixture[str]
) -> None:
    # A predikat the matrix does not give, as a buggy writer might have recorded it.
    record = appraisal.get_appraisal(HR_CALLER, finalised, employee_id(STAFF))
    rated = record.ratings["ANNUAL"]
    record.record(
        record.PredikatComputed, Clock()(), HR_CALLER.meta(), checkpoint="ANNUAL",
        predikat="SANGAT_BAIK", hasil_kerja="SESUAI", perilaku_kerja="SESUAI",
        rules_version=RULES_VERSION, source_versions=[rated["version"]],
    )  # fmt: skip
    appraisal.save(record)
    assert main(["appraisal", "verify", str(finalised)]) == 1
    assert f"DIFFERS {STAFF} ANNUAL" in capsys.readouterr().out


def test_verify_of_an_unknown_cycle_exits_two(appraisal: AppraisalApplication) -> None:
    assert main(["appraisal", "verify", str(uuid4())]) == 2


@pytest.fixture
def two_cycles(appraisal: AppraisalApplication, finalised: UUID) -> tuple[UUID, UUID]:
    """The finalised cycle of YEAR and an open one of the next year, in the read models."""
    opened = appraisal.open_cycle(
        HR_CALLER, year=YEAR + 1, period="SEMESTER", unit_ids=[SEKSI]
    ).aggregate_id
    assert main(["projections", "rebuild"]) == 0
    return finalised, opened


def test_cycles_lists_id_year_period_enrolled_and_finalised_newest_year_first(
    two_cycles: tuple[UUID, UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    finalised, opened = two_cycles
    capsys.readouterr()

    assert main(["appraisal", "cycles"]) == 0

    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["id", "tenant", "year", "period", "enrolled", "finalised"]
    assert [row.split() for row in rows] == [
        [str(opened), TENANT, str(YEAR + 1), "SEMESTER", "0", "-"],
        # finalised on the local (WIB) date of the application's clock, 2 January
        [str(finalised), TENANT, str(YEAR), "QUARTERLY", "3", f"{YEAR}-01-02"],
    ]


def test_cycles_json_gives_each_cycle_as_an_object_with_its_ids_as_text(
    two_cycles: tuple[UUID, UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    finalised, _ = two_cycles
    capsys.readouterr()

    assert main(["appraisal", "cycles", "--tenant", TENANT, "--json"]) == 0

    cycles = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["year"], c["enrolled"], c["finalised_on"]) for c in cycles] == [
        (YEAR + 1, 0, None),
        (YEAR, 3, f"{YEAR}-01-02"),
    ]
    assert cycles[1]["id"] == str(finalised)
    assert cycles[1]["unit_ids"] == [str(SEKSI)]


def test_cycles_of_an_unregistered_tenant_exit_two_and_say_so(
    two_cycles: tuple[UUID, UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()

    assert main(["appraisal", "cycles", "--tenant", "pemkab-entah"]) == 2

    captured = capsys.readouterr()
    assert (captured.out, "pemkab-entah is not a registered instansi" in captured.err) == ("", True)


def test_cycles_before_any_read_model_is_built_say_how_to_build_them(
    appraisal: AppraisalApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["appraisal", "cycles"]) == 1

    assert "jejak projections rebuild" in capsys.readouterr().err
