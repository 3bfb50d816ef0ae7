#!/usr/bin/env bash
# Rebuild the GraphiQL page's assets (graphql_api/static/graphiql/vendor) from the npm registry.
#
# Only the packages' prebuilt UMD bundles and stylesheets are taken (no bundler, no install
# scripts), each package's tarball checked against the integrity pinned below, with its licence.
# The result is committed: `jejak serve` needs neither npm nor the internet. Run from anywhere:
#   bash scripts/build_graphiql.sh
# then review `git diff --stat graphql_api/static/graphiql/vendor` and the page in a browser.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/graphql_api/static/graphiql/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# package@version and its integrity (`npm view <package>@<version> dist.integrity`)
PACKAGES=(
  "graphiql@4.1.2 sha512-rNlzQIAzm6i2KBXmVQWBgLvt0TloxFVB2d18bukvdsvjEuFDHsKx5IVOomL1W1o5WW+tE54+ioHb2AEKzO2cUg=="
  "react@18.3.1 sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ=="
  "react-dom@18.3.1 sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw=="
  "@graphiql/plugin-explorer@4.0.6 sha512-TppIi92YPER3v70nlF01KTQrq9AiYqkZicSd1hpU7aqGmbqw/pLwBNLUEcfENBoJtw574Qxjswb01+GaYK0Tzw=="
  # Bundled inside plugin-explorer's UMD file; fetched only for its licence.
  "graphiql-explorer@0.9.0 sha512-fZC/wsuatqiQDO2otchxriFO0LaWIo/ovF/CQJ1yOudmY0P7pzDiP+l9CEHUiWbizk3e99x6DQG4XG1VxA+d6A=="
)

# package: "file in its tarball -> file under vendor/", only what the page loads, and licences
declare -A FILES=(
  [graphiql]="graphiql.min.js->graphiql-4.1.2/graphiql.min.js
    graphiql.min.css->graphiql-4.1.2/graphiql.min.css LICENSE->graphiql-4.1.2/LICENSE"
  [react]="umd/react.production.min.js->react-18.3.1/react.production.min.js
    LICENSE->react-18.3.1/LICENSE"
  [react-dom]="umd/react-dom.production.min.js->react-dom-18.3.1/react-dom.production.min.js
    LICENSE->react-dom-18.3.1/LICENSE"
  # The package ships no licence file: it is MIT (its package.json) from the graphql/graphiql
  # repository, whose licence graphiql ships; the explorer it bundles keeps its own.
  [@graphiql/plugin-explorer]="dist/index.umd.js->plugin-explorer-4.0.6/index.umd.js
    dist/style.css->plugin-explorer-4.0.6/style.css"
  [graphiql-explorer]="LICENSE->plugin-explorer-4.0.6/LICENSE.graphiql-explorer"
)

rm -rf "$vendor"
mkdir -p "$vendor"
for entry in "${PACKAGES[@]}"; do
  read -r spec integrity <<<"$entry"
  package="${spec%@*}"
  tarball="$(cd "$work" && npm pack --silent "$spec")"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "build_graphiql: $spec has integrity $actual, expected $integrity" >&2
    exit 1
  fi
  unpacked="$work/unpacked-${tarball%.tgz}"
  mkdir -p "$unpacked"
  tar -xzf "$work/$tarball" -C "$unpacked"
  for pair in ${FILES[$package]}; do
    mkdir -p "$(dirname "$vendor/${pair##*->}")"
    cp "$unpacked/package/${pair%%->*}" "$vendor/${pair##*->}"
  done
done
cp "$vendor/graphiql-4.1.2/LICENSE" "$vendor/plugin-explorer-4.0.6/LICENSE"

(cd "$vendor" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum >SHA256SUMS)
du -sh "$vendor"
