// Messages speak the user's words (issue 12, item 4): no finding, hint or parse error names a C++
// type of the model (ProjectFile, Romi, Communication, Stakeholder); the user wrote `romi:` and
// `communications[2]`, and that is what messages say. Checked on the output of validating every
// example and the hostile corpus, in both languages, so a message built from a type name cannot
// come back unnoticed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/schema.hpp"
#include "rules/validate.hpp"

using namespace maplan;
namespace fs = std::filesystem;

namespace {

bool is_word_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Type names that are also plain English words ("Task without a lead owner" is a rule title):
/// in English text they can only be checked where they are not prose, so only the Japanese text,
/// where an ASCII "Stakeholder" can only be a leaked type name, is checked for them.
const std::set<std::string> english_words = {"Budget",  "Communication", "Consent",   "Contracts",
                                             "Email",   "Environments",  "Exclusion", "Goal",
                                             "Handoff", "Integration",   "Journey",   "Operations",
                                             "Persona", "Reporting",     "Scoring",   "Security",
                                             "Segment", "Stakeholder",   "Task"};

std::set<std::string> type_names() {
    std::set<std::string> out = {std::string(schema::project_file().name)};
    for (const schema::Type* t : schema::object_types()) out.emplace(t->name);
    return out;
}

/// The type names that occur in `text` as whole words.
std::vector<std::string> leaked_names(const std::string& text, bool japanese) {
    std::vector<std::string> out;
    for (const std::string& name : type_names()) {
        if (!japanese && english_words.count(name)) continue;
        for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
            bool starts = at == 0 || !is_word_char(text[at - 1]);
            bool ends = at + name.size() == text.size() || !is_word_char(text[at + name.size()]);
            if (starts && ends) {
                out.push_back(name);
                break;
            }
        }
    }
    return out;
}

std::vector<std::string> corpus() {
    std::vector<std::string> files;
    for (const char* dir : {"config-examples", "tests/hostile"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(MA_PLAN_SOURCE_DIR) / dir)) {
            if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
        }
    }
    return files;
}

}  // namespace

TEST_CASE("the type-name scan finds a leaked name (must fire)", "[messages]") {
    CHECK(leaked_names("ProjectFile is missing required key \"project\"", false) ==
          std::vector<std::string>{"ProjectFile"});
    CHECK(leaked_names("Romi に未知のキー「x」があります", true) ==
          std::vector<std::string>{"Romi"});
    CHECK(leaked_names("Stakeholder に必須のキー「kind」がありません", true) ==
          std::vector<std::string>{"Stakeholder"});
    // Must not fire: the YAML path and words that merely contain a name.
    CHECK(leaked_names("romi に未知のキー「x」があります", true).empty());
    CHECK(
        leaked_names("\"romi.budget_jpy\" must be a number; see RomiX and Romi_2", false).empty());
    CHECK(leaked_names("Task without a lead owner", false).empty());
}

TEST_CASE("no message of any example or hostile plan names a C++ type", "[messages]") {
    auto files = corpus();
    REQUIRE(files.size() >= 10);
    std::size_t texts = 0;
    for (const std::string& path : files) {
        FileResult r = validate_file(path, ValidateOptions{});
        std::vector<std::pair<Text, std::string>> shown;
        if (r.fatal) shown.emplace_back(r.fatal->message, "fatal");
        for (const Finding& f : r.findings) {
            shown.emplace_back(f.message, f.rule_id);
            if (!f.hint.empty()) shown.emplace_back(f.hint, f.rule_id + " hint");
        }
        for (const auto& [text, what] : shown) {
            INFO(path << " " << what << "\n  en: " << text.en << "\n  ja: " << text.ja);
            CHECK(leaked_names(text.en, false).empty());
            CHECK(leaked_names(text.ja, true).empty());
            ++texts;
        }
    }
    CHECK(texts > 100);  // the scan saw real output, not an empty corpus
}
