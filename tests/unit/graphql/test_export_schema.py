from __future__ import annotations

from graphql_api.export_schema import SCHEMA_FILE, sdl


def test_schema_graphql_matches_the_schema() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == sdl(), (
        "schema.graphql is stale: run `python -m graphql_api.export_schema` and commit it"
    )


def test_the_query_type_documents_the_read_your_writes_header() -> None:
    assert "X-Min-Position" in sdl()
