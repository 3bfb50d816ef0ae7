#!/usr/bin/env bash
# Renders an exported sheet as docs/export-sheet.png, as LibreOffice prints it (README, Exports).
# Needs LibreOffice Calc and poppler: apt-get install libreoffice-calc-nogui poppler-utils
set -euo pipefail
out="$(mktemp -d)"
export JEJAK_DATA_DIR="$out/pgdata"
.venv/bin/jejak generate --employees 80 --seed 7 --tenants palangkaraya --today 2026-12-04
.venv/bin/jejak projections rebuild
.venv/bin/jejak export jp-compliance --tenant pemkot-palangkaraya --year 2025 --format xlsx \
  --output "$out/jp-compliance-2025.xlsx"
soffice --headless --convert-to pdf --outdir "$out" "$out/jp-compliance-2025.xlsx"
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 75 -W 1120 -H 170 "$out/jp-compliance-2025.pdf" "$out/sheet"
cp "$out/sheet-1.png" docs/export-sheet.png
