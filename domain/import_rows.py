"""One row of a SIASN/SAPK export, read into the values of an appointment (docs/import.md).

Why here: how an export's cells become Jejak's values (dates as SIASN writes them, STATUS
C/P, a jabatan struktural's eselon, a fungsional's jenjang in its title) is a rule of its
own. Whether the values are valid is not decided here: the NIP, golongan, jabatan, name and
dates go through the same parsers and `PersonnelApplication.appoint_employee` as the API's
appointEmployee. The one check added is the export's birth date against the NIP's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain.employment import EmploymentType, parse_employment_type
from domain.errors import N_, InvalidInput, Phrase, phrase
from domain.jabatan import JabatanKind, JenjangFungsional
from domain.nip import parse_nip
from domain.siasn_columns import ColumnMap, Field


class MissingValue(InvalidInput):
    code = "MISSING_VALUE"


class InvalidDate(InvalidInput):
    code = "INVALID_DATE"


class BirthDateMismatch(InvalidInput):
    code = "BIRTH_DATE_MISMATCH"


class InvalidEmploymentType(InvalidInput):
    code = "INVALID_EMPLOYMENT_TYPE"


@dataclass(frozen=True)
class ImportRow:
    """The appointment one row asks for; `row` is its spreadsheet row (the headings are 1)."""

    row: int
    nip: str  # the 18 digits
    name: str
    employment_type: str
    golongan: str
    jabatan_kind: str
    jabatan_title: str
    jabatan_jenjang: str | None
    unit: str  # a unit's name, code or id, as the file gives it
    appointed_on: date
    birth_date: date


_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")  # a spreadsheet's 00:00:00
_PNS_GOLONGAN = re.compile(r"(?<![A-Z])(IV|III|II|I)\s*/\s*([A-E])(?![A-Z])", re.IGNORECASE)
# Eselon I–IV (Perpres 26/2013) to the kinds of UU 20/2023: I is JPT madya in a region.
_ESELON_KIND = {
    "I": JabatanKind.JPT_MADYA, "II": JabatanKind.JPT_PRATAMA,
    "III": JabatanKind.ADMINISTRATOR, "IV": JabatanKind.PENGAWAS, "V": JabatanKind.PENGAWAS,
}  # fmt: skip
_JENJANG_WORDS = {j: j.value.replace("_", " ") for j in JenjangFungsional}
# SIASN's JENIS_JABATAN_NAMA (ids 1, 2 and 4) and Jejak's own kinds.
_SIASN_KINDS = {"FUNGSIONAL TERTENTU": JabatanKind.FUNGSIONAL,
                "FUNGSIONAL UMUM": JabatanKind.PELAKSANA}  # fmt: skip


def parse_date(raw: str, what: str) -> date:
    """A date as SIASN writes it (dd-mm-yyyy, also with / or .) or ISO (yyyy-mm-dd)."""
    text = _TIME.sub("", raw.strip())
    if (iso := _ISO.fullmatch(text)) is not None:
        year, month, day = (int(part) for part in iso.groups())
    elif (dmy := _DMY.fullmatch(text)) is not None:
        day, month, year = (int(part) for part in dmy.groups())
    else:
        raise InvalidDate(
            N_("{what} {raw!r} is not a date: use dd-mm-yyyy or yyyy-mm-dd."),
            what=phrase(what),
            raw=raw.strip(),
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(
            N_("{what} {raw!r} is not a calendar date."), what=phrase(what), raw=raw.strip()
        ) from None


def golongan_code(raw: str) -> str:
    """The golongan/ruang in a cell such as `III/a`, `III/a - Penata Muda` or `Penata (III/c)`;
    a PPPK golongan (`IX`) as given."""
    found = _PNS_GOLONGAN.search(raw)
    if found is None:
        return raw.strip()
    return f"{found[1].upper()}/{found[2].lower()}"


def employment_type_of(cells: dict[Field, str]) -> EmploymentType:
    """PNS, CPNS or PPPK: from JENIS PEGAWAI, else STATUS (C/P), else whether the row has a
    TMT PNS, else the golongan's scheme (I/a–IV/e for PNS, I–XVII for PPPK)."""
    kind = cells.get(Field.EMPLOYMENT_TYPE, "").upper()
    if "PPPK" in kind:
        return EmploymentType.PPPK
    status = cells.get(Field.STATUS, "").upper()
    if status:
        if status in ("C", "CPNS"):
            return EmploymentType.CPNS
        if status in ("P", "PNS"):
            return EmploymentType.PNS
        raise InvalidEmploymentType(
            N_("STATUS {status!r} is neither C (CPNS) nor P (PNS)."), status=status
        )
    if kind:
        if "CPNS" in kind:
            return EmploymentType.CPNS
        if "PNS" in kind:
            return EmploymentType.PNS
        try:
            return parse_employment_type(kind)
        except InvalidInput:
            raise InvalidEmploymentType(
                N_("JENIS PEGAWAI {kind!r} is not PNS, CPNS or PPPK."), kind=kind
            ) from None
    if Field.TMT_PNS in cells:
        return EmploymentType.PNS if cells[Field.TMT_PNS] else EmploymentType.CPNS
    if "/" in cells.get(Field.GOLONGAN, "/"):
        return EmploymentType.PNS
    return EmploymentType.PPPK


