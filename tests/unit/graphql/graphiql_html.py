"""Reading the GraphiQL page as a browser would: what it loads, and the settings it carries."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from graphql_api.graphiql.page import SETTINGS_ID


class PageReader(HTMLParser):
    """Every src and href of the page, and the text of its settings element."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.settings: list[str] = []
        self._in_settings = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.links += [value for name in ("src", "href") if (value := values.get(name))]
        self._in_settings = tag == "script" and values.get("id") == SETTINGS_ID

    def handle_endtag(self, tag: str) -> None:
        self._in_settings = False

    def handle_data(self, data: str) -> None:
        if self._in_settings:
            self.settings.append(data)


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader


def page_links(html: str) -> list[str]:
    """The URLs the page makes the browser load (scripts, stylesheets, icon)."""
    return read_page(html).links


def page_settings(html: str) -> dict[str, Any]:
    """The JSON settings jejak-graphiql.js reads: the tabs and the headers."""
    settings: dict[str, Any] = json.loads("".join(read_page(html).settings))
    return settings


def page_headers(html: str) -> dict[str, str]:
    """The request headers the page's tabs open with ({} when it carries no token)."""
    text = page_settings(html)["headers"]
    headers: dict[str, str] = json.loads(text) if text else {}
    return headers
