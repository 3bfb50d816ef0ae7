"""Errors of the ledger's documents: one base, so callers catch one type for any forgery."""

from __future__ import annotations

from domain.errors import DomainError


class LedgerError(DomainError):
    """A ledger document (note, checkpoint, key, proof, bundle) is malformed or does not verify."""

    code = "LEDGER_ERROR"


class MalformedNote(LedgerError):
    code = "MALFORMED_NOTE"


class InvalidKey(LedgerError):
    code = "INVALID_LEDGER_KEY"


class BadSignature(LedgerError):
    """A signature by a trusted key does not verify: the note is rejected whole."""

    code = "BAD_SIGNATURE"


class UnverifiedNote(LedgerError):
    """No signature by a trusted key is on the note."""

    code = "UNVERIFIED_NOTE"
