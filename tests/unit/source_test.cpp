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

namespace {

/// The definition positions are checked against: walk from the start of the file.
SourcePos naive_pos(const std::string& text, std::size_t offset) {
    SourcePos pos{1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

}  // namespace

TEST_CASE("positions on long lines agree with a walk from the file start", "[source]") {
    // Lines longer than the position index's 256-byte blocks, with 3-byte characters straddling
    // block boundaries, and a short line in between.
    std::string text;
    for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "主" : "ab";
    text += "\nx: 1\n";
    for (int i = 0; i < 700; ++i) text += i % 5 == 0 ? "担当" : "c";
    SourceFile file("plan.yaml", text);
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
        if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
            continue;  // positions are asked for at character starts
        SourcePos expected = naive_pos(text, offset);
        REQUIRE(file.pos_of_offset(offset) == expected);
        REQUIRE(file.offset_of(expected) == offset);
    }
    // Columns past the end of a line clamp to the line's end.
    CHECK(file.offset_of(SourcePos{2, 99}) == file.offset_of(SourcePos{2, 5}));
}

TEST_CASE("positions in an empty file and at a 256-byte boundary", "[source]") {
    SourceFile empty("plan.yaml", "");
    CHECK(empty.pos_of_offset(0) == SourcePos{1, 1});
    CHECK(empty.offset_of(SourcePos{1, 1}) == 0);
    std::string exact(256, 'a');
    SourceFile block("plan.yaml", exact);
    CHECK(block.pos_of_offset(256) == SourcePos{1, 257});
    CHECK(block.offset_of(SourcePos{1, 257}) == 256);
}
