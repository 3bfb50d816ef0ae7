"""Write the schema's SDL to schema.graphql at the repository root.

Run `python -m graphql_api.export_schema` after changing the API; a unit test fails while the
file is stale, so every API change shows in review.
"""

from __future__ import annotations

from pathlib import Path

from graphql_api.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def sdl() -> str:
    """The schema as SDL, with a final newline."""
    return schema.as_str() + "\n"


def main() -> None:
    SCHEMA_FILE.write_text(sdl(), encoding="utf-8")
    print(f"Wrote {SCHEMA_FILE}")


if __name__ == "__main__":
    main()
