"""Requests no portal would send: random bytes, broken UTF-8, deep or huge JSON, NUL and lone
surrogates in variables, odd methods, content types and headers. None may earn a 5xx."""

from __future__ import annotations

import json
import string

from hypothesis import strategies as st

from tests.e2e.fuzz_http import Request
from tests.e2e.fuzz_seed import HR, TENANT
from tests.e2e.fuzz_strategies import HEADER_TEXT, ODD_HEADERS
from tests.e2e.fuzz_values import weighted
from tests.tokens import bearer

# Documents taking their values as variables, so text reaches the resolvers (and the domain's
# text rules) without the GraphQL parser in between.
TEMPLATES = (
    "query($v: String!) { employee(nip: $v) { nip name } }",
    "query($v: ID!) { employees(unitId: $v) { totalCount } }",
    "query($v: String!) { trainingYear(nip: $v, year: 2025) { earned } }",
    "query($v: String!) { accessLog(nip: $v) { nip } }",
    "mutation($v: String!) { addCompetency(input: {code: $v, name: $v, kind: TEKNIS}) "
    "{ position } }",
    "mutation($v: String!) { createUnit(input: {code: $v, name: $v, kind: DINAS, reason: $v}) "
    "{ position } }",
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
AWKWARD_TEXT = st.one_of(
    st.text().map(lambda text: f"{text}\x00{text}"),  # PostgreSQL text refuses NUL
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "\ufffe", "\u2028"]),
    st.integers(1, 5000).map(lambda n: " " * n),
    st.integers(1, 300_000).map(lambda n: "9" * n),  # past the body limit at the top
)


def _dumps(value: object) -> bytes:
    # ensure_ascii escapes lone surrogates, which is how a client can still send them.
    return json.dumps(value, ensure_ascii=True, allow_nan=False).encode()


def _with_variable(template: str, value: object) -> bytes:
    return _dumps({"query": template, "variables": {"v": value}})


def _nested(depth: int, in_variables: bool) -> bytes:
    deep = b"[" * depth + b"]" * depth
    if in_variables:
        return (
            b'{"query": "query($v: String) { tenants { code } }", "variables": {"v": '
            + deep
            + b"}}"
        )
    return deep


BODIES = st.one_of(
    st.binary(max_size=512),
    st.binary(max_size=40).map(
        lambda junk: b'{"query": "{ tenants { code } }' + junk + b'\xff\xfe"}'
    ),
    st.builds(_with_variable, st.sampled_from(TEMPLATES), AWKWARD_TEXT | JSON_VALUES),
    st.builds(_nested, st.integers(50, 120_000), st.booleans()),
    st.dictionaries(
        st.sampled_from(["query", "variables", "operationName", "extensions"]), JSON_VALUES
    ).map(_dumps),
    JSON_VALUES.map(_dumps),
    AWKWARD_TEXT.map(lambda text: _dumps({"query": f'{{ employee(nip: "{text}") {{ nip }} }}'})),
)
CONTENT_TYPES = st.sampled_from(
    ["application/json"] * 6
    + [
        "text/plain",
        "application/graphql",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=fuzz",
        "application/json; charset=latin-1",
    ]
)
AUTHORIZATIONS = weighted(  # mostly valid: a request without is refused before its body is read
    (6, st.just(HR)),
    (1, st.just(bearer("nip-less", "employee", TENANT))),  # a person without the NIP claim
    (1, HEADER_TEXT.map(lambda junk: {"authorization": f"Bearer {junk}"})),
    (1, st.just({})),
)
QUERY_TEXT = st.text(string.printable, max_size=200)
# Without a query a GET answers the GraphiQL page (HTML): always send one.
PARAMS = st.fixed_dictionaries(
    {"query": QUERY_TEXT}, optional={"variables": QUERY_TEXT, "operationName": QUERY_TEXT}
)


def _body_request(
    body: bytes, content_type: str, auth: dict[str, str], extra: dict[str, str], method: str
) -> Request:
    headers = auth | extra | {"content-type": content_type}
    return Request("garbage", method, headers, content=body)


def garbage() -> st.SearchStrategy[Request]:
    """Malformed requests of every kind, most of them as an authenticated HR officer."""
    posted = st.builds(
        _body_request,
        BODIES,
        CONTENT_TYPES,
        AUTHORIZATIONS,
        ODD_HEADERS,
        st.sampled_from(["POST"] * 8 + ["PUT", "PATCH", "DELETE"]),
    )
    queried = st.builds(
        lambda params, auth: Request("garbage", "GET", auth, params=params),
        PARAMS,
        AUTHORIZATIONS,
    )
    return st.one_of(posted, queried)
