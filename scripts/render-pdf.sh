#!/usr/bin/env bash
# Prints the web pages probity writes to A4 PDF with headless Chromium, and checks what a reader
# of the paper copy relies on:
# - the Dorset 2012 gap report prints to at most 10 pages;
# - every page of every document (gap report, compare, trend, summary) carries the marking at
#   the top and the foot, and "Page n of N";
# - no text runs off the page, even the long answers, notes and evidence of the long-text
#   fixture.
# The PDFs and a PNG of each first page are left in the output folder (default: target/render)
# for a person to look at.
#
# Usage: scripts/render-pdf.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/render}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

cargo build --quiet --bin probity
probity() { PROBITY_TODAY=2013-09-30 target/debug/probity "$@"; }
fixtures=tests/fixtures

probity report "$fixtures/dorset-2012.toml" --format html --as-at 2012-12-01 \
  --out "$out/dorset-2012.html" --overwrite
probity report "$fixtures/long-text-2012.toml" --format html --out "$out/long-text-2012.html" --overwrite
probity compare "$fixtures/dorset-2012.toml" "$fixtures/dorset-2013.toml" --format html \
  --out "$out/compare.html" --overwrite
probity summary "$fixtures/dorset-2012.toml" "$fixtures/durham-2012.toml" --format html \
  --out "$out/summary.html" --overwrite
probity trend "$fixtures/trend" "$fixtures/dorset-2012.toml" "$fixtures/dorset-2013.toml" \
  --format html --out "$out/trend.html" --overwrite

chrome=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")

fail() { echo "render-pdf: $*" >&2; exit 1; }

# Page counts are measured in Arial's metrics, which Liberation Sans shares; another face would
# move them.
[ "$(fc-match -f '%{family[0]}' Arial)" = "Liberation Sans" ] ||
  fail "Liberation Sans is not installed (Debian: fonts-liberation); page counts would not be Arial's"

# The long-text fixture's longest unbroken values, which must print whole.
whole=()
while IFS= read -r line; do whole+=("$line"); done < <(
  grep -oE '"(https://[^"]+|(Supercalifragilisticexpialidocious)+)"' "$fixtures/long-text-2012.toml" |
    tr -d '"' | sort -u)

for name in dorset-2012 long-text-2012 compare summary trend; do
  html="$out/$name.html" pdf="$out/$name.pdf"
  rm -f "$pdf" "$out/$name-1.png"
  "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$(realpath "$html")" 2>/dev/null
  [ -s "$pdf" ] || fail "$pdf was not produced or is empty"
  head -c 5 "$pdf" | grep -q '%PDF-' || fail "$pdf is not a PDF"
  pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$pdf" "$out/$name-1"
  [ -s "$out/$name-1.png" ] || fail "the first page of $pdf did not render"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  expect=()
  [ "$name" = long-text-2012 ] && expect=("${whole[@]}")
  [ "$name" = summary ] && expect=("95.9%" "47 of 49" "94.7%" "72 of 76" "Provisional" "Durham Constabulary")
  python3 scripts/check-print.py "$pdf" "$pages" OFFICIAL-SENSITIVE "${expect[@]}" ||
    fail "$pdf fails the print check"
  echo "render-pdf: $pdf: $pages pages, marking and page number on each, nothing off the page"
done

pages=$(pdfinfo "$out/dorset-2012.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" -le 10 ] || fail "the Dorset 2012 gap report prints to $pages pages; it must fit in 10"
