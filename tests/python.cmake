# Tests of the Python binding (KGR_BUILD_PYTHON=ON): pytest over
# tests/python with the built package on PYTHONPATH, run by the interpreter
# the binding was built for. Each test_*.py that needs something optional
# (pandas, dask, nbconvert, valgrind, the seeds) skips and says why.
if(NOT TARGET pykgrights)
  return()
endif()

set(KGR_PY_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/python)
set(KGR_PY_ENV
  PYTHONPATH=${CMAKE_BINARY_DIR}/python
  PYTHONDONTWRITEBYTECODE=1
  KGR_SEEDS_DIR=${KGR_SEEDS_DIR}
  KGR_DATA_DIR=${PROJECT_SOURCE_DIR}/examples/data
  KGR_SOURCE_DIR=${PROJECT_SOURCE_DIR}
  KGR_NOTEBOOK_OUT=${CMAKE_BINARY_DIR}/python/notebook
  MPLBACKEND=Agg
  MPLCONFIGDIR=${CMAKE_BINARY_DIR}/python/mplconfig)
if(TARGET kgr-parse)
  list(APPEND KGR_PY_ENV KGR_PARSE=$<TARGET_FILE:kgr-parse>)
endif()
# A sanitizer build: the interpreter is not instrumented, so the ASan
# runtime must be preloaded for the extension to load. Python's own
# allocations at exit are not ours to report.
if(KGR_SANITIZE)
  if(CMAKE_C_COMPILER_ID MATCHES "Clang")
    set(KGR_ASAN_RUNTIME libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
  else()
    set(KGR_ASAN_RUNTIME libasan.so)
  endif()
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=${KGR_ASAN_RUNTIME}
                  OUTPUT_VARIABLE KGR_ASAN_PRELOAD OUTPUT_STRIP_TRAILING_WHITESPACE)
  list(APPEND KGR_PY_ENV LD_PRELOAD=${KGR_ASAN_PRELOAD} ASAN_OPTIONS=detect_leaks=0)
endif()
# No .pytest_cache in the source tree.
set(KGR_PYTEST ${Python3_EXECUTABLE} -m pytest -q -rs -p no:cacheprovider)

function(kgr_py_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "ENV" ${ARGN})
  add_test(NAME ${name} COMMAND ${KGR_PYTEST} ${T_UNPARSED_ARGUMENTS}
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set(env ${KGR_PY_ENV} ${T_ENV})
  set_tests_properties(${name} PROPERTIES
    LABELS python
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "${env}")
endfunction()

# The API, lifetime, JSON against the CLI, threads, DataFrames.
kgr_py_test(py_api ${KGR_PY_TESTS}
  --ignore=${KGR_PY_TESTS}/test_memory.py
  --ignore=${KGR_PY_TESTS}/test_notebook.py
  --ignore=${KGR_PY_TESTS}/test_dask_corpus.py
  TIMEOUT 300)
# Many parses with flat memory: about 20 s. (ASan's quarantine holds freed
# memory on purpose, so the measure means nothing there.)
if(NOT KGR_SANITIZE)
  kgr_py_test(py_memory ${KGR_PY_TESTS}/test_memory.py TIMEOUT 300)
endif()
# examples/notebooks/kyrgyzstan-2020.ipynb, executed headless by nbconvert.
kgr_py_test(py_notebook ${KGR_PY_TESTS}/test_notebook.py TIMEOUT 600)
# examples/dask_corpus.py on a two-worker LocalCluster.
kgr_py_test(py_dask ${KGR_PY_TESTS}/test_dask_corpus.py TIMEOUT 300)
# A lifetime loop under valgrind, when valgrind is installed.
find_program(KGR_VALGRIND valgrind)
if(KGR_VALGRIND AND NOT KGR_SANITIZE)
  kgr_py_test(py_valgrind ${KGR_PY_TESTS}/test_lifetime.py -k valgrind
    TIMEOUT 900 ENV KGR_VALGRIND=1)
endif()
# A run whose only test skipped (pandas, dask or the seeds absent) shows as
# skipped in ctest.
set_tests_properties(py_notebook py_dask PROPERTIES
  SKIP_REGULAR_EXPRESSION "(^|\n)[0-9]+ skipped in")
