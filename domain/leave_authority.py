"""Who decides a leave request: the PPK, or an officer under the PPK's recorded delegation.

PP 11/2017 Pasal 309: "(1) Cuti diberikan oleh PPK. (2) PPK ... dapat mendelegasikan sebagian
wewenangnya kepada pejabat di lingkungannya untuk memberikan cuti, kecuali ditentukan lain
dalam Peraturan Pemerintah ini"; Perka BKN 24/2017 (as amended by Peraturan BKN 7/2021)
Lampiran I.A: the delegation is a written keputusan (Anak Lampiran I.a) and "Pejabat Yang
Berwenang Memberikan Cuti" is the PPK or the official holding that delegation. Cuti di luar
tanggungan negara is the exception: it is asked of and granted by the PPK, after the Kepala
BKN's persetujuan teknis (the CLTN provisions of PP 11/2017 and Perka BKN 24/2017; BKN's own
deck: "CLTN approval is not delegated the same way", asn-rules.md §5). Ambiguous: the texts
read here do not say in one sentence "CLTN tidak dapat didelegasikan"; the reading applied, as
BKD offices apply it, is that a delegation names the kinds it covers and CLTN is never one
(searched again: reports of Perka BKN 24/2017 give the delegation "paling rendah pejabat
administrator" by keputusan PPK, rbtv.disway.id 2023-12-19, and say nothing on CLTN).

The tenant's "leave_authority" policy names the PPK as a person (the Bupati/Walikota has no
NIP: the user id their token carries) and the delegation decree HR acts under, with the
kinds it covers. A tenant records its own (the decree is the PPK's, entered by BKPSDM, with
its number as the source); the version in force on the decision's day applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from domain.errors import N_, InvalidInput, NotAllowedForRole
from domain.leave import LEAVE_TYPE_NAMES, LeaveType
from domain.policy import InvalidPolicyValues, PolicyKind, Values
from domain.text import IDENTIFIER, LINE, NAME, clean_text

LEAVE_AUTHORITY_KIND = "leave_authority"
NOT_DELEGABLE = frozenset({LeaveType.CLTN})
_FIELDS = {"ppk_user_id", "ppk_name", "delegated_kinds", "delegation"}


class Authority(StrEnum):
    """On what authority a leave request was decided."""

    PPK = "PPK"  # the Pejabat Pembina Kepegawaian himself
    DELEGATION = "DELEGATION"  # an officer under the PPK's recorded delegation


@dataclass(frozen=True)
class DecidingAuthority:
    """Who may decide, as the policy in force names them."""

    ppk_user_id: str
    ppk_name: str
    delegated_kinds: frozenset[LeaveType]
    delegation: str  # the decree HR acts under, e.g. "Keputusan Bupati ... Nomor ..."

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> DecidingAuthority:
        """From validated policy values."""
        return cls(
            values["ppk_user_id"],
            values["ppk_name"],
            frozenset(LeaveType(k) for k in values["delegated_kinds"]),
            values["delegation"],
        )


def authority_to_decide(
    authority: DecidingAuthority | None, user_id: str, hr_officer: bool, leave_type: LeaveType
) -> Authority:
    """The authority a caller decides under, or FORBIDDEN (PP 11/2017 Pasal 309).

    The PPK (named by user id) decides every kind; an HR officer decides the kinds the
    delegation covers, never CLTN; nobody else decides, nor anyone where no authority is
    recorded.
    """
    if authority is None:
        raise NotAllowedForRole(
            N_(
                "No leave authority is recorded for this instansi: record its PPK and delegation "
                "(policy kind leave_authority) first."
            )
        )
    if user_id == authority.ppk_user_id:
        return Authority.PPK
    name = LEAVE_TYPE_NAMES[leave_type]
    if not hr_officer:
        raise NotAllowedForRole(
            N_("Only the PPK ({ppk_name}) or HR under delegation decides leave."),
            ppk_name=authority.ppk_name,
        )
    if leave_type in NOT_DELEGABLE:
        raise NotAllowedForRole(
            N_(
                "{name} is granted by the PPK ({ppk_name}) only: it is not delegable (PP 11/2017 "
                "Pasal 309 ayat (2) and the CLTN provisions)."
            ),
            name=name,
            ppk_name=authority.ppk_name,
        )
    if leave_type not in authority.delegated_kinds:
        raise NotAllowedForRole(
            N_("The delegation ({delegation}) does not cover {name}."),
            delegation=authority.delegation,
            name=name,
        )
    return Authority.DELEGATION


def validate_leave_authority(values: Mapping[str, Any]) -> Values:
    """{"ppk_user_id", "ppk_name", "delegated_kinds": [leave type codes], "delegation"}.

    CLTN may not be delegated; a delegation covering no kind is written as an empty list.
    """
    if set(values) != _FIELDS:
        raise InvalidPolicyValues(
            N_("A leave authority holds exactly: {fields}."), fields=", ".join(sorted(_FIELDS))
        )
    kinds = values["delegated_kinds"]
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise InvalidPolicyValues(N_("delegated_kinds is a list of leave type codes."))
    try:
        parsed = sorted({LeaveType(k.strip().upper()) for k in kinds})
        checked: Values = {
            "ppk_user_id": clean_text(
                _text(values["ppk_user_id"]), N_("The PPK's user id"), IDENTIFIER
            ),
            "ppk_name": clean_text(_text(values["ppk_name"]), N_("The PPK's name"), NAME),
            "delegation": clean_text(_text(values["delegation"]), N_("The delegation"), LINE),
        }
    except ValueError:
        known = ", ".join(t.value for t in LeaveType)
        raise InvalidPolicyValues(
            N_("Unknown leave type in delegated_kinds; use {known}."), known=known
        ) from None
    except InvalidInput as problem:
        raise InvalidPolicyValues(problem.template, **problem.params) from None
    if NOT_DELEGABLE.intersection(parsed):
        raise InvalidPolicyValues(N_("CLTN is granted by the PPK only; it cannot be delegated."))
    checked["delegated_kinds"] = [k.value for k in parsed]
    return checked


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(N_("Expected text."))
    return value


LEAVE_AUTHORITY = PolicyKind(
    LEAVE_AUTHORITY_KIND,
    validate_leave_authority,
    tenant_may_set=True,
    description="The PPK who grants cuti and the delegation HR decides under (PP 11/2017 "
    "Pasal 309; CLTN not delegable).",
)
