// PLACEHOLDER-001 and how the loader treats `<<…>>` (core/placeholder.hpp): recorded with its
// position, kept out of the model, never a type error.
#include "core/placeholder.hpp"
#include "core/loader.hpp"
#include "helpers.hpp"

using rules_test::bare;
using rules_test::plan;

// Must fire: a string, a number, a list item and a date, each at its own position; must not
// fire: `<<` inside prose, an empty `<<>>`, and a value that only starts with `<<`.
RULE_CASE("PLACEHOLDER-001",
          plan("problems: [\"<<課題>>\", 既存の課題]\n"
               "goals:\n"
               "  - id: g1\n"
               "    statement: '<<goal>>'\n"
               "    kpi: {metric: SQL, target: \"<<目標値>>\", period: 2027-H1}\n"
               "tasks:\n  - {name: T, step: 2, due: \"  <<期限>>  \"}\n"),
          plan("problems: [\"a <<b>> c\", \"<<>>\", \"<<not closed\"]\n"
               "goals:\n  - {id: g1, statement: \"<<x>> y\"}\n"),
          "plan.yaml:9:12: warning: placeholder <<課題>> is still in \"problems\" "
          "[PLACEHOLDER-001]",
          "plan.yaml:12:16: warning: placeholder <<goal>> is still in \"statement\" "
          "[PLACEHOLDER-001]",
          "plan.yaml:13:32: warning: placeholder <<目標値>> is still in \"target\" "
          "[PLACEHOLDER-001]",
          "plan.yaml:15:29: warning: placeholder <<期限>> is still in \"due\" "
          "[PLACEHOLDER-001]")

TEST_CASE("PLACEHOLDER-001 in Japanese", "[rule]") {
    auto findings = rules_test::validate(bare("problems: [\"<<課題>>\"]\n"));
    std::vector<const maplan::Finding*> hits;
    for (const auto& f : findings) {
        if (f.rule_id == "PLACEHOLDER-001") hits.push_back(&f);
    }
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]->pos == maplan::SourcePos{3, 12});
    CHECK(hits[0]->message.ja == "「problems」に雛形のプレースホルダー <<課題>> が残っています");
    CHECK(hits[0]->hint.ja ==
          "`<<…>>` を計画の実際の内容に書き換えるか、その項目を削除してください。");
}

TEST_CASE("a placeholder reads as absent and records its section", "[placeholder]") {
    auto source = std::make_shared<maplan::SourceFile>(
        "plan.yaml", bare("problems: [\"<<課題>>\", 既存の課題]\n"
                          "goals:\n  - {id: g1, statement: S, kpi: {metric: M, target: "
                          "\"<<n>>\", period: P}}\n"
                          "consent: {policy: opt_in, withdrawal: \"<<w>>\"}\n"));
    maplan::LoadResult r = maplan::load_project(source);
    REQUIRE(r.project);
    CHECK(r.findings.empty());  // no SCHEMA-002 for "<<n>>" where a number goes
    const maplan::Project& p = *r.project;
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].value == "既存の課題");
    CHECK_FALSE(p.goals.at(0).kpi->target.present());
    CHECK_FALSE(p.consent->withdrawal.present());
    REQUIRE(p.placeholders.size() == 3);
    CHECK(p.placeholders[0].section == "problems");
    CHECK(p.placeholders[1].section == "goals");
    CHECK(p.placeholders[1].key == "target");
    CHECK(p.placeholders[2].section == "consent");
    CHECK(p.has_placeholder_in("goals"));
    CHECK_FALSE(p.has_placeholder_in("tasks"));
}

TEST_CASE("is_placeholder is syntax only", "[placeholder]") {
    CHECK(maplan::is_placeholder("<<x>>"));
    CHECK(maplan::is_placeholder(" <<営業と合意した MQL の定義>> "));
    CHECK_FALSE(maplan::is_placeholder("<<>>"));
    CHECK_FALSE(maplan::is_placeholder("<<x"));
    CHECK_FALSE(maplan::is_placeholder("x>>"));
    CHECK_FALSE(maplan::is_placeholder("a <<x>>"));
    CHECK_FALSE(maplan::is_placeholder("(例) 展示会リード"));  // words never make a placeholder
    CHECK(maplan::placeholder("期限") == "<<期限>>");
}
