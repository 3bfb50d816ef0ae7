"""Who decides leave: the PPK any kind, HR what its delegation covers, CLTN never delegated
(PP 11/2017 Pasal 309; Perka BKN 24/2017 Lampiran I)."""

from __future__ import annotations

import pytest

from domain.errors import NotAllowedForRole
from domain.leave import LeaveType
from domain.leave_authority import (
    Authority,
    DecidingAuthority,
    authority_to_decide,
    validate_leave_authority,
)
from domain.policy import InvalidPolicyValues

VALUES = {
    "ppk_user_id": "walikota-palangkaraya",
    "ppk_name": "Walikota Palangkaraya",
    "delegated_kinds": ["cs", "CT", "CAP", "CM"],
    "delegation": "Keputusan Walikota Palangkaraya Nomor 800/12/BKPSDM/2024",
}
AUTHORITY = DecidingAuthority.of(validate_leave_authority(VALUES))


def test_the_values_are_normalised_and_cltn_may_not_be_delegated() -> None:
    assert validate_leave_authority(VALUES)["delegated_kinds"] == ["CAP", "CM", "CS", "CT"]
    with pytest.raises(InvalidPolicyValues, match="cannot be delegated"):
        validate_leave_authority(VALUES | {"delegated_kinds": ["CT", "CLTN"]})
    with pytest.raises(InvalidPolicyValues, match="Unknown leave type"):
        validate_leave_authority(VALUES | {"delegated_kinds": ["CUTI"]})


def test_hr_decides_the_delegated_kinds_under_the_delegation() -> None:
    decided = authority_to_decide(AUTHORITY, "hr-budi", True, LeaveType.CT)
    assert decided is Authority.DELEGATION


def test_hr_may_not_decide_cltn_nor_a_kind_the_delegation_leaves_out() -> None:
    with pytest.raises(NotAllowedForRole, match="not delegable"):
        authority_to_decide(AUTHORITY, "hr-budi", True, LeaveType.CLTN)
    with pytest.raises(NotAllowedForRole, match="does not cover Cuti Besar"):
        authority_to_decide(AUTHORITY, "hr-budi", True, LeaveType.CB)


def test_the_ppk_decides_every_kind_and_nobody_else_does() -> None:
    assert authority_to_decide(AUTHORITY, "walikota-palangkaraya", False, LeaveType.CLTN) is (
        Authority.PPK
    )
    with pytest.raises(NotAllowedForRole, match="Only the PPK"):
        authority_to_decide(AUTHORITY, "kabid-1", False, LeaveType.CT)


def test_without_a_recorded_authority_nobody_decides() -> None:
    with pytest.raises(NotAllowedForRole, match="No leave authority"):
        authority_to_decide(None, "hr-budi", True, LeaveType.CT)
