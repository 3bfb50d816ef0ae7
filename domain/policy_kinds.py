"""Every kind of policy data Jejak records, each checked by its own rule module's validator.

One line per kind: a rule adding its kind appends its `PolicyKind` to `_KINDS` (see the note
at the top of domain/aggregates/policy_register.py). A kind not listed here is refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from domain.errors import N_
from domain.holidays import HOLIDAYS
from domain.leave_authority import LEAVE_AUTHORITY
from domain.policy import PolicyKind, UnknownPolicyKind
from domain.promotion_periods import PROMOTION_PERIODS
from domain.scoring_policy import SCORING
from domain.tindak_lanjut_tpp import TPP_FACTORS

_KINDS: tuple[PolicyKind, ...] = (
    HOLIDAYS,
    PROMOTION_PERIODS,
    LEAVE_AUTHORITY,
    TPP_FACTORS,
    SCORING,
)

KINDS: Mapping[str, PolicyKind] = {kind.name: kind for kind in _KINDS}


def policy_kind(name: str) -> PolicyKind:
    """The kind named `name`, or UNKNOWN_POLICY_KIND."""
    try:
        return KINDS[name.strip()]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise UnknownPolicyKind(
            N_("Unknown policy kind {name!r}; known: {known}."), name=name, known=known
        ) from None
