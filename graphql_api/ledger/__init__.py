"""The tamper-evident ledger through GraphQL and HTTP: checkpoints, proofs, evidence bundles."""
