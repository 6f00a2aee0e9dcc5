# Install into a staging directory and link a consumer with pkg-config and
# with find_package(kgrights) (tests/scripts/packaging.sh).
if(KGR_INSTALL AND NOT KGR_SANITIZE)
  add_test(NAME packaging
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/scripts/packaging.sh
                   ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR} ${CMAKE_C_COMPILER})
  set_tests_properties(packaging PROPERTIES TIMEOUT 300)
endif()
