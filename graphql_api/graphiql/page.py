"""The GraphiQL page at GET /graphql: served whole by Jejak, no request leaves the server.

Strawberry's own page loads React and GraphiQL from a public CDN, a blank page on an intranet;
this one loads them from /graphiql/assets (graphql_api/graphiql/assets.py), opens with Jejak's
example documents as tabs and, with the development issuer, a token in its headers
(graphql_api/graphiql/dev_token.py). Its settings travel as JSON data, not script, so the
Content-Security-Policy can allow scripts from this server only, and requests to it alone.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field
from string import Template

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.types import Scope

from graphql_api.graphiql.assets import ICON, SCRIPTS, STYLESHEETS, asset_url
from graphql_api.graphiql.dev_token import PageCaller, PageTokens
from graphql_api.graphiql.examples import ExampleValues, example_tabs
from graphql_api.identity import Authenticator

SETTINGS_ID = "jejak-graphiql-settings"  # read by jejak-graphiql.js
TEMPLATE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jejak GraphiQL</title>
<link rel="icon" type="image/svg+xml" href="$icon">
$stylesheets
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript; without it, POST GraphQL requests to this URL.</noscript>
<script id="$settings_id" type="application/json">$settings</script>
$scripts
</body>
</html>
""")
POLICY = "; ".join((
    "default-src 'none'", "script-src 'self'", "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",  # GraphiQL's dialogs add a <style> (react-remove-scroll)
    "img-src 'self' data:", "font-src 'self' data:",  # GraphiQL's fonts are inlined
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
))  # fmt: skip
HEADERS = {
    "Content-Security-Policy": POLICY,
    "Cache-Control": "no-store",  # it may hold a token
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
PASTE_NOTE = (
    '# Headers need {{"Authorization": "Bearer <token>"}}:\n'
    "# {hint}; then re-fetch the schema (↻, bottom left).\n"
)


@dataclass(frozen=True)
class GraphiqlSettings:
    """How `jejak serve` sets the page up: whose development token it carries (None: no
    token) and the variables its example tabs open with."""

    caller: PageCaller | None = None
    examples: ExampleValues = field(default_factory=ExampleValues)


class GraphiqlPage:
    """Renders the page for a request: the examples, and a token when one may be given."""

    def __init__(
        self, examples: ExampleValues | None = None, tokens: PageTokens | None = None,
        hint: str = "`jejak token` prints one",
    ) -> None:  # fmt: skip
        self.examples = examples or ExampleValues()
        self.tokens = tokens
        self.hint = hint

    @classmethod
    def build(cls, settings: GraphiqlSettings, authenticator: Authenticator) -> GraphiqlPage:
        """The page for this app: a token only from the development issuer, when one is on."""
        issuer = authenticator.dev_issuer
        if issuer is None:
            return cls(settings.examples, None, "ask your identity provider for one")
        tokens = None
        if settings.caller is not None:
            tokens = PageTokens(issuer, settings.caller, authenticator.settings)
        return cls(settings.examples, tokens)

    def response(self, request: Request) -> HTMLResponse:
        """The page, with this request's token if it may carry one."""
        note, headers = self.credentials(request.scope)
        tabs = [asdict(tab) for tab in example_tabs(self.examples, note)]
        root = request.scope.get("root_path", "")
        page = TEMPLATE.substitute(
            stylesheets="\n".join(
                f'<link rel="stylesheet" href="{html.escape(asset_url(root, name))}">'
                for name in STYLESHEETS
            ),
            scripts="\n".join(
                f'<script src="{html.escape(asset_url(root, name))}"></script>' for name in SCRIPTS
            ),
            icon=html.escape(asset_url(root, ICON)),
            settings_id=SETTINGS_ID,
            settings=script_json({"tabs": tabs, "headers": headers}),
        )
        return HTMLResponse(page, headers=HEADERS)

    def credentials(self, scope: Scope) -> tuple[str, str]:
        """The first tab's note and the headers (JSON): a token for this request, or how to
        get one and none."""
        token = self.tokens.for_request(scope) if self.tokens else None
        if self.tokens is None or token is None:
            return PASTE_NOTE.format(hint=self.hint), ""
        minutes = int(self.tokens.ttl.total_seconds() // 60)
        note = (
            f"# Headers hold a development token for {minutes} minutes (reload for\n"
            f"# a new one): {self.tokens.caller.describe()}.\n"
        )
        return note, json.dumps({"Authorization": f"Bearer {token}"}, indent=2)


def script_json(value: object) -> str:
    """JSON safe inside a <script> element: no `</script>` or `<!--` can end it early."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
