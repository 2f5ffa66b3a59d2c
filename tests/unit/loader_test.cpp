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
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "5:11 SCHEMA-002 \"problems\" must be a list, not a scalar",
              "8:11 SCHEMA-002 \"step\" must be a whole number, not \"2\" (remove the quotes)",
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
    CHECK(lines_of(r) ==
          std::vector<std::string>{
              "6:21 SCHEMA-006 \"step\" is 9; it must be in 1..7",
              "6:29 SCHEMA-006 \"2026-02-30\" is not a date; write YYYY-MM-DD (e.g. 2026-12-15)",
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
