// The bundled examples give their documented results, and the generated rule documentation is
// up to date with the registry.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/loader.hpp"
#include "helpers.hpp"
#include "render/report.hpp"
#include "render/rules_doc.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source_dir = MA_PLAN_SOURCE_DIR;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// Validates an example under the name `ma-plan validate` prints when run from the repository.
maplan::FileResult validate_example(const std::string& name) {
    std::string relative = "config-examples/" + name;
    auto source = std::make_shared<maplan::SourceFile>(relative, read_file(source_dir / relative));
    return maplan::validate_source(source, {});
}

void check_clean(const std::string& name) {
    INFO(name);
    maplan::FileResult result = validate_example(name);
    REQUIRE_FALSE(result.fatal.has_value());
    for (const auto& f : result.findings) {
        INFO(rules_test::line_of(f));
        CHECK(false);
    }
    // Every key these complete examples use is read into the model.
    auto loaded = maplan::load_project_file((source_dir / "config-examples" / name).string());
    REQUIRE(loaded.project);
    CHECK(loaded.unread_schema_keys.empty());
}

void check_docs(const char* file, maplan::Lang lang, const char* command) {
    std::string expected = maplan::render::render_rules_markdown(lang);
    std::string actual = read_file(source_dir / "docs" / file);
    INFO("docs/" << file << " is stale; regenerate it with `" << command << "`");
    CHECK(actual == expected);
}

}  // namespace

TEST_CASE("examples: ja-manufacturer.yaml validates clean", "[examples]") {
    check_clean("ja-manufacturer.yaml");
}

TEST_CASE("examples: en-saas.yaml validates clean", "[examples]") {
    check_clean("en-saas.yaml");
}

TEST_CASE("examples: every other example has no errors / only what is still to do", "[examples]") {
    for (const auto& entry : fs::directory_iterator(source_dir / "config-examples")) {
        std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".yaml" || name == "broken.yaml") continue;
        INFO(name);
        maplan::FileResult result = validate_example(name);
        REQUIRE_FALSE(result.fatal.has_value());
        for (const auto& f : result.findings) {
            INFO(rules_test::line_of(f));
            CHECK(f.severity != maplan::Severity::error);
        }
    }
}

TEST_CASE("examples: minimal.yaml is told what is still missing", "[examples]") {
    maplan::FileResult result = validate_example("minimal.yaml");
    REQUIRE_FALSE(result.fatal.has_value());
    std::set<std::string> ids;
    for (const auto& f : result.findings) ids.insert(f.rule_id);
    // One finding per missing section of each step, not one per missing field.
    for (const char* id :
         {"GOAL-001", "ROLE-001", "TARGET-001", "FLOW-001", "LIST-001", "MAIL-001", "OPS-001"}) {
        INFO(id);
        CHECK(ids.count(id) == 1);
    }
    CHECK(ids.size() == result.findings.size());
}

TEST_CASE("examples: broken.yaml gives exactly the findings in broken.expected", "[examples]") {
    maplan::render::Report report;
    report.files.push_back(validate_example("broken.yaml"));
    std::string text = maplan::render::render_text(report, {maplan::Lang::en, false});
    std::vector<std::string> headers;
    for (const std::string& line : split_lines(text)) {
        if (line.rfind("config-examples/broken.yaml:", 0) == 0) headers.push_back(line);
    }
    auto expected = split_lines(read_file(source_dir / "config-examples/broken.expected"));
    CHECK(headers == expected);
    std::set<std::string> ids;
    for (const auto& f : report.files.front().findings) ids.insert(f.rule_id);
    CHECK(ids.size() >= 12);
}

TEST_CASE("docs: docs/rules.md is generated from the registry", "[docs]") {
    check_docs("rules.md", maplan::Lang::en, "ma-plan rules --format md > docs/rules.md");
}

TEST_CASE("docs: docs/rules.ja.md is generated from the registry", "[docs]") {
    check_docs("rules.ja.md", maplan::Lang::ja,
               "ma-plan rules --format md --lang ja > docs/rules.ja.md");
}
