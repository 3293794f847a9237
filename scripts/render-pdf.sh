#!/usr/bin/env bash
# Renders the HTML gap report of the Dorset fixture to PDF and PNG with headless Chromium, and
# checks that both files were produced and are not empty. The files are left in the output
# folder (default: target/render) for a person to look at.
#
# Usage: scripts/render-pdf.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/render}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

cargo build --quiet --bin probity
PROBITY_TODAY=2012-12-01 target/debug/probity report tests/fixtures/dorset-2012.toml \
  --format html --out "$out/dorset-2012.html" --overwrite

url="file://$(realpath "$out/dorset-2012.html")"
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")

rm -f "$out/dorset-2012.pdf" "$out/dorset-2012.png"
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/dorset-2012.pdf" "$url" 2>/dev/null
"${chrome[@]}" --window-size=1100,1500 --screenshot="$out/dorset-2012.png" "$url" 2>/dev/null

for f in "$out/dorset-2012.pdf" "$out/dorset-2012.png"; do
  if [ ! -s "$f" ]; then
    echo "render-pdf: $f was not produced or is empty" >&2
    exit 1
  fi
done
head -c 5 "$out/dorset-2012.pdf" | grep -q '%PDF-' || { echo "render-pdf: not a PDF" >&2; exit 1; }
echo "render-pdf: wrote $out/dorset-2012.pdf ($(stat -c %s "$out/dorset-2012.pdf") bytes) and $out/dorset-2012.png ($(stat -c %s "$out/dorset-2012.png") bytes)"
