// Hostile and malformed input: every case gets one clear error with a position, never a crash
// or a hang (issue 2, "Bad input gets a clear error").
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/loader.hpp"
#include "core/yaml_lex.hpp"
#include "core/yaml_tree.hpp"

using namespace maplan;

namespace {

LoadResult load_text(const std::string& text, const yaml::Limits& limits = {}) {
    return load_project(std::make_shared<SourceFile>("plan.yaml", text), limits);
}

std::string fatal_of(const LoadResult& r) {
    REQUIRE(r.fatal.has_value());
    return std::to_string(r.fatal->pos.line) + ":" + std::to_string(r.fatal->pos.column) + " " +
           r.fatal->message.en;
}

}  // namespace

TEST_CASE("an empty file is an error at 1:1", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("")) == "1:1 file is empty; a plan starts with \"ma_plan: 1\"");
    CHECK(fatal_of(load_text("# only a comment\n\n")) ==
          "1:1 file is empty; a plan starts with \"ma_plan: 1\"");
}

TEST_CASE("a top-level scalar or list is not a plan", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("hello\n")) ==
          "1:1 the top level must be a mapping starting with \"ma_plan: 1\", not a scalar");
    CHECK(fatal_of(load_text("- a\n- b\n")) ==
          "1:1 the top level must be a mapping starting with \"ma_plan: 1\", not a list");
}

TEST_CASE("tabs in indentation are reported where they are", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("ma_plan: 1\nproject:\n\tname: x\n")) ==
          "3:1 tab character in indentation; YAML indents with spaces only");
    CHECK(fatal_of(load_text("ma_plan: 1\nproject:\n  \tname: x\n")) ==
          "3:3 tab character in indentation; YAML indents with spaces only");
}

TEST_CASE("tabs inside block scalars and after content are fine", "[yaml][hostile]") {
    auto r = load_text(
        "ma_plan: 1\nproject:\n  name: |\n    a\n    \tindented with a tab\n  tool: other\n");
    CHECK_FALSE(r.fatal);
    auto r2 = load_text("ma_plan: 1\t# comment after a tab\nproject: {name: x, tool: other}\n");
    CHECK_FALSE(r2.fatal);
}

TEST_CASE("invalid UTF-8 names the byte and its position", "[yaml][hostile]") {
    // "名前" in Shift_JIS is 0x96 0xBC 0x91 0x4F: the first byte is not valid UTF-8.
    CHECK(fatal_of(load_text("ma_plan: 1\nproject:\n  name: \x96\xBC\x91\x4F\n")) ==
          "3:9 invalid UTF-8 byte 0x96; save the file as UTF-8 (it may be Shift_JIS/CP932)");
    // Overlong encoding of '/' and a lone surrogate are rejected too.
    CHECK(load_text("a: \xC0\xAF\n").fatal.has_value());
    CHECK(load_text("a: \xED\xA0\x80\n").fatal.has_value());
    CHECK(load_text("a: \xE6\x97").fatal.has_value());  // truncated at end of file
}

TEST_CASE("NUL bytes and UTF-16 are named as such", "[yaml][hostile]") {
    CHECK(fatal_of(load_text(std::string("ma_plan: 1\nx: a\0b\n", 17))) ==
          "2:5 NUL byte in file (is this a binary file?)");
    CHECK(fatal_of(load_text(std::string("\xFF\xFEm\0a\0", 6))) ==
          "1:1 file is UTF-16 encoded; save it as UTF-8");
    CHECK(fatal_of(load_text(std::string("m\0a\0_\0p\0", 8))) ==
          "1:1 file looks UTF-16 encoded; save it as UTF-8");
}

TEST_CASE("several documents in one file are refused at the second", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("ma_plan: 1\n---\nma_plan: 1\n")) ==
          "2:1 several YAML documents in one file; put each plan in its own file");
    // Many documents: still one error, found without parsing them all.
    std::string many;
    for (int i = 0; i < 10000; ++i) many += "---\na: 1\n";
    CHECK(load_text(many).fatal.has_value());
}

