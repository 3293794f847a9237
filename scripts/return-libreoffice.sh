#!/usr/bin/env bash
# Makes a return, fills it in LibreOffice Calc (headless, through scripts/fill-return.py) as a
# contributor would, saves it both as .xlsx and as .ods, and imports each into its own copy of
# the assessment, checking the new answers and the conflict arrive as typed.
#
# Usage: scripts/return-libreoffice.sh [OUTPUT_DIR]   (default: target/returns)
# CARGO names the cargo to build with (default: cargo).
set -euo pipefail
cd "$(dirname "$0")/.."

out="$(realpath -m "${1:-target/returns}")"
rm -rf "$out"
mkdir -p "$out/data"
profile="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
soffice_pid=
cleanup() {
  [ -n "$soffice_pid" ] && kill "$soffice_pid" 2>/dev/null || true
  rm -rf "$profile"
}
trap cleanup EXIT

fail() { echo "return-libreoffice: $*" >&2; exit 1; }

"${CARGO:-cargo}" build --quiet --bin probity
probity() { PROBITY_HOME="$out/data" PROBITY_TODAY=2012-12-01 target/debug/probity --as "Integrity Lead" "$@"; }

probity new --force "Dorset Police" --period 2012 --no-tui >/dev/null
file="$out/data/dorset-police-2012.toml"
probity answer "$file" procurement.gifts_crossref no >/dev/null
probity return "$file" --area procurement --to "Head of Procurement" --due 31/01/2013 \
  --out "$out/procurement.xlsx" >/dev/null

soffice --headless --invisible --nologo --norestore \
  "-env:UserInstallation=file://$profile" \
  "--accept=socket,host=127.0.0.1,port=$port;urp;" >/dev/null 2>&1 &
soffice_pid=$!

# E4: awards checked against the register (held "no"); E6: low-value controls; E9: cards in
# issue; J10: when the PSD action is due.
for ext in xlsx ods; do
  /usr/bin/python3 scripts/fill-return.py "$port" "$out/procurement.xlsx" \
    "$out/filled.$ext" "E4=yes" "E6=partly " "E7=Yes" "E9=12" "J10=2013-03-31" "E10=No part"
done

for ext in xlsx ods; do
  cp "$file" "$out/data/copy-$ext.toml"
  # With its history, which records the return as made: an import is checked against it.
  cp "${file%.toml}.history.jsonl" "$out/data/copy-$ext.history.jsonl"
  said="$(probity import "$out/data/copy-$ext.toml" "$out/filled.$ext")" \
    || fail "importing filled.$ext failed: $said"
  echo "$said"
  grep -q "4 new answers, 1 conflict" <<<"$said" || fail "filled.$ext: expected 4 new answers and 1 conflict"
  saved="$(cat "$out/data/copy-$ext.toml")"
  grep -q 'value = "partial"' <<<"$saved" || fail "filled.$ext: \"partly \" was not read as partly"
  grep -q 'value = 12' <<<"$saved" || fail "filled.$ext: the card count was not read"
  grep -q 'due = 2013-03-31' <<<"$saved" || fail "filled.$ext: the due date was not read"
  grep -q 'from = "Head of Procurement"' <<<"$saved" || fail "filled.$ext: no conflict kept"
done
echo "return-libreoffice: returns filled in LibreOffice import correctly ($out)"
