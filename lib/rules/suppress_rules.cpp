// The SUPPRESS family: findings about inline suppression comments, and the comment scanner.
#include <fmt/format.h>

#include "core/suggest.hpp"
#include "core/yaml_lex.hpp"
#include "rules/families.hpp"
#include "rules/suppress.hpp"

namespace maplan {

namespace rules {

std::vector<RuleDescriptor> suppress_rules() {
    return {
        {suppress_rule::unused,
         0,
         Severity::warning,
         {"Unused suppression", "効果のない抑制コメント"},
         {"A suppression that matches no finding hides nothing today, but it will silently hide "
          "a future finding on that line; usually the problem was fixed or the comment moved.",
          "何も抑制していないコメントは、将来その行に出る指摘を黙って隠してしまいます。"
          "多くの場合、問題が解消済みか、コメントの位置がずれています。"},
         {"Remove the comment, or move it to the line it was meant for.",
          "コメントを削除するか、本来の行に移してください。"},
         nullptr,
         {R"yaml(
# ma-plan: disable-next-line ROLE-005 coordinator to be appointed in January
project: {name: 展示会リード育成, tool: marketo, owner: mk}
)yaml",
          R"yaml(
# ma-plan: disable-next-line ROLE-005 coordinator to be appointed in January
project: {name: 展示会リード育成, tool: marketo}
)yaml"}},
        {suppress_rule::malformed,
         0,
         Severity::error,
         {"Invalid suppression", "不正な抑制コメント"},
         {"A misspelt directive or rule ID suppresses nothing, so the finding its author meant to "
          "accept still fails the build, or a different rule is hidden.",
          "指示やルール ID の綴りが違うと何も抑制されず、意図した指摘が残るか、別のルールが隠れ"
          "ます。"},
         {"Write `# ma-plan: disable-next-line RULE-ID reason`; rule IDs are listed by `ma-plan "
          "rules`.",
          "`# ma-plan: disable-next-line ルールID 理由` の形で書いてください。ルール ID は "
          "`ma-plan "
          "rules` で確認できます。"},
         nullptr,
         {R"yaml(
# ma-plan: disable-next-line
project: {name: 展示会リード育成, tool: marketo}
)yaml",
          R"yaml(
# ma-plan: disable-next-line ROLE-005 coordinator to be appointed in January
project: {name: 展示会リード育成, tool: marketo}
)yaml"}},
        {suppress_rule::no_reason,
         0,
         Severity::warning,
         {"Suppression without a reason", "理由のない抑制コメント"},
         {"Reviewers need to know why a finding was accepted; the reason makes the exception "
          "auditable.",
          "指摘を受け入れた理由がないと、レビューで例外の妥当性を確認できません。"},
         {"Write the reason after the rule IDs.", "ルール ID の後に理由を書いてください。"},
         nullptr,
         {R"yaml(
# ma-plan: disable-next-line ROLE-005
project: {name: 展示会リード育成, tool: marketo}
)yaml",
          R"yaml(
# ma-plan: disable-next-line ROLE-005 主担当者は1月に任命予定
project: {name: 展示会リード育成, tool: marketo}
)yaml"}},
    };
}

}  // namespace rules

namespace {

constexpr std::string_view directive_prefix = "ma-plan:";
const std::vector<std::string_view> directives = {"disable-next-line", "disable-line",
                                                  "disable-file"};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

/// True if the line holds YAML content (not blank, not only a comment).
bool has_content(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && is_space(line[i])) ++i;
    return i < line.size() && line[i] != '#';
}

class Scanner {
  public:
    explicit Scanner(const SourceFile& source) : source_(source) {}

    /// Only real comments count: a "# ma-plan:" line inside a block scalar (`notes: |`) or a
    /// multi-line quoted string is text, and must never hide a finding.
    SuppressionScan scan() {
        for (std::size_t at : yaml::scan_lexical(source_).comments) {
            SourcePos pos = source_.pos_of_offset(at);
            scan_comment(pos.line, at - source_.offset_of(SourcePos{pos.line, 1}));
        }
        return std::move(out_);
    }