TEST_CASE("inputs that make yaml-cpp 0.7.0's LoadAll loop get one clear error", "[yaml][hostile]") {
    // From yaml-cpp issues #1040 and #1319 and Falco #3281: LoadAll never returns on these.
    CHECK(
        fatal_of(load_text(",")) ==
        "1:1 unexpected text after the end of the document (check this line's indentation and any "
        "unbalanced brackets or stray commas)");
    auto falco = load_text(
        "- macro: exclude_commands\n  condition:\n    (user.uid = 1001 and proc.args in (\n"
        "\"/usr/local/bin/script_metrics.sh\",\n    \"-c rsync\"\n    )  )  \n");
    REQUIRE(falco.fatal);
    CHECK(falco.fatal->pos.line == 4);
    CHECK(load_text("{:").fatal->message.en == "unknown token");
    CHECK(load_text("[:").fatal.has_value());
    CHECK(load_text("{# ke\ny{:").fatal.has_value());
    CHECK(load_text("- !+(.,.)").fatal.has_value());
    // A leading document marker is not a second document.
    CHECK_FALSE(load_text("---\nma_plan: 1\nproject: {name: x, tool: other}\n").fatal);
}

TEST_CASE("nesting deeper than the limit is refused before yaml-cpp recurses", "[yaml][hostile]") {
    std::string deep(5000, '[');
    auto r = load_text("a: " + deep);
    REQUIRE(r.fatal);
    // yaml-cpp reports flow-collection starts a little behind the bracket; the line is exact.
    CHECK(r.fatal->pos.line == 1);
    CHECK(r.fatal->message.en == "nesting deeper than 64 levels");
    std::string deep_block = "a:\n";
    for (int i = 1; i < 100; ++i)
        deep_block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "b:\n";
    CHECK(load_text(deep_block).fatal.has_value());
}

TEST_CASE("an alias that refers to its own container is a cycle error", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("a: &x [1, *x]\n")) ==
          "1:11 alias refers to the node that contains it (a cycle)");
    CHECK(fatal_of(load_text("a: &x {b: *x}\n")) ==
          "1:11 alias refers to the node that contains it (a cycle)");
}

TEST_CASE("aliases that expand enormously stop with an error / quickly", "[yaml][hostile]") {
    // One task with 1,000 roles, referenced 3,000 times: 3 million values to read.
    std::string text =
        "ma_plan: 1\nproject: {name: x, tool: other}\nx: &t\n  name: t\n  step: 2\n  roles:\n";
    for (int i = 0; i < 1000; ++i) text += "    s" + std::to_string(i) + ": 共有\n";
    text += "tasks: [";
    for (int i = 0; i < 3000; ++i) text += i ? ", *t" : "*t";
    text += "]\n";
    auto r = load_text(text);
    REQUIRE(r.fatal.has_value());
    CHECK(r.fatal->message.en == "aliases expand the document beyond 2000000 values");
}

TEST_CASE("plain aliases for reuse work", "[yaml]") {
    auto r = load_text(
        "ma_plan: 1\nproject: {name: x, tool: other}\n"
        "stakeholders:\n  - &m {id: marketing, name: M, kind: marketing}\n"
        "goals:\n  - {id: g, statement: s, agreed_by: &both [marketing, marketing]}\n"
        "  - {id: h, statement: s, agreed_by: *both}\n");
    REQUIRE_FALSE(r.fatal);
    REQUIRE(r.project->goals.size() == 2);
    CHECK(r.project->goals[1].agreed_by.size() == 2);
}

TEST_CASE("the node limit bounds huge flat documents", "[yaml][hostile]") {
    yaml::Limits limits;
    limits.max_nodes = 100;
    std::string text = "a: [";
    for (int i = 0; i < 200; ++i) text += "1,";
    text += "1]\n";
    CHECK(load_text(text, limits).fatal->message.en ==
          "more than 100 YAML nodes; a plan never needs this many");
}

