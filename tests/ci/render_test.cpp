// SARIF, JUnit and GitHub renderers on an in-memory report: exact escaping, locations, levels.
#include <catch2/catch.hpp>

#include "render/ci_formats.hpp"
#include "rules/rule.hpp"

using namespace maplan;

namespace {

render::Report sample_report() {
    render::Report report;
    FileResult file;
    file.path = "plans/a b.yaml";
    file.findings.push_back(Finding{"SCHEMA-005",
                                    Severity::error,
                                    file.path,
                                    {5, 9},
                                    {"50% of \"x\"\r\nnext", "「x」の 50%"},
                                    {}});
    file.findings.push_back(Finding{"RACI-002",
                                    Severity::warning,
                                    file.path,
                                    {7, 3},
                                    {"a:b, c", "a:b、c"},
                                    {"keep one", "一つに"}});
    report.files.push_back(std::move(file));
    FileResult gone;
    gone.path = "gone.yaml";
    gone.fatal = yaml::ParseError{{}, {"no such file", "ファイルがありません"}};
    report.files.push_back(std::move(gone));
    return report;
}

std::size_t index_of(std::string_view id) {
    const auto& r = rules::registry();
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (r[i].id == id) return i;
    }
    FAIL("no rule " << id);
    return 0;
}

}  // namespace

TEST_CASE("GitHub escaping follows actions/toolkit exactly") {
    CHECK(render::github_escape_data("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d");
    CHECK(render::github_escape_property("50% a\r\nb:c,d") == "50%25 a%0D%0Ab%3Ac%2Cd");
    CHECK(render::github_escape_property("dir:x/a,b.yaml") == "dir%3Ax/a%2Cb.yaml");
    CHECK(render::github_escape_data("日本語") == "日本語");
}

TEST_CASE("GitHub annotations: one command per finding / notice for info / unreadable files") {
    render::Report report = sample_report();
    report.files[0].findings.push_back(
        Finding{"REF-003", Severity::info, "plans/a b.yaml", {}, {"whole file", "全体"}, {}});
    CHECK(render::render_github(report, {}) ==
          "::error file=plans/a b.yaml,line=5,col=9,title=SCHEMA-005::50%25 of \"x\"%0D%0Anext\n"
          "::warning file=plans/a b.yaml,line=7,col=3,title=RACI-002::a:b, c%0Ahint: keep one\n"
          "::notice file=plans/a b.yaml,title=REF-003::whole file\n"
          "::error file=gone.yaml,title=ma-plan::no such file\n");
}

TEST_CASE("GitHub annotations for standard input carry no file") {
    render::Report report;
    FileResult file;
    file.path = "<stdin>";
    file.findings.push_back(Finding{"SCHEMA-001", Severity::error, "<stdin>", {2, 1}, {"x", "x"}});
    render::RenderOptions ja;
    ja.lang = Lang::ja;
    CHECK(render::render_github(report, ja).empty());
    report.files.push_back(std::move(file));
    CHECK(render::render_github(report, ja) == "::error title=SCHEMA-001::x\n");
}

TEST_CASE("XML escaping drops characters XML 1.0 cannot carry") {
    CHECK(render::xml_escape("a<b>&\"'\x01\x1f\tc\xEF\xBF\xBE\xEF\xBF\xBF"
                             "d\n") == "a&lt;b&gt;&amp;&quot;&apos;&#9;cd&#10;");
    CHECK(render::xml_escape("日本語 \xEF\xBD\x81") == "日本語 \xEF\xBD\x81");  // U+FF41 stays
}

TEST_CASE("JUnit: a suite per file / a case per rule / failures at or above --fail-on") {
    render::Report report = sample_report();
    report.files[0].disabled_rules = {"REF-004"};
    std::string xml = render::render_junit(report, {});
    std::size_t rules = rules::registry().size();
    CHECK(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<testsuites name=\"ma-plan\" tests=\"" +
                        std::to_string(rules + 1) + "\" failures=\"1\" errors=\"1\">\n"));
    CHECK(xml.find("<testsuite name=\"plans/a b.yaml\" tests=\"" + std::to_string(rules) +
                   "\" failures=\"1\" errors=\"0\" skipped=\"1\" file=\"plans/a b.yaml\">") !=
          std::string::npos);
    CHECK(xml.find("    <testcase name=\"SCHEMA-005\" classname=\"plans/a b.yaml\">\n"
                   "      <failure type=\"error\" message=\"plans/a b.yaml:5:9: 50% of "
                   "&quot;x&quot;&#13;&#10;next\">plans/a b.yaml:5:9: error: 50% of "
                   "&quot;x&quot;&#13;&#10;next [SCHEMA-005]&#10;</failure>\n"
                   "    </testcase>\n") != std::string::npos);
    // A warning below --fail-on error is reported but does not fail its case.
    CHECK(xml.find("    <testcase name=\"RACI-002\" classname=\"plans/a b.yaml\">\n"
                   "      <system-out>plans/a b.yaml:7:3: warning: a:b, c [RACI-002]&#10;  hint: "
                   "keep one&#10;</system-out>\n") != std::string::npos);
    CHECK(xml.find("    <testcase name=\"REF-004\" classname=\"plans/a b.yaml\">\n"
                   "      <skipped message=\"disabled by configuration\"/>\n") !=
          std::string::npos);
    CHECK(xml.find("    <testcase name=\"read\" classname=\"gone.yaml\">\n"
                   "      <error type=\"unreadable\" message=\"no such file\">gone.yaml: no such "
                   "file</error>\n") != std::string::npos);

    report.fail_on = Severity::warning;
    xml = render::render_junit(report, {});
    CHECK(xml.find("<failure type=\"warning\" message=\"plans/a b.yaml:7:3: a:b, c\">") !=
          std::string::npos);
}

