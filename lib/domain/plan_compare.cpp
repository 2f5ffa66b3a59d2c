// With --plan: does DNS hold what the plan's `email:` block says? Findings point at the plan.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "domain/check.hpp"
#include "domain/records.hpp"
#include "mail/txt.hpp"

namespace maplan::domain {

namespace {

/// SPF terms are case-insensitive (RFC 7208 §4.6.1, except macro letters, which no plan uses to
/// differ only in case) and separated by any run of spaces.
std::vector<std::string> spf_terms(std::string_view record) {
    std::vector<std::string> out;
    std::istringstream in{std::string(record)};
    std::string term;
    while (in >> term) {
        for (char& c : term) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back(term);
    }
    return out;
}

void add(DomainResult& r, std::string_view id, RecordKind kind, std::string name, SourcePos pos,
         Text message, Text hint = {}) {
    const CheckDescriptor* c = find_check(id);
    r.findings.push_back({std::string(id), c->severity, kind, std::move(name), std::move(message),
                          std::move(hint), pos});
}

std::string shown_tags(const std::vector<std::pair<std::string, std::string>>& tags) {
    std::vector<std::string> parts;
    for (const auto& [n, v] : tags) parts.push_back(n + "=" + v);
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

void compare_with_plan(DomainResult& result, const std::vector<std::string>& spf_records,
                       const std::vector<std::string>& dmarc_records, const CheckOptions& options) {
    const Email* email = options.plan->email ? &*options.plan->email : nullptr;
    const std::string& d = result.domain;
    if (email == nullptr || !email->sending_domain.present()) {
        add(result, "DNS-063", RecordKind::domain, d, email ? email->pos : SourcePos{1, 1},
            {fmt::format("the plan has no email.sending_domain, so nothing was compared for {}", d),
             fmt::format("計画に email.sending_domain がないため、{} は比較していません", d)},
            {"Add `email: {sending_domain: ...}` to the plan.",
             "計画に `email: {sending_domain: ...}` を書いてください。"});
        return;
    }
    std::string planned = email->sending_domain.value;
    for (char& c : planned) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!planned.empty() && planned.back() == '.') planned.pop_back();
    if (planned != d) {
        add(result, "DNS-063", RecordKind::domain, d, email->sending_domain.pos,
            {fmt::format("{} is not the plan's sending domain ({}), so nothing was compared", d,
                         email->sending_domain.value),
             fmt::format("{} は計画の送信ドメイン ({}) ではないため、比較していません", d,
                         email->sending_domain.value)});
        return;
    }
    result.compared_with_plan = true;
    // The plan may write a record as the zone-file strings ("..." "..."): compare what DNS
    // would hand a receiver, the strings joined.
    const std::string planned_spf = mail::read_txt(email->spf.value).text;
    const std::string planned_dmarc = mail::read_txt(email->dmarc.value).text;
    if (email->spf.present() &&
        result.findings.end() == std::find_if(result.findings.begin(), result.findings.end(),
                                              [](const DomainFinding& f) {
                                                  return f.id == "DNS-001" || f.id == "DNS-011";
                                              })) {
        if (spf_records.empty()) {
            add(result, "DNS-060", RecordKind::spf, d, email->spf.pos,
                {fmt::format("the plan's SPF record is not published: {} has no TXT record "
                             "starting with \"v=spf1\"",
                             d),
                 fmt::format("計画の SPF レコードが公開されていません。{} に「v=spf1」で始まる "
                             "TXT レコードがありません",
                             d)},
                {"Publish the record, or correct the plan.",
                 "レコードを公開するか、計画を直してください。"});
        } else if (spf_terms(spf_records.front()) != spf_terms(planned_spf)) {
            add(result, "DNS-060", RecordKind::spf, d, email->spf.pos,
                {fmt::format("DNS holds \"{}\" at {}; the plan says \"{}\"", spf_records.front(), d,
                             email->spf.value),
                 fmt::format("{} の DNS は「{}」ですが、計画は「{}」です", d, spf_records.front(),
                             email->spf.value)},
                {"Update DNS or the plan so that they agree.",
                 "DNS か計画を直して一致させてください。"});
        }
    }
    std::string dmarc_name = "_dmarc." + d;
    if (email->dmarc.present() && dmarc_records.size() <= 1) {
        if (dmarc_records.empty()) {
            add(result, "DNS-061", RecordKind::dmarc, dmarc_name, email->dmarc.pos,
                {fmt::format("the plan's DMARC record is not published: {} has no \"v=DMARC1\" "
                             "record",
                             dmarc_name),
                 fmt::format("計画の DMARC レコードが公開されていません。{} に「v=DMARC1」の"
                             "レコードがありません",
                             dmarc_name)},
                {"Publish the record, or correct the plan.",
                 "レコードを公開するか、計画を直してください。"});
        } else {
            // Tags compare as a set: their order does not matter after v= (RFC 7489 §6.3).
            auto in_dns = view_dmarc(dmarc_records.front()).tags;
            auto in_plan = view_dmarc(planned_dmarc).tags;
            auto sorted = [](auto tags) {
                std::sort(tags.begin(), tags.end());
                return tags;
            };
            if (sorted(in_dns) != sorted(in_plan)) {
                add(result, "DNS-061", RecordKind::dmarc, dmarc_name, email->dmarc.pos,
                    {fmt::format("DNS holds \"{}\" at {}; the plan says \"{}\"", shown_tags(in_dns),
                                 dmarc_name, shown_tags(in_plan)),
                     fmt::format("{} の DNS は「{}」ですが、計画は「{}」です", dmarc_name,
                                 shown_tags(in_dns), shown_tags(in_plan))},
                    {"Update DNS or the plan so that they agree.",
                     "DNS か計画を直して一致させてください。"});
            }
        }
    }
    if (email->dkim && email->dkim->selector.present() && email->dkim->key_bits.present()) {
        const Dkim& planned_key = *email->dkim;
        for (const DkimKey& k : result.dkim) {
            if (k.selector != planned_key.selector.value || k.bits == 0) continue;
            if (k.bits != planned_key.key_bits.value) {
                add(result, "DNS-062", RecordKind::dkim, k.name, planned_key.key_bits.pos,
                    {fmt::format("the DKIM key at {} is {} bits; the plan says {}", k.name, k.bits,
                                 planned_key.key_bits.value),
                     fmt::format("{} の DKIM 鍵は {} ビットですが、計画は {} ビットです", k.name,
                                 k.bits, planned_key.key_bits.value)},
                    {"Update DNS or the plan so that they agree.",
                     "DNS か計画を直して一致させてください。"});
            }
        }
    }
}

}  // namespace maplan::domain
