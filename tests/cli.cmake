# Tests of the kgr-parse command line, run as a user runs it. ctest's own
# PASS_REGULAR_EXPRESSION ignores the exit status, so each test goes through
# tests/scripts/run_cli.py (status and output) or tests/json_roundtrip.py
# (the records against OUTPUT.md). Exit 77 means skipped (seeds absent).
if(NOT TARGET kgr-parse)
  return()
endif()

set(KGR_CLI $<TARGET_FILE:kgr-parse>)
set(KGR_RUN ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_cli.py)
set(KGR_ROUNDTRIP ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/json_roundtrip.py
    --parser ${KGR_CLI})
set(KGR_SAMPLES ${PROJECT_SOURCE_DIR}/examples/data)
set(KGR_SAMPLE ${KGR_SAMPLES}/report-bracket-footnotes.txt)
file(GLOB KGR_SAMPLE_FILES CONFIGURE_DEPENDS ${KGR_SAMPLES}/*.txt)
set(KGR_CLI_TESTS)

function(kgr_cli_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS cli TIMEOUT 120 SKIP_RETURN_CODE 77)
endfunction()

# --- options and exit codes (0 ok, 1 bad input, 2 usage, 3 I/O) ----------
kgr_cli_test(cli_help ${KGR_RUN} --exit 0 --stdout "^Usage: kgr-parse" --stdout "--format"
             -- ${KGR_CLI} --help)
kgr_cli_test(cli_help_short ${KGR_RUN} --exit 0 --stdout "^Usage" -- ${KGR_CLI} -h)
kgr_cli_test(cli_version ${KGR_RUN} --exit 0
             --stdout "libkgrights\\) ${PROJECT_VERSION}, built with headers ${PROJECT_VERSION}"
             -- ${KGR_CLI} --version)
kgr_cli_test(cli_unknown_option ${KGR_RUN} --exit 2 --no-stdout
             --stderr "unknown option '--frobnicate'" --stderr "Usage"
             -- ${KGR_CLI} --frobnicate ${KGR_SAMPLE})
kgr_cli_test(cli_unknown_format ${KGR_RUN} --exit 2 --no-stdout --stderr "format"
             -- ${KGR_CLI} --format xml ${KGR_SAMPLE})
kgr_cli_test(cli_missing_file ${KGR_RUN} --exit 3 --no-stdout
             --stderr "no-such-file\\.txt: error: .*no-such-file\\.txt"
             -- ${KGR_CLI} ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.txt)
# One missing file among good ones: the good records still print.
kgr_cli_test(cli_missing_among_good ${KGR_RUN} --exit 3
             --stdout "\"schema\":\"kgrights.document/1\"" --stderr "no-such-file\\.txt: error:"
             -- ${KGR_CLI} --format jsonl ${KGR_SAMPLE}
                ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.txt ${KGR_SAMPLE})
kgr_cli_test(cli_bad_reference_date ${KGR_RUN} --exit 2 --no-stdout
             --stderr "reference-date"
             -- ${KGR_CLI} --reference-date 2020-02-30 ${KGR_SAMPLE})
kgr_cli_test(cli_reference_date ${KGR_RUN} --exit 0 --stdout "\"schema\": \"kgrights.document/1\""
             -- ${KGR_CLI} --reference-date 2020-10-12 ${KGR_SAMPLE})
kgr_cli_test(cli_max_bytes ${KGR_RUN} --exit 1 --no-stdout --stderr "error: .*limit"
             -- ${KGR_CLI} --max-bytes 100 ${KGR_SAMPLE})
kgr_cli_test(cli_max_bytes_bad ${KGR_RUN} --exit 2 --no-stdout --stderr "max-bytes"
             -- ${KGR_CLI} --max-bytes lots ${KGR_SAMPLE})
# --strict refuses invalid UTF-8 with file:line:col ("ok\nab\xFF": line 2, column 3).
kgr_cli_test(cli_strict_invalid_utf8 ${KGR_RUN} --exit 1 --no-stdout --stdin-hex 6f6b0a6162ff
             --stderr "^<stdin>:2:3: error: "
             -- ${KGR_CLI} --strict -)
# Without --strict the same bytes give a record with a diagnostic.
kgr_cli_test(cli_lenient_invalid_utf8 ${KGR_RUN} --exit 0 --stdin-hex 6f6b0a6162ff
             --stdout "\"code\":\"invalid-utf8\""
             -- ${KGR_CLI} --compact -)
# --ascii: nothing above 0x7F. The input is a Cyrillic title ("Заявление о
# Кыргызстане") and sentence, so the record's title is all \u escapes.
kgr_cli_test(cli_ascii ${KGR_RUN} --exit 0 --not-stdout "[^\\x01-\\x7f]"
             --stdout "\"title\": \"\\\\u0417\\\\u0430"
             --stdin-hex d097d0b0d18fd0b2d0bbd0b5d0bdd0b8d0b520d0be20d09ad18bd180d0b3d18bd0b7d181d182d0b0d0bdd0b50a0ad09fd0bed0bbd0b8d186d0b8d18f20d0bfd180d0b8d0bcd0b5d0bdd0b8d0bbd0b020d181d0bbd0b5d0b7d0bed182d0bed187d0b8d0b2d18bd0b920d0b3d0b0d0b72e0a
             -- ${KGR_CLI} --ascii -)
kgr_cli_test(cli_ascii_sample ${KGR_RUN} --exit 0 --not-stdout "[^\\x01-\\x7f]"
             -- ${KGR_CLI} --ascii ${KGR_SAMPLES}/appeal-russian-names.txt)
kgr_cli_test(cli_compact ${KGR_RUN} --exit 0 --stdout "^{\"schema\":\"kgrights.document/1\",[^\n]*}\n$"
             -- ${KGR_CLI} --compact ${KGR_SAMPLE})

# --- standard input: "-" and no file at all -------------------------------
kgr_cli_test(cli_stdin ${KGR_ROUNDTRIP} --stdin ${KGR_SAMPLE})
kgr_cli_test(cli_no_file_reads_stdin ${KGR_RUN} --exit 0 --stdin ${KGR_SAMPLE}
             --stdout "\"name\": null" --stdout "\"schema\": \"kgrights.document/1\""
             -- ${KGR_CLI})
kgr_cli_test(cli_double_dash ${KGR_RUN} --exit 3 --stderr "^--help: error:"
             -- ${KGR_CLI} -- --help)

# --- several files: JSON Lines and a JSON array ---------------------------
kgr_cli_test(cli_jsonl ${KGR_ROUNDTRIP} --jsonl ${KGR_SAMPLE_FILES})
kgr_cli_test(cli_json_array ${KGR_ROUNDTRIP} --array ${KGR_SAMPLE_FILES})

# --- every sample and every seed gives a valid record ---------------------
foreach(sample ${KGR_SAMPLE_FILES})
  get_filename_component(stem ${sample} NAME_WE)
  kgr_cli_test(cli_sample_${stem} ${KGR_ROUNDTRIP} ${sample})
endforeach()
if(EXISTS ${KGR_SEEDS_DIR})
  file(GLOB KGR_SEED_FILES ${KGR_SEEDS_DIR}/*.txt)
  foreach(seed ${KGR_SEED_FILES})
    get_filename_component(stem ${seed} NAME_WE)
    kgr_cli_test(cli_seed_${stem} ${KGR_ROUNDTRIP} ${seed})
  endforeach()
else()
  # The script reports the folder as absent and exits 77 (skipped).
  kgr_cli_test(cli_seeds ${KGR_ROUNDTRIP} ${KGR_SEEDS_DIR})
endif()

# --- the seeds through kgr-score -------------------------------------------
# Title, sections, footnotes with URLs and links, with spans that
# `kgr-score --input` verifies; skipped (77) when kgr-score or the seeds are
# absent.
get_filename_component(KGR_SCORE ${PROJECT_SOURCE_DIR}/../shared/tools/kgr-score ABSOLUTE)
kgr_cli_test(cli_kgr_score_seeds ${Python3_EXECUTABLE}
             ${CMAKE_CURRENT_SOURCE_DIR}/scripts/score_seeds.py --parser ${KGR_CLI}
             --score ${KGR_SCORE} --gold ${KGR_GOLD_DIR} --seeds ${KGR_SEEDS_DIR})
if(EXISTS ${KGR_SCORE} AND EXISTS ${KGR_SEEDS_DIR})
  # The batch form every engineer runs: a record for each seed, no crash.
  kgr_cli_test(cli_kgr_score_batch ${KGR_RUN} --exit 0 --stdout "\nscore: [0-9.]+"
               --not-stdout "no record"
               -- ${Python3_EXECUTABLE} ${KGR_SCORE} --batch ${KGR_GOLD_DIR} ${KGR_SEEDS_DIR}
                  -- ${KGR_CLI} --format json)
endif()
