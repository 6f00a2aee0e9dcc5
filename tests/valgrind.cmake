# Memcheck runs of the kgr-parse CLI (label "valgrind"): every sample in
# examples/data, every seed when the seeds are present, and generated bad
# input (random bytes, NULs, invalid UTF-8). Any memory error or definite
# or indirect leak makes valgrind exit 99 and the test fail. Sanitizer and
# fuzzer builds are skipped: their runtimes and valgrind do not mix.
find_program(KGR_VALGRIND valgrind)
if(NOT KGR_VALGRIND OR NOT TARGET kgr-parse OR KGR_SANITIZE OR KGR_TSAN OR KGR_BUILD_FUZZERS)
  return()
endif()

set(KGR_MEMCHECK ${KGR_VALGRIND} -q --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
    --track-origins=yes)
set(KGR_VG_CLI $<TARGET_FILE:kgr-parse>)

function(kgr_valgrind_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS valgrind TIMEOUT 300 SKIP_RETURN_CODE 77)
endfunction()

file(GLOB KGR_VG_SAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/data/*.txt)
foreach(sample ${KGR_VG_SAMPLES})
  get_filename_component(stem ${sample} NAME_WE)
  kgr_valgrind_test(valgrind_sample_${stem} ${KGR_MEMCHECK} ${KGR_VG_CLI} ${sample})
endforeach()

if(EXISTS ${KGR_SEEDS_DIR})
  file(GLOB KGR_VG_SEEDS ${KGR_SEEDS_DIR}/*.txt)
  foreach(seed ${KGR_VG_SEEDS})
    get_filename_component(stem ${seed} NAME_WE)
    kgr_valgrind_test(valgrind_seed_${stem} ${KGR_MEMCHECK} ${KGR_VG_CLI} ${seed})
  endforeach()
else()
  kgr_valgrind_test(valgrind_seeds sh -c "echo \"seeds folder absent: $1: skipped\"; exit 77"
                    sh ${KGR_SEEDS_DIR})
endif()

# Bad input made at test time, from a fixed seed so that a failure
# reproduces: 256 KB of random bytes; a sample with NULs, invalid UTF-8 and
# stray control bytes spliced in; and all of them in one jsonl run (one
# process, several documents).
set(KGR_VG_DIR ${CMAKE_CURRENT_BINARY_DIR}/valgrind)
set(KGR_VG_GEN [=[
import os, random, sys
out, sample = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(20201005)
with open(os.path.join(out, "random.bin"), "wb") as f:
    f.write(bytes(rng.getrandbits(8) for _ in range(256 * 1024)))
text = bytearray(open(sample, "rb").read())
for _ in range(64):
    at = rng.randrange(len(text) + 1)
    text[at:at] = rng.choice([b"\0", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x1b[0m", b"[1]", b"\r"])
with open(os.path.join(out, "spliced.txt"), "wb") as f:
    f.write(bytes(text))
with open(os.path.join(out, "nuls.bin"), "wb") as f:
    f.write(bytes(64 * 1024))
]=])
add_test(NAME valgrind_make_inputs
         COMMAND ${Python3_EXECUTABLE} -c "${KGR_VG_GEN}" ${KGR_VG_DIR}
                 ${PROJECT_SOURCE_DIR}/examples/data/report-bracket-footnotes.txt)
set_tests_properties(valgrind_make_inputs PROPERTIES LABELS valgrind
                     FIXTURES_SETUP kgr_valgrind_inputs)
kgr_valgrind_test(valgrind_random_bytes ${KGR_MEMCHECK} ${KGR_VG_CLI} ${KGR_VG_DIR}/random.bin)
kgr_valgrind_test(valgrind_bad_inputs ${KGR_MEMCHECK} ${KGR_VG_CLI} --format jsonl
                  ${KGR_VG_DIR}/spliced.txt ${KGR_VG_DIR}/nuls.bin ${KGR_VG_DIR}/random.bin)
set_tests_properties(valgrind_random_bytes valgrind_bad_inputs PROPERTIES
                     FIXTURES_REQUIRED kgr_valgrind_inputs)
