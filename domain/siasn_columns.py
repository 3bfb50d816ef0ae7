"""Which column of a SIASN/SAPK export holds which Jejak field (docs/import.md, field by field).

Why: BKN's exports spell the same column three ways — the SIASN bulk download in upper snake
case (`NIP_BARU`, `GOL_AKHIR_NAMA`), SIASN's web-service "data utama" in camel case (`nipBaru`,
`golRuangAkhir`) and SAPK-era sheets with spaces (`NIP BARU`, `GOL AKHIR`). A heading is read
with case, spaces, underscores and punctuation ignored, so all three name one field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from domain.errors import N_, InvalidInput, Phrase, listing


class MissingColumn(InvalidInput):
    code = "MISSING_COLUMN"


class DuplicateColumn(InvalidInput):
    code = "DUPLICATE_COLUMN"


class Field(StrEnum):
    """A Jejak field an import row fills."""

    NIP = "nip"
    NAME = "name"
    BIRTH_DATE = "birth_date"
    APPOINTED_ON = "appointed_on"  # the TMT of the appointment
    TMT_PNS = "tmt_pns"  # only to tell a CPNS (none yet) from a PNS
    GOLONGAN = "golongan"
    JABATAN_TITLE = "jabatan_title"
    JABATAN_KIND = "jabatan_kind"
    ESELON = "eselon"
    JENJANG = "jenjang"
    UNIT = "unit"
    STATUS = "status"  # SIASN's STATUS_CPNS_PNS: C or P
    EMPLOYMENT_TYPE = "employment_type"  # SIASN's JENIS_PEGAWAI_NAMA, or PNS/CPNS/PPPK


# Headings per field, most specific first: when a file has two of them, the first one counts.
ALIASES: dict[Field, tuple[str, ...]] = {
    Field.NIP: ("NIP BARU", "NIP_BARU", "nipBaru", "NIP"),
    Field.NAME: ("NAMA", "NAMA LENGKAP", "nama"),
    Field.BIRTH_DATE: ("TANGGAL LAHIR", "TANGGAL_LAHIR", "TGL LAHIR", "tglLahir"),
    Field.APPOINTED_ON: ("TMT", "TMT CPNS", "TMT_CPNS", "tmtCpns", "TMT PPPK", "TMT PENGANGKATAN"),
    Field.TMT_PNS: ("TMT PNS", "TMT_PNS", "tmtPns"),
    Field.GOLONGAN: (
        "GOL AKHIR",
        "GOL_AKHIR_NAMA",
        "GOL AKHIR NAMA",
        "golRuangAkhir",
        "GOL RUANG AKHIR",
        "GOL RUANG",
        "GOLONGAN",
        "GOL",
    ),
    Field.JABATAN_TITLE: ("JABATAN NAMA", "JABATAN_NAMA", "jabatanNama", "JABATAN"),
    Field.JABATAN_KIND: ("JENIS JABATAN", "JENIS_JABATAN_NAMA", "jenisJabatan"),
    Field.ESELON: ("ESELON", "ESELON_NAMA", "eselon"),
    Field.JENJANG: ("JENJANG", "JENJANG JABATAN"),
    Field.UNIT: (
        "UNOR NAMA",
        "UNOR_NAMA",
        "unorNama",
        "UNIT KERJA",
        "UNIT",
        "UNIT ID",
        "KODE UNIT",
    ),
    Field.STATUS: ("STATUS CPNS PNS", "STATUS_CPNS_PNS", "statusCpnsPns"),
    Field.EMPLOYMENT_TYPE: ("JENIS PEGAWAI", "JENIS_PEGAWAI_NAMA", "JENIS ASN", "statusPegawai"),
}
REQUIRED = (
    Field.NIP, Field.NAME, Field.BIRTH_DATE, Field.APPOINTED_ON, Field.GOLONGAN,
    Field.JABATAN_TITLE, Field.UNIT,
)  # fmt: skip

_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def heading_key(heading: str) -> str:
    """A heading with case, spaces, underscores and punctuation ignored: `NIP_BARU` → NIPBARU."""
    return _NOT_ALNUM.sub("", heading.upper())


_FIELD_OF: dict[str, tuple[Field, int]] = {}
for _field, _aliases in ALIASES.items():
    for _rank, _alias in enumerate(_aliases):  # spellings of one heading keep the first rank
        _FIELD_OF.setdefault(heading_key(_alias), (_field, _rank))


@dataclass(frozen=True)
class ColumnMap:
    """Which column (0-based) holds each field the file has; other columns are ignored."""

    columns: dict[Field, int]
    ignored: tuple[str, ...]

    def has(self, field: Field) -> bool:
        """Whether the file has a column for `field`."""
        return field in self.columns


def map_headings(headings: Sequence[str]) -> ColumnMap:
    """The field of each heading; MISSING_COLUMN for a required field the file lacks.

    Two headings naming one field the same way (`NAMA` twice) are DUPLICATE_COLUMN; two
    spellings of one field (`TMT` and `TMT CPNS`) are allowed, and the earlier alias wins.
    """
    chosen: dict[Field, tuple[int, int]] = {}  # field -> (alias rank, column)
    seen: dict[str, str] = {}
    ignored: list[str] = []
    for column, heading in enumerate(headings):
        key = heading_key(heading)
        found = _FIELD_OF.get(key)
        if found is None:
            ignored.append(heading)
            continue
        if key in seen:
            raise DuplicateColumn(
                N_("Columns {first!r} and {heading!r} name the same field."),
                first=seen[key],
                heading=heading,
            )
        seen[key] = heading
        field, rank = found
        if field not in chosen or rank < chosen[field][0]:
            chosen[field] = (rank, column)
    missing = [field for field in REQUIRED if field not in chosen]
    if missing:
        each = [
            Phrase(
                N_("{field}: one of {headings}"), field=f.value, headings=", ".join(ALIASES[f][:3])
            )
            for f in missing
        ]
        wanted = listing(each, "{some}; {last}")
        raise MissingColumn(N_("The file lacks a column for {wanted}."), wanted=wanted)
    return ColumnMap({field: column for field, (_, column) in chosen.items()}, tuple(ignored))
