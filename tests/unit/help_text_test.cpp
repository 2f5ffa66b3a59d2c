// The --help catalogue (lib/core/help_text): each English text has one Japanese translation, and
// the help columns line up for Japanese text. Completeness against the real command tree is
// checked end to end (tests/e2e/help_e2e_test.cpp).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/help_text.hpp"
#include "core/source.hpp"

using maplan::help_catalogue;
using maplan::help_label;
using maplan::help_text_ja;
using maplan::Lang;

namespace {
bool has_japanese(std::string_view text) {
    // Hiragana, katakana and CJK ideographs all start with lead byte 0xE3..0xE9 in UTF-8.
    for (char c : text) {
        auto b = static_cast<unsigned char>(c);
        if (b >= 0xE3 && b <= 0xE9) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("help catalogue: one entry per English text / each with Japanese", "[help]") {
    std::set<std::string_view> seen;
    for (const auto& entry : help_catalogue()) {
        INFO(entry.en);
        CHECK(seen.insert(entry.en).second);
        CHECK(!entry.ja.empty());
        CHECK(entry.ja != entry.en);
        CHECK(has_japanese(entry.ja));
    }
    CHECK(seen.size() > 100);
}

TEST_CASE("help catalogue: lookup is exact", "[help]") {
    CHECK(help_text_ja("Output format") == std::optional<std::string_view>("出力形式"));
    CHECK(help_text_ja("Print this help message and exit") ==
          std::optional<std::string_view>("このヘルプを表示して終了"));
    // A near miss is not a translation: the test of the command tree must catch it.
    CHECK_FALSE(help_text_ja("Output format ").has_value());
    CHECK_FALSE(help_text_ja("output format").has_value());
    CHECK_FALSE(help_text_ja("").has_value());
}

TEST_CASE("help labels: CLI11's words in Japanese / metavariables unchanged", "[help]") {
    CHECK(help_label("Usage", Lang::ja) == "使い方");
    CHECK(help_label("OPTIONS", Lang::ja) == "オプション");
    CHECK(help_label("Options", Lang::ja) == "オプション");
    CHECK(help_label("Subcommands", Lang::ja) == "サブコマンド");
    CHECK(help_label("Positionals", Lang::ja) == "引数");
    CHECK(help_label("REQUIRED", Lang::ja) == "必須");
    CHECK(help_label("TEXT", Lang::ja) == "文字列");
    CHECK(help_label("INT", Lang::ja) == "整数");
    CHECK(help_label("FILE", Lang::ja) == "FILE");
    CHECK(help_label("Usage", Lang::en) == "Usage");
    CHECK(help_label("TEXT", Lang::en) == "TEXT");
}

// The help formatter pads its columns with display_width (lib/core/source.hpp).
TEST_CASE("display width: kanji / kana and full-width forms take two columns", "[help]") {
    CHECK(maplan::display_width("") == 0);
    CHECK(maplan::display_width("--format TEXT") == 13);
    CHECK(maplan::display_width("文字列") == 6);
    CHECK(maplan::display_width("--lang 文字列:{ja,en}") == 21);
    CHECK(maplan::display_width("ｎａｍｅ") == 8);  // full-width Latin
    CHECK(maplan::display_width("ﾃｽﾄ") == 3);       // half-width katakana stay narrow
    CHECK(maplan::display_width("→ × …") == 5);     // arrows and symbols are narrow
    CHECK(maplan::display_width("主担当/共有") == 11);
}
