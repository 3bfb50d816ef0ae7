"""The tamper-evident ledger's pure parts: RFC 9162 hashing and proofs, the leaf entry, notes.

Standard library and `cryptography` only, so the offline verifier (`jejak-verify`) can use them
without a database or a Jejak server.
"""
