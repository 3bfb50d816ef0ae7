from __future__ import annotations

from graphql import GraphQLError, GraphQLSyntaxError, Source

from domain.errors import InvalidNIP
from graphql_api.errors import PageTooLarge, error_code, shape_error


def located(original: Exception) -> GraphQLError:
    return GraphQLError(str(original), path=["employee"], original_error=original)


def test_a_domain_error_keeps_its_message_and_carries_its_code() -> None:
    shaped = shape_error(located(InvalidNIP("NIP must have 18 digits.")))
    assert shaped.message == "NIP must have 18 digits."
    assert shaped.extensions == {"code": "INVALID_NIP"}


def test_an_api_error_adds_its_details_to_the_extensions() -> None:
    shaped = shape_error(located(PageTooLarge("Too many.", max=100)))
    assert shaped.extensions == {"code": "PAGE_TOO_LARGE", "max": 100}


def test_an_unexpected_error_is_masked() -> None:
    shaped = shape_error(located(KeyError("secret")))
    assert (shaped.message, shaped.extensions) == ("Unexpected error", {"code": "INTERNAL_ERROR"})
    assert shaped.original_error is None
    assert shaped.path == ["employee"]


def test_an_error_raised_outside_any_field_is_masked_too() -> None:
    error = GraphQLError("connection refused to 10.0.0.5", original_error=OSError("refused"))
    assert error_code(error) == "INTERNAL_ERROR"


def test_a_syntax_error_is_a_parse_failure() -> None:
    error = GraphQLSyntaxError(Source("{"), 1, "Expected Name, found <EOF>.")
    assert error_code(error) == "GRAPHQL_PARSE_FAILED"


def test_a_validation_error_keeps_its_message() -> None:
    shaped = shape_error(GraphQLError("Cannot query field 'salary' on type 'Employee'."))
    assert shaped.extensions == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "salary" in shaped.message


def test_a_code_set_by_the_api_is_kept() -> None:
    error = GraphQLError("Behind.", extensions={"code": "READ_MODEL_LAG"})
    assert error_code(error) == "READ_MODEL_LAG"
