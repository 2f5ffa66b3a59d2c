// The slips of a Japanese input method (issue 12, item 1): each is found before yaml-cpp parses
// the plan, named at the offending character with the exact text to write, in English and
// Japanese. Must-fire cases follow YAML 1.2 (§6.1 indentation is ASCII spaces, §7.4 flow
// collections use ASCII brackets and commas); the characters are named as in the Unicode
// Standard. Must-not-fire cases are the same characters where YAML reads them as text: quoted,
// in comments, in block scalars, and in the middle of a value.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/loader.hpp"
#include "core/yaml_lex.hpp"
#include "core/yaml_tree.hpp"

using namespace maplan;

namespace {

LoadResult load_text(const std::string& text) {
    return load_project(std::make_shared<SourceFile>("plan.yaml", text));
}

/// "line:col [RULE] message" of the fatal error, in one language.
std::string fatal_of(const LoadResult& r, Lang lang = Lang::en) {
    REQUIRE(r.fatal.has_value());
    return std::to_string(r.fatal->pos.line) + ":" + std::to_string(r.fatal->pos.column) + " [" +
           r.fatal->rule_id + "] " + r.fatal->message.in(lang);
}

/// Every slip the scan finds: "line:col written→replacement".
std::vector<std::string> slips_of(const std::string& text) {
    SourceFile file("plan.yaml", text);
    std::vector<std::string> out;
    for (const yaml::ImeSlip& s : yaml::scan_lexical(file).slips) {
        SourcePos p = file.pos_of_offset(s.offset);
        out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + " " + s.written +
                      "→" + s.replacement);
    }
    return out;
}

using Slips = std::vector<std::string>;

const std::string head = "ma_plan: 1\nproject:\n";

}  // namespace

TEST_CASE("ime: U+3000 in indentation is YAML-001 at the full-width space", "[yaml][ime]") {
    auto r = load_text(head + "\xE3\x80\x80name: テスト\n  tool: eloqua\n");
    CHECK(fatal_of(r) ==
          "3:1 [YAML-001] indented with a full-width space (U+3000 IDEOGRAPHIC SPACE); YAML "
          "indents with ASCII spaces only: indent this line with 2 ASCII spaces (a full-width "
          "space is 2 columns wide)");
    CHECK(fatal_of(r, Lang::ja) ==
          "3:1 [YAML-001] 全角スペース (U+3000) でインデントされています。YAML のインデントは半角"
          "スペースだけです: この行は半角スペース 2 個でインデントしてください (全角スペース 1 個"
          "は 2 桁分です)");
}

TEST_CASE("ime: a key that would silently start with U+3000 is named", "[yaml][ime]") {
    // yaml-cpp reads this as a top-level key "　tool" and reports nothing about it.
    auto r = load_text(head + "  name: テスト\n　tool: eloqua\n");
    CHECK(fatal_of(r).starts_with("4:1 [YAML-001] indented with a full-width space"));
    // ASCII spaces before two full-width ones: 2 + 2 × 2 columns.
    CHECK(slips_of(head + "  name: x\n  　　tool: y\n") == Slips{"4:3 　　→    "});
    auto deep = load_text(head + "  name: x\n  　　tool: y\n");
    CHECK(fatal_of(deep).find("indent this line with 6 ASCII spaces") != std::string::npos);
}

TEST_CASE("ime: a full-width colon after a key is YAML-002 with the key to write", "[yaml][ime]") {
    auto r = load_text(head + "  name： テスト\n  tool: eloqua\n");
    CHECK(fatal_of(r) ==
          "3:7 [YAML-002] full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after the key \"name\"; "
          "YAML separates a key from its value with an ASCII colon: write \"name: \"");
    CHECK(fatal_of(r, Lang::ja) ==
          "3:7 [YAML-002] キー「name」の後が全角コロン「：」(U+FF1A) です。YAML ではキーと値を半角"
          "コロンで区切ります:「name: 」と書いてください");
    // At the end of the line (a nested mapping follows), and with a full-width space after it.
    CHECK(slips_of("project：\n  name: x\n") == Slips{"1:8 ：→:"});
    CHECK(slips_of(head + "  name：　テスト\n") == Slips{"3:7 ：　→: "});
    CHECK(fatal_of(load_text(head + "  name：　テスト\n")).ends_with("write \"name: \""));
    // In a list item and in a flow mapping's key.
    // After a list dash, "課題： 説明" is a string to YAML: only a failure on the next line
    // (the item is a mapping) makes the colon the error.
    CHECK(slips_of("problems:\n  - 課題： 説明\n  - 注意：説明\n").empty());
    CHECK(load_text("ma_plan: 1\nproblems:\n  - 課題： 説明\n").fatal == std::nullopt);
    auto item = load_text("ma_plan: 1\ngoals:\n  - id： g1\n    statement: 商談化率\n");
    CHECK(
        fatal_of(item) ==
        "3:7 [YAML-002] full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after \"id\"; YAML reads "
        "\"id： g1\" as text and cannot read line 4: if \"id\" is a key, write \"id: g1\"");
    CHECK(slips_of("project: {name： x, tool: other}\n") == Slips{"1:15 ：→:"});
    // Full-width letters in the key too: the colon is what stops YAML.
    CHECK(slips_of(head + "  ｎａｍｅ： x\n") == Slips{"3:7 ：→:"});
}

