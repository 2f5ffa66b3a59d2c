#include "render/rules_doc.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/citations.hpp"
#include "core/finding.hpp"
#include "core/json_writer.hpp"
#include "core/source.hpp"
#include "rules/example.hpp"
#include "rules/rule.hpp"

namespace maplan::render {

namespace {

TextRef incorrect_label() {
    return {"Incorrect", "誤りの例"};
}
TextRef correct_label() {
    return {"Correct", "正しい例"};
}

/// Every line of `text` indented by `by` (for the terminal, where there are no code blocks).
std::string indent(std::string_view text, std::string_view by) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        out += by;
        out += text.substr(start, end - start);
        start = end;
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

}  // namespace

std::string render_rule_text(const rules::RuleDescriptor& rule, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out = fmt::format(
        "{} [{}] {}\n\n{}\n\n{} {}\n", rule.id, severity_label(rule.severity, lang),
        rule.title.in(lang), rule.rationale.in(lang), ja ? "対処:" : "Fix:", rule.hint.in(lang));
    out += fmt::format("\n{}:\n{}", incorrect_label().in(lang),
                       indent(rules::example_yaml(rule.example.incorrect), "  "));
    out += fmt::format("\n{}:\n{}", correct_label().in(lang),
                       indent(rules::example_yaml(rule.example.correct), "  "));
    out +=
        ja ? "\n(例は計画の抜粋で、`ma-plan rules --format md` "
             "の冒頭にある基本の計画に差し込んで検査さ"
             "れます。)\n"
           : "\n(Examples are plan excerpts, checked inside the base plan at the top of `ma-plan "
             "rules --format md`.)\n";
    // The full citation of each source the rule's texts name, so "(DX station #4)" can be
    // looked up.
    auto cited =
        citations_in(std::string(rule.rationale.in(lang)) + "\n" + std::string(rule.hint.in(lang)));
    if (!cited.empty()) {
        out += ja ? "\n出典:\n" : "\nSources:\n";
        for (const Citation* c : cited) out += "  " + format_citation(*c, lang) + "\n";
    }
    return out;
}

std::string render_rule_examples_markdown(const rules::RuleDescriptor& rule, Lang lang) {
    return fmt::format("**{}:**\n\n```yaml\n{}```\n\n**{}:**\n\n```yaml\n{}```\n",
                       incorrect_label().in(lang), rules::example_yaml(rule.example.incorrect),
                       correct_label().in(lang), rules::example_yaml(rule.example.correct));
}

std::string render_sources_text(Lang lang) {
    std::string out = lang == Lang::ja
                          ? "\n出典 (ルールの説明が括弧内の名前で引用しています):\n"
                          : "\nSources (rule texts cite them by the name in parentheses):\n";
    for (const Citation& c : citations()) out += "  " + format_citation(c, lang) + "\n";
    return out;
}

std::string render_sources_markdown(Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out =
        ja ? "\n## 出典\n\nルールの説明は、次の資料を括弧内の短い名前で引用しています。\n\n"
           : "\n## Sources\n\nRule texts cite these by the short name in parentheses.\n\n";
    for (const Citation& c : citations()) {
        std::string title =
            ja ? "「" + std::string(c.title.ja) + "」" : "\"" + std::string(c.title.en) + "\"";
        // The original title beside a translated one, so the page can be found.
        if (!ja && c.title.en != c.title.ja) title += fmt::format(" ({})", c.title.ja);
        std::string site(c.site.in(lang));
        std::string end = ja ? "。" : (site.ends_with('.') ? "" : ".");
        out += fmt::format(
            "- **{}** — {}{}{}{}{}\n  {}{}\n", c.label.in(lang), title, ja ? "、" : ", ", site, end,
            c.url.empty() ? std::string() : fmt::format(" <{}>", c.url),
            ja ? "ma-plan が参照する内容: " : "What ma-plan draws on: ", c.note.in(lang));
    }
    return out;
}

std::string render_rules_text(Lang lang) {
    std::string out;
    std::size_t id_width = 0;
    for (const auto& r : rules::registry()) id_width = std::max(id_width, r.id.size());
    int step = -1;
    for (const auto& r : rules::registry()) {
        if (r.step != step) {
            step = r.step;
            out += fmt::format("{}{} {}\n", out.empty() ? "" : "\n",
                               step == 0 ? std::string("0.") : fmt::format("{}.", step),
                               rules::step_name(step).in(lang));
        }
        out += fmt::format("  {:<{}}  {:<8} {}\n", r.id, id_width, severity_label(r.severity, lang),
                           r.title.in(lang));
    }
    out += render_sources_text(lang);
    return out;
}

std::string render_rules_markdown(Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out;
    out += ja ? "# ma-plan のルール一覧\n\n" : "# ma-plan rules\n\n";
    out += ja ? "<!-- このファイルは `ma-plan rules --format md --lang ja` "
                "で生成されます。手で編集しないでください。 -->\n\n"
              : "<!-- Generated by `ma-plan rules --format md`. Do not edit by hand; a test fails "
                "when it is stale. -->\n\n";
    out +=
        ja ? fmt::format("全 {} ルール。重大度は既定値で、`.ma-plan.yaml` で変更できます。\n\n",
                         rules::registry().size())
           : fmt::format("{} rules. Severities are defaults; `.ma-plan.yaml` can change them.\n\n",
                         rules::registry().size());
    out +=
        ja ? "各ルールには誤りの例と正しい例があります。例は計画の抜粋で、次の基本の計画に差し込ん"
             "で"
             "検査されます (抜粋のトップレベルのキーが、基本の計画の同じキーを丸ごと置き換えます)。"
             "例がその通りに検出される・されないことはテストで確かめています。\n\n"
           : "Every rule has an incorrect and a correct example. Examples are plan excerpts: each "
             "is checked inside the base plan below, its top-level keys replacing the base's "
             "keys of the same name whole. A test checks that every incorrect example gets the "
             "rule's finding and every correct one does not.\n\n";
    out += fmt::format("```yaml\n{}```\n\n", rules::example_base);
    out += ja ? "| ID | ステップ | 重大度 | ルール |\n|---|---|---|---|\n"
              : "| ID | Step | Severity | Rule |\n|---|---|---|---|\n";
    for (const auto& r : rules::registry()) {
        std::string anchor(r.id);
        std::transform(anchor.begin(), anchor.end(), anchor.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        out += fmt::format("| [{}](#{}) | {} | {} | {} |\n", r.id, anchor, r.step,
                           severity_label(r.severity, lang), r.title.in(lang));
    }
    int step = -1;
    for (const auto& r : rules::registry()) {
        if (r.step != step) {
            step = r.step;
            out +=
                fmt::format("\n## {} {}\n",
                            ja ? fmt::format("ステップ {}:", step) : fmt::format("Step {}:", step),
                            rules::step_name(step).in(lang));
        }
        out += fmt::format("\n### {}\n\n", r.id);
        out +=
            fmt::format("**{}** — {}: {}\n\n", r.title.in(lang),
                        ja ? "既定の重大度" : "default severity", severity_label(r.severity, lang));
        out += fmt::format("{}\n\n", r.rationale.in(lang));
        out += fmt::format("{} {}\n\n", ja ? "**対処:**" : "**Fix:**", r.hint.in(lang));
        out += render_rule_examples_markdown(r, lang);
    }
    out += render_sources_markdown(lang);
    return out;
}

std::string render_rules_json(Lang lang) {
    JsonWriter w;
    w.begin_array();
    for (const auto& r : rules::registry()) {
        w.begin_object();
        w.key("id").value(r.id);
        w.key("step").value(r.step);
        w.key("severity").value(to_string(r.severity));
        w.key("title").value(r.title.in(lang));
        w.key("rationale").value(r.rationale.in(lang));
        w.key("hint").value(r.hint.in(lang));
        w.key("example")
            .begin_object()
            .key("incorrect")
            .value(rules::example_yaml(r.example.incorrect))
            .key("correct")
            .value(rules::example_yaml(r.example.correct))
            .end_object();
        w.end_object();
    }
    w.end_array();
    return w.str();
}

}  // namespace maplan::render
