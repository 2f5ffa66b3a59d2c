#include "reports/sender_gate.hpp"

#include <fmt/format.h>

#include "core/escape.hpp"
#include "mail/dmarc.hpp"
#include "mail/spf.hpp"
#include "mail/txt.hpp"

namespace maplan::reports {

namespace {

/// The record text as the plan writes it (a block scalar's final line break is YAML's).
std::string record_text(const std::string& value) {
    std::string_view v = value;
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    return mail::read_txt(v).text;
}

bool has_errors(const mail::Problems& problems) {
    for (const mail::Problem& p : problems)
        if (p.severity == Severity::error) return true;
    return false;
}

template <class T>
void take(Fact<T>& base, const Fact<T>& live) {
    if (live.known()) base = live;
}

/// RFC 8301 §3.2: verifiers must not accept RSA keys below 1024 bits.
constexpr int min_dkim_bits = 1024;

}  // namespace

SenderFacts facts_from_plan(const Project& project) {
    SenderFacts f;
    if (!project.email) return f;
    const Email& e = *project.email;
    if (e.daily_volume.present()) f.daily_volume.value = e.daily_volume.value;
    if (e.spf.present()) {
        auto spf = mail::parse_spf(record_text(e.spf.value));
        f.spf_valid.value = spf.is_spf && !has_errors(spf.problems);
        if (!*f.spf_valid.value)
            f.spf_valid.detail = {"the SPF record has errors (MAIL-003)",
                                  "SPF レコードにエラーがあります (MAIL-003)"};
    } else {
        f.spf_valid.value = false;
        f.spf_valid.detail = {"no spf in the plan", "プランに spf がありません"};
    }
    if (e.dkim && e.dkim->key_bits.present()) {
        f.dkim_valid.value = e.dkim->key_bits.value >= min_dkim_bits;
        f.dkim_valid.detail = {fmt::format("{}-bit key", e.dkim->key_bits.value),
                               fmt::format("{} ビットの鍵", e.dkim->key_bits.value)};
    } else {
        f.dkim_valid.value = false;
        f.dkim_valid.detail = {"no dkim in the plan", "プランに dkim がありません"};
    }
    if (e.dmarc.present()) {
        auto dmarc = mail::parse_dmarc(record_text(e.dmarc.value));
        f.dmarc_valid.value =
            dmarc.is_dmarc && !has_errors(dmarc.problems) && !dmarc.policy.empty();
        f.dmarc_valid.detail =
            *f.dmarc_valid.value
                ? Text{fmt::format("p={}", dmarc.policy), fmt::format("p={}", dmarc.policy)}
                : Text{"the DMARC record has errors (MAIL-007)",
                       "DMARC レコードにエラーがあります (MAIL-007)"};
    } else {
        f.dmarc_valid.value = false;
        f.dmarc_valid.detail = {"no dmarc in the plan", "プランに dmarc がありません"};
    }
    // The plan's DKIM key belongs to its sending domain, so DKIM aligns with From as planned;
    // SPF alignment depends on the bounce (Return-Path) domain, which the plan does not name.
    if (*f.dkim_valid.value) {
        f.dmarc_aligned.value = true;
        f.dmarc_aligned.detail = {"DKIM signs for the sending domain (as planned)",
                                  "DKIM が送信ドメインで署名 (計画上)"};
    } else {
        f.dmarc_aligned.detail = {
            "without DKIM, alignment depends on the bounce domain, which the "
            "plan does not name",
            "DKIM がないため、アラインメントはプランに書かれていない"
            "バウンスドメイン次第です"};
    }
    if (e.one_click_unsubscribe.present()) {
        f.one_click_unsubscribe.value = e.one_click_unsubscribe.value;
    } else {
        f.one_click_unsubscribe.detail = {"one_click_unsubscribe is not in the plan",
                                          "プランに one_click_unsubscribe がありません"};
    }
    if (e.spam_rate.present()) {
        f.spam_rate.value = e.spam_rate.value;
    } else {
        f.spam_rate.detail = {"spam_rate is not in the plan (Google Postmaster Tools shows it)",
                              "プランに spam_rate がありません (Google Postmaster Tools で確認)"};
    }
    f.reverse_dns.detail = {"checked live only", "ライブ確認のみ"};
    f.tls.detail = {"checked live only", "ライブ確認のみ"};
    return f;
}

SenderFacts overlay(SenderFacts base, const SenderFacts& live) {
    take(base.daily_volume, live.daily_volume);
    take(base.spf_valid, live.spf_valid);
    take(base.dkim_valid, live.dkim_valid);
    take(base.dmarc_valid, live.dmarc_valid);
    take(base.dmarc_aligned, live.dmarc_aligned);
    take(base.one_click_unsubscribe, live.one_click_unsubscribe);
    take(base.spam_rate, live.spam_rate);
    take(base.reverse_dns, live.reverse_dns);
    take(base.tls, live.tls);
    return base;
}

bool SenderGate::passed() const {
    for (const GateRequirement& r : requirements)
        if ((bulk || !r.bulk_only) && r.status != GateStatus::met) return false;
    return true;
}

GateStatus SenderGate::verdict() const {
    bool unknown = false;
    for (const GateRequirement& r : requirements) {
        if (!bulk && r.bulk_only) continue;
        if (r.status == GateStatus::not_met) return GateStatus::not_met;
        unknown |= r.status == GateStatus::unknown;
    }
    return unknown ? GateStatus::unknown : GateStatus::met;
}

namespace {

std::string grouped(double n) {
    std::string digits = fmt::format("{:.0f}", n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

GateRequirement from_bool(TextRef name, bool bulk_only, const Fact<bool>& fact) {
    GateRequirement r{name, bulk_only, GateStatus::unknown, fact.source, fact.detail};
    if (fact.known()) r.status = *fact.value ? GateStatus::met : GateStatus::not_met;
    return r;
}

}  // namespace

SenderGate evaluate_sender_gate(const SenderFacts& f, const rules::Thresholds& thresholds) {
    SenderGate g;
    g.bulk_threshold = thresholds.bulk_daily_volume;
    g.volume_known = f.daily_volume.known();
    // An unknown volume is judged by the stricter bulk rules: better a requirement too many.
    g.bulk = !g.volume_known || *f.daily_volume.value >= thresholds.bulk_daily_volume;

    // All senders: SPF or DKIM. Bulk senders: SPF and DKIM.
    GateRequirement any_auth{
        {"SPF or DKIM", "SPF または DKIM"}, false, GateStatus::unknown, FactSource::plan, {}};
    bool spf = f.spf_valid.value.value_or(false), dkim = f.dkim_valid.value.value_or(false);
    any_auth.status = spf || dkim                                     ? GateStatus::met
                      : (f.spf_valid.known() && f.dkim_valid.known()) ? GateStatus::not_met
                                                                      : GateStatus::unknown;
    any_auth.source =
        f.spf_valid.source == FactSource::dns || f.dkim_valid.source == FactSource::dns
            ? FactSource::dns
            : FactSource::plan;
    g.requirements.push_back(any_auth);
    g.requirements.push_back(
        from_bool({"SPF passes (valid record)", "SPF (正しいレコード)"}, true, f.spf_valid));
    g.requirements.push_back(
        from_bool({"DKIM signing (key of 1024 bits or more)", "DKIM 署名 (1024 ビット以上の鍵)"},
                  true, f.dkim_valid));
    g.requirements.push_back(from_bool(
        {"DMARC record, at least p=none", "DMARC レコード (p=none 以上)"}, true, f.dmarc_valid));
    g.requirements.push_back(from_bool({"DMARC alignment (From domain authenticated)",
                                        "DMARC アラインメント (From ドメインの認証)"},
                                       true, f.dmarc_aligned));
    g.requirements.push_back(
        from_bool({"One-click unsubscribe (RFC 8058)", "ワンクリック配信停止 (RFC 8058)"}, true,
                  f.one_click_unsubscribe));
    GateRequirement spam{{"Spam rate below 0.3%", "迷惑メール率 0.3% 未満"},
                         false,
                         GateStatus::unknown,
                         f.spam_rate.source,
                         f.spam_rate.detail};
    if (f.spam_rate.known()) {
        double pct = *f.spam_rate.value * 100;
        spam.status = pct < 0.3 ? GateStatus::met : GateStatus::not_met;
        spam.detail = pct < 0.3 && pct >= 0.1
                          ? Text{fmt::format("{:g}%; aim below 0.1%", pct),
                                 fmt::format("{:g}%。0.1% 未満を目指してください", pct)}
                          : Text{fmt::format("{:g}%", pct), fmt::format("{:g}%", pct)};
    }
    g.requirements.push_back(spam);
    g.requirements.push_back(
        from_bool({"Forward and reverse DNS for sending IPs", "送信 IP の正引き・逆引き DNS"},
                  false, f.reverse_dns));
    g.requirements.push_back(from_bool({"TLS for sending", "送信時の TLS"}, false, f.tls));
    return g;
}

TextRef gate_status_label(GateStatus status) {
    switch (status) {
        case GateStatus::met:
            return {"met", "達成"};
        case GateStatus::not_met:
            return {"NOT MET", "未達"};
        case GateStatus::unknown:
            return {"unknown", "不明"};
    }
    return {"unknown", "不明"};
}

TextRef fact_source_label(FactSource source) {
    return source == FactSource::dns ? TextRef{"DNS", "DNS"} : TextRef{"plan", "プラン"};
}

std::string render_sender_gate_markdown(const SenderGate& g, Lang lang) {
    std::string out = lang == Lang::ja
                          ? "## バルク送信者の要件 (Google・Yahoo 2024年、Microsoft 2025年)\n\n"
                          : "## Bulk-sender requirements (Google and Yahoo 2024, "
                            "Microsoft 2025)\n\n";
    std::string volume = g.volume_known ? ""
                                        : (lang == Lang::ja ? " (送信数が不明なためバルク扱い)"
                                                            : " (volume unknown: judged as bulk)");
    GateStatus v = g.verdict();
    std::string verdict_en = v == GateStatus::met       ? "requirements met"
                             : v == GateStatus::not_met ? "requirements NOT met"
                                                        : "not confirmed yet (unknown items below)";
    std::string verdict_ja = v == GateStatus::met       ? "要件を満たしています"
                             : v == GateStatus::not_met ? "要件を満たしていません"
                                                        : "未確認の項目があります (下表の「不明」)";
    out +=
        lang == Lang::ja
            ? fmt::format("バルク送信者 (1 日 {} 通以上): {}{}。判定: **{}**\n\n",
                          grouped(g.bulk_threshold), g.bulk ? "はい" : "いいえ", volume, verdict_ja)
            : fmt::format("Bulk sender ({}+ messages a day): {}{}. Verdict: **{}**\n\n",
                          grouped(g.bulk_threshold), g.bulk ? "yes" : "no", volume, verdict_en);
    out += lang == Lang::ja ? "| 要件 | 対象 | 状態 | 根拠 | 詳細 |\n|---|---|---|---|---|\n"
                            : "| Requirement | Applies to | Status | Source | Detail |\n"
                              "|---|---|---|---|---|\n";
    for (const GateRequirement& r : g.requirements) {
        std::string applies = r.bulk_only
                                  ? std::string(lang == Lang::ja ? "バルク送信者" : "bulk senders")
                                  : std::string(lang == Lang::ja ? "全送信者" : "all senders");
        out +=
            fmt::format("| {} | {} | {} | {} | {} |\n", markdown_escape(r.name.in(lang)), applies,
                        gate_status_label(r.status).in(lang), fact_source_label(r.source).in(lang),
                        markdown_escape(r.detail.in(lang)));
    }
    return out;
}

void write_sender_gate_json(JsonWriter& out, const SenderGate& g, Lang lang) {
    out.begin_object();
    out.key("bulk").value(g.bulk);
    out.key("volume_known").value(g.volume_known);
    out.key("bulk_threshold").value(g.bulk_threshold);
    out.key("passed").value(g.passed());
    GateStatus v = g.verdict();
    out.key("verdict").value(v == GateStatus::met       ? "met"
                             : v == GateStatus::not_met ? "not_met"
                                                        : "unknown");
    out.key("requirements").begin_array();
    for (const GateRequirement& r : g.requirements) {
        out.begin_object();
        out.key("requirement").value(r.name.in(lang));
        out.key("bulk_only").value(r.bulk_only);
        out.key("status").value(r.status == GateStatus::met       ? "met"
                                : r.status == GateStatus::not_met ? "not_met"
                                                                  : "unknown");
        out.key("source").value(r.source == FactSource::dns ? "dns" : "plan");
        out.key("detail").value(r.detail.in(lang));
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

}  // namespace maplan::reports
