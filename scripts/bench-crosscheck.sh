#!/usr/bin/env bash
# The cross-check on a force's whole history against a plain exact-name join in Python over
# the same files. Needs python3, perf and hyperfine; /usr/bin/time (GNU) for peak memory.
#   scripts/bench-crosscheck.sh [GIFTS INTERESTS SUPPLIERS]   (default 200000 20000 15000)
# The target: no more CPU than the Python join (task-clock), and a peak under 500 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bins
probity=$PWD/target/release/probity
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 scripts/crosscheck-data.py "$scratch" "${1:-200000}" "${2:-20000}" "${3:-15000}"
cd "$scratch"
wc -l gifts.csv interests.csv suppliers.csv
cross="$probity crosscheck --gifts gifts.csv --interests interests.csv --suppliers suppliers.csv --format json --out out.json --overwrite"
join="python3 $OLDPWD/scripts/crosscheck-join.py gifts.csv interests.csv suppliers.csv join.json"

echo "== CPU (task-clock; compare the msec)"
perf stat -r 10 $cross 2>&1 | grep -E "task-clock|elapsed"
perf stat -r 10 $join 2>&1 | grep -E "task-clock|elapsed"

echo "== wall time (hyperfine)"
hyperfine -N --warmup 1 --min-runs 10 "$cross" "$join"

echo "== peak memory"
/usr/bin/time -v $cross 2>&1 | grep "Maximum resident"
/usr/bin/time -v $join 2>&1 | grep "Maximum resident"
