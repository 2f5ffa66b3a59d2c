// Renderers of the domain-check report: text for a terminal, Markdown for a hand-over, JSON for
// scripts (shape in docs/domain.md). Record contents come from DNS, i.e. from someone else: text
// output shows control characters as \xNN so a TXT record cannot drive the terminal.
#include <fmt/format.h>

#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "domain/check.hpp"
#include "domain/records.hpp"

namespace maplan::domain {

std::optional<Format> parse_format(std::string_view name) {
    if (name == "text") return Format::text;
    if (name == "md" || name == "markdown") return Format::markdown;
    if (name == "json") return Format::json;
    return std::nullopt;
}

namespace {

std::string printable(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

struct Style {
    bool on;
    std::string wrap(std::string_view code, std::string_view text) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

std::string_view severity_color(Severity s) {
    return s == Severity::error ? "1;31" : s == Severity::warning ? "1;35" : "1;36";
}

/// The records a reader wants to see per kind: the SPF and DMARC records themselves (not every
/// TXT record at the apex, nor the include tree), DKIM keys, MX, and the three policy records.
struct Shown {
    RecordKind kind;
    std::string name;
    std::vector<std::string> values;
    dns::Status status;
};

std::vector<Shown> shown_records(const DomainResult& d) {
    std::vector<Shown> out;
    for (const RecordView& r : d.records) {
        bool primary = false;
        std::vector<std::string> values;
        switch (r.kind) {
            case RecordKind::spf:
                primary = r.name == d.domain && r.type == dns::RrType::txt;
                for (const std::string& v : r.values)
                    if (is_spf_record(v)) values.push_back(v);
                break;
            case RecordKind::dmarc:
                primary = r.name.rfind("_dmarc.", 0) == 0;
                for (const std::string& v : r.values)
                    if (is_dmarc_record(v)) values.push_back(v);
                break;
            case RecordKind::mx:
                primary = r.name == d.domain;
                values = r.values;
                break;
            default:
                primary = true;
                values = r.values;
        }
        if (!primary) continue;
        // A fallback DMARC query that found nothing adds nothing to the picture.
        if (r.kind == RecordKind::dmarc && values.empty() && r.name != "_dmarc." + d.domain &&
            !dns::is_failure(r.status))
            continue;
        out.push_back({r.kind, r.name, values, r.status});
    }
    return out;
}

std::string none_label(dns::Status status, Lang lang) {
    switch (status) {
        case dns::Status::nxdomain:
            return lang == Lang::ja ? "(なし: NXDOMAIN)" : "(none: NXDOMAIN)";
        case dns::Status::servfail:
            return lang == Lang::ja ? "(失敗: SERVFAIL)" : "(failed: SERVFAIL)";
        case dns::Status::refused:
            return lang == Lang::ja ? "(失敗: REFUSED)" : "(failed: REFUSED)";
        case dns::Status::timeout:
            return lang == Lang::ja ? "(失敗: タイムアウト)" : "(failed: timeout)";
        case dns::Status::unreachable:
            return lang == Lang::ja ? "(失敗: 接続拒否)" : "(failed: unreachable)";
        case dns::Status::error:
            return lang == Lang::ja ? "(失敗)" : "(failed)";
        default:
            return lang == Lang::ja ? "(なし)" : "(none)";
    }
}

std::string dkim_summary(const DkimKey& k, Lang lang) {
    if (k.revoked) return lang == Lang::ja ? "失効 (p= が空)" : "revoked (empty p=)";
    if (k.bits == 0) return lang == Lang::ja ? "鍵を読めません" : "key not readable";
    if (k.key_type == "ed25519") return "Ed25519";
    return lang == Lang::ja ? fmt::format("RSA {} ビット", k.bits)
                            : fmt::format("RSA {} bits", k.bits);
}

std::string spf_summary(const DomainResult& d, Lang lang) {
    std::vector<std::string> costs;
    for (const SpfCost& c : d.spf_costs)
        costs.push_back(lang == Lang::ja ? fmt::format("{} {} 回", printable(c.term), c.lookups)
                                         : fmt::format("{} {}", printable(c.term), c.lookups));
    std::string more = d.spf_counting_stopped ? "+" : "";
    std::string out =
        lang == Lang::ja
            ? fmt::format("DNS 参照 {}{}/10、空参照 {}/2", d.spf_lookups, more, d.spf_voids)
            : fmt::format("lookups {}{}/10, void lookups {}/2", d.spf_lookups, more, d.spf_voids);
    if (!costs.empty())
        out += fmt::format(" ({})", fmt::join(costs, lang == Lang::ja ? "、" : ", "));
    return out;
}

std::string summary_line(const DomainReport& report, Lang lang) {
    std::size_t errors = report.count(Severity::error), warnings = report.count(Severity::warning),
                infos = report.count(Severity::info), n = report.domains.size();
    if (lang == Lang::ja) {
        return fmt::format(
            "{} ドメインを検査 (DNS 問い合わせ {} 件、{}): エラー {} 件、警告 {} "
            "件、情報 {} 件{}\n",
            n, report.queries, report.server, errors, warnings, infos,
            report.dns_failure() ? "。DNS の失敗により検査は未完了です" : "");
    }
    return fmt::format(
        "{} domain{} checked ({} DNS quer{} to {}): {} error{}, {} warning{}, {} "
        "info{}\n",
        n, n == 1 ? "" : "s", report.queries, report.queries == 1 ? "y" : "ies", report.server,
        errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", infos,
        report.dns_failure() ? "; DNS failures left the check incomplete" : "");
}

std::string render_text(const DomainReport& report, Lang lang, bool color) {
    Style style{color};
    std::string out;
    std::string plan_path = report.plan ? report.plan->path() : "";
    for (const DomainResult& d : report.domains) {
        out += style.wrap("1", d.domain) + "\n";
        for (const Shown& s : shown_records(d)) {
            std::string label = std::string(to_string(s.kind));
            std::string pad(label.size() < 8 ? 8 - label.size() : 1, ' ');
            if (s.kind == RecordKind::dkim) {
                std::string selector = s.name.substr(0, s.name.find("._domainkey."));
                std::string line = s.values.empty() ? none_label(s.status, lang) : "";
                for (const DkimKey& k : d.dkim)
                    if (k.name == s.name) line = dkim_summary(k, lang);
                out += fmt::format("  {}{}{}: {}\n", label, pad, selector, line);
                continue;
            }
            if (s.values.empty()) {
                out += fmt::format("  {}{}{}\n", label, pad, none_label(s.status, lang));
            }
            for (const std::string& v : s.values)
                out += fmt::format("  {}{}{}\n", label, pad, printable(v));
            if (s.kind == RecordKind::spf && d.spf_lookups >= 0)
                out += fmt::format("  {}{}\n", std::string(8, ' '), spf_summary(d, lang));
        }
        for (const DomainFinding& f : d.findings) {
            std::string where = f.plan_pos.known() ? fmt::format("{}:{}:{}", plan_path,
                                                                 f.plan_pos.line, f.plan_pos.column)
                                                   : d.domain;
            out += fmt::format(
                "{}: {}: {} {}\n", style.wrap("1", where),
                style.wrap(severity_color(f.severity), severity_label(f.severity, lang)),
                printable(f.message.in(lang)), style.wrap("2", fmt::format("[{}]", f.id)));
            if (f.plan_pos.known() && report.plan && f.plan_pos.line <= report.plan->line_count()) {
                std::string_view line = report.plan->line(f.plan_pos.line);
                std::string number = fmt::format("{}", f.plan_pos.line);
                std::size_t offset = report.plan->offset_of(f.plan_pos) -
                                     report.plan->offset_of(SourcePos{f.plan_pos.line, 1});
                out += fmt::format(" {} | {}\n", number, line);
                out += fmt::format(" {} | {}{}\n", std::string(number.size(), ' '),
                                   std::string(display_width(line.substr(0, offset)), ' '),
                                   style.wrap("1;32", "^"));
            }
            if (!f.hint.empty())
                out += fmt::format("  {} {}\n",
                                   style.wrap("1;36", lang == Lang::ja ? "ヒント:" : "hint:"),
                                   f.hint.in(lang));
        }
        out += "\n";
    }
    out += summary_line(report, lang);
    return out;
}

std::string render_markdown(const DomainReport& report, Lang lang) {
    std::string out =
        lang == Lang::ja ? "# 送信ドメインの DNS 検査\n\n" : "# Sending-domain DNS check\n\n";
    std::string plan_path = report.plan ? report.plan->path() : "";
    for (const DomainResult& d : report.domains) {
        out += fmt::format("## {}\n\n", markdown_escape(d.domain));
        out += lang == Lang::ja ? "| 種類 | 名前 | 値 |\n|---|---|---|\n"
                                : "| record | name | value |\n|---|---|---|\n";
        for (const Shown& s : shown_records(d)) {
            std::string value;
            if (s.kind == RecordKind::dkim) {
                value = s.values.empty() ? none_label(s.status, lang) : "";
                for (const DkimKey& k : d.dkim)
                    if (k.name == s.name) value = dkim_summary(k, lang);
            } else if (s.values.empty()) {
                value = none_label(s.status, lang);
            } else {
                std::vector<std::string> parts;
                for (const std::string& v : s.values) parts.push_back(markdown_escape(v));
                value = fmt::format("{}", fmt::join(parts, " / "));
                if (s.kind == RecordKind::spf && d.spf_lookups >= 0)
                    value += " — " + markdown_escape(spf_summary(d, lang));
                out += fmt::format("| {} | {} | {} |\n", to_string(s.kind), markdown_escape(s.name),
                                   value);
                continue;
            }
            out += fmt::format("| {} | {} | {} |\n", to_string(s.kind), markdown_escape(s.name),
                               markdown_escape(value));
        }
        out += "\n";
        if (d.findings.empty()) {
            out += lang == Lang::ja ? "指摘はありません。\n\n" : "No findings.\n\n";
            continue;
        }
        for (const DomainFinding& f : d.findings) {
            std::string where = f.plan_pos.known()
                                    ? fmt::format(" ({}:{}:{})", markdown_escape(plan_path),
                                                  f.plan_pos.line, f.plan_pos.column)
                                    : "";
            out += fmt::format("- **{}** `{}`{}: {}\n", severity_label(f.severity, lang), f.id,
                               where, markdown_escape(f.message.in(lang)));
        }
        out += "\n";
    }
    out += summary_line(report, lang);
    return out;
}

std::string render_json(const DomainReport& report, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("version").value(1);
    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    w.key("server").value(report.server);
    w.key("queries").value(report.queries);
    w.key("dns_failure").value(report.dns_failure());
    w.key("summary").begin_object();
    w.key("errors").value(report.count(Severity::error));
    w.key("warnings").value(report.count(Severity::warning));
    w.key("info").value(report.count(Severity::info));
    w.end_object();
    w.key("domains").begin_array();
    for (const DomainResult& d : report.domains) {
        w.begin_object();
        w.key("domain").value(d.domain);
        w.key("dns_failure").value(d.dns_failure);
        w.key("compared_with_plan").value(d.compared_with_plan);
        w.key("records").begin_array();
        for (const RecordView& r : d.records) {
            w.begin_object();
            w.key("kind").value(to_string(r.kind));
            w.key("name").value(r.name);
            w.key("type").value(dns::to_string(r.type));
            w.key("status").value(dns::to_string(r.status));
            w.key("values").begin_array();
            for (const std::string& v : r.values) w.value(v);
            w.end_array();
            w.end_object();
        }
        w.end_array();
        w.key("spf");
        if (d.spf_lookups < 0) {
            w.null();
        } else {
            w.begin_object();
            w.key("lookups").value(d.spf_lookups);
            w.key("void_lookups").value(d.spf_voids);
            w.key("counting_stopped").value(d.spf_counting_stopped);
            w.key("terms").begin_array();
            for (const SpfCost& c : d.spf_costs) {
                w.begin_object();
                w.key("term").value(c.term);
                w.key("lookups").value(c.lookups);
                w.key("void_lookups").value(c.voids);
                w.end_object();
            }
            w.end_array();
            w.end_object();
        }
        w.key("dkim").begin_array();
        for (const DkimKey& k : d.dkim) {
            w.begin_object();
            w.key("selector").value(k.selector);
            w.key("name").value(k.name);
            w.key("key_type").value(k.key_type);
            w.key("bits").value(k.bits);
            w.key("revoked").value(k.revoked);
            w.end_object();
        }
        w.end_array();
        w.key("findings").begin_array();
        for (const DomainFinding& f : d.findings) {
            w.begin_object();
            w.key("id").value(f.id);
            w.key("severity").value(to_string(f.severity));
            w.key("record").value(to_string(f.record));
            w.key("name").value(f.name);
            w.key("message").value(f.message.in(lang));
            if (!f.hint.empty()) w.key("hint").value(f.hint.in(lang));
            if (f.plan_pos.known()) {
                w.key("plan").begin_object();
                w.key("file").value(report.plan ? report.plan->path() : "");
                w.key("line").value(static_cast<long long>(f.plan_pos.line));
                w.key("column").value(static_cast<long long>(f.plan_pos.column));
                w.end_object();
            }
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.str();
}

}  // namespace

std::string render(const DomainReport& report, Format format, Lang lang, bool color) {
    switch (format) {
        case Format::text:
            return render_text(report, lang, color);
        case Format::markdown:
            return render_markdown(report, lang);
        case Format::json:
            return render_json(report, lang);
    }
    return {};
}

}  // namespace maplan::domain
