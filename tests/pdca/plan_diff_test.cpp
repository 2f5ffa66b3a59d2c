// The semantic diff, section by section, on edits of the bundled full example: items match by ID
// (tasks without one by name), reordering and YAML formatting are no change, a new name under the
// same ID is a rename, and findings are matched by rule and message rather than position.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "../common/files.hpp"
#include "core/loader.hpp"
#include "pdca/plan_diff.hpp"
#include "rules/validate.hpp"

namespace {

using namespace maplan;

// A frozen copy of config-examples/ja-manufacturer.yaml: the tests edit exact lines of it, so it
// must not change when the bundled example does.
std::string example() {
    return test_support::read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) /
                                   "tests/pdca/data/plan.yaml");
}

/// Replaces the one occurrence of `from`; fails the test when it is missing or not unique.
std::string edit(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

FileResult validated(const std::string& label, const std::string& yaml) {
    FileResult r = validate_source(std::make_shared<const SourceFile>(label, yaml), {});
    REQUIRE(r.project);
    return r;
}

pdca::PlanDiff diff_of(const std::string& before, const std::string& after) {
    FileResult o = validated("old.yaml", before);
    FileResult n = validated("new.yaml", after);
    pdca::PlanDiff d;
    d.old_label = "old.yaml";
    d.new_label = "new.yaml";
    d.changes = pdca::diff_projects(*o.project, *n.project);
    pdca::diff_findings(o.findings, n.findings, d.introduced, d.resolved);
    return d;
}

std::string text_of(const std::string& before, const std::string& after, Lang lang = Lang::en) {
    return pdca::render_diff(diff_of(before, after), pdca::DiffFormat::text, lang);
}

const std::string no_change =
    "old.yaml → new.yaml\n\n0 change(s); findings: 0 introduced, 0 resolved\n";

}  // namespace

TEST_CASE("diff of a plan with itself is empty", "[pdca][diff]") {
    CHECK(text_of(example(), example()) == no_change);
    CHECK(diff_of(example(), example()).empty());
}

TEST_CASE("diff shows a role change per task in the plan's own labels", "[pdca][diff]") {
    std::string after =
        edit(example(), "roles: { marketing: 主担当, sales: 共有, it: 受領, legal: 共有 }",
             "roles: { marketing: 共有, sales: 共有, it: 受領, legal: 主担当 }");
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "2. Organisation and roles\n"
          "  Tasks and roles\n"
          "    ~ MA ツール利用申請 (new.yaml:60:5) [changed]\n"
          "        legal: 共有 → 主担当\n"
          "        marketing: 主担当 → 共有\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff shows a dropped and a new role", "[pdca][diff]") {
    std::string after =
        edit(example(), "roles: { marketing: 主担当, sales: 共有 }\n    status: done",
             "roles: { marketing: 主担当, inside_sales: 共有 }\n    status: done");
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "2. Organisation and roles\n"
          "  Tasks and roles\n"
          "    ~ ターゲットの策定 (new.yaml:65:5) [changed]\n"
          "        inside_sales: (none) → 共有\n"
          "        sales: 共有 → (none)\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff shows task status transitions and due dates", "[pdca][diff]") {
    std::string after = edit(example(), "status: in_progress\n    due: 2026-12-15",
                             "status: done\n    due: 2026-12-22");
    CHECK(text_of(example(), after, Lang::ja) ==
          "old.yaml → new.yaml\n\n"
          "2. 体制構築・役割分担\n"
          "  タスクと役割\n"
          "    ~ MA ツール利用申請 (new.yaml:60:5) [変更]\n"
          "        status: in_progress → done\n"
          "        due: 2026-12-15 → 2026-12-22\n\n"
          "変更 1 件、指摘: 新規 0 件、解消 0 件\n");
}

TEST_CASE("diff shows goals and KPI targets", "[pdca][diff]") {
    std::string after =
        edit(example(), "target: 120, period: 2027-H1", "target: 150, period: 2027-H2");
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "1. Problems and goals\n"
          "  Goals and KPIs\n"
          "    ~ g-sql 商談化数を増やす (new.yaml:16:5) [changed]\n"
          "        kpi.target: 120 → 150\n"
          "        kpi.period: 2027-H1 → 2027-H2\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff shows lifecycle rates and a moved stage", "[pdca][diff]") {
    std::string after = edit(example(), "conversion_rate: 0.15", "conversion_rate: 0.1");
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "1. Problems and goals\n"
          "  Lead lifecycle\n"
          "    ~ mql (new.yaml:26:5) [changed]\n"
          "        conversion_rate: 0.15 → 0.1\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
    // The lifecycle is ordered by meaning, so swapping two stages is a change of the order.
    std::string swapped = edit(example(), "  - inquiry\n", "");
    swapped = edit(swapped, "  - sal:\n", "  - inquiry\n  - sal:\n");
    auto d = diff_of(example(), swapped);
    REQUIRE(d.changes.size() == 1);
    CHECK(d.changes[0].key == "(order)");
    REQUIRE(d.changes[0].fields.size() == 1);
    CHECK(d.changes[0].fields[0].before == "inquiry → mql → sal → sql → won");
    CHECK(d.changes[0].fields[0].after == "mql → inquiry → sal → sql → won");
}