TEST_CASE("SARIF: rules from the registry / results with index / level and region") {
    std::string sarif = render::render_sarif(sample_report(), {});
    CHECK(sarif.find("\"version\": \"2.1.0\"") != std::string::npos);
    CHECK(sarif.find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
    // The rule reference URL is chosen at configure time (-DMA_PLAN_RULES_URL).
    CHECK(sarif.find("\"helpUri\": \"" MA_PLAN_EXPECTED_RULES_URL "#schema-005\"") !=
          std::string::npos);
    CHECK(sarif.find("\"informationUri\": \"" MA_PLAN_EXPECTED_HOMEPAGE_URL "\"") !=
          std::string::npos);
    CHECK(sarif.find("\"ruleId\": \"SCHEMA-005\",\n          \"ruleIndex\": " +
                     std::to_string(index_of("SCHEMA-005")) +
                     ",\n          \"level\": \"error\"") != std::string::npos);
    CHECK(sarif.find("\"ruleId\": \"RACI-002\",\n          \"ruleIndex\": " +
                     std::to_string(index_of("RACI-002")) +
                     ",\n          \"level\": \"warning\"") != std::string::npos);
    CHECK(sarif.find("\"uri\": \"plans/a%20b.yaml\"") != std::string::npos);
    CHECK(sarif.find("\"startLine\": 5,\n                  \"startColumn\": 9") !=
          std::string::npos);
    CHECK(sarif.find("\"executionSuccessful\": false") != std::string::npos);
    CHECK(sarif.find("\"text\": \"no such file\"") != std::string::npos);
    // Rule metadata carries every registered rule once.
    std::size_t ids = 0;
    for (std::size_t at = 0; (at = sarif.find("\"helpUri\"", at)) != std::string::npos; ++at) ++ids;
    CHECK(ids == rules::registry().size());
    // Issue 13: help.markdown shows the rule's incorrect and correct example, as docs/rules.md.
    std::size_t examples = 0;
    for (std::size_t at = 0;
         (at = sarif.find("**Correct:**\\n\\n```yaml\\n", at)) != std::string::npos; ++at) {
        ++examples;
    }
    CHECK(examples == rules::registry().size());
    CHECK(sarif.find("**Incorrect:**\\n\\n```yaml\\nma_plan: 2\\n```") != std::string::npos);
}

TEST_CASE("SARIF URIs and help links") {
    CHECK(render::path_to_uri("./計画.yaml") == "%E8%A8%88%E7%94%BB.yaml");
    CHECK(render::path_to_uri("plans/q#1 100%.yaml") == "plans/q%231%20100%25.yaml");
    CHECK(render::path_to_uri("/abs/p.yaml") == "file:///abs/p.yaml");
    CHECK(render::rule_help_uri("RACI-001") == MA_PLAN_EXPECTED_RULES_URL "#raci-001");
}
