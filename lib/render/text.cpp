// Compiler-style text: `file:line:col: severity: message [RULE-ID]`, the source line, a caret
// under the column (aligned by display width, so Japanese lines line up), and a hint.
#include <fmt/format.h>

#include <set>

#include "core/escape.hpp"
#include "render/report.hpp"

namespace maplan::render {

namespace {

struct Style {
    bool on;
    std::string wrap(std::string_view code, std::string_view text) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

std::string_view severity_color(Severity s) {
    switch (s) {
        case Severity::error:
            return "1;31";
        case Severity::warning:
            return "1;35";
        case Severity::info:
            return "1;36";
    }
    return "1";
}

std::string location(const std::string& path, SourcePos pos) {
    if (!pos.known()) return path;
    return fmt::format("{}:{}:{}", path, pos.line, pos.column);
}

/// The excerpt is a window around the caret, never the whole line: a minified one-line plan
/// would otherwise repeat megabytes per finding.
constexpr std::uint32_t excerpt_before = 40;  // code points shown before the caret
constexpr std::uint32_t excerpt_total = 100;  // code points shown at most

void quote_source(std::string& out, const SourceFile* source, SourcePos pos, const Style& style) {
    if (source == nullptr || !pos.known() || pos.line > source->line_count()) return;
    std::string_view line = source->line(pos.line);
    if (line.empty()) return;
    std::string number = fmt::format("{}", pos.line);
    std::string gutter(number.size(), ' ');
    const std::size_t line_start = source->offset_of(SourcePos{pos.line, 1});
    std::uint32_t first_col =
        pos.column > excerpt_before + 1 ? pos.column - excerpt_before : std::uint32_t{1};
    std::size_t begin = source->offset_of(SourcePos{pos.line, first_col}) - line_start;
    std::size_t caret = source->offset_of(pos) - line_start;
    std::size_t end =
        source->offset_of(SourcePos{pos.line, first_col + excerpt_total}) - line_start;
    std::string before =
        (begin > 0 ? "…" : "") + terminal_escape(line.substr(begin, caret - begin));
    std::string rest =
        terminal_escape(line.substr(caret, end - caret)) + (end < line.size() ? "…" : "");
    out += fmt::format(" {} | {}{}\n", number, before, rest);
    out += fmt::format(" {} | {}{}\n", gutter, std::string(display_width(before), ' '),
                       style.wrap("1;32", "^"));
}

}  // namespace

std::string render_text(const Report& report, const RenderOptions& options) {
    Style style{options.color};
    const Lang lang = options.lang;
    std::string out;
    for (const FileResult& file : report.files) {
        // Plan text (paths, IDs and names quoted in messages) is escaped: see terminal_escape.
        std::string path = terminal_escape(display_path(file));
        if (file.fatal) {
            out += fmt::format(
                "{}: {}: {}", style.wrap("1", location(path, file.fatal->pos)),
                style.wrap(severity_color(Severity::error), severity_label(Severity::error, lang)),
                terminal_escape(file.fatal->message.in(lang)));
            // An input-method slip is told by rule, and shown: the character is hard to see.
            if (!file.fatal->rule_id.empty()) {
                out +=
                    fmt::format(" {}\n", style.wrap("2", fmt::format("[{}]", file.fatal->rule_id)));
                quote_source(out, file.source.get(), file.fatal->pos, style);
            } else {
                out += "\n";
            }
            continue;
        }
        // The source line is quoted once per position: plan-wide findings share their section's
        // key, and the same line 11 times over hides the messages.
        std::set<SourcePos> quoted;
        for (const Finding& f : file.findings) {
            out += fmt::format(
                "{}: {}: {} {}\n", style.wrap("1", location(path, f.pos)),
                style.wrap(severity_color(f.severity), severity_label(f.severity, lang)),
                terminal_escape(f.message.in(lang)),
                style.wrap("2", fmt::format("[{}]", f.rule_id)));
            if (quoted.insert(f.pos).second) quote_source(out, file.source.get(), f.pos, style);
            if (!f.hint.empty()) {
                out += fmt::format("  {} {}\n",
                                   style.wrap("1;36", lang == Lang::ja ? "ヒント:" : "hint:"),
                                   terminal_escape(f.hint.in(lang)));
            }
        }
        for (const OmittedSummary& o : omitted_by_rule(file)) {
            out += fmt::format("{}: {}\n", style.wrap("1", path),
                               omitted_line(o, file.max_findings_per_rule).in(lang));
        }
    }
    std::size_t errors = report.count(Severity::error), warnings = report.count(Severity::warning),
                infos = report.count(Severity::info), unreadable = report.unreadable();
    if (lang == Lang::ja) {
        out += fmt::format("{} ファイルを検査: エラー {} 件、警告 {} 件、情報 {} 件",
                           report.files.size(), errors, warnings, infos);
        if (unreadable > 0) out += fmt::format("、読めないファイル {} 件", unreadable);
    } else {
        out += fmt::format("{} file{} checked: {} error{}, {} warning{}, {} info",
                           report.files.size(), report.files.size() == 1 ? "" : "s", errors,
                           errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", infos);
        if (unreadable > 0) out += fmt::format(", {} unreadable", unreadable);
    }
    out += "\n";
    return out;
}

std::string render_compact(const Report& report, const RenderOptions& options) {
    const Lang lang = options.lang;
    std::string out;
    for (const FileResult& file : report.files) {
        std::string path = terminal_escape(display_path(file));
        if (file.fatal) {
            out += fmt::format("{}: {}: {}", location(path, file.fatal->pos),
                               severity_label(Severity::error, lang),
                               terminal_escape(file.fatal->message.in(lang)));
            if (!file.fatal->rule_id.empty()) out += fmt::format(" [{}]", file.fatal->rule_id);
            out += "\n";
            continue;
        }
        for (const Finding& f : file.findings) {
            out += fmt::format("{}: {}: {} [{}]\n", location(path, f.pos),
                               severity_label(f.severity, lang),
                               terminal_escape(f.message.in(lang)), f.rule_id);
        }
        for (const OmittedSummary& o : omitted_by_rule(file)) {
            out +=
                fmt::format("{}: {}\n", path, omitted_line(o, file.max_findings_per_rule).in(lang));
        }
    }
    return out;
}

}  // namespace maplan::render
