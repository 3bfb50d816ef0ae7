"""Bulk import of employees and their current position from a SIASN/SAPK export.

Every row is appointed by `PersonnelApplication.appoint_employee`, the command behind the
API's appointEmployee, as the verified caller and with a reason naming the file (its name and
SHA-256 prefix) and the row. Rows go in batches of `batch_size`, each saved in one `save()` of
all its aggregates: one INSERT statement, so a batch is recorded whole or not at all.

`check()` (the dry run) runs every row through the command inside batches that are thrown
away, and lists every row it would refuse. `run()` checks first and records nothing if any row
is refused; then it imports batch by batch and stops at the first batch that fails at save
time (or whose rows were refused meanwhile), naming the batch and the row.

Resuming needs no checkpoint: an employee's id is derived from the NIP, so a rerun finds each
row's employee in the event store. A row whose NIP was appointed in this tenant with the same
data (as first appointed: later promotions do not count) is skipped; with other data it is an
IMPORT_CONFLICT, and in another tenant NIP_NOT_APPOINTABLE, as the API would answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.aggregates.employee import Employee
from domain.employment import parse_employment_type
from domain.errors import N_, AlreadyExists, DomainError, NipNotAppointable, listing
from domain.import_rows import ImportRow, read_row
from domain.jabatan import parse_jabatan
from domain.ranks import parse_golongan
from domain.siasn_columns import Field, map_headings
from domain.text import NAME, clean_text
from services.caller import Caller
from services.import_file import ImportFile
from services.import_units import UnitDirectory, tenant_units
from services.personnel import PersonnelApplication

DEFAULT_BATCH_SIZE = 500  # well below the 2,000-aggregate saves that hung (design.md)
Progress = Callable[[str, int, int], None]  # (stage, rows done, rows in the file)


class ImportConflict(AlreadyExists):
    """The NIP is recorded in this tenant with other data than the row's."""

    code = "IMPORT_CONFLICT"


class DuplicateInFile(DomainError):
    code = "DUPLICATE_IN_FILE"


@dataclass(frozen=True)
class Rejection:
    """A row that cannot be imported: its row number, NIP as given, typed code and reason."""

    row: int
    nip: str
    code: str
    reason: str


@dataclass
class ImportReport:
    """What a check or an import found and did."""

    read: int = 0
    imported: int = 0
    skipped: int = 0  # imported identically before
    rejected: list[Rejection] = field(default_factory=list)
    batches_saved: int = 0
    resumed_at: int | None = None  # the first row appointed after rows imported earlier
    position: int = 0  # the log head after the last saved batch
    failed_batch: int | None = None  # the batch that stopped the import


class _Discard(Exception):
    """Leaves a batch without saving it (a dry run, or a batch with a refused row)."""


