"""Who is calling and what they may see and do: tokens, roles, the one policy, the access log.

`graphql_api/`, `services/` and the CLI ask this package; it imports only `domain/`.
"""
