"""`jejak appraisal verify` against a cycle recorded on real PostgreSQL."""

from __future__ import annotations

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
