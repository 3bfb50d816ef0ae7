"""The GraphiQL page: everything from this server, and a development token only where safe."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import jwt
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response

from access.settings import IdentitySettings
from graphql_api.graphiql.assets import DIRECTORY, PATH
from graphql_api.graphiql.dev_token import PAGE_TOKEN_TTL, PageCaller
from graphql_api.graphiql.examples import ExampleValues
from graphql_api.graphiql.page import GraphiqlPage, GraphiqlSettings
from graphql_api.identity import Authenticator
from tests.tokens import authenticator
from tests.unit.graphql.graphiql_html import page_headers, page_links, page_settings

TENANT = "pemkot-palangkaraya"
HR = PageCaller("hr-demo", "hr_officer", TENANT)


def page_for(
    settings: GraphiqlSettings | None = None, *, client: str = "127.0.0.1",
    host: str = "127.0.0.1:8000", root_path: str = "", identity: Authenticator | None = None,
) -> Response:  # fmt: skip
    """The page as `jejak serve` would answer a browser at `client` asking for `host`."""
    scope: dict[str, Any] = {
        "type": "http", "method": "GET", "path": "/graphql", "root_path": root_path,
        "query_string": b"", "client": (client, 52000),
        "headers": [(b"host", host.encode()), (b"accept", b"text/html")],
    }  # fmt: skip
    page = GraphiqlPage.build(settings or GraphiqlSettings(HR), identity or authenticator())
    return page.response(Request(scope))


def text(response: Response) -> str:
    return bytes(response.body).decode()


def test_every_script_stylesheet_and_icon_comes_from_this_server() -> None:
    links = page_links(text(page_for()))
    assert len(links) == 9  # 5 scripts, 3 stylesheets, the icon
    for link in links:
        parts = urlsplit(link)
        assert (parts.scheme, parts.netloc) == ("", ""), link
        assert link.startswith(f"{PATH}/"), link
        assert (DIRECTORY / link.removeprefix(f"{PATH}/")).is_file(), link


def test_under_a_mount_point_the_assets_are_linked_beneath_it() -> None:
    links = page_links(text(page_for(root_path="/jejak")))
    assert links
    assert all(link.startswith(f"/jejak{PATH}/") for link in links)


def test_the_policy_lets_the_page_load_and_ask_this_server_only() -> None:
    headers = page_for().headers
    policy = headers["content-security-policy"]
    for directive in ("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                      "frame-ancestors 'none'"):  # fmt: skip
        assert directive in policy
    assert headers["cache-control"] == "no-store"  # the page may hold a token


async def test_a_browser_on_this_machine_gets_a_short_lived_token_that_the_api_accepts() -> None:
    identity = authenticator()
    headers = page_headers(text(page_for(identity=identity)))
    token = headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert timedelta(seconds=claims["exp"] - claims["iat"]) == PAGE_TOKEN_TTL <= timedelta(hours=1)
    checked = await identity.identify(Headers(headers), "correlation-1")
    assert checked.caller is not None
    assert (checked.caller.actor.user_id, checked.caller.actor.role, checked.caller.tenant) == (
        "hr-demo", "hr_officer", TENANT,
    )  # fmt: skip


def test_every_tab_opens_with_the_token_and_the_first_says_whose_it_is() -> None:
    settings = page_settings(text(page_for(host="localhost:8000")))
    assert settings["headers"].count("Bearer ") == 1
    assert "development token" in settings["tabs"][0]["query"]
    assert "hr_officer hr-demo of pemkot-palangkaraya" in settings["tabs"][0]["query"]


def test_a_browser_on_another_machine_gets_no_token() -> None:
    html = text(page_for(client="192.0.2.7", host="jejak.example.go.id"))
    assert page_headers(html) == {}
    assert "eyJ" not in html  # no JSON Web Token anywhere in it
    assert "`jejak token` prints one" in page_settings(html)["tabs"][0]["query"]


def test_a_page_asked_for_under_another_host_name_gets_no_token() -> None:
    # A web page whose DNS name was rebound to 127.0.0.1 reaches us from this machine.
    assert page_headers(text(page_for(host="attacker.example:8000"))) == {}
    assert page_headers(text(page_for(host="[bad"))) == {}


def test_an_ipv6_loopback_browser_gets_a_token() -> None:
    assert "Authorization" in page_headers(text(page_for(client="::1", host="[::1]:8000")))


def test_without_a_chosen_role_the_page_carries_no_token() -> None:
    assert page_headers(text(page_for(GraphiqlSettings(caller=None)))) == {}


def test_with_an_external_issuer_the_page_carries_no_token() -> None:
    external = IdentitySettings(issuer="https://sso.example.go.id/realms/asn")
    identity = Authenticator.from_settings(external, "http://127.0.0.1:8000/dev-issuer")
    html = text(page_for(identity=identity))
    assert page_headers(html) == {}
    assert "identity provider" in page_settings(html)["tabs"][0]["query"]


def test_text_in_the_settings_cannot_end_their_script_element() -> None:
    hostile = '</script><script>alert("x")</script><!--'
    html = text(page_for(GraphiqlSettings(HR, ExampleValues(nip=hostile))))
    assert hostile not in html
    assert html.count("</script>") == 6  # the settings element and the five scripts
    assert json.loads(page_settings(html)["tabs"][0]["variables"])["nip"] == hostile
