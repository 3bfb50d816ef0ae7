"""Requests refused before or outside GraphQL execution, answered in GraphQL's error shape.

Every 4xx/5xx answer of /graphql is `{"data": null, "errors": [{"message", "extensions":
{"code"}}]}` with a JSON content type, so a client reads one shape whatever went wrong.
"""

from __future__ import annotations

from collections.abc import Mapping

from cross_web import HTTPException
from starlette.responses import JSONResponse

from graphql_api.errors import INTERNAL_ERROR, ApiError, InvalidArgument
from graphql_api.observation import note_refusal
from services.i18n import current_language
from services.i18n.messages import error_message

BAD_REQUEST = ApiError.code
INVALID_ARGUMENT = InvalidArgument.code
NOT_FOUND = "NOT_FOUND"
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
REQUEST_TIMEOUT = "REQUEST_TIMEOUT"

_CODE_OF_STATUS = {
    400: BAD_REQUEST,
    404: NOT_FOUND,
    405: METHOD_NOT_ALLOWED,
    413: REQUEST_TOO_LARGE,
    415: UNSUPPORTED_MEDIA_TYPE,
    504: REQUEST_TIMEOUT,
}
# The HTTP status of a response whose every error is one of these request-level codes.
STATUS_OF_CODE: Mapping[str, int] = {
    REQUEST_TOO_LARGE: 413,
    QUERY_TOO_COMPLEX: 400,
}


class RequestRefused(HTTPException):
    """An HTTP refusal that names its GraphQL error code (BAD_REQUEST unless said)."""

    def __init__(self, status_code: int, reason: str, code: str | None = None) -> None:
        super().__init__(status_code, reason)
        self.code = code or code_of_status(status_code)


def code_of_status(status: int) -> str:
    """The error code a bare HTTP status stands for."""
    return _CODE_OF_STATUS.get(status, BAD_REQUEST if status < 500 else INTERNAL_ERROR)


def refusal(
    status: int,
    message: str,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
    *,
    params: Mapping[str, object] | None = None,
    **extensions: object,
) -> JSONResponse:
    """A GraphQL-shaped error answer with this HTTP status; `message` is an English template
    (N_) that `params` fill in, in the request's language (services/i18n)."""
    code = code or code_of_status(status)
    note_refusal(code)  # for the request's log line and metrics (graphql_api/observation.py)
    english = message.format(**params) if params else message
    text = error_message(code, message, params, english, current_language.get())
    error = {"message": text, "extensions": {"code": code, **extensions}}
    return JSONResponse({"data": None, "errors": [error]}, status, headers=headers)


def refusal_of(exception: HTTPException) -> JSONResponse:
    """The answer to an HTTPException raised by strawberry's view or our own checks."""
    code = exception.code if isinstance(exception, RequestRefused) else None
    headers = {"Allow": "GET, POST"} if exception.status_code == 405 else None
    return refusal(exception.status_code, exception.reason, code, headers)