  private:
    SourcePos pos_at(std::uint32_t line, std::string_view text, std::size_t offset) const {
        return {line, static_cast<std::uint32_t>(utf8_length(text.substr(0, offset)) + 1)};
    }

    void problem(std::string_view rule, Severity severity, SourcePos pos, Text message, Text hint) {
        out_.problems.push_back(Finding{std::string(rule), severity, source_.path(), pos,
                                        std::move(message), std::move(hint)});
    }

    void scan_comment(std::uint32_t n, std::size_t hash) {
        std::string_view line = source_.line(n);
        std::size_t i = hash + 1;
        while (i < line.size() && is_space(line[i])) ++i;
        if (line.substr(i, directive_prefix.size()) != directive_prefix) return;
        i += directive_prefix.size();
        while (i < line.size() && is_space(line[i])) ++i;
        std::size_t word_start = i;
        while (i < line.size() && !is_space(line[i])) ++i;
        std::string_view word = line.substr(word_start, i - word_start);
        SourcePos comment_pos = pos_at(n, line, hash);
        const Text malformed_hint =
            Text{"write `# ma-plan: disable-next-line RULE-ID reason`",
                 "`# ma-plan: disable-next-line ルールID 理由` の形で書いてください"};

        bool known = false;
        for (auto d : directives) known = known || d == word;
        if (!known) {
            auto guess = closest_match(word, directives);
            problem(suppress_rule::malformed, Severity::error, comment_pos,
                    {fmt::format("unknown suppression \"{}\"{}", word,
                                 guess ? fmt::format("; did you mean \"{}\"?", *guess)
                                       : "; use disable-next-line, disable-line or disable-file"),
                     fmt::format("抑制の指示「{}」はありません{}", word,
                                 guess ? fmt::format("。「{}」の誤りではありませんか?", *guess)
                                       : "。disable-next-line・disable-line・disable-file "
                                         "のいずれかを使ってください")},
                    malformed_hint);
            return;
        }

        // Rule IDs: RULE-ID[,RULE-ID…], spaces allowed after commas.
        std::vector<std::pair<std::string, SourcePos>> ids;
        while (true) {
            while (i < line.size() && is_space(line[i])) ++i;
            std::size_t id_start = i;
            while (i < line.size() && !is_space(line[i]) && line[i] != ',') ++i;
            if (i > id_start)
                ids.emplace_back(line.substr(id_start, i - id_start), pos_at(n, line, id_start));
            while (i < line.size() && is_space(line[i])) ++i;
            if (i < line.size() && line[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        std::string_view reason = line.substr(std::min(i, line.size()));
        while (!reason.empty() && (reason.front() == '-' || is_space(reason.front())))
            reason.remove_prefix(1);
        while (!reason.empty() && is_space(reason.back())) reason.remove_suffix(1);

        if (ids.empty()) {
            problem(suppress_rule::malformed, Severity::error, comment_pos,
                    {fmt::format("\"{}\" names no rule to suppress", word),
                     fmt::format("「{}」に抑制するルールが書かれていません", word)},
                    malformed_hint);
            return;
        }

        Suppression::Scope scope =
            word == "disable-file" ? Suppression::Scope::file : Suppression::Scope::line;
        std::uint32_t target = n;
        if (word == "disable-next-line") {
            target = 0;
            for (std::uint32_t m = n + 1; m <= source_.line_count(); ++m) {
                if (has_content(source_.line(m))) {
                    target = m;
                    break;
                }
            }
            if (target == 0) {
                problem(suppress_rule::malformed, Severity::error, comment_pos,
                        {"\"disable-next-line\" has no line after it to apply to",
                         "「disable-next-line」の後に対象の行がありません"},
                        malformed_hint);
                return;
            }
        }
        bool any_valid = false;
        for (auto& [id, pos] : ids) {
            if (rules::find_rule(id) == nullptr) {
                auto guess = closest_match(id, rules::rule_ids());
                problem(suppress_rule::malformed, Severity::error, pos,
                        {fmt::format("unknown rule \"{}\" in suppression{}", id,
                                     guess ? fmt::format("; did you mean \"{}\"?", *guess) : ""),
                         fmt::format(
                             "抑制コメントのルール「{}」はありません{}", id,
                             guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "")},
                        malformed_hint);
                continue;
            }
            any_valid = true;
            out_.suppressions.push_back(Suppression{scope, target, pos, id});
        }
        if (any_valid && reason.empty()) {
            const auto* rule = rules::find_rule(suppress_rule::no_reason);
            problem(suppress_rule::no_reason, rule->severity, comment_pos,
                    {fmt::format("suppression of {} gives no reason", ids.front().first),
                     fmt::format("{} の抑制に理由が書かれていません", ids.front().first)},
                    rule->hint);
        }
    }

    const SourceFile& source_;
    SuppressionScan out_;
};

bool is_suppress_finding(const Finding& f) {
    return f.rule_id.starts_with("SUPPRESS-");
}

}  // namespace

SuppressionScan scan_suppressions(const SourceFile& source) {
    return Scanner(source).scan();
}

SuppressionMatcher::SuppressionMatcher(const SourceFile& source)
    : source_(source), scan_(scan_suppressions(source)), used_(scan_.suppressions.size(), false) {
    for (std::size_t i = 0; i < scan_.suppressions.size(); ++i)
        by_rule_[scan_.suppressions[i].rule_id].push_back(i);
}

bool SuppressionMatcher::covers(const Finding& f) {
    if (is_suppress_finding(f)) return false;
    auto it = by_rule_.find(f.rule_id);
    if (it == by_rule_.end()) return false;
    bool covered = false;
    for (std::size_t i : it->second) {
        const Suppression& s = scan_.suppressions[i];
        if (s.scope == Suppression::Scope::file || (f.pos.known() && s.target_line == f.pos.line)) {
            used_[i] = true;
            covered = true;
        }
    }
    return covered;
}

std::vector<Finding> SuppressionMatcher::remaining_findings(
    const std::set<std::string>& disabled_rules) {
    std::vector<Finding> out;
    const auto* unused = rules::find_rule(suppress_rule::unused);
    for (std::size_t i = 0; i < scan_.suppressions.size(); ++i) {
        const Suppression& s = scan_.suppressions[i];
        if (used_[i] || disabled_rules.count(s.rule_id) > 0) continue;
        Text message =
            s.scope == Suppression::Scope::file
                ? Text{fmt::format("suppression of {} matches no finding in this file", s.rule_id),
                       fmt::format("{} の抑制に該当する指摘がこのファイルにありません", s.rule_id)}
                : Text{fmt::format("suppression of {} matches no finding on line {}", s.rule_id,
                                   s.target_line),
                       fmt::format("{} の抑制に該当する指摘が {} 行目にありません", s.rule_id,
                                   s.target_line)};
        out.push_back(Finding{std::string(unused->id), unused->severity, source_.path(), s.pos,
                              std::move(message), unused->hint});
    }
    for (Finding& f : scan_.problems) out.push_back(std::move(f));
    scan_.problems.clear();
    return out;
}

void apply_suppressions(std::vector<Finding>& findings, const SourceFile& source,
                        const std::set<std::string>& disabled_rules) {
    SuppressionMatcher matcher(source);
    std::erase_if(findings, [&](const Finding& f) { return matcher.covers(f); });
    for (Finding& f : matcher.remaining_findings(disabled_rules)) findings.push_back(std::move(f));
}

}  // namespace maplan
