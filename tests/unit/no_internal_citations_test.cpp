// User-facing texts cite the published articles by name (lib/core/citations), never the
// project's internal file numbers ("Seed 000", "記事000") or notes (DOMAIN.md) that readers
// cannot look up.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "../common/files.hpp"
#include "core/citations.hpp"
#include "render/rules_doc.hpp"
#include "rules/rule.hpp"

using maplan::Lang;

namespace {

const std::vector<std::string> internal_references = {"Seed 0", "seed 0", "seeds 0",  "Seeds 0",
                                                      "記事0",  "記事 0", "DOMAIN.md"};

void check_no_internal_reference(const std::string& where, const std::string& text) {
    for (const std::string& bad : internal_references) {
        INFO(where << " contains \"" << bad << "\"");
        CHECK(text.find(bad) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("no rule text cites an internal file number", "[docs][citations]") {
    for (const auto& r : maplan::rules::registry()) {
        for (Lang lang : {Lang::en, Lang::ja}) {
            std::string where = std::string(r.id) + (lang == Lang::ja ? " (ja)" : " (en)");
            check_no_internal_reference(where, std::string(r.title.in(lang)));
            check_no_internal_reference(where, std::string(r.rationale.in(lang)));
            check_no_internal_reference(where, std::string(r.hint.in(lang)));
        }
    }
    for (Lang lang : {Lang::en, Lang::ja}) {
        check_no_internal_reference("rules --format md",
                                    maplan::render::render_rules_markdown(lang));
        check_no_internal_reference("rules", maplan::render::render_rules_text(lang));
        check_no_internal_reference("rules --format json", maplan::render::render_rules_json(lang));
    }
}

TEST_CASE("every source is cited by a rule and listed in full in the Sources section",
          "[docs][citations]") {
    std::string all_rule_texts;
    for (const auto& r : maplan::rules::registry()) {
        all_rule_texts += std::string(r.rationale.en) + "\n" + std::string(r.rationale.ja) + "\n";
    }
    std::string md_en = maplan::render::render_rules_markdown(Lang::en);
    std::string md_ja = maplan::render::render_rules_markdown(Lang::ja);
    REQUIRE(md_en.find("\n## Sources\n") != std::string::npos);
    REQUIRE(md_ja.find("\n## 出典\n") != std::string::npos);
    for (const maplan::Citation& c : maplan::citations()) {
        INFO(c.key);
        // Cited in both languages, by its short name.
        CHECK(all_rule_texts.find(c.label.en) != std::string::npos);
        CHECK(all_rule_texts.find(c.label.ja) != std::string::npos);
        CHECK(md_en.find("- **" + std::string(c.label.en) + "** — \"" + std::string(c.title.en)) !=
              std::string::npos);
        CHECK(md_ja.find("- **" + std::string(c.label.ja) + "** — 「" + std::string(c.title.ja)) !=
              std::string::npos);
        if (!c.url.empty()) CHECK(md_en.find("<" + std::string(c.url) + ">") != std::string::npos);
    }
}

TEST_CASE("docs / README and golden outputs cite no internal file number", "[docs][citations]") {
    namespace fs = std::filesystem;
    const fs::path root(MA_PLAN_SOURCE_DIR);
    std::vector<fs::path> files = {root / "README.md"};
    for (const auto& e : fs::directory_iterator(root / "docs")) files.push_back(e.path());
    std::size_t goldens = 0;
    for (const auto& e : fs::recursive_directory_iterator(root / "tests")) {
        if (!e.is_regular_file()) continue;
        if (e.path().parent_path().filename() != "golden") continue;
        files.push_back(e.path());
        ++goldens;
    }
    CHECK(goldens > 20);
    for (const fs::path& f : files) {
        if (!fs::is_regular_file(f)) continue;
        check_no_internal_reference(fs::relative(f, root).string(), test_support::read_file(f));
    }
}