TEST_CASE("ime: a full-width space after an ASCII colon or dash is YAML-001", "[yaml][ime]") {
    auto r = load_text(head + "  name:\xE3\x80\x80テスト\n  tool: eloqua\n");
    CHECK(fatal_of(r) ==
          "3:8 [YAML-001] full-width space (U+3000 IDEOGRAPHIC SPACE) after the colon of "
          "\"name\"; YAML needs an ASCII space there: write \"name: \"");
    CHECK(fatal_of(r, Lang::ja) ==
          "3:8 [YAML-001] 「name」のコロンの後が全角スペース (U+3000) です。ここには半角スペース"
          "が必要です:「name: 」と書いてください");
    auto dash = load_text("ma_plan: 1\nproblems:\n  -　課題\n");
    CHECK(fatal_of(dash) ==
          "3:4 [YAML-001] full-width space (U+3000 IDEOGRAPHIC SPACE) after the list dash; YAML "
          "needs an ASCII space there: write \"- \"");
    CHECK(fatal_of(dash, Lang::ja) ==
          "3:4 [YAML-001] リストの「-」の後が全角スペース (U+3000) です。ここには半角スペースが"
          "必要です:「- 」と書いてください");
}

TEST_CASE("ime: full-width dashes as list markers are YAML-003", "[yaml][ime]") {
    auto r = load_text("ma_plan: 1\nproblems:\n  ー 課題A\n  ー 課題B\n");
    CHECK(fatal_of(r) ==
          "3:3 [YAML-003] full-width dash \"ー\" (U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK) "
          "used as the dash of a list item; YAML lists use an ASCII hyphen and a space: write "
          "\"- \" (or quote the value if it is text)");
    CHECK(fatal_of(r, Lang::ja) ==
          "3:3 [YAML-003] 長音記号「ー」(U+30FC) がリスト項目の記号になっています。YAML のリスト"
          "は半角ハイフンと半角スペースで始めます:「- 」と書いてください (文字列なら引用符で囲ん"
          "でください)");
    CHECK(slips_of("problems:\n  － a\n") == Slips{"2:3 －→-"});
    CHECK(slips_of("problems:\n  ― a\n") == Slips{"2:3 ―→-"});
    CHECK(slips_of("problems:\n  ‐ a\n") == Slips{"2:3 ‐→-"});
    CHECK(slips_of("problems:\n－　a\n") == Slips{"2:1 －　→- "});
    CHECK(fatal_of(load_text("ma_plan: 1\nproblems:\n  － a\n"))
              .find("\"－\" (U+FF0D FULLWIDTH HYPHEN-MINUS)") != std::string::npos);
}

TEST_CASE("ime: full-width brackets as a flow collection are YAML-004", "[yaml][ime]") {
    auto r = load_text("ma_plan: 1\nproblems: ［課題A, 課題B］\n");
    CHECK(fatal_of(r) ==
          "2:11 [YAML-004] full-width bracket \"［\" (U+FF3B FULLWIDTH LEFT SQUARE BRACKET) used "
          "as a flow list; YAML uses ASCII brackets: write \"[課題A, 課題B]\" (or quote the value "
          "if it is text)");
    CHECK(fatal_of(r, Lang::ja) ==
          "2:11 [YAML-004] 全角の角括弧「［」(U+FF3B) でフロー形式のリストを書いています。YAML "
          "の括弧は半角です:「[課題A, 課題B]」と書いてください (文字列なら引用符で囲んでくださ"
          "い)");
    CHECK(slips_of("project: ｛ name： x ｝\n") == Slips{"1:10 ｛ name： x ｝→{ name: x }"});
    CHECK(slips_of("agreed_by: ［marketing、sales］ # 合意\n") ==
          Slips{"1:12 ［marketing、sales］→[marketing, sales]"});
    CHECK(slips_of("problems: ［］\n") == Slips{"1:11 ［］→[]"});
    // An ASCII collection closed by a full-width bracket never closes.
    auto closing = load_text("ma_plan: 1\nproblems: [課題A, 課題B］\n");
    CHECK(fatal_of(closing) ==
          "2:20 [YAML-004] full-width bracket \"］\" (U+FF3D FULLWIDTH RIGHT SQUARE BRACKET) where "
          "the flow collection ends; YAML closes it with an ASCII bracket: write \"]\"");
    CHECK(fatal_of(closing, Lang::ja) ==
          "2:20 [YAML-004] 全角の角括弧「］」(U+FF3D) でフロー形式の括弧を閉じようとしています。"
          "YAML の括弧は半角です:「]」と書いてください");
    CHECK(slips_of("project: {name: x｝\n") == Slips{"1:18 ｝→}"});
}

