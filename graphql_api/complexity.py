"""Refusing documents that ask too much: a validation rule over graphql_api/cost.py's measures.

It runs with graphql's own rules, so its verdict is cached with theirs; a refused document
costs one walk of its text and never reaches a resolver.
"""

from __future__ import annotations

from graphql import ASTValidationRule, GraphQLError, Node, ValidationContext

from domain.errors import N_
from graphql_api.cost import Analyser, Measure
from graphql_api.errors import ApiError
from graphql_api.limits import FIELD_WEIGHTS, Limits
from graphql_api.paging import PAGES
from graphql_api.refusals import QUERY_TOO_COMPLEX

_WHAT = {  # the walk stops one level below the maximum depth, so depth names no figure
    "depth": N_("The document is nested more than {maximum} levels deep ({limit})."),
    "aliases": N_("The document uses {measured} aliases; at most {maximum} are allowed ({limit})."),
    "rootFields": N_(
        "The document asks for {measured} root fields; at most {maximum} are allowed ({limit})."
    ),
    "cost": N_("The document costs {measured}; at most {maximum} are allowed ({limit})."),
    "operations": N_(
        "The document holds {measured} operations; at most {maximum} are allowed ({limit})."
    ),
    "tokens": N_("The document has {measured} tokens; at most {maximum} are allowed ({limit})."),
}


class QueryTooComplex(ApiError):
    """The document asks more than a limit allows (the message's template and values)."""

    code = QUERY_TOO_COMPLEX


def too_complex(
    limit: str, measured: int, limits: Limits, node: Node | None = None
) -> GraphQLError:
    """QUERY_TOO_COMPLEX naming the limit; the figures too in development."""
    if limits.development:
        maximum = maximum_of(limit, limits)
        figures = {"maximum": maximum, "measured": measured}
        refused = QueryTooComplex(_WHAT[limit], params={**figures, "limit": limit})
        details: dict[str, object] = {"maximum": maximum}
        if limit != "depth":
            details["measured"] = measured
    else:
        template = N_("The document is too complex: it exceeds the {limit} limit.")
        refused, details = QueryTooComplex(template, params={"limit": limit}), {}
    return GraphQLError(
        refused.message,
        nodes=node,
        original_error=refused,
        extensions={"code": QUERY_TOO_COMPLEX, "limit": limit, **details},
    )


def maximum_of(limit: str, limits: Limits) -> int:
    """The configured bound of a limit, by the name a refusal gives it."""
    return {
        "depth": limits.max_depth,
        "aliases": limits.max_aliases,
        "rootFields": limits.max_root_fields,
        "cost": limits.max_cost,
        "operations": limits.max_operations,
        "tokens": limits.max_tokens,
    }[limit]


def exceeded(figures: Measure, limits: Limits) -> list[tuple[str, int]]:
    """Each limit an operation's figures pass, with the figure.

    Past the depth limit the walk stops, so the other figures are not whole: depth alone.
    """
    if figures.depth > limits.max_depth:
        return [("depth", figures.depth)]
    checks = [
        ("depth", figures.depth, limits.max_depth),
        ("aliases", figures.aliases, limits.max_aliases),
        ("rootFields", figures.root_fields, limits.max_root_fields),
        ("cost", figures.cost, limits.max_cost),
    ]
    return [(limit, value) for limit, value, maximum in checks if value > maximum]


def complexity_rule(limits: Limits) -> type[ASTValidationRule]:
    """A validation rule refusing a document that passes any of `limits`."""

    class ComplexityRule(ASTValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            analyser = Analyser(
                context.schema,
                context.document,
                PAGES,
                limits.default_list_size,
                # One level past the limit shows it is passed; nothing deeper is walked.
                max_depth=limits.max_depth + 1,
                weights=FIELD_WEIGHTS,
            )
            if len(analyser.operations) > limits.max_operations:
                self.report_error(too_complex("operations", len(analyser.operations), limits))
                return
            try:
                measured = analyser.measure_all()
            except RecursionError:  # a chain of fragments longer than the interpreter's stack
                self.report_error(too_complex("depth", limits.max_depth + 1, limits))
                return
            for operation, figures in measured:
                for limit, value in exceeded(figures, limits):
                    self.report_error(too_complex(limit, value, limits, operation))

    return ComplexityRule
