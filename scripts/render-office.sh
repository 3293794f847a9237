#!/usr/bin/env bash
# Opens probity's Word documents and workbooks as LibreOffice does and prints them: the Dorset
# gap report (DOCX and xlsx), its progress report from 2012 to 2013 and the summary of the seed
# forces (each DOCX and xlsx) are converted to PDF with LibreOffice headless, and every PDF page
# to PNG with pdftoppm. Fails when a conversion fails, when a page has nothing on it but its
# header and footer, when a page lacks the protective marking, or when LibreOffice finds no
# headings in a Word document. The files are left in the output folder (default:
# target/render/office) for a person to look at.
#
# Needs: soffice (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui) and pdftoppm,
# pdftotext, pdfinfo, pdftohtml (Debian: poppler-utils).
#
# Usage: scripts/render-office.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/render/office}"
marking="OFFICIAL-SENSITIVE"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

fail() {
  echo "render-office: $*" >&2
  exit 1
}

cargo build --quiet --bin probity
probity=target/debug/probity
fixtures=tests/fixtures
files=()
write() { # NAME FORMAT TODAY COMMAND...
  local name="$1" format="$2" today="$3"
  shift 3
  rm -f "$out/$name.$format" "$out/$name-$format.pdf" "$out/$name-$format"-*.png
  PROBITY_TODAY="$today" "$probity" "$@" --format "$format" --marking "$marking" \
    --out "$out/$name.$format" --overwrite 2>/dev/null || fail "probity could not write $name.$format"
  files+=("$out/$name.$format")
}
for format in docx xlsx; do
  write dorset-2012 "$format" 2012-12-01 report "$fixtures/dorset-2012.toml"
  write dorset-progress "$format" 2013-09-30 compare "$fixtures/dorset-2012.toml" "$fixtures/dorset-2013.toml"
  write summary "$format" 2013-09-30 summary "$fixtures/dorset-2012.toml" "$fixtures/durham-2012.toml"
done

# One LibreOffice run per format (the two formats of a document would make the same PDF
# name); its own profile keeps it from any LibreOffice already open.
for format in docx xlsx; do
  soffice -env:UserInstallation="file://$profile/user" --headless --convert-to pdf \
    --outdir "$profile/$format" "$out"/*."$format" >/dev/null 2>&1 ||
    fail "LibreOffice failed to convert the $format files"
done

for file in "${files[@]}"; do
  base="$(basename "$file")"
  format="${base##*.}"
  name="${base%.*}-$format"
  pdf="$out/$name.pdf"
  [ -s "$profile/$format/${base%.*}.pdf" ] || fail "$base was not converted to PDF"
  mv "$profile/$format/${base%.*}.pdf" "$pdf"
  head -c 5 "$pdf" | grep -q '%PDF-' || fail "$pdf is not a PDF"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  [ "${pages:-0}" -ge 1 ] || fail "$pdf has no pages"
  for ((page = 1; page <= pages; page++)); do
    text="$(pdftotext -layout -f "$page" -l "$page" "$pdf" -)"
    grep -qF "$marking" <<<"$text" || fail "$pdf page $page has no marking"
    # What is left without the marking, the page number and the running title (the lines with
    # a middle dot) is the page's content.
    body="$(grep -vF "$marking" <<<"$text" | grep -vE '^\s*Page [0-9]+ of [0-9]+\s*$' \
      | grep -vF '·' | tr -d '[:space:]' || true)"
    [ -n "$body" ] || fail "$pdf page $page is empty"
  done
  # LibreOffice turns the headings it recognises into the PDF's outline, as in its navigator.
  if [ "$format" = docx ]; then
    outline="$(pdftohtml -xml -i -stdout -q "$pdf")"
    grep -qF '<outline>' <<<"$outline" || fail "$pdf has no outline: LibreOffice did not see Word headings"
  fi
  pdftoppm -png -r 80 "$pdf" "$out/$name" || fail "$pdf could not be drawn as PNG"
  for png in "$out/$name"-*.png; do
    [ -s "$png" ] || fail "$png is empty"
  done
  echo "render-office: $base → $pdf ($pages pages) and PNG pages"
done
