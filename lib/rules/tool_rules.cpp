// Step 6: tool setup (the MA specialist textbook). Environments and security (TOOL-*), contracts
// and integrations (TOOL-*), and email sending (MAIL-*): sender authentication per RFC 7208 (SPF),
// RFC 7489 and RFC 9989 (DMARC), RFC 8301 (DKIM), the mailbox providers' bulk-sender rules, IP
// warming, and the sender display required by Japan's Specified Electronic Mail Act §4.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/scalar_position.hpp"
#include "mail/dmarc.hpp"
#include "mail/spf.hpp"
#include "mail/spf_budget.hpp"
#include "mail/txt.hpp"
#include "rules/families.hpp"

namespace maplan::rules {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string_view>& items, std::string_view sep) {
    return fmt::format("{}", fmt::join(items, sep));
}

// ----- environments, security, contracts, integrations -----

void check_sandbox(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.environments) {
        ctx.report({}, {"no development or sandbox environment is planned: test mail may reach "
                        "customers",
                        "開発・検証環境が計画されておらず、テストメールが顧客に届くおそれがあり"
                        "ます"});
        return;
    }
    if (p.environments->sandbox.value) return;
    ctx.report(
        p.environments->sandbox.present() ? p.environments->sandbox.pos : p.environments->pos,
        {"environments has no sandbox: development and production are not separated",
         "environments に sandbox がなく、開発と本番が分離されていません"});
}

void check_security(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.security) {
        ctx.report({}, {"no security settings: IP restriction, per-user roles, audit log and "
                        "encryption are not planned",
                        "セキュリティ設定がありません。IP 制限・ユーザー別権限・操作ログ・暗号化が"
                        "計画されていません"});
        return;
    }
    const Security& s = *p.security;
    std::vector<std::string_view> off;
    SourcePos at;  // the first setting written as false, else the security mapping
    for (auto [name, value] :
         {std::pair<std::string_view, const LBool*>{"ip_restriction", &s.ip_restriction},
          {"per_user_roles", &s.per_user_roles},
          {"audit_log", &s.audit_log},
          {"data_encryption", &s.data_encryption},
          {"encrypted_transport", &s.encrypted_transport}}) {
        if (value->value) continue;
        off.push_back(name);
        if (!at.known() && value->present()) at = value->pos;
    }
    if (off.empty()) return;
    ctx.report(at.known() ? at : s.pos,
               {fmt::format("security settings not enabled: {}", join(off, ", ")),
                fmt::format("有効になっていないセキュリティ設定: {}", join(off, ", "))});
}

void check_processing_agreement(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.contracts) {
        ctx.report({}, {"the personal-data processing agreement with the vendor is not recorded",
                        "ベンダーとの個人情報の取扱いに関する契約が記載されていません"});
        return;
    }
    const LString& dpa = p.contracts->personal_data_processing_agreement;
    if (dpa.value == "signed" || dpa.value == "not_needed") return;
    if (!dpa.present()) {
        ctx.report(p.contracts->pos,
                   {"contracts does not record the personal-data processing agreement",
                    "contracts に個人情報の取扱いに関する契約の状況がありません"});
        return;
    }
    ctx.report(
        dpa.pos,
        {fmt::format("the personal-data processing agreement is {}, not signed", dpa.value),
         fmt::format("個人情報の取扱いに関する契約が {} で、締結されていません", dpa.value)});
}

void check_capabilities(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.contracts) return;
    const auto& have = p.contracts->capabilities_in_contract;
    for (const LString& need : p.contracts->capabilities_required) {
        bool found = std::any_of(have.begin(), have.end(),
                                 [&](const LString& h) { return h.value == need.value; });
        if (found) continue;
        ctx.report(
            need.pos,
            {fmt::format("capability \"{}\" is required but not in the contract", need.value),
             fmt::format("機能「{}」は計画の前提ですが、契約に含まれていません", need.value)});
    }
}

std::string integration_label(const Integration& i) {
    if (i.system.present()) return i.system.value;
    if (i.channel.present()) return i.channel.value;
    return "?";
}

void check_integration_owner(RuleContext& ctx) {
    for (const Integration& i : ctx.project.integrations) {
        if (i.owner.present()) continue;
        ctx.report(i.pos, {fmt::format("integration \"{}\" has no owner", integration_label(i)),
                           fmt::format("連携「{}」に構築担当 (owner) がありません",
                                       integration_label(i))});
    }
}

void check_systems_department(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.integrations.empty()) return;
    for (const Integration& i : p.integrations) {
        const Stakeholder* s = p.find_stakeholder(i.owner.value);
        if (s != nullptr && s->kind.value == "internal_systems") return;
    }
    ctx.report(p.integrations.front().pos,
               {fmt::format("none of the {} integration(s) is owned by the internal-systems "
                            "department",
                            p.integrations.size()),
                fmt::format("{} 件の連携のどれも、社内システム管理部門が担当していません",
                            p.integrations.size())});
}

void check_id_mapping(RuleContext& ctx) {
    for (const Integration& i : ctx.project.integrations) {
        if (i.id_mapping.present()) continue;
        ctx.report(i.pos, {fmt::format("integration \"{}\" has no id_mapping from the MA customer "
                                       "ID",
                                       integration_label(i)),
                           fmt::format("連携「{}」に MA の顧客 ID との対応 (id_mapping) が"
                                       "ありません",
                                       integration_label(i))});
    }
}

// ----- email -----

void check_no_email(RuleContext& ctx) {
    if (ctx.project.email) return;
    ctx.report({}, {"email sending is not set up (sending domain, authentication, sender display)",
                    "メール配信の設定 (送信ドメイン・認証・送信者表示) がありません"});
}

void check_spf_or_dkim(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || p.email->spf.present() || p.email->dkim) return;
    ctx.report(p.email->pos, {fmt::format("sending domain \"{}\" has neither SPF nor DKIM",
                                          p.email->sending_domain.value),
                              fmt::format("送信ドメイン「{}」に SPF も DKIM もありません",
                                          p.email->sending_domain.value)});
}

// ----- SPF and DMARC: the records are parsed by ma_plan_mail; these checks place its problems
// on the term inside the YAML scalar (core/scalar_position.hpp) and split them by rule. -----

/// A TXT record as written in the plan, parsed once per check.
struct PlanTxt {
    const LString& scalar;
    mail::TxtRecord txt;
};

/// Line breaks at the end of the value come from YAML block scalars (`|` keeps one), not from
/// the record; a line break inside the record is a real error and stays.
PlanTxt plan_txt(const LString& scalar) {
    std::string_view value = scalar.value;
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.remove_suffix(1);
    return {scalar, mail::read_txt(value)};
}

