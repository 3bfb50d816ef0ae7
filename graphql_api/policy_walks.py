"""The policy walk of each sent document, made once per document text and role.

`PolicyCheck` (graphql_api/guard.py) walks every document before execution: every root the
caller's role may call, every field it may select. The walk reads only the schema, the
document and the role, so its answer for the same three never changes; a portal sends the
same few documents again and again, and the walk was up to a tenth of a small read's time
(docs/benchmarks.md, "Read path"). Kept within the request limits' cache bounds, as the
parsed documents are (graphql_api/documents.py); a registered document's walk was made at
start (graphql_api/planned_documents.py).
"""

from __future__ import annotations

from collections.abc import Callable

from graphql_api.documents import BoundedCache, DocumentCaches


class PolicyWalks:
    """One schema's walks: the fields each (document text, role) may not use."""

    def __init__(self, caches: DocumentCaches) -> None:
        self.caches = caches
        self.walks: BoundedCache[tuple[str, str], tuple[str, ...]] = BoundedCache(
            caches.limits.cache_total_bytes
        )

    def refused(self, text: str, role: str, walk: Callable[[], list[str]]) -> tuple[str, ...]:
        """The fields of `text` that `role` may not use: `walk()`'s answer, made once."""
        return self.walks.get((text, role), lambda: tuple(walk()), self.caches.weight(text))
