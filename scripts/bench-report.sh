#!/usr/bin/env bash
# Times release builds of probity as whole processes. Needs hyperfine (Debian: apt-get install
# hyperfine).
#   1. Start-up: `report --format json` of a fully answered assessment against the floor, a
#      program that only reads and parses the same checklist and file (benches/floor.rs).
#   2. Size: report and compare on a generated checklist 7,500 and 30,000 areas wide.
#   3. Each export format, and all seven one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bins --example floor --bench wide
probity=$PWD/target/release/probity
fixture=tests/fixtures/full-2013.toml

echo "== start-up: probity against the floor (compare the user and system times)"
hyperfine -N --warmup 10 --min-runs 100 \
  "target/release/examples/floor checklists/wfof-2011.toml $fixture" \
  "$probity report $fixture --format json"

echo "== size: 7,500 and 30,000 areas (30,000 should take at most 5 times 7,500, and under 2 s)"
wide=$(ls -t target/release/deps/wide-* | grep -v '\.d$' | head -1)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for areas in 7500 30000; do
  folder=$scratch/$areas
  PROBITY_BENCH_WRITE="$areas:$folder" "$wide" >/dev/null
  (
    cd "$folder"
    export PROBITY_HOME=$folder
    hyperfine -N --warmup 1 --min-runs 5 \
      "$probity report wide-2013.toml --format json" \
      "$probity compare wide-2012.toml wide-2013.toml --format json"
  )
done

echo "== each export format"
for format in json md html docx csv xlsx narrative; do
  hyperfine -N --warmup 5 --min-runs 50 "$probity report $fixture --format $format"
done
# All seven formats one after another, as one timed command.
hyperfine --warmup 5 --min-runs 30 \
  "for f in json md html docx csv xlsx narrative; do $probity report $fixture --format \$f >/dev/null; done"