/// File position of byte `value_offset` of the scalar's value.
SourcePos value_pos(const Project& p, const LString& scalar, std::size_t value_offset) {
    if (!p.source) return scalar.pos;
    return scalar_position(*p.source, scalar.pos, scalar.value, value_offset);
}

/// File position of byte `text_offset` of the record (the TXT strings joined).
SourcePos record_pos(const Project& p, const PlanTxt& r, std::size_t text_offset) {
    return value_pos(p, r.scalar, r.txt.value_offset(text_offset));
}

/// TXT-level errors (quoting) belong to the record's syntax rule; lengths go to MAIL-006.
void report_txt_errors(RuleContext& ctx, const PlanTxt& r) {
    for (const mail::Problem& pr : r.txt.problems) {
        if (pr.severity != Severity::error) continue;
        ctx.report(value_pos(ctx.project, r.scalar, pr.offset), pr.message);
    }
}

void check_spf_syntax(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->spf.present()) return;
    PlanTxt r = plan_txt(p.email->spf);
    report_txt_errors(ctx, r);
    for (const mail::Problem& pr : mail::parse_spf(r.txt.text).problems) {
        if (pr.severity == Severity::error) ctx.report(record_pos(p, r, pr.offset), pr.message);
    }
}

/// One line of the lookup breakdown: "include:mktomail.com 1 (Adobe Marketo Engage, 2026-02-27)".
Text charge_text(const mail::LookupCharge& c) {
    if (!c.needs_nested) return {fmt::format("{} 1", c.term), fmt::format("{} 1", c.term)};
    if (!c.nested) {
        if (c.entry != nullptr)
            return {fmt::format("{} 1 + unknown ({}, no figure in the catalogue)", c.term,
                                c.entry->vendor),
                    fmt::format("{} 1 + 不明 ({}、カタログに値なし)", c.term, c.entry->vendor)};
        return {fmt::format("{} 1 + unknown (not in the catalogue)", c.term),
                fmt::format("{} 1 + 不明 (カタログにない)", c.term)};
    }
    return {
        fmt::format("{} {} ({}, {})", c.term, 1 + *c.nested, c.entry->vendor, c.entry->measured),
        fmt::format("{} {} ({}、{})", c.term, 1 + *c.nested, c.entry->vendor, c.entry->measured)};
}

Text breakdown(const mail::LookupBudget& b) {
    Text out;
    for (const mail::LookupCharge& c : b.charges) {
        Text t = charge_text(c);
        out.en += (out.en.empty() ? "" : ", ") + t.en;
        out.ja += (out.ja.empty() ? "" : "、") + t.ja;
    }
    return out;
}

struct SpfBudgetCheck {
    PlanTxt record;
    mail::SpfRecord spf;
    mail::LookupBudget budget;
};

std::optional<SpfBudgetCheck> spf_budget(const RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->spf.present()) return std::nullopt;
    PlanTxt r = plan_txt(p.email->spf);
    mail::SpfRecord spf = mail::parse_spf(r.txt.text);
    // A receiver stops at the first syntax error (permerror), so a count would be moot; MAIL-003
    // reports the errors.
    if (!spf.is_spf) return std::nullopt;
    for (const mail::Problem& pr : spf.problems)
        if (pr.severity == Severity::error) return std::nullopt;
    mail::LookupBudget budget = mail::spf_lookup_budget(spf, ctx.thresholds.spf_includes);
    return SpfBudgetCheck{std::move(r), std::move(spf), std::move(budget)};
}

void check_spf_lookups(RuleContext& ctx) {
    auto c = spf_budget(ctx);
    if (!c || !c->budget.over_limit()) return;
    // Point at the term that spends the 11th lookup.
    int running = 0;
    std::size_t at = c->spf.terms.front().offset;
    for (const mail::LookupCharge& ch : c->budget.charges) {
        running += ch.own + ch.nested.value_or(0);
        if (running > mail::spf_max_lookups) {
            at = c->spf.terms[ch.term_index].offset;
            break;
        }
    }
    Text parts = breakdown(c->budget);
    bool unknown = !c->budget.unknown.empty();
    ctx.report(record_pos(ctx.project, c->record, at),
               {fmt::format("SPF record needs {}{} DNS lookups counting nested includes; the limit "
                            "is {}: {}",
                            unknown ? "at least " : "", c->budget.known_total,
                            mail::spf_max_lookups, parts.en),
                fmt::format("SPF レコードは入れ子の include を含めて DNS 参照が {} 回{}必要です。"
                            "上限は {} 回です: {}",
                            c->budget.known_total, unknown ? "以上" : "", mail::spf_max_lookups,
                            parts.ja)});
}

void check_spf_lookups_unknown(RuleContext& ctx) {
    auto c = spf_budget(ctx);
    if (!c || c->budget.over_limit() || c->budget.unknown.empty()) return;
    std::string names = fmt::format("{}", fmt::join(c->budget.unknown, ", "));
    const mail::LookupCharge* first = nullptr;
    for (const mail::LookupCharge& ch : c->budget.charges)
        if (ch.needs_nested && !ch.nested && first == nullptr) first = &ch;
    ctx.report(record_pos(ctx.project, c->record, c->spf.terms[first->term_index].offset),
               {fmt::format("SPF lookups: {} known, plus what {} cost{} beneath {}; the limit is "
                            "{}: {}",
                            c->budget.known_total, names, c->budget.unknown.size() == 1 ? "s" : "",
                            c->budget.unknown.size() == 1 ? "it" : "them", mail::spf_max_lookups,
                            breakdown(c->budget).en),
                fmt::format("SPF の DNS 参照: 判明分 {} 回、加えて {} の内部の参照回数が不明です。"
                            "上限は {} 回です: {}",
                            c->budget.known_total, names, mail::spf_max_lookups,
                            breakdown(c->budget).ja)});
}

void check_spf_risky(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->spf.present()) return;
    PlanTxt r = plan_txt(p.email->spf);
    mail::SpfRecord spf = mail::parse_spf(r.txt.text);
    for (const mail::Problem& pr : spf.problems) {
        if (pr.severity == Severity::warning && pr.code != "spf-record-length")
            ctx.report(record_pos(p, r, pr.offset), pr.message);
    }
    if (!spf.is_spf) return;
    bool has_all = false, has_redirect = false;
    for (const mail::SpfTerm& t : spf.terms) {
        SourcePos at = record_pos(p, r, t.offset);
        if (t.kind == mail::SpfTermKind::mechanism && t.mechanism == mail::SpfMechanism::ptr) {
            ctx.report(at, {"SPF record uses \"ptr\", which is slow, unreliable and discouraged "
                            "by RFC 7208 §5.5",
                            "SPF レコードが「ptr」を使っています。遅く不確実で、RFC 7208 第5.5節"
                            "が使用を推奨していません"});
        }
        if (t.kind == mail::SpfTermKind::mechanism && t.mechanism == mail::SpfMechanism::all) {
            has_all = true;
            if (t.qualifier == mail::SpfQualifier::neutral) {
                ctx.report(at, {"SPF record ends in \"?all\": it asserts nothing about other "
                                "senders",
                                "SPF レコードが「?all」で、他の送信元について何も示していません"});
            }
        }
        has_redirect |= t.kind == mail::SpfTermKind::modifier && t.name == "redirect";
    }
    if (!has_all && !has_redirect) {
        ctx.report(record_pos(p, r, r.txt.text.size()),
                   {"SPF record has no \"all\" term (defaults to \"?all\"); end it with \"-all\" "
                    "or \"~all\"",
                    "SPF レコードに「all」がありません (「?all」と同じ扱い)。「-all」か「~all」"
                    "で終えてください"});
    }
}

