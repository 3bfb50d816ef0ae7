"""The committed GraphiQL files are the ones scripts/build_graphiql.sh took from npm, licensed."""

from __future__ import annotations

import hashlib

import httpx
from starlette.applications import Starlette

from graphql_api.graphiql.assets import DIRECTORY, ICON, PATH, SCRIPTS, STYLESHEETS, assets_mount

VENDOR = DIRECTORY / "vendor"


def recorded_sums() -> dict[str, str]:
    """vendor/SHA256SUMS, as the build script wrote it: file name → SHA-256."""
    sums = {}
    for line in (VENDOR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.removeprefix("./")] = digest
    return sums


def test_every_vendored_file_is_byte_for_byte_what_the_build_recorded() -> None:
    files = sorted(str(path.relative_to(VENDOR)) for path in VENDOR.rglob("*") if path.is_file())
    assert files == sorted([*recorded_sums(), "SHA256SUMS"])
    for name, digest in recorded_sums().items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_package_keeps_its_licence_beside_it() -> None:
    packages = [path for path in VENDOR.iterdir() if path.is_dir()]
    assert len(packages) == 4  # graphiql, react, react-dom, the explorer plugin
    for package in packages:
        assert "MIT License" in (package / "LICENSE").read_text(), package.name
    # The explorer plugin bundles graphiql-explorer, whose own licence comes along.
    assert (VENDOR / "plugin-explorer-4.0.6" / "LICENSE.graphiql-explorer").is_file()


def test_the_page_loads_only_files_that_exist_and_nothing_else_is_vendored() -> None:
    loaded = {*SCRIPTS, *STYLESHEETS, ICON}
    assert all((DIRECTORY / name).is_file() for name in loaded)
    vendored = {name for name in recorded_sums() if "LICENSE" not in name}
    assert vendored == {name.removeprefix("vendor/") for name in loaded if "vendor/" in name}


def test_the_assets_stay_small_enough_to_commit() -> None:
    total = sum(path.stat().st_size for path in DIRECTORY.rglob("*") if path.is_file())
    assert total < 2 * 1024 * 1024  # today 1.7 MB: GraphiQL's bundle and fonts are most of it


async def test_graphiqls_bundle_travels_compressed_to_a_browser_that_asks() -> None:
    transport = httpx.ASGITransport(app=Starlette(routes=[assets_mount()]))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
        bundle = await client.get(
            f"{PATH}/vendor/graphiql-4.1.2/graphiql.min.js", headers={"accept-encoding": "gzip"}
        )
    assert bundle.status_code == 200
    assert bundle.headers["content-encoding"] == "gzip"
    assert bundle.num_bytes_downloaded < len(bundle.content) // 2


async def test_a_path_outside_the_assets_folder_is_not_served() -> None:
    transport = httpx.ASGITransport(app=Starlette(routes=[assets_mount()]))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
        escape = await client.get(f"{PATH}/..%2F..%2Fgraphiql%2Fpage.py")
        missing = await client.get(f"{PATH}/vendor/nothing.js")
    assert (escape.status_code, missing.status_code) == (404, 404)