class BulkImport:
    """One file's rows, imported into the caller's tenant through the appointment command."""

    def __init__(
        self, personnel: PersonnelApplication, caller: Caller, source: ImportFile, *,
        batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
    ) -> None:  # fmt: skip
        if batch_size < 1:
            raise ValueError("A batch holds at least one row.")
        self.personnel, self.caller, self.source = personnel, caller, source
        self.columns = map_headings(source.headings)  # MISSING_COLUMN before any row
        self.batch_size = batch_size
        self.progress = progress
        self._units: UnitDirectory | None = None

    def check(self) -> ImportReport:
        """Every row through the command, nothing recorded; lists every refused row."""
        return self._pass(commit=False)

    def run(self) -> ImportReport:
        """Check every row, then import batch by batch unless a row was refused."""
        checked = self._pass(commit=False)
        if checked.rejected:
            return checked
        return self._pass(commit=True)

    # --- one pass over the file --------------------------------------------------------
    def _pass(self, *, commit: bool) -> ImportReport:
        self._units = tenant_units(self.personnel, self.caller.tenant)  # fresh each pass
        stage, total = ("import" if commit else "check"), len(self.source.rows)
        report, seen, done = ImportReport(read=total), dict[str, int](), 0
        for number, batch in enumerate(_batches(self.source.rows, self.batch_size), 1):
            appointed: list[ImportRow] = []
            try:
                with self.personnel.batch():
                    for row_number, values in batch:
                        self._row(row_number, values, seen, report, appointed)
                        done += 1
                        if self.progress is not None:
                            self.progress(stage, done, total)
                        if commit and report.rejected:
                            raise _Discard
                    if not commit or not appointed:
                        raise _Discard
            except _Discard:
                if commit and report.rejected:
                    report.failed_batch = number
                    return report
                continue
            except IntegrityError:
                report.rejected.append(self._lost_race(number, appointed))
                report.failed_batch = number
                return report
            report.batches_saved += 1
            report.imported += len(appointed)
            report.position = self.personnel.recorder.max_notification_id() or 0
        return report

    def _row(
        self, number: int, values: Sequence[str], seen: dict[str, int], report: ImportReport,
        appointed: list[ImportRow],
    ) -> None:  # fmt: skip
        given = _nip_as_given(values, self.columns.columns)
        try:
            row = read_row(values, self.columns, number)
            if row.nip in seen:
                raise DuplicateInFile(
                    N_("NIP {nip} is also on row {row}."), nip=row.nip, row=seen[row.nip]
                )
            seen[row.nip] = number
            unit_id = self._unit_directory().resolve(row.unit)
            if self._imported_before(row, unit_id):
                report.skipped += 1
                return
            self._appoint(row, unit_id)
        except DomainError as error:
            report.rejected.append(Rejection(number, given, error.code, error.message))
            return
        if report.imported == 0 and report.skipped and report.resumed_at is None:
            report.resumed_at = number
        appointed.append(row)

    def _appoint(self, row: ImportRow, unit_id: UUID) -> None:
        self.personnel.appoint_employee(
            self.caller,
            nip=row.nip,
            name=row.name,
            employment_type=row.employment_type,
            golongan=row.golongan,
            jabatan_kind=row.jabatan_kind,
            jabatan_title=row.jabatan_title,
            jabatan_jenjang=row.jabatan_jenjang,
            unit_id=unit_id,
            appointed_on=row.appointed_on,
            reason=f"bulk import {self.source.label}, row {row.row}",
        )

    def _imported_before(self, row: ImportRow, unit_id: UUID) -> bool:
        """Whether the row's NIP is recorded here with its data; raises if with other data."""
        try:
            first: Employee = self.personnel.repository.get(Employee.id_for(row.nip), version=1)
        except AggregateNotFoundError:
            return False
        if first.tenant != self.caller.tenant:
            raise NipNotAppointable(N_("NIP {nip} cannot be appointed here."), nip=row.nip)
        differing = _differences(first, row, unit_id)
        if differing:
            raise ImportConflict(
                N_("NIP {nip} is already appointed in {tenant} with another {fields}."),
                nip=row.nip,
                tenant=self.caller.tenant,
                fields=listing(differing),
            )
        return True

    def _lost_race(self, batch: int, appointed: list[ImportRow]) -> Rejection:
        """The row whose NIP another writer recorded while the batch was being saved."""
        for row in appointed:
            try:
                holder: Employee = self.personnel.repository.get(Employee.id_for(row.nip))
            except AggregateNotFoundError:
                continue
            mine = holder.tenant == self.caller.tenant
            error = AlreadyExists if mine else NipNotAppointable
            what = "was appointed" if mine else "cannot be appointed here: it was recorded"
            return Rejection(
                row.row, row.nip, error.code,
                f"NIP {row.nip} {what} by another writer while batch {batch} was saved; "
                f"nothing of batch {batch} was recorded.",
            )  # fmt: skip
        first = appointed[0]
        return Rejection(
            first.row, first.nip, "BATCH_NOT_SAVED",
            f"Batch {batch} (rows {first.row}–{appointed[-1].row}) was refused by the event "
            "store; nothing of it was recorded.",
        )  # fmt: skip

    def _unit_directory(self) -> UnitDirectory:
        assert self._units is not None
        return self._units


def _differences(first: Employee, row: ImportRow, unit_id: UUID) -> list[str]:
    """The fields the row gives otherwise than the employee's appointment, parsed alike."""
    kind = parse_employment_type(row.employment_type)
    jabatan = parse_jabatan(row.jabatan_kind, row.jabatan_title, row.jabatan_jenjang)
    wanted = {  # the names are marked: the refusal lists them in the client's language
        N_("name"): clean_text(row.name, N_("Name"), NAME, min_length=2),
        N_("employment type"): kind.value,
        N_("golongan"): parse_golongan(row.golongan, kind).code,
        N_("jabatan"): (jabatan.kind.value, jabatan.title,
                        jabatan.jenjang.value if jabatan.jenjang else None),
        N_("unit"): unit_id,
        N_("TMT"): row.appointed_on,
    }  # fmt: skip
    recorded = {
        "name": first.name, "employment type": first.employment_type, "golongan": first.golongan,
        "jabatan": first.jabatan, "unit": first.unit_id, "TMT": first.appointed_on,
    }  # fmt: skip
    return [name for name, value in wanted.items() if recorded[name] != value]


def _batches(rows: list[tuple[int, list[str]]], size: int) -> Iterator[list[tuple[int, list[str]]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _nip_as_given(values: Sequence[str], columns: dict[Field, int]) -> str:
    column = columns.get(Field.NIP)
    if column is None or column >= len(values):
        return ""
    return values[column].strip().removeprefix("'")[:50]