void check_txt_length(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email) return;
    for (const LString* record : {&p.email->spf, &p.email->dmarc}) {
        if (!record->present()) continue;
        PlanTxt r = plan_txt(*record);
        for (const mail::Problem& pr : r.txt.problems) {
            if (pr.code == "txt-string-length")
                ctx.report(value_pos(p, *record, pr.offset), pr.message);
        }
        if (record != &p.email->spf) continue;
        for (const mail::Problem& pr : mail::parse_spf(r.txt.text).problems) {
            if (pr.code == "spf-record-length") ctx.report(record_pos(p, r, pr.offset), pr.message);
        }
    }
}

void check_dmarc_syntax(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->dmarc.present()) return;
    PlanTxt r = plan_txt(p.email->dmarc);
    report_txt_errors(ctx, r);
    for (const mail::Problem& pr : mail::parse_dmarc(r.txt.text).problems) {
        if (pr.severity == Severity::error) ctx.report(record_pos(p, r, pr.offset), pr.message);
    }
}

void check_dmarc_warnings(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->dmarc.present()) return;
    PlanTxt r = plan_txt(p.email->dmarc);
    for (const mail::Problem& pr : mail::parse_dmarc(r.txt.text).problems) {
        if (pr.severity == Severity::warning) ctx.report(record_pos(p, r, pr.offset), pr.message);
    }
}

/// An approximation of the organisational domain without the Public Suffix List: the last two
/// labels, or three under the second-level domains Japan and the UK use (example.co.jp).
std::string organisational_domain(std::string_view domain) {
    std::vector<std::string> labels = split(lower(domain), '.');
    std::size_t keep = 2;
    if (labels.size() >= 3 && labels.back().size() == 2) {
        static constexpr std::string_view second_level[] = {"co", "ne", "or",  "ac",  "go", "gr",
                                                            "ed", "lg", "com", "net", "org"};
        for (std::string_view sl : second_level) {
            if (labels[labels.size() - 2] == sl) keep = 3;
        }
    }
    if (labels.size() <= keep) return lower(domain);
    std::string out;
    for (std::size_t i = labels.size() - keep; i < labels.size(); ++i) {
        out += (out.empty() ? "" : ".") + labels[i];
    }
    return out;
}

void check_dmarc_report_domains(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->dmarc.present() || !p.email->sending_domain.present()) return;
    std::string org = organisational_domain(p.email->sending_domain.value);
    PlanTxt r = plan_txt(p.email->dmarc);
    std::vector<std::string> reported;
    for (const mail::DmarcReportUri& u : mail::dmarc_report_uris(mail::parse_dmarc(r.txt.text))) {
        const std::string& domain = u.uri.domain;
        if (organisational_domain(domain) == org ||
            std::find(reported.begin(), reported.end(), domain) != reported.end())
            continue;
        reported.push_back(domain);
        ctx.report(record_pos(p, r, u.uri.offset),
                   {fmt::format("DMARC reports go to another domain, \"{}\"; it must publish "
                                "\"{}._report._dmarc.{}\" to accept them",
                                domain, org, domain),
                    fmt::format("DMARC レポートの送付先「{}」は別ドメインです。受け取るには "
                                "「{}._report._dmarc.{}」のレコードが必要です",
                                domain, org, domain)});
    }
}

bool is_bulk(const RuleContext& ctx) {
    const Project& p = ctx.project;
    return p.email && p.email->daily_volume.present() &&
           p.email->daily_volume.value >= ctx.thresholds.bulk_daily_volume;
}

void check_bulk_auth(RuleContext& ctx) {
    if (!is_bulk(ctx)) return;
    const Email& e = *ctx.project.email;
    std::vector<std::string_view> missing;
    if (!e.spf.present()) missing.push_back("SPF");
    if (!e.dkim) missing.push_back("DKIM");
    if (!e.dmarc.present()) missing.push_back("DMARC");
    if (missing.empty()) return;
    ctx.report(
        e.daily_volume.pos,
        {fmt::format("{:g} messages a day makes a bulk sender (≥ {:g}), which needs SPF, "
                     "DKIM and DMARC; missing: {}",
                     e.daily_volume.value, ctx.thresholds.bulk_daily_volume, join(missing, ", ")),
         fmt::format("1 日 {:g} 通はバルク送信者 ({:g} 通以上) に当たり、SPF・DKIM・DMARC "
                     "がすべて必要です。不足: {}",
                     e.daily_volume.value, ctx.thresholds.bulk_daily_volume, join(missing, ", "))});
}

void check_bulk_unsubscribe(RuleContext& ctx) {
    if (!is_bulk(ctx)) return;
    const Email& e = *ctx.project.email;
    if (e.one_click_unsubscribe.value) return;
    ctx.report(e.one_click_unsubscribe.present() ? e.one_click_unsubscribe.pos : e.daily_volume.pos,
               {fmt::format("{:g} messages a day makes a bulk sender, which needs one-click "
                            "unsubscribe (RFC 8058)",
                            e.daily_volume.value),
                fmt::format("1 日 {:g} 通はバルク送信者に当たり、ワンクリック配信停止 (RFC 8058) "
                            "が必要です",
                            e.daily_volume.value)});
}

const Dkim* dkim_of(const Project& p) {
    return p.email && p.email->dkim && p.email->dkim->key_bits.present() ? &*p.email->dkim
                                                                         : nullptr;
}

void check_dkim_too_short(RuleContext& ctx) {
    const Dkim* d = dkim_of(ctx.project);
    if (d == nullptr || d->key_bits.value >= ctx.thresholds.min_dkim_bits) return;
    ctx.report(d->key_bits.pos,
               {fmt::format("DKIM key of {} bits is below the minimum of {} (RFC 8301)",
                            d->key_bits.value, ctx.thresholds.min_dkim_bits),
                fmt::format("DKIM の鍵長 {} ビットは最小値 {} ビットを下回っています (RFC 8301)",
                            d->key_bits.value, ctx.thresholds.min_dkim_bits)});
}

