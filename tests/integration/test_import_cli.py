"""`jejak import employees` against the test database: dry run, atomic batches, resume, callers."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import cast
from uuid import UUID

import pytest

from access.dev_issuer import DevIssuer, dev_issuer_url
from domain.aggregates.employee import Employee
from scripts.cli import main
from services.bulk_import import BulkImport
from services.caller import Caller
from services.database import Database
from services.import_file import read_import_file
from services.personnel import PersonnelApplication
from services.runtime import build_personnel
from tests.integration.scenarios import TENANT, database_url
from tests.tenants import register_tenants

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "siasn_pegawai.csv"
SAMPLE_NIPS = [
    "198609262015051001", "199002142019032002", "197805112003121003",
    "199508172023012001", "197001012000031004",
]  # fmt: skip
Mint = Callable[..., str]


@pytest.fixture
def units(personnel: PersonnelApplication, caller: Caller) -> dict[str, UUID]:
    """The units the sample names: Dinas Pendidikan and its Bidang Pembinaan SD."""
    dinas = personnel.create_unit(caller, code="DISDIK", name="Dinas Pendidikan", kind="DINAS")
    bidang = personnel.create_unit(
        caller, code="DISDIK-B1", name="Bidang Pembinaan SD", kind="BIDANG",
        parent_id=dinas.aggregate_id,
    )  # fmt: skip
    return {"dinas": dinas.aggregate_id, "bidang": bidang.aggregate_id}


@pytest.fixture
def mint(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: dict[str, UUID]
) -> Mint:
    """Tokens of the development issuer, whose key the CLI reads; the CLI on the test database."""
    for variable in ("JEJAK_OIDC_ISSUER", "JEJAK_DEV_ISSUER_URL", "JEJAK_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url(database))
    key = tmp_path / "dev-issuer" / "signing-key.pem"
    monkeypatch.setenv("JEJAK_DEV_ISSUER_KEY", str(key))
    issuer = DevIssuer.load_or_create(key, dev_issuer_url())

    def minted(role: str = "hr_officer", tenant: str = TENANT, user: str = "hr-import") -> str:
        return issuer.mint(user, [role], tenant)

    return minted


@pytest.fixture
def hr_token(mint: Mint, monkeypatch: pytest.MonkeyPatch) -> str:
    token = mint()
    monkeypatch.setenv("JEJAK_TOKEN", token)
    return token


def head(personnel: PersonnelApplication) -> int:
    return personnel.recorder.max_notification_id() or 0


def appointed(personnel: PersonnelApplication, nip: str) -> list[Employee.Event]:
    """The events recorded for the NIP's employee."""
    return [cast("Employee.Event", e) for e in personnel.events.get(Employee.id_for(nip))]


def with_rows(tmp_path: Path, *lines: str) -> Path:
    """The sample with `lines` appended, as a file of its own."""
    path = tmp_path / "pegawai.csv"
    shutil.copy(SAMPLE, path)
    with path.open("a", encoding="utf-8") as out:
        out.writelines(f"{line}\n" for line in lines)
    return path


def line(nip: str, name: str, born: str, tmt: str, golongan: str, unit: str) -> str:
    """A row in the sample's columns: a PNS pelaksana titled Staf."""
    return f"X;{nip};;{name};{born};P;{tmt};;{golongan};Fungsional Umum;;Staf;{unit}"


DISDIK = "Dinas Pendidikan"
BAD_ROWS = (
    line("19860926201505100", "Rudi", "26-09-1986", "01-05-2015", "III/a", DISDIK),  # 17 digits
    line("198811032014021005", "Tono", "04-11-1988", "01-02-2014", "III/b", DISDIK),  # not born so
    line("198609262015051001", "Andi S.", "26-09-1986", "01-05-2015", "III/a", DISDIK),  # row 2's
    line("198811032014021006", "Wati", "03-11-1988", "01-02-2014", "III/b", "Dinas Kesehatan"),
    line("198811032014021007", "Joko", "03-11-1988", "31-02-2014", "III/b", DISDIK),  # no such day
    line("198811032014021008", "Sari", "03-11-1988", "01-02-2014", "V/a", DISDIK),  # no golongan
)  # rows 7 to 12


