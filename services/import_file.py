"""An import file read into headings and rows: UTF-8 (with or without a BOM), `;` or `,`.

Why both separators: Excel in an Indonesian locale saves "CSV" with `;` (the decimal mark is
a comma), SIASN's own download and most tools write `,`. The separator is sniffed from the
heading line only, so a comma inside a name on a later row cannot mislead it.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from domain.errors import N_, InvalidInput

SEPARATORS = ";,\t"
MAX_BYTES = 64 * 1024 * 1024  # a province's export is a few MB


class InvalidFile(InvalidInput):
    code = "INVALID_FILE"


@dataclass(frozen=True)
class ImportFile:
    """The file's name and digest, its headings, and its rows with their spreadsheet row
    number (the headings are row 1; blank rows are left out but keep their numbers)."""

    name: str
    sha256: str
    headings: list[str]
    rows: list[tuple[int, list[str]]]

    @property
    def label(self) -> str:
        """How events name the file: its name and the first 12 hex digits of its SHA-256."""
        return f"{self.name} (sha256 {self.sha256[:12]})"


def read_import_file(path: Path) -> ImportFile:
    """The file at `path`; INVALID_FILE if it is not readable UTF-8 CSV."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidFile(
                N_("{name} is larger than {megabytes} MB."),
                name=path.name,
                megabytes=MAX_BYTES // 2**20,
            )
        data = path.read_bytes()
    except OSError as error:
        raise InvalidFile(
            N_("{path} cannot be read: {strerror}."), path=path, strerror=error.strerror
        ) from None
    return parse_import_bytes(data, path.name[:200])


def parse_import_bytes(data: bytes, name: str) -> ImportFile:
    """Headings and rows of CSV `data`, decoded as UTF-8 with an optional BOM."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(
            N_("{name} is not UTF-8 (byte {start}): save it as 'CSV UTF-8'."),
            name=name,
            start=error.start,
        ) from None
    heading_line = text.split("\n", 1)[0]
    if not heading_line.strip():
        raise InvalidFile(N_("{name} has no heading row."), name=name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(heading_line))
    try:
        records = list(reader)
    except csv.Error as error:
        raise InvalidFile(
            N_("{name} is not valid CSV near line {line_num}: {error}."),
            name=name,
            line_num=reader.line_num,
            error=error,
        ) from None
    headings, *body = records
    rows = [
        (number, values) for number, values in enumerate(body, 2) if any(v.strip() for v in values)
    ]
    return ImportFile(name, hashlib.sha256(data).hexdigest(), headings, rows)


def _separator(heading_line: str) -> str:
    try:
        return csv.Sniffer().sniff(heading_line, delimiters=SEPARATORS).delimiter
    except csv.Error:  # a single column: any separator reads it
        return ","