void check_dkim_weak(RuleContext& ctx) {
    const Dkim* d = dkim_of(ctx.project);
    if (d == nullptr || d->key_bits.value < ctx.thresholds.min_dkim_bits ||
        d->key_bits.value >= ctx.thresholds.recommended_dkim_bits)
        return;
    ctx.report(d->key_bits.pos,
               {fmt::format("DKIM key of {} bits is below the recommended {}", d->key_bits.value,
                            ctx.thresholds.recommended_dkim_bits),
                fmt::format("DKIM の鍵長 {} ビットは推奨の {} ビットを下回っています",
                            d->key_bits.value, ctx.thresholds.recommended_dkim_bits)});
}

void check_dkim_long(RuleContext& ctx) {
    const Dkim* d = dkim_of(ctx.project);
    if (d == nullptr || d->key_bits.value <= ctx.thresholds.recommended_dkim_bits) return;
    ctx.report(d->key_bits.pos,
               {fmt::format("DKIM key of {} bits: some receiving gateways reject keys above {}",
                            d->key_bits.value, ctx.thresholds.recommended_dkim_bits),
                fmt::format("DKIM の鍵長 {} ビット: {} ビットを超える鍵を拒否する受信ゲートウェイ"
                            "があります",
                            d->key_bits.value, ctx.thresholds.recommended_dkim_bits)});
}

void check_ip_warming(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || !p.email->dedicated_ip.value) return;
    const Email& e = *p.email;
    double min_weeks = ctx.thresholds.min_ip_warming_weeks;
    if (!e.ip_warming) {
        ctx.report(e.dedicated_ip.pos, {"dedicated IP without an IP warming plan",
                                        "専用 IP に IP ウォーミングの計画がありません"});
        return;
    }
    if (e.ip_warming->weeks.present() && e.ip_warming->weeks.value < min_weeks) {
        ctx.report(e.ip_warming->weeks.pos,
                   {fmt::format("IP warming of {:g} weeks is shorter than the recommended {:g}",
                                e.ip_warming->weeks.value, min_weeks),
                    fmt::format("IP ウォーミングの期間 {:g} 週は、推奨の {:g} 週に足りません",
                                e.ip_warming->weeks.value, min_weeks)});
    }
    if (e.ip_warming->days_per_week.present() && e.ip_warming->days_per_week.value < 3) {
        ctx.report(e.ip_warming->days_per_week.pos,
                   {fmt::format("IP warming sends on {:g} days a week; send at least 3",
                                e.ip_warming->days_per_week.value),
                    fmt::format("IP ウォーミングの送信が週 {:g} 日です。週 3 日以上送信してくだ"
                                "さい",
                                e.ip_warming->days_per_week.value)});
    }
}

void check_sender_display(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email) return;
    std::vector<std::string_view> missing;
    if (!p.email->sender_name.present()) missing.push_back("sender_name");
    if (!p.email->postal_address.present()) missing.push_back("postal_address");
    if (!p.email->unsubscribe_url.present()) missing.push_back("unsubscribe_url");
    if (missing.empty()) return;
    ctx.report(p.email->pos,
               {fmt::format("email does not define the sender display: {}", join(missing, ", ")),
                fmt::format("メールの送信者表示が定義されていません: {}", join(missing, ", "))});
}

void check_reply_handling(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.email || p.email->reply_handling.present()) return;
    ctx.report(p.email->pos, {"email does not say where customers' replies go (reply_handling)",
                              "返信メールの扱い (reply_handling) が決まっていません"});
}

}  // namespace

