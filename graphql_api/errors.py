"""How failures reach a GraphQL client: a stable `extensions.code` and a human message.

Domain errors and the API's own errors keep their message and carry their `code`; errors in
the request itself (syntax, validation, variables) are the client's to fix and keep theirs;
anything else is a bug, so its message is masked and its traceback logged, never sent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import ClassVar

from graphql import GraphQLError, GraphQLSyntaxError

from domain.errors import DomainError
from services.i18n import ENGLISH, current_language
from services.i18n.messages import error_message

INTERNAL_ERROR = "INTERNAL_ERROR"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
REQUEST_ERROR_CODES = frozenset({PARSE_FAILED, VALIDATION_FAILED})

logger = logging.getLogger("jejak.graphql")


class ApiError(Exception):
    """A request the API refuses before or beside the domain; `details` join the extensions.
    `message` is an English template (N_) that `params` fill in, translated when shaped."""

    code: ClassVar[str] = "BAD_REQUEST"

    def __init__(
        self, message: str, *, params: Mapping[str, object] | None = None, **details: object
    ) -> None:
        text = message.format(**params) if params else message
        super().__init__(text)
        self.message = text
        self.template = message
        self.params = params or {}
        self.details = details


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class InvalidArgument(ApiError):
    code = "INVALID_ARGUMENT"


class PageTooLarge(ApiError):
    code = "PAGE_TOO_LARGE"


class ReadModelLag(ApiError):
    code = "READ_MODEL_LAG"


def error_code(error: GraphQLError) -> str:
    """The code a client sees for `error` (INTERNAL_ERROR for anything unexpected)."""
    original = error.original_error
    if isinstance(original, DomainError | ApiError):
        return original.code
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if isinstance(error, GraphQLSyntaxError):
        return PARSE_FAILED
    # Without a path the error arose before any resolver ran: validation or variables.
    if error.path is None and (original is None or isinstance(original, GraphQLError)):
        return VALIDATION_FAILED
    return INTERNAL_ERROR


def shape_error(error: GraphQLError) -> GraphQLError:
    """The client's view of `error`: its code in the extensions, nothing internal, the message
    in the request's language (services/i18n; graphql-core's own request errors stay English)."""
    code = error_code(error)
    original = error.original_error
    extensions: dict[str, object] = {**(error.extensions or {}), "code": code}
    message = error.message
    if isinstance(original, ApiError):
        extensions.update(original.details)
    elif code == INTERNAL_ERROR:
        message, extensions, original = "Unexpected error", {"code": code}, None
    message = _in_language(code, original, message)
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=original,
        extensions=extensions,
    )


def _in_language(code: str, original: BaseException | None, message: str) -> str:
    language = current_language.get()
    if language == ENGLISH or code in REQUEST_ERROR_CODES:
        return message
    if isinstance(original, DomainError | ApiError):
        return error_message(code, original.template, original.params, message, language)
    return error_message(code, message, None, message, language)


def log_unexpected(errors: list[GraphQLError]) -> None:
    """Log, with its traceback, every error that will be masked as INTERNAL_ERROR."""
    for error in errors:
        if error_code(error) != INTERNAL_ERROR:
            continue
        cause = error.original_error or error
        logger.error(
            "Unexpected error in GraphQL field %s: %s",
            ".".join(str(p) for p in error.path or ()) or "(operation)",
            cause,
            exc_info=(type(cause), cause, cause.__traceback__),
        )
