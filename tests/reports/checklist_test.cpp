#include <catch2/catch.hpp>

#include <algorithm>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "reports/checklist.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

namespace {

const ChecklistItem* find_item(const Checklist& c, const std::string& key) {
    for (const ChecklistStep& s : c.steps) {
        for (const ChecklistItem& i : s.items) {
            if (i.key == key) return &i;
        }
    }
    return nullptr;
}

const Date dec1{2026, 12, 1};

const char* tracked_plan = R"YAML(ma_plan: 1
project: { name: Tracked, tool: other, owner: mk }
stakeholders:
  - { id: mk, name: マーケ, kind: marketing }
  - { id: it, name: 情シス, kind: internal_systems }
personas:
  - { id: p1, name: 担当者 }
handoffs:
  - { from: mk, to: it, fields: [会社名] }
data_sources:
  - { id: crm, system: CRM, owner: it }
tasks:
  - { name: 申請, step: 6, roles: { mk: 主担当, it: 受領 }, status: in_progress, due: 2026-11-30 }
  - { name: 設定, step: 6, roles: { it: 主担当 }, status: done, due: 2026-11-01 }
  - { name: 制作, step: 4, roles: { mk: 主担当 }, status: todo, due: 2026-12-01 }
  - { name: 未定, step: 4, roles: { mk: 主担当 } }
  - { name: 停滞, step: 7, roles: { it: 主担当 }, status: blocked, due: 2026-01-01 }
)YAML";

}  // namespace

TEST_CASE("the minimal plan leaves every derived item open", "[checklist]") {
    auto project = plan_from_file(example("minimal.yaml"));
    Checklist c = build_checklist(*project, dec1);
    CHECK(c.done_count() == 0);
    CHECK(c.item_count() > 30);
    REQUIRE(c.steps.size() == 7);
    for (const char* key : {"stakeholder:internal_systems", "stakeholder:privacy_legal",
                            "pause-policy", "error-response", "handoffs", "environments",
                            "crm-integration", "master-update", "channel-integration"}) {
        INFO(key);
        const ChecklistItem* item = find_item(c, key);
        REQUIRE(item != nullptr);
        CHECK_FALSE(item->done);
        CHECK(item->status == "todo");
    }
}

TEST_CASE("the complete example ticks what it covers", "[checklist]") {
    auto project = plan_from_file(example("ja-manufacturer.yaml"));
    Checklist c = build_checklist(*project, dec1);
    for (const char* key :
         {"journey:selector", "journey:approver", "pause-policy", "error-response",
          "stakeholder:internal_systems", "handoff:marketing-inside_sales:condition",
          "data-source:sfdc", "personal-data-agreement", "capabilities-in-contract"}) {
        INFO(key);
        const ChecklistItem* item = find_item(c, key);
        REQUIRE(item != nullptr);
        CHECK(item->done);
    }
    // The expo CSV is synced by hand: owner is set, so the source item is covered.
    CHECK(find_item(c, "data-source:expo")->done);
    CHECK(find_item(c, "data-source:sfdc")->owner_name == "営業部");
}

TEST_CASE("model gaps become open items with their owner", "[checklist]") {
    auto project = plan_from_text(tracked_plan);
    Checklist c = build_checklist(*project, dec1);
    CHECK_FALSE(find_item(c, "journey:p1")->done);  // persona without journey entries
    const ChecklistItem* handoff = find_item(c, "handoff:mk-it:condition");
    REQUIRE(handoff != nullptr);
    CHECK_FALSE(handoff->done);  // hand-off without a state condition
    CHECK(handoff->owner_id == "mk");
    CHECK(find_item(c, "handoff:mk-it:fields")->done);
    const ChecklistItem* source = find_item(c, "data-source:crm");
    CHECK_FALSE(source->done);  // no sync schedule
    CHECK(source->implementation_step == 2);
    CHECK(find_item(c, "stakeholder:internal_systems")->done);
    CHECK_FALSE(find_item(c, "stakeholder:privacy_legal")->done);
    CHECK(find_item(c, "pause-policy")->prevents == GoLivePhase::after);
    CHECK(find_item(c, "error-response")->prevents == GoLivePhase::during);
    CHECK(find_item(c, "personal-data-agreement")->prevents == GoLivePhase::before);
}

TEST_CASE("seed 002's four implementation steps all appear", "[checklist][seed002]") {
    auto project = plan_from_file(example("minimal.yaml"));
    Checklist c = build_checklist(*project, dec1);
    std::vector<int> seen;
    std::vector<GoLivePhase> phases;
    for (const ChecklistStep& s : c.steps) {
        for (const ChecklistItem& i : s.items) {
            seen.push_back(i.implementation_step);
            phases.push_back(i.prevents);
        }
    }
    for (int step : {1, 2, 3, 4}) {
        INFO("implementation step " << step);
        CHECK(std::count(seen.begin(), seen.end(), step) > 0);
    }
    for (GoLivePhase p : {GoLivePhase::before, GoLivePhase::during, GoLivePhase::after}) {
        CHECK(std::count(phases.begin(), phases.end(), p) > 0);
    }
}

