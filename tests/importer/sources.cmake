# `ma-plan import roles` (issue 16): the built binary on role matrices in CSV. The round trip
# raci --format csv -> import roles -> raci --format csv must give the same table for seed 000;
# each bad input must give one line with the cell and the reason, exit 2 and no output file.
# Debian's interpreter by path, as in tests/xlsx (no third-party module is needed here).
find_program(MA_PLAN_DEBIAN_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
function(ma_plan_import_test case description)
    add_test(NAME "import: ${description}"
        COMMAND ${MA_PLAN_DEBIAN_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/importer/check_import_roles.py
            $<TARGET_FILE:ma-plan> ${PROJECT_SOURCE_DIR} ${case})
endfunction()
ma_plan_import_test(round-trip "seed 000 survives raci csv then import roles then raci csv and every guess is listed")
ma_plan_import_test(round-trip-letters "RACI letters and plan order survive the round trip")
ma_plan_import_test(cp932 "a CP932 matrix with a full-width step and blank cells imports")
ma_plan_import_test(bad-input "each bad matrix gives one line with the cell and reason and no file")
ma_plan_import_test(refusals "an existing plan is never replaced and a missing file is named")
# .xlsx matrices: the workbooks are made in the test with Debian's python3-openpyxl or by hand with
# zipfile (furigana, cached formula values, bombs, corrupt and encrypted files).
function(ma_plan_import_xlsx_test case description)
    add_test(NAME "import xlsx: ${description}"
        COMMAND ${MA_PLAN_DEBIAN_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/importer/check_import_xlsx.py
            $<TARGET_FILE:ma-plan> ${PROJECT_SOURCE_DIR} ${case})
endfunction()
ma_plan_import_xlsx_test(round-trip "raci xlsx then import roles then raci csv gives seed 000 cell for cell")
ma_plan_import_xlsx_test(merged "merged and two-row headers a merged step a blank row and --sheet with did you mean")
ma_plan_import_xlsx_test(cells "shared string runs without furigana inline strings and cached formula values")
ma_plan_import_xlsx_test(into "--into adds lines only keeps comments byte for byte patches refuses conflicts unless --keep-existing")
ma_plan_import_xlsx_test(bad-input "corrupt encrypted bombs deep XML formulas labels and two owners each one line and no file")
add_executable(test_importer
    unit/catch_main.cpp
    importer/roles_test.cpp
)
target_link_libraries(test_importer PRIVATE ma_plan_importer ma_plan_core Catch2::Catch2)
catch_discover_tests(test_importer TEST_PREFIX "import: ")