TEST_CASE("a new stakeholder name under the same ID is a rename", "[pdca][diff]") {
    std::string after =
        edit(example(), "{ id: legal, name: 法務部,", "{ id: legal, name: 法務・知財部,");
    auto d = diff_of(example(), after);
    REQUIRE(d.changes.size() == 1);
    CHECK(d.changes[0].kind == pdca::ChangeKind::renamed);
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "2. Organisation and roles\n"
          "  Stakeholders\n"
          "    > legal 法務部 → 法務・知財部 (new.yaml:52:5) [renamed]\n"
          "        name: 法務部 → 法務・知財部\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("a new stakeholder ID is a removal and an addition", "[pdca][diff]") {
    std::string after = edit(example(), "{ id: exec, name: 事業本部長, kind: sponsor }",
                             "{ id: exec2, name: 事業本部長, kind: sponsor }");
    after = edit(after, "roles: { marketing: 主担当, sales: 共有, exec: 共有 }",
                 "roles: { marketing: 主担当, sales: 共有, exec2: 共有 }");
    after = edit(after, "audience: [exec, sales", "audience: [exec2, sales");
    CHECK(text_of(example(), after) ==
          "old.yaml → new.yaml\n\n"
          "2. Organisation and roles\n"
          "  Stakeholders\n"
          "    + exec2 事業本部長 (new.yaml:53:5) [added]\n"
          "    - exec 事業本部長 (old.yaml:53:5) [removed]\n"
          "  Tasks and roles\n"
          "    ~ レポーティング (new.yaml:96:5) [changed]\n"
          "        exec2: (none) → 共有\n"
          "        exec: 共有 → (none)\n\n"
          "7. Measurement and operations\n"
          "  Reporting\n"
          "    ~ reporting (new.yaml:264:3) [changed]\n"
          "        audience: exec, sales, inside_sales → exec2, sales, inside_sales\n\n"
          "4 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("tasks without an ID match by name and renaming one is a removal and an addition",
          "[pdca][diff]") {
    std::string after = edit(example(), "- name: レポーティング\n", "- name: 月次レポーティング\n");
    auto d = diff_of(example(), after);
    REQUIRE(d.changes.size() == 2);
    CHECK(d.changes[0].kind == pdca::ChangeKind::added);
    CHECK(d.changes[0].key == "月次レポーティング");
    CHECK(d.changes[1].kind == pdca::ChangeKind::removed);
    CHECK(d.changes[1].key == "レポーティング");
    // With an ID the same edit is a rename.
    std::string with_id =
        edit(example(), "- name: レポーティング\n", "- id: t-report\n    name: レポーティング\n");
    std::string renamed = edit(with_id, "name: レポーティング\n", "name: 月次レポーティング\n");
    auto r = diff_of(with_id, renamed);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].kind == pdca::ChangeKind::renamed);
    CHECK(r.changes[0].key == "t-report");
    CHECK(r.changes[0].name_before == "レポーティング");
    CHECK(r.changes[0].name_after == "月次レポーティング");
}

TEST_CASE("reordering items and roles is not a change", "[pdca][diff]") {
    // Two tasks swapped, two stakeholders swapped, a roles map written in another order.
    std::string t = example();
    std::string a =
        "  - name: ターゲットの策定\n    step: 3\n    roles: { marketing: 主担当, sales: 共有 }\n  "
        "  status: done\n";
    t = edit(t, a, "");
    t = edit(t, "  - name: 顧客リストの管理\n", a + "  - name: 顧客リストの管理\n");
    t = edit(t, "  - { id: it, name: 情報システム部, kind: internal_systems }\n", "");
    t = edit(t, "  - { id: sales, name: 営業部, kind: sales }\n",
             "  - { id: it, name: 情報システム部, kind: internal_systems }\n  - { id: sales, name: "
             "営業部, kind: sales }\n");
    t = edit(t, "roles: { legal: 主担当, marketing: 共有, sales: 共有, it: 共有 }",
             "roles: { it: 共有, sales: 共有, marketing: 共有, legal: 主担当 }");
    t = edit(t, "    - { scenario: 年末年始, on_resume: skip_missed }\n", "");
    t = edit(t, "    - { scenario: 大規模災害,",
             "    - { scenario: 年末年始, on_resume: skip_missed }\n    - { scenario: 大規模災害,");
    CHECK(text_of(example(), t) == no_change);
}

