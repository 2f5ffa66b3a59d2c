# Excel output (issue 16): the built binary writes .xlsx files and Debian's python3-openpyxl, an
# independent reader, checks cells, fills, data validation, date cells, freeze panes, print setup
# and the formula guard. Debian's interpreter is used by path because openpyxl is a Debian package
# (python3-openpyxl); a python3 earlier on PATH (pyenv, a venv) may not have it. A missing
# openpyxl fails these tests; it never skips them.
find_program(MA_PLAN_DEBIAN_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
function(ma_plan_xlsx_test case description)
    add_test(NAME "xlsx: ${description}"
        COMMAND ${MA_PLAN_DEBIAN_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/xlsx/check_xlsx.py
            $<TARGET_FILE:ma-plan> ${PROJECT_SOURCE_DIR} ${case})
endfunction()
ma_plan_xlsx_test(raci "role matrix of seed 000 cell for cell with fills legend panes widths and print setup")
ma_plan_xlsx_test(raci-letters "role matrix in RACI letters shares the informed colour for receives")
ma_plan_xlsx_test(checklist "checklist has date cells a status drop-down an autofilter and the overdue rule")
ma_plan_xlsx_test(status "status figures agree with the JSON report and overdue tasks carry dates")
ma_plan_xlsx_test(formula-guard "cells starting with = + - @ are string cells never formulas")
ma_plan_xlsx_test(report "report has one sheet per section table with date cells percentages and the findings of validate")
ma_plan_xlsx_test(audit "lists audit has the waterfall and findings of the JSON audit masked unless --show-pii and mode 0600")
ma_plan_xlsx_test(refusals "no -o or -o - on a terminal or --by stakeholder or -o PLAN is refused")
add_executable(test_xlsx
    unit/catch_main.cpp
    xlsx/workbook_test.cpp
    xlsx/reader_test.cpp
)
target_link_libraries(test_xlsx PRIVATE ma_plan_xlsx ma_plan_core Catch2::Catch2)
catch_discover_tests(test_xlsx TEST_PREFIX "xlsx: ")
