// The strict loader: positions, unknown keys with suggestions, types, duplicates, enums.
#include <catch2/catch.hpp>

#include <string>

#include "core/loader.hpp"
#include "core/suggest.hpp"

using namespace maplan;

namespace {

LoadResult load_text(const std::string& text) {
    return load_project(std::make_shared<SourceFile>("plan.yaml", text));
}

/// "line:col RULE message" for each finding, in order.
std::vector<std::string> lines_of(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
        out.push_back(std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) + " " +
                      f.rule_id + " " + f.message.en);
    }
    return out;
}

const std::string header = "ma_plan: 1\nproject:\n  name: テスト\n  tool: eloqua\n";

}  // namespace

TEST_CASE("a minimal plan loads without findings", "[loader]") {
    auto r = load_text(header);
    REQUIRE_FALSE(r.fatal);
    CHECK(r.findings.empty());
    CHECK(r.project->project.name.value == "テスト");
    CHECK(r.project->project.name.pos == SourcePos{3, 9});
}

TEST_CASE("unknown keys get a did-you-mean", "[loader]") {
    auto r = load_text(header + "stakeholdrs: []\n");
    CHECK(lines_of(r) == std::vector<std::string>{"5:1 SCHEMA-001 unknown key \"stakeholdrs\" at "
                                                  "the top level; did you mean \"stakeholders\"?"});
    auto far = load_text(header + "zzz: 1\n");
    CHECK(lines_of(far) ==
          std::vector<std::string>{"5:1 SCHEMA-001 unknown key \"zzz\" at the top level"});
}

TEST_CASE("duplicate keys are reported at the second occurrence", "[loader]") {
    auto r = load_text(header + "  tool: marketo\n");
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "5:3 SCHEMA-004 duplicate key \"tool\" (first at line 4); only the first is used"});
    CHECK(r.project->project.tool.value == "eloqua");
    auto roles =
        load_text(header + "tasks:\n  - name: t\n    step: 2\n    roles: {a: 主担当, a: 共有}\n");
    CHECK(lines_of(roles) ==
          std::vector<std::string>{
              "8:21 SCHEMA-004 duplicate key \"a\" in \"roles\"; only the first is used"});
}

TEST_CASE("wrong types name what was expected and what was found", "[loader]") {
    auto r =
        load_text(header + "problems: 展示会リードの放置\ntasks:\n  - name: t\n    step: \"2\"\n");
    CHECK(lines_of(r) == std::vector<std::string>{
                             "5:11 SCHEMA-002 \"problems\" must be a list, not a scalar",
                             "8:11 SCHEMA-002 \"tasks[0].step\" must be a whole number, not \"2\" "
                             "(remove the quotes)",
                         });
    auto b = load_text(header + "environments: {sandbox: yes}\n");
    CHECK(lines_of(b) == std::vector<std::string>{
                             "5:25 SCHEMA-002 \"sandbox\" must be true or false, not \"yes\""});
}

TEST_CASE("missing required keys point at the object", "[loader]") {
    auto r = load_text(header + "stakeholders:\n  - {id: it, name: 情報システム部}\n");
    CHECK(lines_of(r) ==
          std::vector<std::string>{"6:5 SCHEMA-003 stakeholders[0] is missing required "
                                   "key \"kind\" (what the department governs)"});
    auto no_project = load_text("ma_plan: 1\n");
    CHECK(lines_of(no_project) ==
          std::vector<std::string>{
              "1:1 SCHEMA-003 the top level is missing required key \"project\" (the project)"});
}

TEST_CASE("enum values get a suggestion and the allowed list as a hint", "[loader]") {
    auto r = load_text(header + "tasks:\n  - {name: t, step: 2, status: in-progres}\n");
    REQUIRE(r.findings.size() == 1);
    CHECK(lines_of(r)[0] ==
          "6:32 SCHEMA-005 \"in-progres\" is not allowed for \"status\"; did you mean "
          "\"in_progress\"?");
    CHECK(r.findings[0].hint.en == "allowed: todo, in_progress, done, blocked, not_applicable");
}

