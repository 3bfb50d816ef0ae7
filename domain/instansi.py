"""An instansi (the tenant): which kinds of government Jejak serves, and their codes."""

from __future__ import annotations

from enum import StrEnum

from domain.errors import N_, InvalidInput


class InstansiKind(StrEnum):
    """The regional governments Jejak serves (design.md: pemerintah daerah)."""

    PEMKOT = "PEMKOT"  # pemerintah kota, led by a Wali Kota
    PEMKAB = "PEMKAB"  # pemerintah kabupaten, led by a Bupati
    PEMPROV = "PEMPROV"  # pemerintah provinsi, led by a Gubernur


def parse_instansi_kind(raw: str) -> InstansiKind:
    """Parse an instansi kind, case-insensitively."""
    try:
        return InstansiKind(raw.strip().upper())
    except ValueError:
        allowed = ", ".join(kind.value for kind in InstansiKind)
        raise InvalidInput(
            N_("Unknown instansi kind {raw!r}; use one of {allowed}."), raw=raw, allowed=allowed
        ) from None
