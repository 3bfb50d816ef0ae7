"""Golongan/ruang with pangkat (PNS, 17 steps I/a → IV/e) and PPPK golongan I–XVII."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.employment import EmploymentType
from domain.errors import N_, InvalidGolongan, PromotionNotAllowed
from domain.text import CODE, clean_text

ALL_PNS_GOLONGAN: tuple[str, ...] = (
    *(f"I/{r}" for r in "abcd"),
    *(f"II/{r}" for r in "abcd"),
    *(f"III/{r}" for r in "abcd"),
    *(f"IV/{r}" for r in "abcde"),
)
ALL_PPPK_GOLONGAN: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

# Pangkat per golongan/ruang, in the order of ALL_PNS_GOLONGAN (asn-rules.md §4.3).
_PANGKAT: tuple[str, ...] = (
    "Juru Muda", "Juru Muda Tk. I", "Juru", "Juru Tk. I",
    "Pengatur Muda", "Pengatur Muda Tk. I", "Pengatur", "Pengatur Tk. I",
    "Penata Muda", "Penata Muda Tk. I", "Penata", "Penata Tk. I",
    "Pembina", "Pembina Tk. I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama",
)  # fmt: skip

_PNS_BY_KEY = {code.upper(): code for code in ALL_PNS_GOLONGAN}
_PPPK_CODES = frozenset(ALL_PPPK_GOLONGAN)
_WHITESPACE = re.compile(r"\s+")
_PNS_RANGE = "golongan/ruang I/a to IV/e"
_PPPK_RANGE = "golongan I to XVII"


@dataclass(frozen=True, order=True)
class Golongan:
    """One step on a pay scale; `rank` 1..17 orders steps within a scheme."""

    rank: int
    code: str
    scheme: str  # "PNS" (also for CPNS) or "PPPK"

    @property
    def pangkat(self) -> str | None:
        """The PNS pangkat name for this golongan/ruang; PPPK have none."""
        return _PANGKAT[self.rank - 1] if self.scheme == "PNS" else None


def parse_golongan(raw: str, employment_type: EmploymentType) -> Golongan:
    """Parse a golongan in the scheme of the employment type ("III/a" or "IX")."""
    raw = clean_text(raw, N_("A golongan"), CODE, min_length=0, error=InvalidGolongan)
    key = _WHITESPACE.sub("", raw).upper()
    if employment_type is EmploymentType.PPPK:
        if key in _PPPK_CODES:
            return Golongan(ALL_PPPK_GOLONGAN.index(key) + 1, key, "PPPK")
        if key in _PNS_BY_KEY:
            raise InvalidGolongan(
                N_("{raw!r} is a PNS golongan/ruang; a PPPK has {range}."),
                raw=raw.strip(),
                range=_PPPK_RANGE,
            )
        raise InvalidGolongan(
            N_("{raw!r} is not a golongan; a PPPK has {range}."), raw=raw.strip(), range=_PPPK_RANGE
        )
    if key in _PNS_BY_KEY:
        code = _PNS_BY_KEY[key]
        return Golongan(ALL_PNS_GOLONGAN.index(code) + 1, code, "PNS")
    if key in _PPPK_CODES:
        raise InvalidGolongan(
            N_("{raw!r} is a PPPK golongan; a {employment_type} has {range}."),
            raw=raw.strip(),
            employment_type=employment_type.value,
            range=_PNS_RANGE,
        )
    raise InvalidGolongan(
        N_("{raw!r} is not a golongan; a {employment_type} has {range}."),
        raw=raw.strip(),
        employment_type=employment_type.value,
        range=_PNS_RANGE,
    )


def steps_between(current: Golongan, target: Golongan) -> int:
    """How many steps the target is above the current golongan (negative if below)."""
    if current.scheme != target.scheme:
        raise InvalidGolongan(
            N_("Cannot compare {scheme} golongan {code} with {target_scheme} golongan {target}."),
            scheme=current.scheme,
            code=current.code,
            target_scheme=target.scheme,
            target=target.code,
        )
    return target.rank - current.rank


@dataclass(frozen=True)
class Promotion:
    """A kenaikan pangkat the rules allow: from, to, and how many steps it jumps."""

    current: Golongan
    target: Golongan
    steps: int

    @property
    def needs_reason(self) -> bool:
        """More than one step at a time is an exception someone must justify."""
        return self.steps > 1


def check_promotion(employment_type: str, current_code: str, to_code: str) -> Promotion:
    """Only a PNS is promoted, and only upwards (PromotionNotAllowed otherwise)."""
    if employment_type != EmploymentType.PNS.value:
        raise PromotionNotAllowed(
            N_("Only a PNS gets kenaikan pangkat; this employee is {employment_type}."),
            employment_type=employment_type,
        )
    current = parse_golongan(current_code, EmploymentType.PNS)
    target = parse_golongan(to_code, EmploymentType.PNS)
    steps = steps_between(current, target)
    if steps <= 0:
        raise PromotionNotAllowed(
            N_("{target} is not above the current {current}."),
            target=target.code,
            current=current.code,
        )
    return Promotion(current, target, steps)