TEST_CASE("tracked tasks: status / owner / due and overdue relative to today", "[checklist]") {
    auto project = plan_from_text(tracked_plan);
    Checklist c = build_checklist(*project, dec1);
    const ChecklistItem* apply = find_item(c, "task:1");
    REQUIRE(apply != nullptr);
    CHECK(apply->origin == ItemOrigin::tracked_task);
    CHECK(apply->status == "in_progress");
    CHECK(apply->owner_name == "マーケ");
    CHECK(apply->overdue);                            // due yesterday, not done
    CHECK_FALSE(find_item(c, "task:2")->overdue);     // done long ago
    CHECK_FALSE(find_item(c, "task:3")->overdue);     // due today is not overdue yet
    CHECK(find_item(c, "task:4")->status == "todo");  // no status: not started
    CHECK(find_item(c, "task:5")->overdue);
    Checklist later = build_checklist(*project, Date{2026, 12, 2});
    CHECK(find_item(later, "task:3")->overdue);

    std::string md = render_checklist(c, OutputFormat::markdown, {Lang::ja});
    CHECK(md.find("- [ ] **申請** — 主担当: マーケ · 進行中 · 期限 2026-11-30 · ⚠ 期限切れ\n") !=
          std::string::npos);
    CHECK(md.find("- [x] **設定** — 主担当: 情シス · 完了 · 期限 2026-11-01\n") !=
          std::string::npos);
    std::string en = render_checklist(c, OutputFormat::markdown, {Lang::en});
    CHECK(en.find("- [ ] **申請** — owner: マーケ · in progress · due 2026-11-30 · ⚠ overdue\n") !=
          std::string::npos);
}

TEST_CASE("filters work and combine", "[checklist][filter]") {
    auto project = plan_from_text(tracked_plan);
    Checklist all = build_checklist(*project, dec1);

    Checklist step6 = filter_checklist(all, {6, std::nullopt, {}}, *project);
    REQUIRE(step6.steps.size() == 1);
    CHECK(step6.steps[0].step == 6);

    Checklist it = filter_checklist(all, {std::nullopt, std::string("it"), {}}, *project);
    for (const ChecklistStep& s : it.steps) {
        for (const ChecklistItem& i : s.items) CHECK(i.owner_id == "it");
    }
    CHECK(find_item(it, "task:2") != nullptr);
    CHECK(find_item(it, "data-source:crm") != nullptr);
    // By name as well as ID.
    CHECK(filter_checklist(all, {std::nullopt, std::string("情シス"), {}}, *project).item_count() ==
          it.item_count());

    Checklist open_mk =
        filter_checklist(all, {std::nullopt, std::string("mk"), {"todo", "in_progress"}}, *project);
    for (const ChecklistStep& s : open_mk.steps) {
        for (const ChecklistItem& i : s.items) {
            CHECK(i.owner_id == "mk");
            CHECK((i.status == "todo" || i.status == "in_progress"));
        }
    }
    CHECK(find_item(open_mk, "task:1") != nullptr);
    CHECK(find_item(open_mk, "task:3") != nullptr);

    Checklist combined = filter_checklist(all, {4, std::string("mk"), {"todo"}}, *project);
    REQUIRE(combined.steps.size() == 1);
    std::vector<std::string> keys;
    for (const ChecklistItem& i : combined.steps[0].items) keys.push_back(i.key);
    CHECK(keys == std::vector<std::string>{"handoff:mk-it:condition", "task:3", "task:4"});

    Checklist none = filter_checklist(all, {1, std::string("it"), {"blocked"}}, *project);
    CHECK(none.steps.empty());
    CHECK(render_checklist(none, OutputFormat::markdown, {Lang::en}).find("No items match.") !=
          std::string::npos);
}

TEST_CASE("bad filters are usage errors with did-you-mean", "[checklist][filter]") {
    auto project = plan_from_text(tracked_plan);
    Checklist all = build_checklist(*project, dec1);
    CHECK_THROWS_AS(filter_checklist(all, {8, std::nullopt, {}}, *project), UsageError);
    try {
        filter_checklist(all, {std::nullopt, std::nullopt, {"in-progress"}}, *project);
        FAIL("no exception");
    } catch (const UsageError& e) {
        CHECK(e.message().en.find("did you mean \"in_progress\"") != std::string::npos);
    }
    try {
        filter_checklist(all, {std::nullopt, std::string("itt"), {}}, *project);
        FAIL("no exception");
    } catch (const UsageError& e) {
        CHECK(e.message().en.find("did you mean \"it\"") != std::string::npos);
        CHECK(e.message().ja.find("関係部門にありません") != std::string::npos);
    }
}

TEST_CASE("checklist JSON carries keys / states and seed 002 tags", "[checklist][json]") {
    auto project = plan_from_text(tracked_plan);
    Checklist c = build_checklist(*project, dec1);
    std::string json = render_checklist(c, OutputFormat::json, {Lang::en});
    CHECK(json.find(R"("today": "2026-12-01")") != std::string::npos);
    CHECK(json.find(R"("key": "pause-policy")") != std::string::npos);
    CHECK(json.find(R"("prevents_failure": "after_go_live")") != std::string::npos);
    CHECK(json.find(R"("implementation_step": 4)") != std::string::npos);
    CHECK(json.find(R"("overdue": true)") != std::string::npos);
    CHECK_THROWS_AS(render_checklist(c, OutputFormat::csv, {Lang::en}), UsageError);
}

TEST_CASE("parse_date is strict", "[checklist][date]") {
    CHECK(parse_date("2026-12-01") == Date{2026, 12, 1});
    CHECK(parse_date("2028-02-29").has_value());
    CHECK_FALSE(parse_date("2026-02-29").has_value());
    CHECK_FALSE(parse_date("2026-13-01").has_value());
    CHECK_FALSE(parse_date("2026-1-01").has_value());
    CHECK_FALSE(parse_date("tomorrow").has_value());
}
