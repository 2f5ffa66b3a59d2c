// Unit tests of the workbook owner (issue 16): the scratch directory never outlives it and is
// private while it exists, and widths count East Asian wide characters as two. The workbooks'
// content is checked by check_xlsx.py with openpyxl.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "xlsx/reports_xlsx.hpp"
#include "xlsx/workbook.hpp"

using namespace maplan;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

bool empty_dir(const fs::path& dir) {
    return fs::directory_iterator(dir) == fs::directory_iterator();
}

}  // namespace

TEST_CASE("the scratch directory is private and removed after finish", "[xlsx]") {
    fs::path parent = fresh_dir("ma-plan-xlsx-finish");
    std::string bytes;
    {
        xlsx::Workbook book(parent);
        REQUIRE_FALSE(empty_dir(parent));
        for (const auto& entry : fs::directory_iterator(parent)) {
            CHECK((entry.status().permissions() & fs::perms::all) == fs::perms::owner_all);
        }
        lxw_worksheet* sheet = book.add_sheet("シート");
        xlsx::check(worksheet_write_string(sheet, 0, 0, "=1+1", nullptr), "write");
        bytes = book.finish();
    }
    CHECK(bytes.substr(0, 2) == "PK");  // a zip container
    CHECK(empty_dir(parent));
    fs::remove_all(parent);
}

TEST_CASE("the scratch directory is removed when building the workbook throws", "[xlsx]") {
    fs::path parent = fresh_dir("ma-plan-xlsx-throw");
    try {
        xlsx::Workbook book(parent);
        book.add_sheet("x");
        throw std::runtime_error("rendering failed");
    } catch (const std::runtime_error&) {
    }
    CHECK(empty_dir(parent));
    fs::remove_all(parent);
}

TEST_CASE("a scratch directory that cannot be made is an IoError", "[xlsx]") {
    CHECK_THROWS_AS(xlsx::Workbook(fs::path("/nonexistent-ma-plan-dir")), IoError);
}

TEST_CASE("column widths count East Asian wide characters as two", "[xlsx]") {
    CHECK(xlsx::column_width("Sales") == 5.0);
    CHECK(xlsx::column_width("営業部隊") == 8.0);
    CHECK(xlsx::column_width("ＡＢ") == 4.0);  // full-width Latin
    CHECK(xlsx::column_width("ｱｲｳ") == 3.0);   // half-width katakana stays narrow
    CHECK(xlsx::column_width("MA ツール") == 9.0);
}
