"""The ledger's refusals, each with a stable code a client can act on."""

from __future__ import annotations

from graphql_api.errors import ApiError


class LedgerNotReady(ApiError):
    """The ledger has not reached what was asked yet (no checkpoint, or a smaller tree)."""

    code = "LEDGER_NOT_READY"


class NotInLedger(ApiError):
    """The log position has no leaf in the tree asked about."""

    code = "NOT_IN_LEDGER"


class UnknownCheckpoint(ApiError):
    """No checkpoint was issued for the size asked about."""

    code = "UNKNOWN_CHECKPOINT"