TEST_CASE("ime: a full-width comma inside a flow collection is YAML-005", "[yaml][ime]") {
    auto r = load_text("ma_plan: 1\nproblems: [東京、大阪]\n");
    CHECK(fatal_of(r) ==
          "2:14 [YAML-005] full-width comma \"、\" (U+3001 IDEOGRAPHIC COMMA) inside a flow "
          "collection ([ ] or { }); YAML separates its items with an ASCII comma: write \",\" (or "
          "quote the item if the comma is text)");
    CHECK(fatal_of(r, Lang::ja) ==
          "2:14 [YAML-005] フロー形式 ([ ] や { }) の中で読点「、」(U+3001) が区切りになっていま"
          "す。YAML の区切りは半角カンマです:「,」と書いてください (文字列の一部なら項目を引用符"
          "で囲んでください)");
    CHECK(slips_of("problems: [a，b]\n") == Slips{"1:13 ，→,"});
    CHECK(slips_of("problems: [a、　b]\n") == Slips{"1:13 、　→, "});
    CHECK(slips_of("project: {name: a，tool: other}\n") == Slips{"1:18 ，→,"});
}

TEST_CASE("ime: full-width digits where a number goes name the ASCII number", "[yaml][ime]") {
    auto r = load_text(head + "  name: x\n  tool: other\nromi:\n  budget_jpy: １２０\n");
    REQUIRE_FALSE(r.fatal);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule_id == "SCHEMA-002");
    CHECK(r.findings[0].pos == SourcePos{6, 15});
    CHECK(r.findings[0].message.en ==
          "\"romi.budget_jpy\" must be a number, not \"１２０\": write 120 in half-width digits");
    CHECK(r.findings[0].message.ja ==
          "「romi.budget_jpy」は数値で書いてください "
          "(「１２０」になっています)。全角数字です。半角で "
          "120 と書いてください");
    // Text keys take full-width digits as they are.
    auto text = load_text(head + "  name: 第１２０期\n  tool: other\n");
    CHECK_FALSE(text.fatal);
    CHECK(text.findings.empty());
}

TEST_CASE("ime: the same characters as text are not slips (check against false positives)",
          "[yaml][ime]") {
    // Quoted strings, comments and block scalars.
    CHECK(slips_of("name: \"テスト： x\"\nb: 'a： ［x, y］'\nc: \"ー a\"\n").empty());
    CHECK(slips_of("# name： テスト\n# ー 項目\nkey: x # ー 項目、［a, b］\n").empty());
    CHECK(slips_of("notes: |\n  name： x\n  　字下げ\n  ー 項目\n  ［a, b］\nnext: >\n"
                   "  - a、b\n")
              .empty());
    // A full-width colon in the middle of a value, or in a key-position word with no space.
    CHECK(slips_of("note: 時刻 10：00\nmemo: 会議： 10時\n- 10：00 開始\n").empty());
    // Full-width spaces and commas inside values, outside flow collections.
    CHECK(slips_of("name: テスト　株式会社\nclient: 　先頭\nareas: 東京、大阪，名古屋\n").empty());
    CHECK(slips_of("tags: [\"東京、大阪\", 'a，b']\n").empty());
    // Brackets around text.
    CHECK(slips_of("title: ［重要］ お知らせ\nlabel: ［重要］\nx: ［a］［b］\n").empty());
    // Continuation lines of a multi-line plain scalar are text, whatever they start with.
    CHECK(slips_of("note: 長い文章で\n  注意： 続き\n  ー 項目\n").empty());
    CHECK(slips_of("note:\n  長い文章\n  注意： 続き\n  　字下げ\n").empty());
    // Katakana with the long vowel mark, and a dash not followed by a space.
    CHECK(slips_of("- データー 連携\n- ーa\nname: サーバー\n").empty());
    // A real plan with all of these loads without a fatal error.
    auto r = load_text(head +
                       "  name: \"A社： MA導入\"  # 全角コロン： 引用符の中\n"
                       "  client: 時刻 10：00、［重要］ 東京、大阪\n"
                       "  tool: other\nproblems:\n  - 課題　その１\n  - |\n    ー 項目\n"
                       "    　字下げ\n");
    CHECK_FALSE(r.fatal);
}

