// JUnit XML as Jenkins (xunit plugin, junit-10.xsd) and GitLab (artifacts:reports:junit) read it.
// A plan file is a test suite and each rule checked on it is a test case, so the CI page shows
// "RACI-001 failed in plans/a.yaml" next to the rules that passed.
#include <fmt/format.h>

#include <map>

#include "render/ci_formats.hpp"
#include "rules/rule.hpp"

namespace maplan::render {

namespace {

std::string location(const FileResult& file, SourcePos pos) {
    std::string path = display_path(file);
    return pos.known() ? fmt::format("{}:{}:{}", path, pos.line, pos.column) : path;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '&':
                out += "&amp;";
                continue;
            case '<':
                out += "&lt;";
                continue;
            case '>':
                out += "&gt;";
                continue;
            case '"':
                out += "&quot;";
                continue;
            case '\'':
                out += "&apos;";
                continue;
            // Character references keep line breaks and tabs in attribute values, where a literal
            // one would be normalised to a space by every XML parser.
            case '\n':
                out += "&#10;";
                continue;
            case '\r':
                out += "&#13;";
                continue;
            case '\t':
                out += "&#9;";
                continue;
            default:
                break;
        }
        if (c < 0x20) continue;  // not allowed in XML 1.0, not even as a reference
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
             static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string render_junit(const Report& report, const RenderOptions& options) {
    const Lang lang = options.lang;
    const auto& registry = rules::registry();
    std::string body;
    std::size_t total_tests = 0, total_failures = 0, total_errors = 0;
    for (const FileResult& file : report.files) {
        std::string path = display_path(file);
        std::string suite_name = xml_escape(path);
        if (file.fatal) {
            ++total_tests;
            ++total_errors;
            body += fmt::format(
                "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" "
                "file=\"{0}\">\n"
                "    <testcase name=\"read\" classname=\"{0}\">\n"
                "      <error type=\"unreadable\" message=\"{1}\">{2}</error>\n"
                "    </testcase>\n"
                "  </testsuite>\n",
                suite_name, xml_escape(file.fatal->message.in(lang)),
                xml_escape(fmt::format("{}: {}", location(file, file.fatal->pos),
                                       file.fatal->message.in(lang))));
            continue;
        }
        std::map<std::string_view, std::vector<const Finding*>> by_rule;
        for (const Finding& f : file.findings) by_rule[f.rule_id].push_back(&f);
        std::string cases;
        std::size_t tests = 0, failures = 0, skipped = 0;
        for (const rules::RuleDescriptor& rule : registry) {
            ++tests;
            std::string head =
                fmt::format("    <testcase name=\"{}\" classname=\"{}\"", rule.id, suite_name);
            if (file.disabled_rules.count(std::string(rule.id)) > 0) {
                ++skipped;
                cases +=
                    head + fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                                       xml_escape(lang == Lang::ja ? "設定で無効化されています"
                                                                   : "disabled by configuration"));
                continue;
            }
            auto it = by_rule.find(rule.id);
            if (it == by_rule.end()) {
                cases += head + "/>\n";
                continue;
            }
            // Findings below --fail-on do not fail the build, so they do not fail the test case
            // either; they are still listed in its output.
            std::string failing, passing;
            const Finding* first_failing = nullptr;
            for (const Finding* f : it->second) {
                std::string line =
                    fmt::format("{}: {}: {} [{}]\n", location(file, f->pos),
                                severity_label(f->severity, lang), f->message.in(lang), f->rule_id);
                if (!f->hint.empty()) {
                    line += fmt::format("  {} {}\n",
                                        lang == Lang::ja ? "ヒント:" : "hint:", f->hint.in(lang));
                }
                if (f->severity >= report.fail_on) {
                    if (first_failing == nullptr) first_failing = f;
                    failing += line;
                } else {
                    passing += line;
                }
            }
            for (const OmittedFindings& o : file.omitted) {
                if (o.rule_id != rule.id) continue;
                std::string line = fmt::format(
                    "{}: {}\n", path,
                    omitted_line({o.rule_id, o.count}, file.max_findings_per_rule).in(lang));
                (o.severity >= report.fail_on && first_failing != nullptr ? failing : passing) +=
                    line;
            }
            cases += head + ">\n";
            if (first_failing != nullptr) {
                ++failures;
                cases +=
                    fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                                to_string(first_failing->severity),
                                xml_escape(fmt::format("{}: {}", location(file, first_failing->pos),
                                                       first_failing->message.in(lang))),
                                xml_escape(failing));
            }
            if (!passing.empty()) {
                cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(passing));
            }
            cases += "    </testcase>\n";
        }
        total_tests += tests;
        total_failures += failures;
        body += fmt::format(
            "  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{2}\" errors=\"0\" "
            "skipped=\"{3}\" file=\"{0}\">\n{4}  </testsuite>\n",
            suite_name, tests, failures, skipped, cases);
    }
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"ma-plan\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}"
        "</testsuites>\n",
        total_tests, total_failures, total_errors, body);
}

}  // namespace maplan::render