TEST_CASE("syntax errors carry yaml-cpp's position and a Japanese rendering", "[yaml][hostile]") {
    // (An unclosed bracket is told at the bracket instead: see yaml_ime_test.cpp.)
    auto r = load_text("ma_plan: 1\nproject:\n  name: x\n tool: y\n");
    REQUIRE(r.fatal);
    CHECK(r.fatal->pos == SourcePos{4, 2});
    CHECK(r.fatal->message.en == "end of map not found");
    CHECK(r.fatal->message.ja == "マップの終わりが見つかりません");
}

TEST_CASE("read_source: missing paths / directories and oversized files", "[yaml][hostile]") {
    namespace fs = std::filesystem;
    CHECK(yaml::read_source("/nonexistent/plan.yaml").error->message.en == "no such file");
    fs::path empty_dir = fs::temp_directory_path() / "ma-plan-test-empty-dir";
    fs::create_directories(empty_dir);
    CHECK(yaml::read_source(empty_dir.string()).error->message.en ==
          "is a directory with no plan files (*.yaml, *.yml)");
    std::ofstream(empty_dir / "plan.yaml") << "ma_plan: 1\n";
    CHECK(yaml::read_source(empty_dir.string()).error->message.en ==
          "is a directory, not a plan file");
    fs::remove_all(empty_dir);
    fs::path big = fs::temp_directory_path() / "ma-plan-test-big.yaml";
    {
        std::ofstream out(big);
        out << std::string(3 * 1024 * 1024, '#');
    }
    yaml::Limits limits;
    limits.max_file_bytes = 1u << 20;
    CHECK(yaml::read_source(big.string(), limits).error->message.en ==
          "file is 3.0 MiB (3,145,728 bytes); the limit is 1 MiB (1,048,576 bytes)");
    fs::remove(big);
}

TEST_CASE("read_source: one byte over the limit is told apart from the limit", "[yaml][hostile]") {
    namespace fs = std::filesystem;
    fs::path path = fs::temp_directory_path() / "ma-plan-test-limit-plus-one.yaml";
    yaml::Limits limits;
    limits.max_file_bytes = 1u << 20;
    std::ofstream(path, std::ios::binary) << std::string((1u << 20) + 1, '#');
    auto r = yaml::read_source(path.string(), limits);
    REQUIRE(r.error);
    CHECK(r.error->message.en ==
          "file is 1.0 MiB (1,048,577 bytes); the limit is 1 MiB (1,048,576 bytes)");
    CHECK(r.error->message.ja ==
          "ファイルが 1.0 MiB (1,048,577 バイト) あります。上限は 1 MiB (1,048,576 バイト) です");
    // Exactly at the limit is read.
    std::ofstream(path, std::ios::binary | std::ios::trunc) << std::string(1u << 20, '#');
    CHECK_FALSE(yaml::read_source(path.string(), limits).error);
    fs::remove(path);
}

TEST_CASE("read_source: devices are refused without reading them", "[yaml][hostile]") {
    auto r = yaml::read_source("/dev/zero");
    REQUIRE(r.error);
    CHECK(r.error->message.en ==
          "is a character device, not a regular file (ma-plan reads regular files, and standard "
          "input as -)");
    CHECK(r.error->message.ja ==
          "キャラクタデバイスです。ma-plan が読むのは通常のファイルと、「-」で指定する標準入力だけ"
          "です");
    CHECK_FALSE(r.error->pos.known());
}

TEST_CASE("a UTF-8 byte-order mark is accepted and does not shift columns", "[yaml]") {
    namespace fs = std::filesystem;
    fs::path p = fs::temp_directory_path() / "ma-plan-test-bom.yaml";
    {
        std::ofstream out(p, std::ios::binary);
        out << "\xEF\xBB\xBFma_plan: 1\nproject: {name: x, tool: other, nme: y}\n";
    }
    auto r = load_project_file(p.string());
    fs::remove(p);
    REQUIRE_FALSE(r.fatal);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].pos == SourcePos{2, 33});
}

