// The starter plan of `ma-plan init` is honest (issue 12, item 5): it reads back exactly, and what
// it proposes counts as nothing done until the user replaces its placeholders.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/starter.hpp"
#include "helpers.hpp"
#include "reports/status.hpp"

using namespace maplan;
using namespace maplan::reports;
using namespace reports_test;

namespace {

const Date dec1{2026, 12, 1};

std::vector<std::string> hostile_names() {
    return {"A社: MA導入 #2期",
            "name: x",
            "# not a comment",
            "\"double\" and 'single'",
            "line 1\nline 2",
            "tab\there",
            "emoji 😀🇯🇵",
            "back\\slash \\n",
            "- [a, b]: {c}",
            "&anchor *alias !tag | >",
            "  leading and trailing  ",
            "null",
            "123",
            "true",
            "line\u2028separator",
            "nel\u0085",
            "\x01\x7f control",
            ""};
}

}  // namespace

TEST_CASE("the starter reads back every hostile project name exactly", "[starter]") {
    for (Lang lang : {Lang::ja, Lang::en}) {
        for (const std::string& name : hostile_names()) {
            INFO(name);
            auto source =
                std::make_shared<const SourceFile>("s.yaml", starter_plan(lang, name, "eloqua"));
            LoadResult r = load_project(source);
            REQUIRE(r.project);
            CHECK(r.findings.empty());
            CHECK(r.project->project.name.value == name);
            CHECK(r.project->project.tool.value == "eloqua");
        }
    }
}

TEST_CASE("a name that is not UTF-8 is refused and not written", "[starter]") {
    try {
        starter_plan(Lang::en, "ok\xff", "other");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(e.message().en == "--name is not valid UTF-8 (byte 3)");
        CHECK(e.message().ja == "--name が UTF-8 ではありません (3 バイト目)");
    }
}

TEST_CASE("an untouched starter is 0 percent done in checklist and status", "[starter]") {
    for (Lang lang : {Lang::ja, Lang::en}) {
        auto project = plan_from_text(starter_plan(lang, "P", "other"));
        Checklist c = build_checklist(*project, dec1);
        CHECK(c.item_count() > 40);
        for (const ChecklistStep& s : c.steps) {
            for (const ChecklistItem& i : s.items) {
                INFO(i.key);
                CHECK_FALSE(i.done);
                CHECK(i.status == "todo");
            }
        }
        StatusReport st = build_status(c, {});
        CHECK(st.total.done == 0);
        CHECK(st.total.percent() == 0);
        for (const StepStatus& step : st.steps) CHECK(step.done == 0);
    }
}

TEST_CASE("a placeholder unticks only the items of its own section", "[starter]") {
    // Must not over-reach: the problems and the goal are written, only consent is a placeholder.
    auto project = plan_from_text(R"YAML(ma_plan: 1
project: { name: P, tool: other }
problems: [展示会リードが放置されている]
goals:
  - { id: g1, statement: S, kpi: { metric: SQL, target: 10, period: 2027-H1 } }
consent: { policy: opt_in, record_fields: [日時, 方法, 文言], withdrawal: "<<停止の方法>>" }
)YAML");
    Checklist c = build_checklist(*project, dec1);
    auto done = [&](const std::string& key) {
        for (const ChecklistStep& s : c.steps) {
            for (const ChecklistItem& i : s.items) {
                if (i.key == key) return i.done;
            }
        }
        FAIL("no item " << key);
        return false;
    };
    CHECK(done("problems"));
    CHECK(done("goal-kpi:g1"));
    CHECK_FALSE(done("consent"));     // policy and record_fields are there, but so is "<<…>>"
    CHECK_FALSE(done("withdrawal"));  // the placeholder itself reads as absent
}
