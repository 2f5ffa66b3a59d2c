#pragma once
// Shared by the report tests: loading plans from text, running the built binary and cmark-gfm,
// and reading GFM tables back into cells.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../common/process.hpp"
#include "core/loader.hpp"

namespace reports_test {

using test_support::read_file;
using test_support::Run;
using test_support::run_shell;
using test_support::scratch_dir;
using test_support::TempDir;

inline std::string example(const std::string& name) {
    return std::string(MA_PLAN_SOURCE_DIR) + "/config-examples/" + name;
}

/// Loads a plan from YAML text; the test fails if it cannot be parsed.
inline std::unique_ptr<maplan::Project> plan_from_text(const std::string& yaml) {
    auto source = std::make_shared<const maplan::SourceFile>("test.yaml", yaml);
    maplan::LoadResult r = maplan::load_project(source);
    if (!r.project) throw std::runtime_error("test plan does not parse: " + yaml);
    return std::move(r.project);
}

inline std::unique_ptr<maplan::Project> plan_from_file(const std::string& path) {
    maplan::LoadResult r = maplan::load_project_file(path);
    if (!r.project) throw std::runtime_error("cannot load " + path);
    return std::move(r.project);
}

/// Runs ma-plan in the source directory with a fixed environment (no colour, no language from
/// the environment, so only --lang and the plan decide).
inline Run ma_plan(const std::string& args) {
    return run_shell("cd '" MA_PLAN_SOURCE_DIR
                     "' && env -u MA_PLAN_LANG NO_COLOR=1 LANG=C.UTF-8 '" MA_PLAN_BIN "' " +
                     args);
}

inline constexpr const char* cmark_gfm = "/usr/bin/cmark-gfm";

/// HTML from cmark-gfm with the table extension, in its default safe mode (raw HTML omitted),
/// the way GitHub and most wikis render it.
inline std::string gfm_to_html(const std::string& markdown) {
    auto dir = scratch_dir("cmark");
    std::ofstream(dir / "in.md", std::ios::binary) << markdown;
    Run r = run_shell(std::string(cmark_gfm) + " -e table --to html '" + (dir / "in.md").string() +
                      "'");
    std::filesystem::remove_all(dir);
    if (r.exit_code != 0) throw std::runtime_error("cmark-gfm failed: " + r.err);
    return r.out;
}

/// Splits a GFM table row into trimmed cells, honouring `\|` escapes (as GFM does).
inline std::vector<std::string> split_row(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    std::string body = line.substr(1);  // leading pipe
    if (!body.empty() && body.back() == '|') body.pop_back();
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\\' && i + 1 < body.size()) {
            cell += body[i];
            cell += body[++i];
        } else if (body[i] == '|') {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += body[i];
        }
    }
    cells.push_back(cell);
    for (std::string& c : cells) {
        auto b = c.find_first_not_of(' ');
        auto e = c.find_last_not_of(' ');
        c = b == std::string::npos ? "" : c.substr(b, e - b + 1);
    }
    return cells;
}

/// Every GFM table in a document: header row first, the delimiter row left out.
inline std::vector<std::vector<std::vector<std::string>>> markdown_tables(const std::string& md) {
    std::vector<std::vector<std::vector<std::string>>> tables;
    std::istringstream in(md);
    std::string line;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (line.rfind("|", 0) != 0) {
            in_table = false;
            continue;
        }
        if (!in_table) tables.emplace_back();
        in_table = true;
        if (line.rfind("|---", 0) == 0) continue;
        tables.back().push_back(split_row(line));
    }
    return tables;
}

inline std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++n;
    return n;
}

/// Per `<tr>` of the HTML, how many `<th`/`<td` cells it has.
inline std::vector<std::size_t> cells_per_row(const std::string& html) {
    std::vector<std::size_t> result;
    std::size_t pos = 0;
    while ((pos = html.find("<tr>", pos)) != std::string::npos) {
        std::size_t end = html.find("</tr>", pos);
        std::string row = html.substr(pos, end - pos);
        result.push_back(count(row, "<td") + count(row, "<th"));
        pos = end;
    }
    return result;
}

/// Every table has as many cells per row as its header, and no cell text became markup.
inline void check_gfm_shape(const std::string& markdown) {
    INFO(markdown);
    std::string html = gfm_to_html(markdown);
    INFO(html);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);
    CHECK(html.find("<code>") == std::string::npos);
    CHECK(html.find("<em>") == std::string::npos);
    CHECK(html.find("<del>") == std::string::npos);
    CHECK(html.find("raw HTML omitted") == std::string::npos);
    // Tables in the HTML: one per Markdown table, each row as wide as the header.
    std::size_t tables = 0;
    std::size_t pos = 0;
    while ((pos = html.find("<table>", pos)) != std::string::npos) {
        std::size_t end = html.find("</table>", pos);
        REQUIRE(end != std::string::npos);
        auto widths = cells_per_row(html.substr(pos, end - pos));
        REQUIRE_FALSE(widths.empty());
        for (std::size_t w : widths) CHECK(w == widths.front());
        ++tables;
        pos = end;
    }
    CHECK(tables == markdown_tables(markdown).size());
}

}  // namespace reports_test
