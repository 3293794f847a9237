#!/usr/bin/env bash
# Times a release `probity report` of a fully answered assessment as a whole process, once per
# export format. Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
for format in json md html docx csv xlsx narrative; do
  hyperfine -N --warmup 5 --min-runs 50 \
    "target/release/probity report tests/fixtures/full-2013.toml --format $format"
done
# All seven formats one after another, as one timed command.
hyperfine --warmup 5 --min-runs 30 \
  "for f in json md html docx csv xlsx narrative; do target/release/probity report tests/fixtures/full-2013.toml --format \$f >/dev/null; done"
