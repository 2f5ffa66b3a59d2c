// Adapts the lib/mail parsers to what the live check needs: lookup terms, report domains, and
// problems with a 1-based column instead of a byte offset.
#include "domain/records.hpp"

#include <algorithm>
#include <cctype>

#include "core/source.hpp"
#include "mail/dmarc.hpp"
#include "mail/spf.hpp"

namespace maplan::domain {

namespace {

std::size_t column_of(std::string_view record, std::size_t offset) {
    return utf8_length(record.substr(0, std::min(offset, record.size()))) + 1;
}

std::vector<RecordProblem> problems_of(std::string_view record, const mail::Problems& problems) {
    std::vector<RecordProblem> out;
    for (const mail::Problem& p : problems)
        out.push_back({p.severity, column_of(record, p.offset), p.message});
    return out;
}

}  // namespace

SpfView view_spf(std::string_view record) {
    mail::SpfRecord parsed = mail::parse_spf(record);
    SpfView view;
    view.problems = problems_of(record, parsed.problems);
    view.permerror =
        std::any_of(parsed.problems.begin(), parsed.problems.end(),
                    [](const mail::Problem& p) { return p.severity == Severity::error; });
    for (const mail::SpfLookup& l : mail::spf_lookups(parsed)) {
        view.lookups.push_back({l.kind, parsed.terms[l.term_index].text, l.target, l.has_macros});
    }
    return view;
}

DmarcView view_dmarc(std::string_view record) {
    mail::DmarcRecord parsed = mail::parse_dmarc(record);
    DmarcView view;
    view.problems = problems_of(record, parsed.problems);
    view.valid = parsed.is_dmarc && !parsed.policy.empty();
    view.policy = parsed.policy;
    for (const mail::DmarcTag& t : parsed.tags) {
        std::string name = t.name;
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        view.tags.emplace_back(name, t.value);
    }
    for (const mail::DmarcReportUri& u : mail::dmarc_report_uris(parsed)) {
        if (u.uri.domain.empty()) continue;
        if (std::find(view.report_domains.begin(), view.report_domains.end(), u.uri.domain) ==
            view.report_domains.end())
            view.report_domains.push_back(u.uri.domain);
    }
    return view;
}

bool is_spf_record(std::string_view txt) {
    if (txt.size() < 6) return false;
    std::string head(txt.substr(0, 6));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head == "v=spf1" && (txt.size() == 6 || txt[6] == ' ');
}

bool is_dmarc_record(std::string_view txt) {
    // Lenient on white space so that a record with a stray leading space is reported by the
    // parser instead of being silently discarded as "not DMARC".
    std::size_t i = 0;
    auto skip = [&] {
        while (i < txt.size() && (txt[i] == ' ' || txt[i] == '\t')) ++i;
    };
    skip();
    if (i >= txt.size() || (txt[i] != 'v' && txt[i] != 'V')) return false;
    ++i;
    skip();
    if (i >= txt.size() || txt[i] != '=') return false;
    ++i;
    skip();
    if (txt.substr(i, 6) != "DMARC1") return false;
    i += 6;
    return i == txt.size() || txt[i] == ';' || txt[i] == ' ' || txt[i] == '\t';
}

}  // namespace maplan::domain
