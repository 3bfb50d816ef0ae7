"""Organisation units (unit kerja) of a tenant: kinds and the rules for naming them."""

from __future__ import annotations

import re
from enum import StrEnum

from domain.errors import N_, InvalidInput
from domain.text import CODE, NAME, clean_text


class UnitKind(StrEnum):
    """What a unit kerja is; a regional government nests these (Dinas → Bidang → Seksi)."""

    SEKRETARIAT = "SEKRETARIAT"
    DINAS = "DINAS"
    BADAN = "BADAN"
    KANTOR = "KANTOR"
    BIDANG = "BIDANG"
    BAGIAN = "BAGIAN"
    SUBBAGIAN = "SUBBAGIAN"
    SEKSI = "SEKSI"
    KECAMATAN = "KECAMATAN"
    KELURAHAN = "KELURAHAN"
    UPT = "UPT"
    SEKOLAH = "SEKOLAH"
    PUSKESMAS = "PUSKESMAS"
    RUMAH_SAKIT = "RUMAH_SAKIT"


_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_TENANT = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


def parse_unit_kind(raw: str) -> UnitKind:
    """Parse a unit kind, case-insensitively."""
    raw = clean_text(raw, N_("A unit kind"), CODE, min_length=0)
    try:
        return UnitKind(raw.upper())
    except ValueError:
        allowed = ", ".join(kind.value for kind in UnitKind)
        raise InvalidInput(
            N_("Unknown unit kind {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None


def check_unit_code(code: str) -> str:
    """A unit code is 1–40 letters, digits, dots, dashes or underscores."""
    code = clean_text(code, N_("A unit code"), CODE, min_length=0)
    if not _CODE.fullmatch(code):
        raise InvalidInput(
            N_("Unit code {code!r} must be 1–40 letters, digits, '.', '-' or '_'."), code=code
        )
    return code


def check_name(name: str, what: str = N_("Name")) -> str:
    """A name is 2–200 characters of one line, runs of spaces collapsed (domain.text.NAME)."""
    return clean_text(name, what, NAME, min_length=2)


def check_tenant(tenant: str) -> str:
    """A tenant (instansi) code is a lowercase slug, e.g. 'pemkot-palangkaraya'."""
    if not _TENANT.fullmatch(tenant):
        raise InvalidInput(
            N_("Tenant code {tenant!r} must be a lowercase slug (a-z, 0-9, '-')."), tenant=tenant
        )
    return tenant