def test_a_dry_run_lists_every_refused_row_with_its_code_and_records_nothing(
    personnel: PersonnelApplication, hr_token: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    before = head(personnel)
    path = with_rows(tmp_path, *BAD_ROWS)

    assert main(["import", "employees", str(path), "--tenant", TENANT, "--dry-run",
                 "--batch-size", "3", "--format", "json"]) == 1  # fmt: skip

    report = json.loads(capsys.readouterr().out)
    assert [(r["row"], r["code"]) for r in report["rejected"]] == [
        (7, "INVALID_NIP"), (8, "BIRTH_DATE_MISMATCH"), (9, "DUPLICATE_IN_FILE"),
        (10, "UNIT_NOT_FOUND"), (11, "INVALID_DATE"), (12, "INVALID_GOLONGAN"),
    ]  # fmt: skip
    assert report["rejected"][2]["reason"] == "NIP 198609262015051001 is also on row 2."
    assert (report["read"], report["imported"], report["dry_run"]) == (11, 0, True)
    assert head(personnel) == before


def test_a_clean_dry_run_exits_0_and_records_nothing(
    personnel: PersonnelApplication, hr_token: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = head(personnel)

    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT, "--dry-run"]) == 0

    assert "rows read 5, imported 0, skipped as already imported 0, rejected 0" in (
        capsys.readouterr().out
    )
    assert head(personnel) == before


def test_an_import_with_a_refused_row_records_nothing_and_lists_it(
    personnel: PersonnelApplication, hr_token: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    before = head(personnel)

    assert main(["import", "employees", str(with_rows(tmp_path, BAD_ROWS[1])),
                 "--tenant", TENANT]) == 1  # fmt: skip

    out = capsys.readouterr().out
    assert "BIRTH_DATE_MISMATCH" in out
    assert "nothing was recorded" in out
    assert head(personnel) == before


def test_the_import_appoints_every_row_as_the_token_s_user_with_the_file_and_row(
    personnel: PersonnelApplication, hr_token: str, units: dict[str, UUID],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT, "--batch-size", "2"]) == 0

    assert "rows read 5, imported 5, skipped as already imported 0, rejected 0; 3 batch(es)" in (
        capsys.readouterr().out
    )
    [event] = appointed(personnel, SAMPLE_NIPS[4])
    digest = read_import_file(SAMPLE).sha256[:12]
    assert event.meta.reason == f"bulk import siasn_pegawai.csv (sha256 {digest}), row 6"
    assert (event.meta.actor_id, event.meta.actor_role, event.meta.tenant) == (
        "hr-import", "hr_officer", TENANT,
    )  # fmt: skip
    head_of_dinas = personnel.get_employee(SAMPLE_NIPS[4])
    assert (head_of_dinas.jabatan_kind, head_of_dinas.unit_id) == ("JPT_PRATAMA", units["dinas"])
    assert personnel.get_employee(SAMPLE_NIPS[3]).employment_type == "CPNS"


def test_a_batch_that_fails_at_save_records_nothing_of_it_and_earlier_batches_stay(
    database: Database, personnel: PersonnelApplication, hr_token: str, caller: Caller,
    units: dict[str, UUID],
) -> None:  # fmt: skip
    rival = build_personnel(database)

    def appoint_row_4_meanwhile(stage: str, done: int, total: int) -> None:
        # Row 4 (the third data row, in batch 2) is checked; another writer appoints it.
        if stage == "import" and done == 3:
            rival.appoint_employee(
                caller, nip=SAMPLE_NIPS[2], name="Budi Santoso", employment_type="PNS",
                golongan="IV/a", jabatan_kind="ADMINISTRATOR",
                jabatan_title="Kepala Bidang Pembinaan SD", unit_id=units["bidang"],
                appointed_on=date(2003, 12, 1),
            )  # fmt: skip

    try:
        bulk = BulkImport(personnel, caller, read_import_file(SAMPLE), batch_size=2,
                          progress=appoint_row_4_meanwhile)  # fmt: skip
        report = bulk.run()
    finally:
        rival.close()

    assert (report.failed_batch, report.batches_saved, report.imported) == (2, 1, 2)
    [failure] = report.rejected
    assert (failure.row, failure.code) == (4, "ALREADY_EXISTS")
    assert "nothing of batch 2 was recorded" in failure.reason
    assert [len(appointed(personnel, nip)) for nip in SAMPLE_NIPS] == [1, 1, 1, 0, 0]