TEST_CASE("dates and ranges are checked", "[loader]") {
    auto r = load_text(header + "tasks:\n  - {name: t, step: 9, due: 2026-02-30}\n");
    CHECK(lines_of(r) == std::vector<std::string>{
                             "6:21 SCHEMA-006 \"tasks[0].step\" is 9; it must be in 1..7",
                             "6:29 SCHEMA-006 \"2026-02-30\" in tasks[0].due is not a real date: "
                             "February has no day "
                             "30",
                         });
}

TEST_CASE("an unsupported format version is its own finding", "[loader]") {
    auto r = load_text("ma_plan: 2\nproject: {name: x, tool: other}\n");
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "1:10 SCHEMA-007 format version 2 is not supported; this ma-plan reads version 1"});
}

TEST_CASE("role labels: the seed's vocabulary / RACI letters and declared labels", "[loader]") {
    auto r = load_text(header +
                       "role_labels: {owner: リーダー}\n"
                       "tasks:\n  - {name: t, step: 2, roles: {a: リーダー, b: 共有, c: 受領, d: "
                       "R, e: 主担当者}}\n");
    REQUIRE(r.findings.size() == 1);
    CHECK(lines_of(r)[0] ==
          "7:64 SCHEMA-005 unknown role label \"主担当者\"; did you mean \"主担当\"?");
    const auto& roles = r.project->tasks[0].roles;
    CHECK(roles[0].kind == RoleKind::owner);
    CHECK(roles[1].kind == RoleKind::informed);
    CHECK(roles[2].kind == RoleKind::receives);
    CHECK(roles[3].kind == RoleKind::responsible);
    CHECK(r.project->role_label(RoleKind::owner) == "リーダー");
}

TEST_CASE("lifecycle stages in both forms keep their order and positions", "[loader]") {
    auto r = load_text(header +
                       "lifecycle:\n  - inquiry\n  - mql: {definition: スコア60以上, "
                       "score_at_least: 60}\n  - sql:\n");
    REQUIRE(r.findings.empty());
    REQUIRE(r.project->lifecycle.size() == 3);
    CHECK(r.project->lifecycle[1].id.value == "mql");
    CHECK(r.project->lifecycle[1].score_at_least.value == 60);
    CHECK(r.project->lifecycle[2].id.pos == SourcePos{8, 5});
}

TEST_CASE("every key of the complete examples is read by the loader", "[loader]") {
    for (const char* name : {"ja-manufacturer.yaml", "seed000-roles.yaml", "minimal.yaml"}) {
        auto r = load_project_file(std::string(MA_PLAN_SOURCE_DIR) + "/config-examples/" + name);
        INFO(name);
        REQUIRE_FALSE(r.fatal);
        CHECK(r.findings.empty());
        CHECK(r.unread_schema_keys.empty());
    }
}

TEST_CASE("closest_match finds typos / not guesses", "[suggest]") {
    CHECK(closest_match("stakeholdrs", {"stakeholders", "tasks"}) == "stakeholders");
    CHECK(closest_match("STAKEHOLDERS", {"stakeholders"}) == "stakeholders");
    CHECK(closest_match("in-progress", {"in_progress"}) == "in_progress");
    CHECK_FALSE(closest_match("xyz", {"stakeholders", "tasks"}));
    CHECK(edit_distance("主担当者", "主担当") == 1);
}

// ----- issue 11: numbers through one checked conversion, tags, the ID character set -----

TEST_CASE("numbers beyond a key's range are errors with the range / never cast",
          "[loader][hostile]") {
    auto r = load_text(
        "ma_plan: 1e30\nproject: {name: x, tool: eloqua}\n"
        "email:\n  sending_domain: a.example\n"
        "  dkim: {selector: s, key_bits: 1e400}\n"
        "tasks:\n  - {name: t, step: 99999999999999999999}\n");
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "1:10 SCHEMA-006 \"ma_plan\" is 1e30; it must be in 1..1000",
              "7:21 SCHEMA-006 \"tasks[0].step\" is 99999999999999999999; it must be in 1..7",
              "5:33 SCHEMA-006 \"email.dkim.key_bits\" is 1e400; it must be in 512..8192",
          });
    CHECK_FALSE(r.project->format_version.present());
}

