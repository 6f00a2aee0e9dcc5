# Tests of the example programs (kgr-parse's table and map formats,
# kgr-signatories, kgr-db, kgr-corroborate), run as a user runs them:
# options and exit codes through tests/scripts/run_cli.py, facts about the
# bundled samples (examples/data) and the seed documents through
# tests/scripts/check_examples.py. Exit 77 means skipped (seeds absent).
if(NOT TARGET kgr-parse)
  return()
endif()

set(KGR_EX_RUN ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/run_cli.py)
set(KGR_EX_CHECK ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check_examples.py)
set(KGR_EX_DATA ${PROJECT_SOURCE_DIR}/examples/data)
set(KGR_EX_REPORT ${KGR_EX_DATA}/report-bracket-footnotes.txt)
set(KGR_EX_APPEAL ${KGR_EX_DATA}/appeal-paragraph-signatories.txt)
file(GLOB KGR_EX_SAMPLES CONFIGURE_DEPENDS ${KGR_EX_DATA}/*.txt)
# The seeds: the Civic Solidarity Platform appeal and the Amnesty
# International statement. Absent files make the checker skip (77).
set(KGR_EX_CSP ${KGR_SEEDS_DIR}/000_014c0850d59dea29.txt)
set(KGR_EX_AMNESTY ${KGR_SEEDS_DIR}/003_f9bce688f7d74b02.txt)

function(kgr_example_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS "cli;examples" TIMEOUT 300
                       SKIP_RETURN_CODE 77)
endfunction()

set(KGR_PARSE $<TARGET_FILE:kgr-parse>)

# --- kgr-parse --format csv|acled|hxl|geojson --------------------------------
kgr_example_test(examples_parse_help ${KGR_EX_RUN} --exit 0 --stdout "csv" --stdout "acled"
                 --stdout "hxl" --stdout "geojson" -- ${KGR_PARSE} --help)
kgr_example_test(examples_parse_bad_format ${KGR_EX_RUN} --exit 2 --no-stdout
                 --stderr "unknown format 'kml'" -- ${KGR_PARSE} --format kml ${KGR_EX_REPORT})
kgr_example_test(examples_parse_csv_samples ${KGR_EX_CHECK} csv --cli ${KGR_PARSE}
                 ${KGR_EX_SAMPLES})
kgr_example_test(examples_parse_hxl_samples ${KGR_EX_CHECK} hxl --cli ${KGR_PARSE}
                 ${KGR_EX_SAMPLES})
kgr_example_test(examples_parse_csv_stdin ${KGR_EX_RUN} --exit 0 --stdin ${KGR_EX_REPORT}
                 --stdout "^document,event_index,type," -- ${KGR_PARSE} --format csv -)
kgr_example_test(examples_parse_crlf ${KGR_EX_RUN} --exit 0
                 --stdout "^event_id_cnty,[^\\n]*,span_end\\r\\n"
                 -- ${KGR_PARSE} --format acled --crlf ${KGR_EX_REPORT})
kgr_example_test(examples_parse_missing_file ${KGR_EX_RUN} --exit 3
                 --stderr "no-such-file\\.txt: error:"
                 -- ${KGR_PARSE} --format geojson ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.txt)
# The sample report: Bishkek on the map; the force used on 5 October in ACLED.
kgr_example_test(examples_geojson_sample ${KGR_EX_CHECK} geojson --cli ${KGR_PARSE}
                 --near 42.87,74.59 --place Bishkek ${KGR_EX_REPORT})
kgr_example_test(examples_acled_sample ${KGR_EX_CHECK} acled --cli ${KGR_PARSE}
                 --date 2020-10-05 --sub "Excessive force against protesters" --iso 417
                 ${KGR_EX_REPORT})
# The seeds: the Bishkek events' coordinates; the ACLED row for 5 October.
kgr_example_test(examples_geojson_seeds ${KGR_EX_CHECK} geojson --cli ${KGR_PARSE}
                 --near 42.87,74.59 --place Bishkek ${KGR_EX_CSP} ${KGR_EX_AMNESTY})
kgr_example_test(examples_acled_seed_csp ${KGR_EX_CHECK} acled --cli ${KGR_PARSE}
                 --date 2020-10-05 --sub "Excessive force against protesters" --iso 417
                 ${KGR_EX_CSP})
kgr_example_test(examples_acled_seed_amnesty ${KGR_EX_CHECK} acled --cli ${KGR_PARSE}
                 --date 2020-10-05 --sub "Excessive force against protesters" --iso 417
                 ${KGR_EX_AMNESTY})

# --- kgr-signatories ------------------------------------------------------------
if(TARGET kgr-signatories)
  set(KGR_SIGS $<TARGET_FILE:kgr-signatories>)
  kgr_example_test(examples_signatories_help ${KGR_EX_RUN} --exit 0
                   --stdout "^Usage: kgr-signatories" --stdout "--network" --stdout "Examples:"
                   -- ${KGR_SIGS} --help)
  kgr_example_test(examples_signatories_version ${KGR_EX_RUN} --exit 0
                   --stdout "^kgr-signatories \\(libkgrights\\) ${PROJECT_VERSION}"
                   -- ${KGR_SIGS} --version)
  kgr_example_test(examples_signatories_usage ${KGR_EX_RUN} --exit 2 --no-stdout
                   --stderr "unknown option '--bogus'" -- ${KGR_SIGS} --bogus)
  kgr_example_test(examples_signatories_missing ${KGR_EX_RUN} --exit 3
                   --stderr "no-such-file\\.txt: error:"
                   -- ${KGR_SIGS} ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.txt)
  kgr_example_test(examples_signatories_strict_stdin ${KGR_EX_RUN} --exit 0
                   --stdin ${KGR_EX_APPEAL} --stdout "^document,position,name,"
                   --stdout "International Partnership for Human Rights,IPHR,BE,stated"
                   -- ${KGR_SIGS} -)
  # The sample appeal: twelve signatories in one paragraph.
  kgr_example_test(examples_signatories_sample ${KGR_EX_CHECK} signatories --cli ${KGR_SIGS}
                   --expect 12
                   --fact "International Partnership for Human Rights=BE:stated"
                   --fact "Libereco Partnership for Human Rights=DE,CH:stated"
                   --fact "Bulgarian Helsinki Committee=BG:inferred"
                   --fact "Truth Hounds=UA,GE:stated"
                   ${KGR_EX_APPEAL})
  kgr_example_test(examples_signatories_network_sample ${KGR_EX_CHECK} network
                   --cli ${KGR_SIGS} ${KGR_EX_APPEAL})
  # The seed appeal: the 35 organisations of the Civic Solidarity Platform.
  kgr_example_test(examples_signatories_seed_csp ${KGR_EX_CHECK} signatories --cli ${KGR_SIGS}
                   --expect 35
                   --fact "International Partnership for Human Rights=BE:stated"
                   ${KGR_EX_CSP})
  kgr_example_test(examples_signatories_network_seed ${KGR_EX_CHECK} network
                   --cli ${KGR_SIGS} ${KGR_EX_CSP})
endif()

# --- kgr-corroborate ---------------------------------------------------------------
if(TARGET kgr-corroborate)
  set(KGR_CORR $<TARGET_FILE:kgr-corroborate>)
  kgr_example_test(examples_corroborate_help ${KGR_EX_RUN} --exit 0
                   --stdout "^Usage: kgr-corroborate" --stdout "Examples:"
                   -- ${KGR_CORR} --help)
  kgr_example_test(examples_corroborate_version ${KGR_EX_RUN} --exit 0
                   --stdout "^kgr-corroborate \\(libkgrights\\) ${PROJECT_VERSION}"
                   -- ${KGR_CORR} --version)
  kgr_example_test(examples_corroborate_usage ${KGR_EX_RUN} --exit 2 --no-stdout
                   --stderr "unknown format 'xml'" -- ${KGR_CORR} --format xml ${KGR_EX_REPORT})
  kgr_example_test(examples_corroborate_no_files ${KGR_EX_RUN} --exit 2 --no-stdout
                   --stderr "no documents" -- ${KGR_CORR})
  # A missing file among good ones: the others are still compared.
  kgr_example_test(examples_corroborate_missing ${KGR_EX_RUN} --exit 3
                   --stderr "no-such-file\\.txt: error:" --stdout "groups?, 0 figure conflicts"
                   -- ${KGR_CORR} ${KGR_EX_REPORT} ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.txt)
  # The samples: the 686 injured of one report and the "hundreds" of an
  # appeal agree.
  kgr_example_test(examples_corroborate_samples ${KGR_EX_RUN} --exit 0
                   --stdout "\"schema\": \"kgrights.corroboration/1\""
                   --stdout "\"kind\": \"killed\",\n *\"agreement\": \"agree\""
                   -- ${KGR_CORR} --format json ${KGR_EX_SAMPLES})
  # The seeds: CSP's "over 600 injured" and Amnesty's 686 agree.
  kgr_example_test(examples_corroborate_seeds ${KGR_EX_CHECK} corroborate --cli ${KGR_CORR}
                   --kind injured --values 600,686 ${KGR_EX_CSP} ${KGR_EX_AMNESTY})
endif()

# --- kgr-db ------------------------------------------------------------------------
if(TARGET kgr-db)
  set(KGR_DB $<TARGET_FILE:kgr-db>)
  kgr_example_test(examples_db_help ${KGR_EX_RUN} --exit 0 --stdout "^Usage: kgr-db ingest"
                   --stdout "search" --stdout "Examples:" -- ${KGR_DB} --help)
  kgr_example_test(examples_db_version ${KGR_EX_RUN} --exit 0
                   --stdout "^kgr-db \\(libkgrights\\) ${PROJECT_VERSION}" --stdout "SQLite 3"
                   -- ${KGR_DB} --version)
  kgr_example_test(examples_db_no_command ${KGR_EX_RUN} --exit 2 --no-stdout --stderr "Usage"
                   -- ${KGR_DB})
  kgr_example_test(examples_db_samples ${KGR_EX_CHECK} db --cli ${KGR_DB}
                   --search "water cannon" ${KGR_EX_SAMPLES})
  kgr_example_test(examples_db_seeds ${KGR_EX_CHECK} db --cli ${KGR_DB}
                   --search "rubber bullets" ${KGR_EX_CSP} ${KGR_EX_AMNESTY})
endif()

# --- man pages: each renders without warnings ------------------------------------------
find_program(KGR_MAN man)
if(KGR_MAN)
  foreach(page kgr-parse kgr-signatories kgr-db kgr-corroborate)
    kgr_example_test(examples_man_${page} ${KGR_EX_RUN} --exit 0 --stdout "SYNOPSIS|S.Y.N.O.P.S.I.S"
                     -- ${KGR_MAN} --warnings -l ${PROJECT_SOURCE_DIR}/examples/man/${page}.1)
  endforeach()
endif()
