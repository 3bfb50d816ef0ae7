"""GraphQL type of one read of a person's private record (access/access_log.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry


@strawberry.type(description="Who read whose private record, which fields, when, in which request.")
class AccessLogEntry:
    id: int = strawberry.field(description="Pass as `after` for the next page.")
    at: datetime
    viewer: str = strawberry.field(description="The reader's user id (their NIP for a person).")
    viewer_role: str
    viewer_nip: str | None
    subject_nip: str = strawberry.field(description="Whose record was read.")
    fields: list[str] = strawberry.field(description="The private fields read, as Type.field.")
    correlation_id: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> AccessLogEntry:
        return cls(
            id=row["id"],
            at=row["at"],
            viewer=row["viewer"],
            viewer_role=row["viewer_role"],
            viewer_nip=row["viewer_nip"],
            subject_nip=row["subject_nip"],
            fields=list(row["fields"]),
            correlation_id=row["correlation_id"],
        )