TEST_CASE("YAML formatting is not a change", "[pdca][diff]") {
    // Flow to block style, quoting, comments, blank lines and indentation.
    std::string t = example();
    t = edit(t, "kpi: { metric: SQL件数, target: 120, period: 2027-H1, unit: 件 }",
             "kpi:\n        metric: \"SQL件数\"\n        target: 120.0\n        period: "
             "'2027-H1'\n        unit: 件   # 件数\n");
    t = edit(t, "agreed_by: [marketing, sales]\n",
             "agreed_by:\n      - marketing\n\n      - sales\n");
    t = edit(t, "  name: 産業機器メーカーA社 MA導入\n",
             "  name: \"産業機器メーカーA社 MA導入\"   # 案件名\n");
    CHECK(text_of(example(), t) == no_change);
}

TEST_CASE("diff covers segments personas and journey entries", "[pdca][diff]") {
    std::string t = edit(example(), "{ id: other, criteria: その他業種, target: false }",
                         "{ id: other, criteria: その他業種, target: true }");
    t = edit(t, "buying_role: decision_maker", "buying_role: user_department");
    t = edit(t, "契約: { wants: 導入スケジュール,", "契約: { wants: 導入スケジュールと体制,");
    CHECK(text_of(example(), t) ==
          "old.yaml → new.yaml\n\n"
          "3. Targets\n"
          "  Segments\n"
          "    ~ other (new.yaml:111:5) [changed]\n"
          "        target: false → true\n"
          "  Personas\n"
          "    ~ approver 工場長 (new.yaml:118:5) [changed]\n"
          "        buying_role: decision_maker → user_department\n"
          "  Customer journey\n"
          "    ~ approver/契約 (new.yaml:132:7) [changed]\n"
          "        wants: 導入スケジュール → 導入スケジュールと体制\n\n"
          "3 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff covers communications and hand-offs", "[pdca][diff]") {
    std::string t = edit(example(), "content_status: needs_update", "content_status: existing");
    t = edit(t, "sla_hours: 48", "sla_hours: 24");
    t = edit(t, "fields: [会社名, 氏名, 閲覧コンテンツ, スコア]",
             "fields: [会社名, 氏名, 閲覧コンテンツ, スコア, 流入元]");
    CHECK(text_of(example(), t) ==
          "old.yaml → new.yaml\n\n"
          "4. Communication flow\n"
          "  Communications\n"
          "    ~ case-study-mail 導入事例集 (new.yaml:145:5) [changed]\n"
          "        content_status: needs_update → existing\n"
          "  Hand-offs\n"
          "    ~ marketing → inside_sales (new.yaml:173:5) [changed]\n"
          "        fields: 会社名, 氏名, 閲覧コンテンツ, スコア → 会社名, 氏名, 閲覧コンテンツ, "
          "スコア, 流入元\n"
          "    ~ inside_sales → sales (new.yaml:179:5) [changed]\n"
          "        sla_hours: 48 → 24\n\n"
          // The fixture's case-study-mail names no production_task: once it no longer needs
          // new content, FLOW-003 has nothing left to say.
          "Findings resolved (1)\n"
          "  - old.yaml:149:21: warning: communication \"case-study-mail\" needs updated content, "
          "but no task produces it (no production_task, and no task lists it in produces) "
          "[FLOW-003]\n\n"
          "3 change(s); findings: 0 introduced, 1 resolved\n");
}

TEST_CASE("diff covers data sources exclusions and consent", "[pdca][diff]") {
    std::string t = edit(example(), "sync: daily", "sync: hourly");
    t = edit(t, "  - role_addresses\n", "");
    t = edit(t, "domains: [competitor.example.com]",
             "domains: [competitor.example.com, rival.example.net]");
    t = edit(t, "unsubscribe_within_days: 1", "unsubscribe_within_days: 3");
    CHECK(text_of(example(), t) ==
          "old.yaml → new.yaml\n\n"
          "5. Customer lists\n"
          "  Data sources\n"
          "    ~ sfdc Salesforce (new.yaml:196:5) [changed]\n"
          "        sync: daily → hourly\n"
          "  Exclusions\n"
          "    ~ competitor_domains (new.yaml:212:5) [changed]\n"
          "        domains: competitor.example.com → competitor.example.com, rival.example.net\n"
          "    - role_addresses (old.yaml:212:5) [removed]\n"
          "  Consent\n"
          "    ~ consent (new.yaml:215:3) [changed]\n"
          "        unsubscribe_within_days: 1 → 3\n\n"
          "Findings introduced (1)\n"
          "  + new.yaml:218:28: warning: opt-outs take effect within 3 days; mailbox providers "
          "expect 2 [LIST-008]\n\n"
          "4 change(s); findings: 1 introduced, 0 resolved\n");
}

TEST_CASE("diff covers email authentication records", "[pdca][diff]") {
    std::string t = edit(example(), "p=quarantine;", "p=reject;");
    t = edit(t, "dkim: { selector: eq1, key_bits: 2048 }",
             "dkim: { selector: eq2, key_bits: 2048 }");
    CHECK(text_of(example(), t) ==
          "old.yaml → new.yaml\n\n"
          "6. Tool setup\n"
          "  Email sending and authentication\n"
          "    ~ email (new.yaml:235:3) [changed]\n"
          "        dkim.selector: eq1 → eq2\n"
          "        dmarc: v=DMARC1; p=quarantine; rua=mailto:dmarc@example.co.jp → v=DMARC1; "
          "p=reject; rua=mailto:dmarc@example.co.jp\n\n"
          "1 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff covers measurement and operations", "[pdca][diff]") {
    std::string t = edit(example(), "owner: marketing, cadence: weekly }\n  - { goal: g-mql",
                         "owner: inside_sales, cadence: weekly }\n  - { goal: g-mql");
    t = edit(t, "minutes: 30", "minutes: 45");
    t = edit(t, "    - { scenario: ゴールデンウィーク, on_resume: skip_missed }\n", "");
    CHECK(text_of(example(), t) ==
          "old.yaml → new.yaml\n\n"
          "7. Measurement and operations\n"
          "  KPI measurement\n"
          "    ~ g-sql (new.yaml:261:5) [changed]\n"
          "        owner: marketing → inside_sales\n"
          "  Operations\n"
          "    ~ review_meeting (new.yaml:268:19) [changed]\n"
          "        minutes: 30 → 45\n"
          "    - pause_policy: ゴールデンウィーク (old.yaml:272:7) [removed]\n\n"
          "3 change(s); findings: 0 introduced, 0 resolved\n");
}

TEST_CASE("diff counts people and never names them", "[pdca][diff]") {
    std::string t = edit(example(), "people: [田中]", "people: [田中, 佐藤]");
    std::string text = text_of(example(), t);
    CHECK(text.find("        people: 1 → 2\n") != std::string::npos);
    CHECK(text.find("佐藤") == std::string::npos);
    CHECK(text.find("田中") == std::string::npos);
}

TEST_CASE("findings introduced and resolved by rule ID and position", "[pdca][diff][findings]") {
    // Dropping the legal department brings in the missing-stakeholder finding; giving back a
    // valid tool fixes a schema error.
    std::string old_plan = edit(example(), "  tool: eloqua\n", "  tool: eloqa\n");
    std::string new_plan =
        edit(example(), "  - { id: legal, name: 法務部, kind: privacy_legal }\n", "");
    new_plan = edit(new_plan, "roles: { legal: 主担当, marketing: 共有, sales: 共有, it: 共有 }",
                    "roles: { marketing: 主担当, sales: 共有, it: 共有 }");
    new_plan = edit(new_plan, "roles: { marketing: 主担当, sales: 共有, it: 受領, legal: 共有 }",
                    "roles: { marketing: 主担当, sales: 共有, it: 受領 }");
    auto d = diff_of(old_plan, new_plan);
    std::string text = pdca::render_diff(d, pdca::DiffFormat::text, Lang::en);
    auto at = text.find("\nFindings introduced");
    REQUIRE(at != std::string::npos);
    CHECK(text.substr(at) ==
          "\nFindings introduced (2)\n"
          "  + new.yaml:48:5: warning: stakeholder \"marketing\" is lead owner (主担当) of 9 of 11 "
          "tasks (82%); decisions depend on one department [RACI-004]\n"
          "  + new.yaml:48:5: error: no stakeholder governs personal-information handling (kind: "
          "privacy_legal): nobody owns the use of customer data [ROLE-003]\n\n"
          "Findings resolved (1)\n"
          "  - old.yaml:7:9: error: \"eloqa\" is not allowed for \"tool\"; did you mean "
          "\"eloqua\"? [SCHEMA-005]\n\n"
          "4 change(s); findings: 2 introduced, 1 resolved\n");
    REQUIRE(d.introduced.size() == 2);
    CHECK(d.introduced[1].rule_id == "ROLE-003");
    CHECK(d.introduced[1].pos == SourcePos{48, 5});
    CHECK(d.resolved[0].pos == SourcePos{7, 9});
}

TEST_CASE("a finding that only moved is neither introduced nor resolved",
          "[pdca][diff][findings]") {
    std::string old_plan = edit(example(), "  tool: eloqua\n", "  tool: eloqa\n");
    std::string new_plan = "# 先頭にコメントを追加\n\n" + old_plan;
    auto d = diff_of(old_plan, new_plan);
    CHECK(d.introduced.empty());
    CHECK(d.resolved.empty());
    CHECK(d.changes.empty());
}
