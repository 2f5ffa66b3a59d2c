// The formula guard against a real spreadsheet: LibreOffice Calc (Debian's libreoffice-calc-nogui)
// opens CSV files written by the extract's writer with "Evaluate formulas" on, the setting under
// which a CSV cell can run at all, and saves them as flat ODS; no cell may come back as a formula.
// A control file without the guard must produce formulas, or the test proves nothing. Skipped
// when soffice is not installed (scripts/setup.sh installs it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "lists/csv.hpp"

using namespace lists_test;
namespace fs = std::filesystem;

namespace {

bool have_soffice() {
    return std::system("command -v soffice >/dev/null 2>&1") == 0;
}

/// Opens `csv` in LibreOffice Calc as UTF-8, comma-separated, with formula evaluation (token 13 of
/// the CSV filter options) and returns the flat ODS it saves.
std::string open_in_calc(const TempDir& dir, const std::string& csv_name) {
    const std::string cmd =
        "cd '" + dir.path.string() + "' && timeout 180 soffice --headless --norestore " +
        "-env:UserInstallation=file://" + (dir / "profile").string() +
        " '--infilter=Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false,false,false,"
        "-1,true' --convert-to fods '" +
        csv_name + "' >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const fs::path fods = dir / (fs::path(csv_name).stem().string() + ".fods");
    REQUIRE(fs::exists(fods));
    return read_file(fods);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("spreadsheet: LibreOffice Calc runs no guarded cell and no valid address as a formula") {
    if (!have_soffice()) {
        WARN("soffice not installed (apt-get install libreoffice-calc-nogui): test skipped");
        return;
    }
    // Valid addresses that start like a formula, and the payloads of the issue and of OWASP.
    const std::vector<std::string> addresses = {"+81@example.jp",  "-info@example.jp",
                                                "+1-2@example.jp", "=a@example.jp",
                                                "=1+1@example.jp", "+cmd|'/c_calc'!a0+@example.jp"};
    const std::vector<std::string> payloads = {"=1+1",
                                               "=SUM(1;2)",
                                               "+1+1",
                                               "-1+1",
                                               "@SUM(1;2)",
                                               "\t=1+1",
                                               "\r=1+1",
                                               "\n=1+1",
                                               " =1+1",
                                               "\u00a0=1+1",
                                               "\u3000=1+1",
                                               "＝1+1",
                                               "|cmd",
                                               "=HYPERLINK(\"http://x\")",
                                               "=cmd|' /C calc'!A0"};
    TempDir dir;
    std::string guarded, raw;
    for (std::size_t i = 0; i < std::max(addresses.size(), payloads.size()); ++i) {
        const std::string address = i < addresses.size() ? addresses[i] : "x@example.jp";
        const std::string payload = i < payloads.size() ? payloads[i] : "x";
        maplan::lists::append_csv_record(guarded, {address, payload}, 0);
        std::string quoted;  // RFC 4180 quoting without the guard
        for (char c : payload) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        raw += address + ",\"" + quoted + "\"\r\n";
    }
    write_file(dir / "guarded.csv", guarded);
    write_file(dir / "raw.csv", raw);

    const std::string control = open_in_calc(dir, "raw.csv");
    CHECK(count(control, "table:formula=") >= 4);  // =1+1, =SUM, =a@..., =HYPERLINK ... ran

    const std::string calc = open_in_calc(dir, "guarded.csv");
    CHECK(count(calc, "table:formula=") == 0);
    CHECK(count(calc, "Err:") == 0);
    // The addresses the writer left alone come back as the same text.
    for (const std::string& a : {"+81@example.jp", "-info@example.jp", "+1-2@example.jp"}) {
        CAPTURE(a);
        CHECK(count(calc, "<text:p>" + a + "</text:p>") == 1);
    }
    CHECK(count(calc, "<text:p>&apos;=a@example.jp</text:p>") == 1);
    CHECK(count(calc, "<text:p>&apos;=1+1</text:p>") == 1);
}
