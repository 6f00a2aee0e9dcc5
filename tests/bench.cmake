# Smoke tests of the benchmark programs (bench/): they run on a tiny corpus
# and print every line of their report. No timing is asserted: benchmarks
# are run by hand (bench/README.md), never as tests.
if(NOT TARGET kgr-bench OR NOT TARGET kgr-gencorpus)
  return()
endif()

set(KGR_BENCH_RUN ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_cli.py)
set(KGR_BENCH_CORPUS ${CMAKE_CURRENT_BINARY_DIR}/bench-corpus)
set(KGR_BENCH_NUM "[0-9]+(\\.[0-9]+)?")

function(kgr_bench_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS bench TIMEOUT 120 SKIP_RETURN_CODE 77)
endfunction()

# A 200 KiB corpus, twice with the same seed: the same files.
kgr_bench_test(bench_gencorpus ${KGR_BENCH_RUN} --exit 0
  --stdout "^kgr-gencorpus: wrote [0-9]+ documents, [0-9]+ bytes \\(largest [0-9]+\\)"
  --stdout "seed 7, checksum [0-9a-f]{16}"
  -- $<TARGET_FILE:kgr-gencorpus> --size 200K --seed 7 --out ${KGR_BENCH_CORPUS})
set_tests_properties(bench_gencorpus PROPERTIES FIXTURES_SETUP kgr_bench_corpus)
kgr_bench_test(bench_gencorpus_again $<TARGET_FILE:kgr-gencorpus> --quiet --size 200K --seed 7
  --out ${KGR_BENCH_CORPUS}-again)
set_tests_properties(bench_gencorpus_again PROPERTIES FIXTURES_SETUP kgr_bench_corpus_again)
find_program(KGR_DIFF diff)
if(KGR_DIFF)
  kgr_bench_test(bench_gencorpus_reproducible ${KGR_DIFF} -r ${KGR_BENCH_CORPUS}
                 ${KGR_BENCH_CORPUS}-again)
  set_tests_properties(bench_gencorpus_reproducible PROPERTIES
    FIXTURES_REQUIRED "kgr_bench_corpus;kgr_bench_corpus_again")
endif()
kgr_bench_test(bench_gencorpus_usage ${KGR_BENCH_RUN} --exit 2 --stderr "Usage: kgr-gencorpus"
  -- $<TARGET_FILE:kgr-gencorpus> --size 1K)

# Every line of the report.
kgr_bench_test(bench_report ${KGR_BENCH_RUN} --exit 0
  --stdout "^kgr-bench: libkgrights [0-9.]+, best of 1 repeat, single thread"
  --stdout "\ncorpus: [0-9]+ documents, [0-9]+ bytes"
  --stdout "\n\\(a\\) parse +${KGR_BENCH_NUM} +${KGR_BENCH_NUM} +${KGR_BENCH_NUM} +${KGR_BENCH_NUM}\n"
  --stdout "\n\\(b\\) parse \\+ JSON [^\n]* +${KGR_BENCH_NUM} +${KGR_BENCH_NUM} +${KGR_BENCH_NUM}"
  --stdout "\n\\(c\\) memchr newline scan +${KGR_BENCH_NUM} +${KGR_BENCH_NUM}\n"
  --stdout "\n\\(d\\) wc -w in C [^\n]* +${KGR_BENCH_NUM} +${KGR_BENCH_NUM}\n"
  --stdout "\n\\(e\\) wc -w spawned \\(LC_ALL=C\\) +${KGR_BENCH_NUM} +${KGR_BENCH_NUM} .*words match"
  --stdout "\nratios \\(time, x slower\\): parse/wc ${KGR_BENCH_NUM}, parse\\+json/wc ${KGR_BENCH_NUM}"
  --stdout "\nparse by size: < 1 MiB ${KGR_BENCH_NUM} MB/s"
  --stdout "\nJSON output: [0-9]+ bytes"
  --stdout "\nallocations \\(parse\\): ${KGR_BENCH_NUM} calls/doc"
  --stdout "\nallocations \\(parse \\+ JSON\\): [^\n]* left after free 0\n"
  --stdout "\nmemory: peak RSS ${KGR_BENCH_NUM} MiB, baseline ${KGR_BENCH_NUM} MiB"
  --stdout "\nparse failures: 0\n"
  -- $<TARGET_FILE:kgr-bench> ${KGR_BENCH_CORPUS} --repeat 1)
set_tests_properties(bench_report PROPERTIES FIXTURES_REQUIRED kgr_bench_corpus)

# --json prints one valid JSON object.
kgr_bench_test(bench_json sh -c
  "\"$1\" \"$2\" --json --repeat 1 --no-spawn > \"$3\" && \"$4\" -m json.tool \"$3\" > /dev/null"
  sh $<TARGET_FILE:kgr-bench> ${KGR_BENCH_CORPUS} ${CMAKE_CURRENT_BINARY_DIR}/bench.json
  ${Python3_EXECUTABLE})
set_tests_properties(bench_json PROPERTIES FIXTURES_REQUIRED kgr_bench_corpus)
kgr_bench_test(bench_usage ${KGR_BENCH_RUN} --exit 2 --stderr "Usage: kgr-bench"
  -- $<TARGET_FILE:kgr-bench>)

# Arena bytes by call site, on one sample document.
if(TARGET kgr-arenaprof)
  kgr_bench_test(bench_arenaprof ${KGR_BENCH_RUN} --exit 0
    --stdout "^kgr-arenaprof: 1 file, [0-9]+ input bytes. arena bytes [0-9]+"
    --stdout "\n +[0-9]+ +[0-9.]+% +[0-9]+  [A-Za-z_]"
    -- $<TARGET_FILE:kgr-arenaprof> --top 5
       ${PROJECT_SOURCE_DIR}/examples/data/report-hard-wrapped.txt)
endif()

# The Python side, run directly: run_cli.py has no "skipped" status. The
# script prints "bench_python: skipped" and exits 77 without the binding.
# Not in sanitizer builds, where the uninstrumented interpreter cannot load
# the extension without a preloaded runtime (tests/python.cmake covers it).
if(KGR_SANITIZE)
  return()
endif()
kgr_bench_test(bench_python ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/bench/bench_python.py
  ${KGR_BENCH_CORPUS} --repeat 1 --sample 5)
set_tests_properties(bench_python PROPERTIES
  FIXTURES_REQUIRED kgr_bench_corpus
  ENVIRONMENT "PYTHONPATH=${CMAKE_BINARY_DIR}/python;PYTHONDONTWRITEBYTECODE=1"
  SKIP_REGULAR_EXPRESSION "bench_python: skipped"
  PASS_REGULAR_EXPRESSION "speed-up 2 workers / 1 worker: ${KGR_BENCH_NUM}x(.|\n)*(speed-up kgrights / dateparser: ${KGR_BENCH_NUM}x|dateparser: skipped)"
  FAIL_REGULAR_EXPRESSION "Traceback \\(most recent call last\\)")