std::vector<RuleDescriptor> tool_rules() {
    return {
        {"TOOL-001",
         6,
         Severity::warning,
         {"No sandbox environment", "開発・検証環境がない"},
         {"The MA specialist textbook: development and production are separated so that test mail "
          "never reaches "
          "customers and half-built programs never run on real data.",
          "MAスペシャリスト教科書: "
          "テストメールが顧客に届かないよう、また作りかけのプログラムが実データで動か"
          "ないよう、開発環境と本番環境を分けます。"},
         {"Plan a sandbox (`environments: {sandbox: true, test_recipients: …}`).",
          "検証環境を用意してください (`environments: {sandbox: true, test_recipients: …}`)。"},
         check_sandbox,
         {R"yaml(
environments: {production: true, sandbox: false}
)yaml",
          R"yaml(
environments: {production: true, sandbox: true, test_recipients: 社内のテスト用アドレスのみ}
)yaml"}},
        {"TOOL-002",
         6,
         Severity::warning,
         {"Security settings not enabled", "セキュリティ設定が不十分"},
         {"The MA specialist textbook's environment step: IP address restriction, encrypted "
          "transport, per-user "
          "permissions, encryption of customer data and operation logs. The MA tool holds every "
          "customer's personal data; a leak is the incident nobody planned for (DX station #4).",
          "MAスペシャリスト教科書の環境構築: IP "
          "アドレス制限、通信の暗号化、ユーザー別の権限、顧客データの暗号"
          "化、操作ログ。MA ツールには全顧客の個人データが入ります。漏えいは誰も想定していない"
          "事故になります (DX station 第4回)。"},
         {"Enable the listed settings under `security` (true), or record why not.",
          "`security` の該当項目を true にするか、できない理由を記録してください。"},
         check_security,
         {R"yaml(
security:
  ip_restriction: true
  per_user_roles: true
  data_encryption: true
  encrypted_transport: true
  audit_log: false
)yaml",
          R"yaml(
security:
  ip_restriction: true
  per_user_roles: true
  data_encryption: true
  encrypted_transport: true
  audit_log: true
)yaml"}},
        {"TOOL-003",
         6,
         Severity::warning,
         {"Personal-data processing agreement not signed", "個人情報の取扱い契約が未締結"},
         {"The MA specialist textbook's failure list: the personal-information handling agreement "
          "with the vendor "
          "is discovered late and holds up go-live. Handing customer data to the MA vendor is "
          "outsourcing under APPI and needs the agreement first.",
          "MAスペシャリスト教科書の失敗例: "
          "ベンダーとの個人情報の取扱いに関する契約が後から発覚し、本番開始が"
          "遅れます。MA ベンダーへの顧客データの提供は個人情報保護法上の委託で、先に契約が"
          "必要です。"},
         {"Sign the agreement and set `contracts.personal_data_processing_agreement: signed`.",
          "契約を締結し、`contracts.personal_data_processing_agreement: signed` にしてください。"},
         check_processing_agreement,
         {R"yaml(
contracts: {personal_data_processing_agreement: in_review}
)yaml",
          R"yaml(
contracts: {personal_data_processing_agreement: signed}
)yaml"}},
        {"TOOL-004",
         6,
         Severity::error,
         {"Required capability not in the contract", "前提の機能が契約にない"},
         {"The MA specialist textbook's failure list: capabilities the vendor promised are not in "
          "the contract, "
          "and the plan that relies on them cannot run.",
          "MAスペシャリスト教科書の失敗例: "
          "ベンダーが約束した機能が契約に含まれておらず、それを前提にした計画が"
          "実行できません。"},
         {"Add the capability to the contract, or change the plan.",
          "機能を契約に含めるか、計画を変えてください。"},
         check_capabilities,
         {R"yaml(
contracts:
  personal_data_processing_agreement: signed
  capabilities_in_contract: [メール配信, スコアリング]
  capabilities_required: [メール配信, スコアリング, 専用IP]
)yaml",
          R"yaml(
contracts:
  personal_data_processing_agreement: signed
  capabilities_in_contract: [メール配信, スコアリング, 専用IP]
  capabilities_required: [メール配信, スコアリング, 専用IP]
)yaml"}},
        {"TOOL-005",
         6,
         Severity::warning,
         {"Integration without owner", "構築担当のない連携"},
         {"The MA specialist textbook: customer-data and channel integration is technical work "
          "that needs an "
          "owner; an unowned integration is not built.",
          "MAスペシャリスト教科書: "
          "顧客データ連携とチャネル連携は技術的な作業で、担当が必要です。担当のない"
          "連携は構築されません。"},
         {"Add `owner:` (a stakeholder ID) to the integration.",
          "連携に `owner:` (ステークホルダー ID) を書いてください。"},
         check_integration_owner,
         {R"yaml(
integrations:
  - {system: Salesforce, id_mapping: MA Lead ID ↔ SFDC Contact ID}
)yaml",
          R"yaml(
integrations:
  - {system: Salesforce, id_mapping: MA Lead ID ↔ SFDC Contact ID, owner: it}
)yaml"}},
        {"TOOL-006",
         6,
         Severity::warning,
         {"No integration owned by the systems department", "情報システム部門が担当する連携がない"},
         {"The MA specialist textbook's failure list: data integration proceeds without help from "
          "the systems "
          "department and stalls on access rights, network rules and source-system changes.",
          "MAスペシャリスト教科書の失敗例: "
          "情報システム部門の協力なしにデータ連携を進め、アクセス権やネット"
          "ワークのルール、元システムの改修で止まります。"},
         {"Make the internal-systems stakeholder the owner of the system integrations.",
          "システム連携の owner を社内システム管理部門にしてください。"},
         check_systems_department,
         {R"yaml(
integrations:
  - {system: Salesforce, id_mapping: MA Lead ID ↔ SFDC Contact ID, owner: mk}
)yaml",
          R"yaml(
integrations:
  - {system: Salesforce, id_mapping: MA Lead ID ↔ SFDC Contact ID, owner: it}
)yaml"}},
        {"TOOL-007",
         6,
         Severity::warning,
         {"Integration without ID mapping", "ID 対応のない連携"},
         {"The MA specialist textbook's channel integration: the key is a mapping from the MA "
          "customer ID to each "
          "system's or channel's customer ID; without it records cannot be joined.",
          "MAスペシャリスト教科書のチャネル連携: 要は MA の顧客 ID と各システム・チャネルの顧客 ID "
          "の対応です。"
          "これがないとレコードを結び付けられません。"},
         {"Add `id_mapping:` (e.g. \"MA Contact ID ↔ Salesforce Contact ID\").",
          "`id_mapping:` を書いてください (例: 「MA Contact ID ↔ Salesforce Contact ID」)。"},
         check_id_mapping,
         {R"yaml(
integrations:
  - {system: Salesforce, owner: it}
)yaml",
          R"yaml(
integrations:
  - {system: Salesforce, id_mapping: MA Lead ID ↔ SFDC Contact ID, owner: it}
)yaml"}},
        {"MAIL-001",
         6,
         Severity::warning,
         {"Email sending not set up", "メール配信が未設定"},
         {"The MA specialist textbook: sender-domain authentication, IP warming and the sender "
          "display take lead "
          "time (DNS changes, certificates) and must be planned before the first send. A "
          "warning: a plan that is just started has none yet.",
          "MAスペシャリスト教科書: 送信ドメイン認証・IP ウォーミング・送信者表示には準備期間 (DNS "
          "変更・証明"
          "書) がかかり、初回配信の前に計画が必要です。書き始めの計画では未記入なので警告です。"},
         {"Add `email` with the sending domain, SPF, DKIM, DMARC and sender display.",
          "`email` に送信ドメイン・SPF・DKIM・DMARC・送信者表示を書いてください。"},
         check_no_email,
         {R"yaml(
communications:
  - {id: c-seminar, content: セミナー案内, channel: email, owner: mk, timing: 開催2週間前}
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
  dkim: {selector: m1, key_bits: 2048}
  dmarc: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.co.jp"
  sender_name: A社 マーケティング部
  postal_address: 東京都千代田区丸の内1-1-1
  unsubscribe_url: https://www.example.co.jp/unsubscribe
  reply_handling: 共有受信箱で1営業日以内に振り分け
)yaml"}},
        {"MAIL-002",
         6,
         Severity::warning,
         {"No SPF or DKIM", "SPF も DKIM もない"},
         {"Google's and Yahoo's sender guidelines (2024) require every sender to authenticate "
          "with SPF or DKIM; unauthenticated mail is rejected or filed as spam.",
          "Google・Yahoo の送信者ガイドライン (2024年) は、すべての送信者に SPF か DKIM による"
          "認証を求めます。認証のないメールは拒否されるか迷惑メールになります。"},
         {"Add `spf:` and `dkim:` for the sending domain.",
          "送信ドメインの `spf:` と `dkim:` を書いてください。"},
         check_spf_or_dkim,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  sender_name: A社 マーケティング部
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
  dkim: {selector: m1, key_bits: 2048}
  sender_name: A社 マーケティング部
)yaml"}},
        {"MAIL-003",
         6,
         Severity::error,
         {"Invalid SPF record", "不正な SPF レコード"},
         {"RFC 7208: the record starts with \"v=spf1\", is US-ASCII with terms separated by "
          "spaces (§3.1, §4.6.1), and every term follows the grammar of §5-§7 and §12 (qualifiers, "
          "ip4/ip6 with prefix lengths, a/mx dual CIDR lengths, domain-specs and macros, "
          "redirect and exp at most once). A receiver answers any syntax error with "
          "\"permerror\", so SPF fails for every message. \"+all\" (or a bare \"all\") "
          "authorises every host on the internet. Each finding points at the offending term.",
          "RFC 7208: レコードは「v=spf1」で始まり、US-ASCII で項目を空白で区切り (第3.1節・"
          "第4.6.1節)、各項目は第5〜7節・第12節の文法 (限定子、プレフィックス長付きの ip4/ip6、"
          "a/mx の二重 CIDR 長、ドメイン指定とマクロ、redirect と exp は 1 回まで) に従います。"
          "構文エラーは受信側で「permerror」となり、すべてのメールで SPF が失敗します。"
          "「+all」(限定子のない「all」も) はインターネット上のすべてのホストを許可します。"
          "指摘は問題の項目の位置を示します。"},
         {"Publish one record starting with \"v=spf1\" and ending in \"-all\" or \"~all\".",
          "「v=spf1」で始まり「-all」か「~all」で終わるレコードを 1 つだけ公開してください。"},
         check_spf_syntax,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com +all"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
)yaml"}},
        {"MAIL-004",
         6,
         Severity::error,
         {"SPF exceeds 10 DNS lookups", "SPF の DNS 参照が 10 回を超える"},
         {"RFC 7208 §4.6.4: evaluating a record may cause at most 10 DNS-querying terms "
          "(include, a, mx, ptr, exists, redirect; ip4, ip6 and all do not count), nested "
          "includes included; beyond that SPF fails for every message. Each MA vendor's include "
          "spends part of the budget: ma-plan charges what each include costs beneath it from a "
          "bundled, dated catalogue of vendor includes (Google Workspace, Microsoft 365, "
          "Marketo, Salesforce, HubSpot, SendGrid, Amazon SES, Mailchimp, SparkPost, ...; "
          "docs/mail.md), which `.ma-plan.yaml` can override (spf_includes). The message lists "
          "the cost of every term; includes the catalogue does not know count as their own "
          "lookup only, so the total is a lower bound (MAIL-018 names them). Records with syntax "
          "errors are not counted: receivers reject them first (MAIL-003).",
          "RFC 7208 第4.6.4節: DNS を参照する項目 (include・a・mx・ptr・exists・redirect。"
          "ip4・ip6・all は数えない) は入れ子の include を含めて 10 回までで、超えるとすべての"
          "メールで SPF が失敗します。MA ベンダーの include も枠を消費します。ma-plan は各 "
          "include の内部の参照回数を、同梱の日付付きベンダー include カタログ (Google "
          "Workspace・Microsoft 365・Marketo・Salesforce・HubSpot・SendGrid・Amazon SES・"
          "Mailchimp・SparkPost など。docs/mail.md) から数え、`.ma-plan.yaml` で上書きできます "
          "(spf_includes)。メッセージには項目ごとの回数を示します。カタログにない include は"
          "自身の 1 回だけを数えるため合計は下限です (MAIL-018 がそれを示します)。構文エラーの"
          "あるレコードは受信側が先に拒否するため数えません (MAIL-003)。"},
         {"Replace includes by ip4/ip6 ranges or drop unused senders.",
          "include を ip4/ip6 に置き換えるか、使っていない送信元を削除してください。"},
         check_spf_lookups,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: >-
    v=spf1 include:_spf.google.com include:_spf.salesforce.com
    include:sendgrid.net a mx ptr:example.co.jp include:mktomail.com -all
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: >-
    v=spf1 include:_spf.google.com include:_spf.salesforce.com
    include:sendgrid.net a mx include:mktomail.com -all
)yaml"}},
        {"MAIL-005",
         6,
         Severity::warning,
         {"Risky or ineffective SPF terms", "注意が必要・効果のない SPF の記述"},
         {"RFC 7208 discourages \"ptr\" (§5.5: slow, unreliable); \"?all\" or no \"all\" says "
          "nothing about other senders, so spoofed mail passes as neutral. Terms that are legal "
          "but have no effect are flagged too: mechanisms after \"all\" are never evaluated "
          "(§5.1), a redirect next to \"all\" is ignored (§6.1), unknown modifiers are ignored "
          "(§6), and a domain with an empty or over-long label never exists.",
          "RFC 7208 は「ptr」の使用を推奨していません (第5.5節: 遅く不確実)。「?all」や「all」"
          "なしは他の送信元について何も示さず、なりすましメールが中立扱いで通ります。文法上は"
          "正しくても効果のない記述も指摘します: 「all」の後のメカニズムは評価されず (第5.1節)、"
          "「all」と併記した redirect は無視され (第6.1節)、未知の修飾子は無視され (第6節)、"
          "空または長すぎるラベルを持つドメインは存在し得ません。"},
         {"Remove \"ptr\" and terms that have no effect; end the record with \"-all\" or "
          "\"~all\".",
          "「ptr」と効果のない記述を削除し、「-all」か「~all」で終えてください。"},
         check_spf_risky,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 ptr include:mktomail.com ?all"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
)yaml"}},
        {"MAIL-006",
         6,
         Severity::warning,
         {"TXT string longer than 255 characters", "255 文字を超える TXT 文字列"},
         {"A single DNS TXT string holds at most 255 characters (RFC 1035); longer SPF or DMARC "
          "records must be split into several quoted strings, or the DNS provider truncates or "
          "rejects them. An SPF record over 512 bytes makes the DNS answer too large for one UDP "
          "packet (RFC 7208 §3.4).",
          "DNS の TXT は 1 文字列 255 文字までです (RFC 1035)。長い SPF・DMARC レコードは複数の"
          "引用符付き文字列に分けないと、DNS 事業者に切り詰められるか拒否されます。512 バイトを"
          "超える SPF レコードは DNS 応答が UDP 1 パケットに収まりません (RFC 7208 第3.4節)。"},
         {"Write the record as several quoted strings (\"…\" \"…\").",
          "レコードを複数の引用符付き文字列 (\"…\" \"…\") で書いてください。"},
         check_txt_length,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: >-
    v=spf1 ip4:198.51.100.10 ip4:198.51.100.20 ip4:198.51.100.30
    ip4:198.51.100.40 ip4:198.51.100.50 ip4:198.51.100.60 ip4:198.51.100.70
    ip4:198.51.100.80 ip4:198.51.100.90 ip4:198.51.100.100 ip4:198.51.100.110
    ip4:198.51.100.120 ip4:198.51.100.130 ip4:198.51.100.140 -all
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: >-
    "v=spf1 ip4:198.51.100.10 ip4:198.51.100.20 ip4:198.51.100.30
    ip4:198.51.100.40 ip4:198.51.100.50 ip4:198.51.100.60 ip4:198.51.100.70 "
    "ip4:198.51.100.80 ip4:198.51.100.90 ip4:198.51.100.100 ip4:198.51.100.110
    ip4:198.51.100.120 ip4:198.51.100.130 ip4:198.51.100.140 -all"
)yaml"}},
        {"MAIL-007",
         6,
         Severity::error,
         {"Invalid DMARC record", "不正な DMARC レコード"},
         {"RFC 9989 (2026, obsoletes RFC 7489) §4.7-§4.8: the record starts with exactly "
          "v=DMARC1; tags are name=value separated by \";\", each at most once (RFC 6376 §3.2); p, "
          "sp and np are none, quarantine or reject; adkim and aspf r or s; t y or n; psd y, n "
          "or u; fo a colon-separated list of 0, 1, d, s; rua and ruf lists of mailto: URIs with "
          "valid addresses. A record without a valid p is read as p=none only if rua holds a "
          "valid URI, otherwise no DMARC processing applies (§4.10.1); RFC 7489 receivers require "
          "p. Receivers ignore an invalid record, so the domain has no DMARC at all.",
          "RFC 9989 (2026年、RFC 7489 を廃止) 第4.7〜4.8節: レコードは v=DMARC1 で始まり、タグは"
          "「;」で区切った 名前=値 で各 1 回まで (RFC 6376 第3.2節)。p・sp・np は none・"
          "quarantine・reject、adkim・aspf は r か s、t は y か n、psd は y・n・u、fo は 0・1・"
          "d・s をコロンで区切ったもの、rua・ruf は正しいアドレスの mailto: URI の一覧です。"
          "正しい p のないレコードは、rua に正しい URI がある場合だけ p=none として扱われ、"
          "ない場合は DMARC の処理が行われません (第4.10.1節)。RFC 7489 の受信側は p を必須と"
          "します。不正なレコードは受信側に無視され、DMARC がないのと同じになります。"},
         {"Fix the record, e.g. \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\".",
          "レコードを直してください (例: \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\")。"},
         check_dmarc_syntax,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=block; rua=dmarc@example.co.jp"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.co.jp"
)yaml"}},
        {"MAIL-008",
         6,
         Severity::warning,
         {"Removed, unknown or ignored DMARC tags", "廃止・未知・無視される DMARC タグ"},
         {"RFC 9989 (2026) removed pct, rf and ri; receivers ignore them, so a pct=10 roll-out "
          "applies the policy to all mail. Use t=y for testing instead. Unknown tags (also a "
          "tag name in the wrong case) are ignored (§4.7), the \"!size\" suffix of report URIs "
          "is obsolete, fo has no effect without ruf, and RFC 7489 receivers still require p "
          "right after v and reject a record without p.",
          "RFC 9989 (2026年) で pct・rf・ri は廃止され、受信側は無視します。pct=10 で段階適用"
          "しているつもりでも、ポリシーはすべてのメールに適用されます。テストには t=y を使い"
          "ます。未知のタグ (大文字小文字の違うタグ名も) は無視され (第4.7節)、レポート URI の"
          "「!size」は廃止された書式で、fo は ruf がないと効果がなく、RFC 7489 の受信側は v の"
          "直後の p を求め、p のないレコードを受け付けません。"},
         {"Remove pct, rf, ri and unknown tags (use t=y while testing); write p=... right after "
          "v=DMARC1.",
          "pct・rf・ri と未知のタグを削除し (テスト中は t=y)、v=DMARC1 の直後に p=... を書いて"
          "ください。"},
         check_dmarc_warnings,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=quarantine; pct=10; rua=mailto:dmarc@example.co.jp"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@example.co.jp"
)yaml"}},
        {"MAIL-017",
         6,
         Severity::info,
         {"DMARC reports to another domain", "別ドメインへの DMARC レポート"},
         {"RFC 7489 §7.1: a report address on another organisational domain (e.g. a DMARC "
          "analytics vendor) receives reports only if that domain publishes "
          "<your-domain>._report._dmarc.<its-domain>; otherwise receivers drop the reports. "
          "Vendors usually publish it, hence info. The organisational domain is approximated "
          "without the Public Suffix List.",
          "RFC 7489 第7.1節: 別の組織ドメイン (DMARC 分析サービスなど) のレポート送付先は、"
          "そのドメインが <自社ドメイン>._report._dmarc.<送付先ドメイン> を公開している場合に"
          "だけレポートを受け取れます。ないと受信側はレポートを送りません。通常はサービス側が"
          "公開するため情報扱いです。組織ドメインは Public Suffix List を使わず近似しています。"},
         {"Confirm the report receiver publishes the authorisation record.",
          "送付先が認可レコードを公開していることを確認してください。"},
         check_dmarc_report_domains,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=none; rua=mailto:a@dmarc.vendor.example"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dmarc: "v=DMARC1; p=none; rua=mailto:dmarc@example.co.jp"
)yaml"}},
        {"MAIL-018",
         6,
         Severity::warning,
         {"SPF lookup count incomplete", "SPF の DNS 参照回数が不明"},
         {"RFC 7208 §4.6.4 counts the lookups inside every include. An include that is not in "
          "ma-plan's vendor catalogue (or whose target uses macros) may spend any number of "
          "them, so a record that looks within the limit can still fail. ma-plan names such "
          "includes instead of counting them as zero.",
          "RFC 7208 第4.6.4節は各 include の内部の参照も数えます。ma-plan のベンダーカタログに"
          "ない include (や対象にマクロを使うもの) はいくつ参照するか分からないため、上限内に"
          "見えても失敗することがあります。ma-plan はそれを 0 回とせず、名前を示します。"},
         {"Check the include with `ma-plan domain check`, or record its cost under spf_includes "
          "in .ma-plan.yaml.",
          "`ma-plan domain check` で確かめるか、.ma-plan.yaml の spf_includes に回数を書いて"
          "ください。"},
         check_spf_lookups_unknown,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:_spf.google.com include:_spf.esp.example -all"
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:_spf.google.com include:mktomail.com -all"
)yaml"}},
        {"MAIL-009",
         6,
         Severity::warning,
         {"Bulk sender without SPF, DKIM and DMARC", "SPF・DKIM・DMARC のないバルク送信"},
         {"Google (2024), Yahoo and Microsoft (2025): about 5,000+ messages a day to one "
          "provider make a bulk sender, which needs SPF and DKIM and DMARC (at least p=none) "
          "with alignment. Vendor threshold, configurable (thresholds.bulk_daily_volume).",
          "Google (2024年)・Yahoo・Microsoft (2025年): 1 事業者あたり 1 日約 5,000 通以上で"
          "バルク送信者となり、SPF と DKIM と DMARC (p=none 以上、アライメントあり) がすべて"
          "必要です。事業者の基準なので設定で変更できます (thresholds.bulk_daily_volume)。"},
         {"Add the missing authentication to `email`.",
          "`email` に不足している認証を追加してください。"},
         check_bulk_auth,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
  dkim: {selector: m1, key_bits: 2048}
  daily_volume: 8000
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  spf: "v=spf1 include:mktomail.com -all"
  dkim: {selector: m1, key_bits: 2048}
  dmarc: "v=DMARC1; p=none; rua=mailto:dmarc@example.co.jp"
  daily_volume: 8000
)yaml"}},
        {"MAIL-010",
         6,
         Severity::warning,
         {"Bulk sender without one-click unsubscribe", "ワンクリック配信停止のないバルク送信"},
         {"Bulk senders must offer one-click unsubscribe (RFC 8058: List-Unsubscribe with an "
          "HTTPS URI plus List-Unsubscribe-Post, both DKIM-signed) and a visible link "
          "(Google/Yahoo 2024). Vendor threshold, configurable.",
          "バルク送信者はワンクリック配信停止 (RFC 8058: HTTPS の List-Unsubscribe と "
          "List-Unsubscribe-Post、どちらも DKIM 署名付き) と見える配信停止リンクが必要です "
          "(Google・Yahoo 2024年)。事業者の基準なので設定で変更できます。"},
         {"Enable the MA tool's one-click unsubscribe and set `one_click_unsubscribe: true`.",
          "MA ツールのワンクリック配信停止を有効にし、`one_click_unsubscribe: true` にして"
          "ください。"},
         check_bulk_unsubscribe,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  daily_volume: 20000
  one_click_unsubscribe: false
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  daily_volume: 20000
  one_click_unsubscribe: true
)yaml"}},
        {"MAIL-011",
         6,
         Severity::error,
         {"DKIM key too short", "DKIM の鍵長が短すぎる"},
         {"RFC 8301: verifiers must not accept RSA keys below 1024 bits; mail signed with a "
          "shorter key counts as unsigned.",
          "RFC 8301: 1024 ビット未満の RSA 鍵は検証側が受け入れてはならず、署名がないのと同じ"
          "扱いになります。"},
         {"Generate a 2048-bit key.", "2048 ビットの鍵を作り直してください。"},
         check_dkim_too_short,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 768}
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 2048}
)yaml"}},
        {"MAIL-012",
         6,
         Severity::warning,
         {"DKIM key below 2048 bits", "DKIM の鍵長が推奨未満"},
         {"RFC 8301 recommends 2048-bit RSA keys; 1024 bits is the floor and increasingly seen "
          "as weak.",
          "RFC 8301 は 2048 ビットの RSA 鍵を推奨しています。1024 ビットは最低限で、弱いと"
          "見なされつつあります。"},
         {"Rotate to a 2048-bit key.", "2048 ビットの鍵に切り替えてください。"},
         check_dkim_weak,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 1024}
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 2048}
)yaml"}},
        {"MAIL-013",
         6,
         Severity::info,
         {"DKIM key above 2048 bits", "2048 ビットを超える DKIM 鍵"},
         {"Some receiving gateways reject DKIM keys longer than 2048 bits, and long keys need "
          "the TXT record split into several strings (vendor documentation).",
          "2048 ビットを超える DKIM 鍵を拒否する受信ゲートウェイがあり、長い鍵は TXT レコードの"
          "分割も必要です (ベンダー資料)。"},
         {"Prefer 2048 bits unless every receiver is known to accept longer keys.",
          "受信側が長い鍵を受け入れると分かっていない限り、2048 ビットにしてください。"},
         check_dkim_long,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 4096}
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dkim: {selector: m1, key_bits: 2048}
)yaml"}},
        {"MAIL-014",
         6,
         Severity::warning,
         {"Dedicated IP without enough warming", "専用 IP のウォーミング不足"},
         {"SendGrid and Salesforce Marketing Cloud: warm every new dedicated IP over at least 4 "
          "weeks (4–6 best), sending at least 3 days a week to the most engaged contacts first; "
          "a cold IP sending full volume is throttled or blocked. Vendor figure, configurable "
          "(thresholds.min_ip_warming_weeks).",
          "SendGrid・Salesforce Marketing Cloud: 新しい専用 IP は 4 週間以上 (4〜6 週が最適)、"
          "週 3 日以上、反応の良い連絡先から順にウォーミングします。いきなり全量を送ると"
          "制限・ブロックされます。事業者の基準なので設定で変更できます "
          "(thresholds.min_ip_warming_weeks)。"},
         {"Add `ip_warming: {weeks: 6, days_per_week: 5}` and plan volumes per week.",
          "`ip_warming: {weeks: 6, days_per_week: 5}` を書き、週ごとの送信数を計画してください。"},
         check_ip_warming,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  dedicated_ip: true
  ip_warming: {weeks: 2, days_per_week: 1}
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  dedicated_ip: true
  ip_warming: {weeks: 4, days_per_week: 3}
)yaml"}},
        {"MAIL-015",
         6,
         Severity::warning,
         {"Sender display incomplete", "送信者表示が不足"},
         {"Specified Electronic Mail Act §4: every advertising message shows the sender's name, "
          "an opt-out address or URL with a statement that opting out is possible, and the "
          "sender's postal address (HubSpot also requires company name and address).",
          "特定電子メール法 第4条: 広告メールには送信者の氏名・名称、配信停止の連絡先 (URL) と"
          "停止できる旨、送信者の住所を表示します (HubSpot も会社名と住所を必須としています)。"},
         {"Add `sender_name`, `postal_address` and `unsubscribe_url` to `email`.",
          "`email` に `sender_name`・`postal_address`・`unsubscribe_url` を書いてください。"},
         check_sender_display,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  sender_name: A社 マーケティング部
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  sender_name: A社 マーケティング部
  postal_address: 東京都千代田区丸の内1-1-1
  unsubscribe_url: https://www.example.co.jp/unsubscribe
)yaml"}},
        {"MAIL-016",
         6,
         Severity::warning,
         {"Reply handling undefined", "返信メールの扱いが未定"},
         {"The MA specialist textbook: customers reply to campaign mail (questions, opt-out "
          "requests, "
          "out-of-office); "
          "unread replies lose leads and miss opt-outs the law requires honouring.",
          "MAスペシャリスト教科書: 顧客は施策メールに返信します "
          "(問い合わせ・配信停止依頼・不在通知)。読まれ"
          "ない返信はリードを失い、法律上守るべき配信停止も見落とします。"},
         {"Add `reply_handling:` (who reads replies and how fast).",
          "`reply_handling:` (誰がどれくらいの速さで返信を確認するか) を書いてください。"},
         check_reply_handling,
         {R"yaml(
email:
  sending_domain: mail.example.co.jp
  sender_name: A社 マーケティング部
)yaml",
          R"yaml(
email:
  sending_domain: mail.example.co.jp
  sender_name: A社 マーケティング部
  reply_handling: 共有受信箱で1営業日以内に振り分け
)yaml"}},
    };
}

}  // namespace maplan::rules