TEST_CASE("ime: the first slip of a file is reported and the others are found too", "[yaml][ime]") {
    CHECK(slips_of("project：\n　name: x\nproblems: [a、b]\n") ==
          Slips{"1:8 ：→:", "2:1 　→  ", "3:13 、→,"});
    CHECK(fatal_of(load_text("ma_plan: 1\nproject：\n　name: x\n")).starts_with("2:8 [YAML-002]"));
}

TEST_CASE("ime: CRLF line breaks and a byte-order mark keep the positions",
          "[yaml][ime][hostile]") {
    CHECK(slips_of("ma_plan: 1\r\nproject:\r\n  name：\r\n　tool: x\r\n") ==
          Slips{"3:7 ：→:", "4:1 　→  "});
    CHECK(slips_of("problems: [a、b]\r\n") == Slips{"1:13 、→,"});
    namespace fs = std::filesystem;
    fs::path p = fs::temp_directory_path() / "ma-plan-test-ime-bom.yaml";
    {
        std::ofstream out(p, std::ios::binary);
        out << "\xEF\xBB\xBFma_plan: 1\r\nproject:\r\n  name： x\r\n";
    }
    auto r = load_project_file(p.string());
    fs::remove(p);
    CHECK(fatal_of(r).starts_with("3:7 [YAML-002]"));
}

TEST_CASE("ime: a 1 MB line with full-width colons is scanned once", "[yaml][ime][hostile]") {
    // Values hold colons that are text; a key holds one that is not. A scan that looked back
    // along the line at each colon would take minutes here.
    std::string value;
    while (value.size() < (1u << 20)) value += "10：00 ";
    auto ok = load_text(head + "  name: " + value + "\n  tool: other\n");
    CHECK_FALSE(ok.fatal);
    std::string key(1u << 20, 'k');
    auto r = load_text(head + "  " + key + "： x\n");
    // The key is shown cut at 40 characters.
    CHECK(fatal_of(r) == "3:" + std::to_string(3 + key.size()) +
                             " [YAML-002] full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after "
                             "the key \"" +
                             std::string(40, 'k') +
                             "…\"; YAML separates a key from its value with an ASCII colon: "
                             "write \"" +
                             std::string(40, 'k') + "…: \"");
    std::string flow = "problems: [";
    while (flow.size() < (1u << 20)) flow += "a、";
    CHECK(slips_of(flow + "]\n").size() == yaml::LexicalScan::max_slips);
}

TEST_CASE("ime: yaml-cpp errors after a key with a full-width colon point at the colon",
          "[yaml][ime]") {
    // `name：テスト` is text to YAML, so not a slip by itself; yaml-cpp fails on line 4.
    auto r = load_text(head + "  name：テスト\n  tool: eloqua\n");
    CHECK(fatal_of(r) ==
          "3:7 [YAML-002] full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after \"name\"; YAML "
          "reads \"name：テスト\" as text and cannot read line 4: if \"name\" is a key, write "
          "\"name: テスト\"");
    CHECK(fatal_of(r, Lang::ja) ==
          "3:7 [YAML-002] 「name」の後が全角コロン「：」(U+FF1A) です。YAML は「name：テスト」を"
          "文字列として読むため 4 行目が読めません。「name」がキーなら「name: テスト」と書いてく"
          "ださい");
    // With comments and blank lines between.
    auto gap = load_text(head + "  name：テスト\n\n  # comment\n  tool: eloqua\n");
    CHECK(fatal_of(gap).starts_with("3:7 [YAML-002]"));
}

TEST_CASE("ime: an unclosed flow collection is reported at its bracket", "[yaml][ime]") {
    auto r = load_text(head + "  name: x\n  tool: other\nproblems: [a, b\ngoals: []\n");
    CHECK(fatal_of(r) ==
          "5:11 [] unclosed \"[\": the flow collection opened here runs into line 6 without its "
          "\"]\"");
    CHECK(fatal_of(r, Lang::ja) ==
          "5:11 [] ここで開いた「[」が「]」で閉じられないまま 6 行目に続いています");
    auto map = load_text("ma_plan: 1\nproject: { name: x,\n  tool: other\ngoals: []\n");
    CHECK(fatal_of(map) ==
          "2:10 [] unclosed \"{\": the flow collection opened here runs into line 4 without its "
          "\"}\"");
    auto eof = load_text(head + "  name: x\n  tool: other\nproblems: [a, b\n");
    CHECK(fatal_of(eof).starts_with("5:11 [] unclosed \"[\""));
    // A flow collection over several indented lines is fine.
    auto ok = load_text(head + "  name: x\n  tool: other\nproblems: [a,\n  b]\n");
    CHECK_FALSE(ok.fatal);
}
