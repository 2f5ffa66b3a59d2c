# Excel output (issue 16). libxlsxwriter writes the .xlsx container: the OOXML parts, styles,
# shared strings, data validation and conditional formats are a large format where hand-written
# XML and zip code would be wrong in the corners Excel is strict about; Debian ships the library
# (libxlsxwriter-dev), which links zlib for the zip.
# Excel input (issue 16, `import roles FILE.xlsx`): libzip (libzip-dev) opens the container from
# memory and expat (libexpat1-dev) parses the parts as they inflate. A workbook is untrusted
# input; a real, well-kept zip and XML library gets the corners right (zip64, data descriptors,
# CRCs, encodings) where hand-written code would not; xlsx/reader.hpp lists the limits on top.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
add_library(ma_plan_xlsx STATIC
    xlsx/workbook.cpp
    xlsx/reports_xlsx.cpp
    xlsx/reader.cpp
)
target_link_libraries(ma_plan_xlsx PUBLIC ma_plan_reports ma_plan_lists ma_plan_core PkgConfig::XLSXWRITER
    PRIVATE PkgConfig::LIBZIP PkgConfig::EXPAT ma_plan_warnings)
