# Excel output (issue 16). libxlsxwriter writes the .xlsx container: the OOXML parts, styles,
# shared strings, data validation and conditional formats are a large format where hand-written
# XML and zip code would be wrong in the corners Excel is strict about; Debian ships the library
# (libxlsxwriter-dev), which links zlib for the zip.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
add_library(ma_plan_xlsx STATIC
    xlsx/workbook.cpp
    xlsx/reports_xlsx.cpp
)
target_link_libraries(ma_plan_xlsx PUBLIC ma_plan_reports ma_plan_core PkgConfig::XLSXWRITER
    PRIVATE ma_plan_warnings)
