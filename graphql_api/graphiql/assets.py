"""The files the GraphiQL page loads, served by Jejak itself: an intranet has no CDN.

GraphiQL, React and the explorer plugin are the npm packages' prebuilt bundles, committed under
graphql_api/static/graphiql/vendor by scripts/build_graphiql.sh (pinned versions, checked
integrity, licences beside them); jejak-graphiql.js starts the IDE. Nothing here needs a token.
"""

from __future__ import annotations

from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

PATH = "/graphiql/assets"
DIRECTORY = Path(__file__).resolve().parent.parent / "static" / "graphiql"

ICON = "jejak.svg"
# In load order: React before the bundles that use it, GraphiQL before its plugin.
STYLESHEETS = (
    "vendor/graphiql-4.1.2/graphiql.min.css",
    "vendor/plugin-explorer-4.0.6/style.css",
    "jejak-graphiql.css",
)
SCRIPTS = (
    "vendor/react-18.3.1/react.production.min.js",
    "vendor/react-dom-18.3.1/react-dom.production.min.js",
    "vendor/graphiql-4.1.2/graphiql.min.js",
    "vendor/plugin-explorer-4.0.6/index.umd.js",
    "jejak-graphiql.js",
)


def asset_url(root_path: str, name: str) -> str:
    """The server-relative URL of an asset, under the app's mount point if it has one."""
    return f"{root_path.rstrip('/')}{PATH}/{name}"


def assets_mount() -> Mount:
    """GET /graphiql/assets/...: the files above (and the licences), compressed when asked."""
    files = StaticFiles(directory=DIRECTORY, follow_symlink=False)
    return Mount(PATH, app=GZipMiddleware(files, minimum_size=1024), name="graphiql-assets")
