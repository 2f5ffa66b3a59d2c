// Generated documentation must match the code it is generated from.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../common/files.hpp"
#include "render/format_doc.hpp"

using test_support::read_file;

TEST_CASE("docs/format.md's key reference matches the schema tables", "[docs]") {
    const std::string path = std::string(MA_PLAN_SOURCE_DIR) + "/docs/format.md";
    const std::string begin = "<!-- BEGIN GENERATED KEY REFERENCE -->\n";
    const std::string end = "<!-- END GENERATED KEY REFERENCE -->";
    std::string doc = read_file(path);
    auto b = doc.find(begin);
    auto e = doc.find(end);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    std::string generated = maplan::render::render_format_reference(maplan::Lang::en) + "\n";
    std::string current = doc.substr(b + begin.size(), e - b - begin.size());
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        doc.replace(b + begin.size(), e - b - begin.size(), generated);
        std::ofstream(path, std::ios::binary) << doc;
        return;
    }
    INFO("docs/format.md is stale: run UPDATE_GOLDEN=1 build/tests/test_docs");
    CHECK(current == generated);
}

TEST_CASE("the key reference lists every object type and required key", "[docs]") {
    std::string ref = maplan::render::render_format_reference(maplan::Lang::en);
    CHECK(ref.find("### ProjectFile") != std::string::npos);
    CHECK(ref.find("| `ma_plan` | integer (1–1000) | yes |") != std::string::npos);
    CHECK(ref.find("| `status` | `todo` \\| `in_progress` \\| `done` \\| `blocked` \\| "
                   "`not_applicable` |") != std::string::npos);
    std::string ja = maplan::render::render_format_reference(maplan::Lang::ja);
    CHECK(ja.find("| キー | 型 | 必須 | 説明 |") != std::string::npos);
}
