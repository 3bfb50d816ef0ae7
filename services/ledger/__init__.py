"""The tamper-evident ledger kept in PostgreSQL: the tree, its integrator, checkpoints, proofs.

It reads the event log the way the projections do and sits beside them; `domain.ledger` holds
the pure hashing, proof and note formats it shares with the offline verifier.
"""