// ----- issue 11: nothing silently accepted -----

TEST_CASE("an unterminated quote in the middle is an error at its opening quote",
          "[yaml][hostile]") {
    // yaml-cpp reads this as one string up to the next quote and reports nothing.
    auto r = load_text(
        "ma_plan: 1\nproject:\n  name: \"A社\n  tool: other\nstakeholders: []\n"
        "tasks:\n  - name: \"x\"\n");
    CHECK(fatal_of(r) ==
          "3:9 unterminated quoted string: the \" opened here runs into line 4, which is not "
          "indented as its continuation");
    CHECK(r.fatal->message.ja ==
          "引用符 \" で始まる文字列が閉じられていません (4 行目は継続行としてインデントされて"
          "いません)");
}

TEST_CASE("an unterminated quote on the last line is an error / single quotes too",
          "[yaml][hostile]") {
    CHECK(fatal_of(load_text("ma_plan: 1\nproject:\n  name: \"A社\n")) ==
          "3:9 unterminated quoted string: the \" opened here is never closed");
    CHECK(fatal_of(load_text("ma_plan: 1\nproject: {name: 'A社}\n")) ==
          "2:17 unterminated quoted string: the ' opened here is never closed");
}

TEST_CASE("quotes that YAML closes are not flagged (check against false positives)", "[yaml]") {
    const char* valid[] = {
        // a multi-line quoted string with indented continuation lines
        "ma_plan: 1\nproject:\n  name: \"first line\n    second line\"\n  tool: other\n",
        // escapes and doubled single quotes
        "ma_plan: 1\nproject: {name: \"say \\\"hi\\\"\", client: 'it''s', tool: other}\n",
        // a quote inside a plain scalar is text
        "ma_plan: 1\nproject:\n  name: say \"hi\n  client: O'Brien\n  tool: other\n",
        // a quote inside a block scalar or a comment is text
        "ma_plan: 1\nproject:\n  name: |\n    \"open\n  tool: other  # it's \"fine\n",
        // minified JSON
        "{\"ma_plan\":1,\"project\":{\"name\":\"x\",\"tool\":\"other\"},\"tasks\":[]}\n",
        // anchors, tags and aliases before quoted scalars
        "ma_plan: 1\nproject: {name: &n \"x\", client: *n, tool: !!str \"other\"}\n",
    };
    for (const char* text : valid) {
        INFO(text);
        auto r = load_text(text);
        CHECK_FALSE(r.fatal);
    }
}

TEST_CASE("a file with CR-only line breaks is named as such / not empty", "[yaml][hostile]") {
    CHECK(fatal_of(load_text("ma_plan: 1\rproject: {name: x, tool: other}\r")) ==
          "1:11 line break is a lone CR (old Mac style); save the file with LF or CRLF line "
          "breaks");
    // CRLF is fine.
    CHECK_FALSE(load_text("ma_plan: 1\r\nproject: {name: x, tool: other}\r\n").fatal);
}

TEST_CASE("comments are found only outside scalars", "[yaml]") {
    SourceFile file("plan.yaml",
                    "a: 1 # one\n"
                    "notes: |\n"
                    "  # not a comment\n"
                    "b: \"x\n"
                    "  # not a comment either\"\n"
                    "c: x#y  # three\n"
                    "# four\n");
    auto scan = yaml::scan_lexical(file);
    std::vector<SourcePos> found;
    for (std::size_t at : scan.comments) found.push_back(file.pos_of_offset(at));
    CHECK(found == std::vector<SourcePos>{{1, 6}, {6, 9}, {7, 1}});
    CHECK_FALSE(scan.open_quote);
}
