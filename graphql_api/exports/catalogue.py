"""Every export by name: what `GET /exports/<name>.<csv|xlsx>` and `jejak export` offer."""

from __future__ import annotations

from collections.abc import Mapping

from graphql_api.exports.appraisal import (
    APPRAISAL_ACTIONS,
    APPRAISAL_PROGRESS,
    PREDIKAT_DISTRIBUTION,
)
from graphql_api.exports.audit import AUDIT_EVENTS, PLATFORM_EVENTS
from graphql_api.exports.people import LEAVE_BALANCES, ROSTER
from graphql_api.exports.sheet import Export
from graphql_api.exports.siasn import SIASN_KINERJA
from graphql_api.exports.training import COMPETENCY_GAPS, JP_COMPLIANCE

EXPORTS: Mapping[str, Export] = {
    e.name: e
    for e in (
        ROSTER, LEAVE_BALANCES, PREDIKAT_DISTRIBUTION, APPRAISAL_PROGRESS, APPRAISAL_ACTIONS,
        JP_COMPLIANCE, COMPETENCY_GAPS, SIASN_KINERJA, AUDIT_EVENTS,
        PLATFORM_EVENTS,
    )
}  # fmt: skip
FORMATS = ("csv", "xlsx", "json", "jsonl")  # each export names those it offers
