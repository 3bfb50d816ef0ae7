"""Writing an export's rows as CSV or XLSX, chunk by chunk, in bounded memory.

The log position the read models had reached is a last column, `log_position`, of every row:
it survives sorting, filtering and pasting in a spreadsheet, and a CSV reader needs no special
case (a leading or trailing comment line would be a stray row to it). XLSX adds an `about`
sheet (export, tenant, arguments, position, time, row count); HTTP adds `X-Jejak-Position`.
CSV is written as rows arrive. XLSX is a zip, only complete once every row is in: XlsxWriter's
constant_memory mode flushes each row to a temporary file, and the finished file is then sent
in chunks, so neither holds more than a row and a chunk in memory.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import tempfile
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import xlsxwriter

from graphql_api.exports.sheet import Cell, RawJson, Row

CHUNK = 64 * 1024
POSITION_COLUMN = "log_position"
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "jsonl": "application/jsonl",
}


async def csv_chunks(
    columns: Sequence[str], rows: AsyncIterator[Row], position: int
) -> AsyncIterator[bytes]:
    """The header, then the rows, in UTF-8, about CHUNK bytes at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*columns, POSITION_COLUMN])
    async for row in rows:
        writer.writerow([_text(cell) for cell in row] + [position])
        if buffer.tell() >= CHUNK:
            yield _drain(buffer)
    yield _drain(buffer)


async def json_chunks(
    columns: Sequence[str], rows: AsyncIterator[Row], *, lines: bool, position: int | None = None
) -> AsyncIterator[bytes]:
    """Each row as an object keyed by `columns`: a JSON array, or one object a line (JSON
    Lines). The position is in X-Jejak-Position (and on the CLI's stderr); in the body too,
    as each object's `log_position`, when given (a stamped export)."""
    buffer, first = io.StringIO(), True
    stamp = {} if position is None else {POSITION_COLUMN: position}
    if not lines:
        buffer.write("[")
    async for row in rows:
        item = _object(columns, row, stamp)
        buffer.write(f"{item}\n" if lines else f"{'' if first else ','}\n{item}")
        first = False
        if buffer.tell() >= CHUNK:
            yield _drain(buffer)
    if not lines:
        buffer.write("\n]\n" if not first else "]\n")
    yield _drain(buffer)


def _object(columns: Sequence[str], row: Row, stamp: dict[str, int]) -> str:
    """One row as a JSON object, its RawJson cells spliced in as the values they are."""
    plain: dict[str, Cell] = {}
    raw: list[str] = []
    for column, cell in zip(columns, row, strict=True):
        if isinstance(cell, RawJson):
            raw.append(f"{json.dumps(column)}: {cell}")
        else:
            plain[column] = _json(cell)
    text = json.dumps(plain | stamp)
    if not raw:
        return text
    return f"{text[:-1]}{', ' if len(text) > 2 else ''}{', '.join(raw)}}}"


def _json(cell: Cell) -> Cell:
    return cell.isoformat() if isinstance(cell, date) else cell


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data


def _text(cell: Cell) -> str | int | float:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def column_width(heading: str) -> int:
    """A width (in characters) that shows a column's usual values whole: NIPs, names, ids, times."""
    if heading == "nip" or heading.endswith("_nip"):
        return 20  # 18 digits
    if heading.endswith("_id") or heading == "id":
        return 38  # a UUID
    if heading == "name" or heading.endswith("_name") or heading.endswith("title"):
        return 32
    if heading.endswith(("_at", "_on", "_basis", "date")):
        return 20
    return max(len(heading) + 2, 10)


async def xlsx_chunks(
    name: str,
    columns: Sequence[str],
    rows: AsyncIterator[Row],
    position: int,
    about: Sequence[tuple[str, Cell]],
) -> AsyncIterator[bytes]:
    """A workbook with the rows on sheet `name` and an `about` sheet, sent in chunks."""
    with tempfile.TemporaryDirectory(prefix="jejak-export-") as folder:
        path = Path(folder) / f"{name}.xlsx"
        workbook = xlsxwriter.Workbook(
            str(path),
            {"constant_memory": True, "tmpdir": folder, "default_date_format": "yyyy-mm-dd"},
        )
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet(name[:31])
        headings = [*columns, POSITION_COLUMN]
        for index, heading in enumerate(headings):  # before any row: constant_memory needs it
            sheet.set_column(index, index, column_width(heading))
        sheet.freeze_panes(1, 0)
        sheet.set_landscape()  # printed: one page wide, the heading on every page
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.write_row(0, 0, headings, bold)
        count = 0
        async for row in rows:
            count += 1
            sheet.write_row(count, 0, [*row, position])
        sheet.autofilter(0, 0, max(count, 1), len(headings) - 1)
        info = workbook.add_worksheet("about")
        taken = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
        facts = [*about, (POSITION_COLUMN, position), ("rows", count), ("taken_at", taken)]
        for line, (key, value) in enumerate(facts):
            info.write_string(line, 0, key, bold)
            info.write(line, 1, value)
        await asyncio.to_thread(workbook.close)
        with path.open("rb") as file:
            while chunk := await asyncio.to_thread(file.read, CHUNK):
                yield chunk