def test_resume_after_a_failed_batch_completes_without_duplicates(
    database: Database, personnel: PersonnelApplication, hr_token: str, caller: Caller,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    # An earlier run stopped after its first batch: rows 2 and 3 are recorded.
    source = read_import_file(SAMPLE)
    earlier = BulkImport(personnel, caller, replace(source, rows=source.rows[:2]), batch_size=2)
    assert earlier.run().imported == 2

    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT, "--resume",
                 "--batch-size", "2"]) == 0  # fmt: skip

    out = capsys.readouterr().out
    assert "Resumed at row 4" in out
    assert "rows read 5, imported 3, skipped as already imported 2, rejected 0" in out
    assert [len(appointed(personnel, nip)) for nip in SAMPLE_NIPS] == [1] * 5
    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT]) == 0
    assert "imported 0, skipped as already imported 5" in capsys.readouterr().out


def test_a_recorded_nip_with_other_data_is_an_import_conflict(
    personnel: PersonnelApplication, hr_token: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT]) == 0
    capsys.readouterr()
    changed = tmp_path / "changed.csv"
    changed.write_text(SAMPLE.read_text(encoding="utf-8-sig").replace("IV/a - Pembina", "IV/b"))

    assert main(["import", "employees", str(changed), "--tenant", TENANT, "--dry-run"]) == 1

    out = capsys.readouterr().out
    assert "IMPORT_CONFLICT" in out
    assert "with another golongan" in out


@pytest.mark.parametrize(
    ("role", "tenant", "said"),
    [
        ("auditor", TENANT, "FORBIDDEN: the role auditor may not appoint employees"),
        ("employee", TENANT, "FORBIDDEN: the role employee may not appoint employees"),
        ("hr_officer", "pemkab-kemuning", f"the token acts for pemkab-kemuning, not {TENANT}"),
    ],
)
def test_a_token_of_a_read_only_role_or_another_tenant_is_refused_and_records_nothing(
    personnel: PersonnelApplication, mint: Mint, database: Database, role: str, tenant: str,
    said: str, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    register_tenants(database, "pemkab-kemuning")
    before = head(personnel)

    code = main(["import", "employees", str(SAMPLE), "--tenant", TENANT,
                 "--token", mint(role=role, tenant=tenant)])  # fmt: skip

    assert code == 2
    assert said in capsys.readouterr().err
    assert head(personnel) == before


def test_a_token_the_issuer_did_not_sign_is_refused(
    personnel: PersonnelApplication, mint: Mint, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = DevIssuer.generate(dev_issuer_url()).mint("hr-x", ["hr_officer"], TENANT)

    assert main(["import", "employees", str(SAMPLE), "--tenant", TENANT, "--token", stranger]) == 2

    assert "UNAUTHENTICATED (UNKNOWN_KEY)" in capsys.readouterr().err


def test_the_text_report_lists_refused_rows_in_an_aligned_table_before_the_summary(
    personnel: PersonnelApplication, hr_token: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = with_rows(tmp_path, BAD_ROWS[0], BAD_ROWS[3])

    assert main(["import", "employees", str(path), "--tenant", TENANT, "--dry-run"]) == 1

    header, first, second, summary = capsys.readouterr().out.splitlines()
    assert header.split() == ["row", "nip", "code", "reason"]
    assert first.split()[:3] == ["7", "19860926201505100", "INVALID_NIP"]
    assert second.split()[:3] == ["8", "198811032014021006", "UNIT_NOT_FOUND"]
    assert summary.endswith("rejected 2; 0 batch(es) saved; nothing was recorded (dry run).")
