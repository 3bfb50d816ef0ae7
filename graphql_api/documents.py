"""Parsing and validating a request's document within its limits, with caches bounded by bytes.

Replaces strawberry's ParserCache and ValidationCache, which keep 512 documents of any size
each: a parsed document holds about 46 bytes per byte of its text, so a few large ones took
tens of MB. Here a document over `max_document_bytes` is refused before parsing, one over
`max_tokens` while parsing, and only documents up to `cache_document_bytes` are kept, in
caches bounded by the total length of the documents they hold.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Generic, TypeVar

from graphql import ASTValidationRule, DocumentNode, GraphQLError, OperationDefinitionNode, parse
from graphql.error import GraphQLSyntaxError
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from graphql_api.complexity import complexity_rule, too_complex
from graphql_api.cost import count_tokens
from graphql_api.errors import VALIDATION_FAILED
from graphql_api.limits import Limits
from graphql_api.refusals import REQUEST_TOO_LARGE

K = TypeVar("K")
V = TypeVar("V")

# The operationName the client sent (None if none): strawberry's execution context gives the
# first operation's name instead, so JejakSchema.execute records the one really sent.
requested_operation: ContextVar[str | None] = ContextVar("requested_operation", default=None)


class BoundedCache(Generic[K, V]):
    """Least recently used entries go first once their total weight passes `max_weight`."""

    def __init__(self, max_weight: int) -> None:
        self.max_weight = max_weight
        self.weight = 0
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: K, make: Callable[[], V], weight: int) -> V:
        """The cached value of `key`, or `make()`'s, kept if it weighs at most a tenth."""
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key][0]
        value = make()
        if weight <= self.max_weight // 10:
            self._entries[key] = (value, weight)
            self.weight += weight
            while self.weight > self.max_weight:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.weight -= dropped
        return value


class DocumentCaches:
    """One schema's parsed and validated documents, by their text."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.rule = complexity_rule(limits)
        self.parsed: BoundedCache[str, DocumentNode] = BoundedCache(limits.cache_total_bytes)
        self.validated: BoundedCache[
            tuple[str, tuple[type[ASTValidationRule], ...]], list[GraphQLError]
        ] = BoundedCache(limits.cache_total_bytes)

    def weight(self, query: str) -> int:
        """What a document weighs in a cache: too much to keep if it is over the threshold."""
        size = len(query)
        return size if size <= self.limits.cache_document_bytes else self.limits.cache_total_bytes

    def parse(self, query: str) -> DocumentNode:
        """The document of `query`, refused if it is too large or has too many tokens."""
        size = len(query.encode("utf-8", "surrogatepass"))
        if size > self.limits.max_document_bytes:
            raise too_large(size, self.limits)
        return self.parsed.get(query, lambda: self._parse(query), self.weight(query))

    def _parse(self, query: str) -> DocumentNode:
        try:
            return parse(query, max_lexical_tokens=self.limits.max_tokens)
        except GraphQLSyntaxError:
            tokens = _tokens_or_none(query)
            if tokens is not None and tokens > self.limits.max_tokens:
                raise too_complex("tokens", tokens, self.limits) from None
            raise


class BoundedDocuments(SchemaExtension):
    """Parses and validates (graphql's rules and the limits) through the bounded caches."""

    def __init__(self, caches: DocumentCaches) -> None:
        self.caches = caches

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query
        # A registered document arrives parsed (graphql_api/planned_documents.py).
        if query and self.execution_context.graphql_document is None:
            self.execution_context.graphql_document = self.caches.parse(query)
        yield

    def on_validate(self) -> Iterator[None]:
        execution = self.execution_context
        query, document = execution.query, execution.graphql_document
        if query and document is not None and execution.pre_execution_errors is None:
            rules = (*execution.validation_rules, self.caches.rule)
            errors = self.caches.validated.get(
                (query, rules),
                lambda: validate_document(execution.schema._schema, document, rules),
                self.caches.weight(query),
            )
            execution.pre_execution_errors = errors or unnamed_operation(document)
        yield


def unnamed_operation(document: DocumentNode) -> list[GraphQLError]:
    """A document of several operations must say which to run (GraphQL spec, GetOperation)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) < 2 or requested_operation.get() is not None:
        return []
    names = ", ".join(o.name.value if o.name else "(anonymous)" for o in operations)
    return [
        GraphQLError(
            f"The document holds {len(operations)} operations ({names}); "
            "name the one to run in `operationName`.",
            extensions={"code": VALIDATION_FAILED},
        )
    ]


def too_large(size: int, limits: Limits) -> GraphQLError:
    """REQUEST_TOO_LARGE for a document over the size limit."""
    if limits.development:
        message = f"The document is {size} bytes, more than {limits.max_document_bytes}."
        details: dict[str, object] = {"maximum": limits.max_document_bytes, "measured": size}
    else:
        message, details = "The document is too large.", {}
    return GraphQLError(
        message, extensions={"code": REQUEST_TOO_LARGE, "limit": "documentBytes", **details}
    )


def _tokens_or_none(query: str) -> int | None:
    try:
        return count_tokens(query)
    except GraphQLSyntaxError:
        return None