TEST_CASE("inf / nan and hexadecimal are not numbers", "[loader][hostile]") {
    auto r = load_text(header +
                       "tasks:\n  - {name: a, step: .inf}\n  - {name: b, step: nan}\n"
                       "  - {name: c, step: 0x1p1}\n");
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "6:21 SCHEMA-002 \"tasks[0].step\" must be a whole number, not \".inf\"",
              "7:21 SCHEMA-002 \"tasks[1].step\" must be a whole number, not \"nan\"",
              "8:21 SCHEMA-002 \"tasks[2].step\" must be a whole number, not \"0x1p1\"",
          });
}

TEST_CASE("tags: !!int makes a number / !!str is named instead of \"remove the quotes\"",
          "[loader][hostile]") {
    auto ok = load_text(header + "tasks:\n  - {name: a, step: !!int 3}\n");
    CHECK(lines_of(ok).empty());
    REQUIRE(ok.project->tasks.size() == 1);
    CHECK(ok.project->tasks[0].step.value == 3);
    auto text = load_text(header + "tasks:\n  - {name: a, step: !!str 3}\n");
    CHECK(lines_of(text) ==
          std::vector<std::string>{
              "6:21 SCHEMA-002 \"tasks[0].step\" must be a whole number, not \"3\" "
              "(the tag !!str makes it text; remove the tag)"});
    CHECK(
        text.findings[0].message.ja ==
        "「tasks[0].step」は整数で書いてください (「3」になっています)。タグ !!str で文字列になって"
        "います。"
        "タグを外してください");
}

TEST_CASE("IDs with invisible or look-alike characters name the character", "[loader][hostile]") {
    struct Case {
        std::string id;
        std::string expected;
    };
    const Case cases[] = {
        {"\"mar\\u200Bketing\"",
         "\"mar\\u200bketing\" is not a valid ID for \"id\": character 4 is "
         "U+200B ZERO WIDTH SPACE"},
        {"\"evil\\u202Etxt\"",
         "\"evil\\u202etxt\" is not a valid ID for \"id\": character 5 is "
         "U+202E RIGHT-TO-LEFT OVERRIDE"},
        {"\"a\\u00A0b\"",
         "\"a\\u00a0b\" is not a valid ID for \"id\": character 2 is U+00A0 "
         "NO-BREAK SPACE"},
        {"\"営業\\u3000部\"",
         "\"営業\\u3000部\" is not a valid ID for \"id\": character 3 is "
         "U+3000 IDEOGRAPHIC SPACE"},
        {"\"a\\0b\"", "\"a\\u0000b\" is not a valid ID for \"id\": character 2 is U+0000 NULL"},
        {"\"sales team\"",
         "\"sales\\u0020team\" is not a valid ID for \"id\": character 6 is "
         "U+0020 SPACE"},
        {"a/b",
         "\"a/b\" is not a valid ID for \"id\": character 2 is U+002F (punctuation or "
         "another character)"},
    };
    const std::string tail = "; IDs hold letters, digits, \"_\", \"-\" and \".\"";
    for (const Case& c : cases) {
        INFO(c.id);
        auto r =
            load_text(header + "stakeholders:\n  - {id: " + c.id + ", name: x, kind: marketing}\n");
        CHECK(lines_of(r) == std::vector<std::string>{"6:10 SCHEMA-006 " + c.expected + tail});
    }
    auto ja =
        load_text(header + "stakeholders:\n  - {id: \"a\\u200Bb\", name: x, kind: marketing}\n");
    REQUIRE(ja.findings.size() == 1);
    CHECK(ja.findings[0].message.ja ==
          "「a\\u200bb」は「id」の ID として使えません: 2 文字目が U+200B ZERO WIDTH SPACE です。"
          "ID に使えるのは文字・数字・「_」「-」「.」です");
}

TEST_CASE("IDs in Japanese / with digits / _ - . and ・ are valid (check against false positives)",
          "[loader]") {
    auto r = load_text(header +
                       "stakeholders:\n"
                       "  - {id: 営業部, name: x, kind: sales}\n"
                       "  - {id: マーケティング・チーム, name: x, kind: marketing}\n"
                       "  - {id: it_dept-2.0, name: x, kind: internal_systems}\n"
                       "  - {id: ｍａｒｋｅｔｉｎｇ, name: x, kind: marketing}\n");
    CHECK(lines_of(r).empty());
}
