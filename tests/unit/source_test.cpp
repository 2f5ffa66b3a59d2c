#include <catch2/catch.hpp>

#include "core/source.hpp"

using maplan::SourceFile;
using maplan::SourcePos;

TEST_CASE("SourceFile maps byte offsets to code-point columns", "[source]") {
    SourceFile file("plan.yaml", "a: 1\nname: 産業機器\n");
    CHECK(file.line_count() == 3);
    CHECK(file.line(2) == "name: 産業機器");
    // "産" starts at byte 11 (line 2 starts at byte 5): column 7 in code points.
    CHECK(file.pos_of_offset(11) == SourcePos{2, 7});
    CHECK(file.pos_of_offset(14) == SourcePos{2, 8});
    CHECK(file.offset_of(SourcePos{2, 8}) == 14);
}

TEST_CASE("display width counts East Asian wide characters twice", "[source]") {
    CHECK(maplan::display_width("abc") == 3);
    CHECK(maplan::display_width("主担当") == 6);
    CHECK(maplan::utf8_length("主担当") == 3);
}

TEST_CASE("CRLF line endings are not part of the line text", "[source]") {
    SourceFile file("plan.yaml", "a: 1\r\nb: 2\r\n");
    CHECK(file.line(1) == "a: 1");
    CHECK(file.line(2) == "b: 2");
}