def jabatan_of(cells: dict[Field, str]) -> tuple[str, str | None]:
    """The jabatan's kind and jenjang: from JENIS JABATAN (SIASN's names or Jejak's), a
    struktural one's ESELON, a fungsional's JENJANG or the jenjang its title ends with.

    Without JENIS JABATAN: an eselon makes it struktural, a title ending in a jenjang
    fungsional, anything else pelaksana. A kind that cannot be told is passed on as given,
    for `parse_jabatan` to refuse with INVALID_JABATAN.
    """
    raw_kind = cells.get(Field.JABATAN_KIND, "")
    given = " ".join(raw_kind.upper().replace("_", " ").split())
    eselon = cells.get(Field.ESELON, "")
    jenjang = cells.get(Field.JENJANG) or _jenjang_in(cells.get(Field.JABATAN_TITLE, ""))
    if given == "STRUKTURAL" or (not given and eselon):
        return _eselon_kind(eselon), None
    if given in _SIASN_KINDS:
        kind = _SIASN_KINDS[given]
    elif not given:
        kind = JabatanKind.FUNGSIONAL if jenjang else JabatanKind.PELAKSANA
    else:  # Jejak's own kinds (JPT_PRATAMA, "JPT Pratama", FUNGSIONAL, ...)
        return raw_kind, jenjang if given == JabatanKind.FUNGSIONAL.value else None
    return kind.value, jenjang if kind is JabatanKind.FUNGSIONAL else None


def _eselon_kind(eselon: str) -> str:
    level = eselon.strip().upper().split(".")[0].split("/")[0].strip()
    if level not in _ESELON_KIND:
        return f"ESELON {eselon.strip() or '(none)'}"  # refused by parse_jabatan, named
    return _ESELON_KIND[level].value


def _jenjang_in(title: str) -> str | None:
    words = " ".join(title.upper().split())
    for jenjang, spelled in _JENJANG_WORDS.items():
        if words.endswith(f" {spelled}"):
            return jenjang.value
    return None


def cells_of(values: Sequence[str], columns: ColumnMap) -> dict[Field, str]:
    """The row's cells by field, stripped; Excel's leading apostrophe (text marker) dropped."""
    cells: dict[Field, str] = {}
    for field, column in columns.columns.items():
        value = values[column].strip() if column < len(values) else ""
        cells[field] = value.removeprefix("'").strip()
    return cells


_FIELD_WORDS = {
    Field.NIP: N_("nip"),
    Field.NAME: N_("name"),
    Field.BIRTH_DATE: N_("birth date"),
    Field.APPOINTED_ON: N_("appointed on"),
    Field.GOLONGAN: N_("golongan"),
    Field.JABATAN_TITLE: N_("jabatan title"),
    Field.UNIT: N_("unit"),
}


def read_row(values: Sequence[str], columns: ColumnMap, row: int) -> ImportRow:
    """The appointment a row asks for; a DomainError with a typed code if it cannot be read."""
    cells = cells_of(values, columns)
    for field in (Field.NIP, Field.NAME, Field.BIRTH_DATE, Field.APPOINTED_ON,
                  Field.GOLONGAN, Field.JABATAN_TITLE, Field.UNIT):  # fmt: skip
        if not cells.get(field):
            raise MissingValue(N_("The row has no {field}."), field=Phrase(_FIELD_WORDS[field]))
    employment_type = employment_type_of(cells)
    nip = parse_nip(cells[Field.NIP], employment_type)
    birth_date = parse_date(cells[Field.BIRTH_DATE], N_("The birth date"))
    if birth_date != nip.birth_date:
        raise BirthDateMismatch(
            N_("The birth date {birth_date} is not the NIP's ({nip_birth_date}, digits 1–8)."),
            birth_date=birth_date.isoformat(),
            nip_birth_date=nip.birth_date.isoformat(),
        )
    kind, jenjang = jabatan_of(cells)
    return ImportRow(
        row=row,
        nip=nip.value,
        name=cells[Field.NAME],
        employment_type=employment_type.value,
        golongan=golongan_code(cells[Field.GOLONGAN]),
        jabatan_kind=kind,
        jabatan_title=cells[Field.JABATAN_TITLE],
        jabatan_jenjang=jenjang,
        unit=cells[Field.UNIT],
        appointed_on=parse_date(cells[Field.APPOINTED_ON], N_("The TMT")),
        birth_date=birth_date,
    )
