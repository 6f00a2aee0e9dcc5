#!/bin/sh
# Profile kgr-bench: perf stat and perf record over a corpus, and callgrind
# over a small one; prints the top functions. See README.md, "Profile".
#
#   bench/profile.sh BUILD_DIR [CORPUS_DIR] [OUT_DIR]
#
# BUILD_DIR should be a RelWithDebInfo build with frame pointers and DWARF 4
# (valgrind 3.19 cannot read clang's default DWARF 5):
#   cmake -S . -B /tmp/build-prof -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#         -DCMAKE_C_COMPILER=clang -DKGR_BUILD_TESTS=OFF \
#         -DCMAKE_C_FLAGS="-fno-omit-frame-pointer -gdwarf-4"
#   cmake --build /tmp/build-prof -j2 --target kgr-bench kgr-gencorpus kgr-arenaprof
# CORPUS_DIR defaults to a 10 MiB corpus generated into OUT_DIR (default
# /tmp/kgr-profile); callgrind always runs on a 400 KiB one.
set -eu
build=${1:?usage: profile.sh BUILD_DIR [CORPUS_DIR] [OUT_DIR]}
out=${3:-/tmp/kgr-profile}
bench=$build/bench/kgr-bench
gen=$build/bench/kgr-gencorpus
mkdir -p "$out"
corpus=${2:-$out/corpus-10M}
[ -n "${2:-}" ] || "$gen" --quiet --size 10M --seed 5 --out "$corpus"

if perf stat -e instructions true >/dev/null 2>&1; then
  echo "== perf stat ($corpus)"
  perf stat -e task-clock,cycles,instructions,branch-misses,cache-misses \
    "$bench" "$corpus" --repeat 1 --no-spawn 2>&1 >/dev/null | grep -E '[0-9]'
  echo "== perf record: top 15 functions by self time"
  perf record -q -g -o "$out/perf.data" "$bench" "$corpus" --repeat 1 --no-spawn >/dev/null 2>&1
  perf report -i "$out/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
    grep -E '^ +[0-9]' | head -15
else
  echo "== perf: not available here (perf stat -e instructions true failed)"
fi

if [ -x "$build/bench/kgr-arenaprof" ]; then
  big=$(ls -S "$corpus"/*.txt | head -1)
  echo "== arena bytes by call site ($big)"
  "$build/bench/kgr-arenaprof" --top 15 "$big"
fi

if command -v valgrind >/dev/null 2>&1; then
  small=$out/corpus-400K
  "$gen" --quiet --size 400K --seed 11 --out "$small"
  echo "== callgrind ($small): top 10 by self cost, then by inclusive cost"
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$bench" "$small" --repeat 1 --no-spawn >/dev/null 2>"$out/callgrind.log"
  # Lines naming their object file ("[...]") once each, without it.
  callgrind_annotate "$out/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(.*\]$' |
    sed 's/ \[[^]]*\]$//' | head -10
  echo "-- inclusive"
  callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null |
    grep -E '^ *[0-9,]+ \(.*\]$' | grep -v -E 'below main|ld-linux|libc-start|kgr-bench.c' |
    sed 's/ \[[^]]*\]$//' | head -20
  echo "(callers of a function: callgrind_annotate --tree=caller $out/callgrind.out)"
else
  echo "== valgrind: not installed"
fi
