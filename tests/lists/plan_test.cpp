#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "helpers.hpp"
#include "lists/from_plan.hpp"
#include "lists/normalize.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::run_ma_plan;
using lists_test::TempDir;
using lists_test::write_file;

namespace {
const std::string data = LISTS_TEST_DATA;
}

TEST_CASE("plan: step-5 section becomes sources / exclusion rules and consent policy") {
    const ListsConfig c = load_lists_config(data + "/plan.yaml");
    REQUIRE(c.sources.size() == 2);
    const SourceConfig* expo = find_source(c, "expo");
    REQUIRE(expo != nullptr);
    CHECK(expo->encoding == Encoding::cp932);
    CHECK(expo->columns.back() == std::pair<std::string, std::string>{"id", "名刺番号"});
    CHECK(find_source(c, "hubspot")->preset == "hubspot");
    CHECK(find_source(c, "crm") == nullptr);
    CHECK(c.exclusions.domains ==
          std::vector<std::pair<std::string, std::string>>{{"rival.co.jp", "competitor"},
                                                           {"example.co.jp", "internal"}});
    CHECK(c.exclusions.role_locals.size() == default_role_locals().size());
    CHECK(c.consent.require_opt_in);
}

TEST_CASE("plan: a plan with schema errors is refused with its position") {
    TempDir dir;
    write_file(dir / "bad.yaml",
               "ma_plan: 1\nproject:\n  name: x\n  tool: hubspot\ndata_sources:\n  - id: a\n    "
               "encodng: cp932\n");
    try {
        load_lists_config(dir / "bad.yaml");
        FAIL("no error");
    } catch (const IoError& e) {
        CHECK(e.message().en.starts_with((dir / "bad.yaml").string() + ":7:5: error: "));
        CHECK(e.message().en.ends_with("(run ma-plan validate for all findings)"));
    }
}

TEST_CASE("e2e: --plan drives import and extract / the workspace sits beside the plan") {
    TempDir dir;
    std::filesystem::copy_file(data + "/plan.yaml", dir / "plan.yaml");
    auto r = run_ma_plan({"lists", "init", "--plan", "plan.yaml"}, dir.path);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("exclusion rules from the plan\n") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "ma-plan-lists.sqlite"));
    // The plan declares this source as CP932 (Excel), so the file is written that way.
    std::string sjis;
    Cp932Codec to(Cp932Codec::Direction::from_utf8);
    REQUIRE_FALSE(to.convert(std::string("名刺番号,メールアドレス,会社名,姓,名,同意\n"
                                         "M1,taro@customer.co.jp,顧客,山田,太郎,同意\n"
                                         "M2,spy@rival.co.jp,競合,伊藤,四郎,同意\n"
                                         "M3,me@example.co.jp,自社,社員,一人,同意\n"
                                         "M4,info@customer.co.jp,顧客,窓口,,同意\n"),
                             sjis));
    write_file(dir / "expo.csv", sjis);
    r = run_ma_plan({"lists", "import", "expo.csv", "--source", "expo", "--plan", "plan.yaml"},
                    dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("columns: id←名刺番号, email←メールアドレス") != std::string::npos);
    CHECK(r.out.find("exclusion rules from the plan in the workspace") != std::string::npos);
    r = run_ma_plan(
        {"lists", "extract", "--plan", "plan.yaml", "--out", "out.csv", "--format", "json"},
        dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out ==
          "{\"imported\": 4, \"invalid\": 0, \"no_consent\": 0, \"excluded\": 3, "
          "\"excluded_by_reason\": {\"competitor\": 1, \"internal\": 1, \"role\": 1}, "
          "\"opted_out_elsewhere\": 0, \"duplicates\": 0, \"contactable\": 1}\n");
    // init and import stored the plan's rules in the workspace: an extract without the plan
    // still leaves out the competitor, the colleague and info@.
    r = run_ma_plan({"lists", "extract", "--out", "out2.csv", "--format", "json"}, dir.path);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"excluded\": 3, \"excluded_by_reason\": {\"competitor\": 1, "
                     "\"internal\": 1, \"role\": 1}") != std::string::npos);
    r = run_ma_plan({"lists", "import", "expo.csv", "--source", "event", "--plan", "plan.yaml"},
                    dir.path);
    CHECK(r.exit_code == 4);
    CHECK(r.err ==
          "ma-plan: the plan declares no data source \"event\" (declared: expo, hubspot)\n");
}
