#!/usr/bin/env bash
# Run one fuzzer for a bounded time over a fresh corpus seeded from the
# bundled samples, the unit-test inputs in tests/fuzz/corpus, and the seeds
# when they are present. A crash fails the test and leaves its input in the
# working directory (crash-*); add it to tests/fuzz/corpus as a regression.
#   run.sh FUZZER SECONDS SOURCE_DIR
set -euo pipefail
fuzzer=$1 seconds=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dirs=("$work")
for d in "$src/examples/data" "$src/tests/fuzz/corpus" "$src/../shared/seeds"; do
  [[ -d "$d" ]] && dirs+=("$d")
done
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -dict="$src/tests/fuzz/kgrights.dict" -print_final_stats=1 "${dirs[@]}" 2>&1 | tail -n 25
