"""Static analysis of a GraphQL document: each operation's depth, aliases, root fields and cost.

Cost bounds the field values the executor may resolve: a field costs 1 (or its weight, for
the few that do far more work), a composite field that plus its selections times its size.
A list's size is its `first` (a variable counts as the largest page allowed, a missing one as
the field's default), a list under a paged connection (`edges`) takes the connection's
`first`, any other list the default list size; lists of scalars cost 1 (they arrive whole
with their row). Fragments and inline fragments
count wherever they are spread; each fragment is analysed once per page size and level, so a
"fragment bomb" costs the analyser no more than its text. A fragment cycle is cut (graphql's
NoFragmentCycles rule refuses it); introspection (`__schema`, `__type` on the query root) is
left to graphql's MaxIntrospectionDepth rule and to the token limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Source,
    TokenKind,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
)
from graphql.language import Lexer

from graphql_api.paging import Page

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})
UNBOUNDED_DEPTH = 10_000


@dataclass(frozen=True)
class Measure:
    """What an operation (or a selection set within one) asks of the server."""

    depth: int = 0
    aliases: int = 0
    root_fields: int = 0
    cost: int = 0

    def beside(self, other: Measure) -> Measure:
        """Two selections of one selection set, side by side."""
        return Measure(
            max(self.depth, other.depth),
            self.aliases + other.aliases,
            self.root_fields + other.root_fields,
            self.cost + other.cost,
        )


class Analyser:
    """Measures the operations of one document against one schema."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        pages: Mapping[str, Page],
        list_size: int,
        max_depth: int = UNBOUNDED_DEPTH,
        weights: Mapping[str, int] | None = None,
    ) -> None:
        self.schema, self.pages, self.list_size = schema, pages, list_size
        self.weights = weights or {}  # what a field costs instead of 1, by `Type.field`
        self.max_depth = max_depth  # below this many levels nothing more is explored
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.operations = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        self._memo: dict[tuple[str, int | None, int], Measure] = {}
        self._entered: set[str] = set()

    def measure_all(self) -> list[tuple[OperationDefinitionNode, Measure]]:
        """Every operation of the document with its measure, in document order."""
        return [(operation, self.operation(operation)) for operation in self.operations]

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return Measure()
        return self.selections(operation.selection_set, root, None, self.max_depth)

    def selections(
        self, node: SelectionSetNode, parent: GraphQLNamedType, page: int | None, levels: int
    ) -> Measure:
        total = Measure()
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                measure = self.field(selection, parent, page, levels)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                measure = self.selections(selection.selection_set, inner or parent, page, levels)
            else:
                assert isinstance(selection, FragmentSpreadNode)
                measure = self.spread(selection.name.value, page, levels)
            total = total.beside(measure)
        return total

    def spread(self, name: str, page: int | None, levels: int) -> Measure:
        fragment = self.fragments.get(name)
        key = (name, page, levels)
        if fragment is None or name in self._entered:
            return Measure()  # unknown or cyclic: validation refuses the document
        if key not in self._memo:
            condition = self.schema.get_type(fragment.type_condition.name.value)
            if condition is None:
                return Measure()
            self._entered.add(name)
            try:
                self._memo[key] = self.selections(fragment.selection_set, condition, page, levels)
            finally:
                self._entered.discard(name)
        return self._memo[key]

    def field(
        self, node: FieldNode, parent: GraphQLNamedType, page: int | None, levels: int
    ) -> Measure:
        aliases = 1 if node.alias else 0
        name = node.name.value
        if name in INTROSPECTION_ROOTS and parent is self.schema.query_type:
            return Measure(1, aliases, 1, 1)
        fields = (
            parent.fields if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else {}
        )
        definition = fields.get(name)
        named = get_named_type(definition.type) if definition else None
        coordinate = f"{parent.name}.{name}"
        own = self.weights.get(coordinate, 1)
        if definition is None or node.selection_set is None or is_leaf_type(named):
            return Measure(1, aliases, 1, own)
        if levels <= 1:
            return Measure(2, aliases, 1, own)  # deeper than allowed: no need to look further
        assert named is not None
        size, inner_page = self.size(node, definition, coordinate, page)
        inner = self.selections(node.selection_set, named, inner_page, levels - 1)
        return Measure(1 + inner.depth, aliases + inner.aliases, 1, own + size * inner.cost)

    def size(
        self, node: FieldNode, definition: GraphQLField, coordinate: str, page: int | None
    ) -> tuple[int, int | None]:
        """How many items the field yields, and the page size it hands to its `edges`."""
        first = self.first(node, definition, self.pages.get(coordinate))
        if is_list_type(get_nullable_type(definition.type)):
            return (first if first is not None else page or self.list_size), None
        return 1, first

    def first(self, node: FieldNode, definition: GraphQLField, page: Page | None) -> int | None:
        """The `first` a field is asked for, at worst; None if it takes no `first`."""
        if "first" not in definition.args:
            return None
        default = definition.args["first"].default_value
        fallback = default if isinstance(default, int) else page.default if page else None
        given = next((a.value for a in node.arguments or () if a.name.value == "first"), None)
        if isinstance(given, IntValueNode):
            wanted = int(given.value)
        elif isinstance(given, VariableNode):  # unknown until run: the most it may be
            wanted = page.maximum if page else fallback or self.list_size
        else:
            wanted = fallback if fallback is not None else self.list_size
        return max(0, min(wanted, page.maximum) if page else wanted)


def measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    pages: Mapping[str, Page],
    list_size: int,
    weights: Mapping[str, int] | None = None,
) -> dict[str, Measure]:
    """Each operation's full measure, by name (`(anonymous)` for an unnamed one)."""
    analyser = Analyser(schema, document, pages, list_size, weights=weights)
    return {
        operation.name.value if operation.name else "(anonymous)": figures
        for operation, figures in analyser.measure_all()
    }


def count_tokens(source: str) -> int:
    """The lexical tokens of a document, as graphql's parser counts them (no comments)."""
    lexer, count = Lexer(Source(source)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        if lexer.token.kind is not TokenKind.COMMENT:
            count += 1
    return count
