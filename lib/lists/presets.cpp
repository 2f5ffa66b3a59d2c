#include "lists/fields.hpp"

#include <algorithm>
#include <array>

#include "lists/normalize.hpp"

namespace maplan::lists {

namespace {

constexpr std::array<FieldInfo, field_count> fields = {{
    {Field::record_id, "id", {"record ID in the source system", "元システムのレコード ID"}},
    {Field::email, "email", {"email address", "メールアドレス"}},
    {Field::company, "company", {"company", "会社名"}},
    {Field::last_name, "last_name", {"last name", "姓"}},
    {Field::first_name, "first_name", {"first name", "名"}},
    {Field::full_name, "name", {"full name", "氏名"}},
    {Field::phone, "phone", {"phone", "電話番号"}},
    {Field::consent,
     "consent",
     {"consent status (opt-in/opt-out)", "同意状況(オプトイン/オプトアウト)"}},
    {Field::consent_source, "consent_source", {"how consent was obtained", "同意の取得方法"}},
    {Field::consent_at, "consent_at", {"when consent was obtained", "同意の取得日時"}},
    {Field::opted_out, "opted_out", {"unsubscribed flag", "配信停止フラグ"}},
    {Field::consent_notice,
     "consent_notice",
     {"privacy notice version shown", "提示したプライバシーポリシーの版"}},
    {Field::bounced,
     "bounced",
     {"hard bounce or address blocked by the sending system", "不達・配信システムでの送信停止"}},
}};

constexpr std::array<PresetInfo, 5> presets = {{
    {"generic",
     {"common English and Japanese headers (default)", "一般的な英語・日本語の見出し(既定)"}},
    {"salesforce",
     {"Salesforce contact/lead report export", "Salesforce の取引先責任者・リードのエクスポート"}},
    {"hubspot", {"HubSpot contacts export", "HubSpot のコンタクトのエクスポート"}},
    {"marketo", {"Marketo Engage person list export", "Marketo Engage の人物リストのエクスポート"}},
    {"eloqua", {"Oracle Eloqua contact export", "Oracle Eloqua のコンタクトのエクスポート"}},
}};

struct Candidates {
    std::string_view preset;
    Field field;
    std::array<std::string_view, 6> columns;
};

// Header names as the vendors' standard exports spell them. Anything else is mapped with --map.
constexpr Candidates table[] = {
    {"generic", Field::record_id, {"id", "顧客ID", "顧客番号", "customer id", "contact id"}},
    {"generic",
     Field::email,
     {"email", "e-mail", "メールアドレス", "メール", "email address", "mail"}},
    {"generic", Field::company, {"company", "会社名", "企業名", "company name", "account name"}},
    {"generic", Field::last_name, {"last_name", "last name", "姓", "氏"}},
    {"generic", Field::first_name, {"first_name", "first name", "名"}},
    {"generic", Field::full_name, {"name", "氏名", "お名前", "名前", "full name"}},
    {"generic", Field::phone, {"phone", "電話番号", "電話", "tel"}},
    {"generic", Field::consent, {"consent", "メール配信同意", "配信同意", "同意"}},
    {"generic", Field::consent_source, {"consent_source", "同意取得元", "同意の取得方法"}},
    {"generic", Field::consent_at, {"consent_at", "同意日時", "同意日"}},
    {"generic", Field::consent_notice, {"consent_notice", "プライバシーポリシー版"}},

    {"salesforce",
     Field::record_id,
     {"Id", "Contact ID", "Lead ID", "取引先責任者 ID", "リード ID"}},
    {"salesforce", Field::email, {"Email", "メール"}},
    {"salesforce", Field::company, {"Account Name", "Company", "取引先名", "会社名"}},
    {"salesforce", Field::last_name, {"LastName", "Last Name", "姓"}},
    {"salesforce", Field::first_name, {"FirstName", "First Name", "名"}},
    {"salesforce", Field::phone, {"Phone", "電話"}},

    {"hubspot", Field::record_id, {"Record ID", "Contact ID", "レコードID"}},
    {"hubspot", Field::email, {"Email", "Eメール"}},
    {"hubspot", Field::company, {"Company Name", "Company", "会社名"}},
    {"hubspot", Field::last_name, {"Last Name", "姓"}},
    {"hubspot", Field::first_name, {"First Name", "名"}},
    {"hubspot", Field::phone, {"Phone Number", "電話番号"}},

    {"marketo", Field::record_id, {"Id", "Marketo Id", "ID"}},
    {"marketo", Field::email, {"Email Address", "メールアドレス"}},
    {"marketo", Field::company, {"Company Name", "会社名"}},
    {"marketo", Field::last_name, {"Last Name", "姓"}},
    {"marketo", Field::first_name, {"First Name", "名"}},
    {"marketo", Field::phone, {"Phone Number", "電話番号"}},

    {"eloqua", Field::record_id, {"Eloqua Contact ID", "Contact ID"}},
    {"eloqua", Field::email, {"Email Address"}},
    {"eloqua", Field::company, {"Company"}},
    {"eloqua", Field::last_name, {"Last Name"}},
    {"eloqua", Field::first_name, {"First Name"}},
    {"eloqua", Field::phone, {"Business Phone"}},
};

struct PresetSignal {
    std::string_view preset;
    SignalColumn column;
};

// Every column a vendor's export uses to say "do not mail", read by import (fields opted_out and
// bounced). opted_out is a refusal by the person, which a newer recorded opt-in lifts; bounced is
// about the address (hard bounce, quarantine, blocked by the sending system) and is never lifted.
// Sources, as read on the vendors' documentation sites:
// - Salesforce: "Contact" in the Salesforce Field Reference (developer.salesforce.com/docs/
//   platform/field-reference, salesforce-field-reference-contact; also the Lead object):
//   HasOptedOutOfEmail "Email Opt Out" (boolean), EmailBouncedReason "Email Bounced Reason",
//   EmailBouncedDate "Email Bounced Date", IsEmailBounced "Is Email Bounced". Report exports use
//   the labels, data loader exports the API names; both are listed.
// - HubSpot: the contact properties of a contacts export ("Unsubscribed from all email",
//   "Email address quarantined", "Invalid email address", "Is globally ineligible", "Email hard
//   bounce reason"), and "What do the columns mean in the csv I receive when I export
//   unsubscribes and bounces?" (knowledge.hubspot.com): Portal Bounce, Portal Unsubscribe, Portal
//   Spam Report, Global Bounce. "Quarantined contacts and lists" (knowledge.hubspot.com): a
//   quarantined contact gets no marketing email.
// - Marketo Engage: "Standard Fields" (experienceleague.adobe.com/en/docs/marketo-developer/
//   marketo/rest/assets/list-of-standard-fields): Unsubscribed, Marketing Suspended, Email
//   Invalid, Black Listed. Email Suspended is a 24-hour hold after a spam bounce that stays true
//   for good (Marketo Nation knowledge base, "How the Email Suspended field works"), so it is
//   known and not read.
// - Oracle Eloqua: Bulk API "Updating a contact's bounceback status" (docs.oracle.com/en/cloud/
//   saas/marketing/eloqua-develop): the contact special fields IsBounced
//   ({{Contact.Email.IsBounced}}) and IsSubscribed ({{Contact.Email.IsSubscribed}}, the global
//   subscribe status: false means globally unsubscribed); the REST contact has isBounceback and
//   isSubscribed.
constexpr PresetSignal signals[] = {
    {"generic", {"opted_out", Field::opted_out, SignalValue::flag}},
    {"generic", {"unsubscribed", Field::opted_out, SignalValue::flag}},
    {"generic", {"配信停止", Field::opted_out, SignalValue::flag}},
    {"generic", {"配信拒否", Field::opted_out, SignalValue::flag}},
    {"generic", {"bounced", Field::bounced, SignalValue::flag}},
    {"generic", {"不達", Field::bounced, SignalValue::flag}},

    {"salesforce", {"HasOptedOutOfEmail", Field::opted_out, SignalValue::flag}},
    {"salesforce", {"Email Opt Out", Field::opted_out, SignalValue::flag}},
    {"salesforce", {"メール送信除外", Field::opted_out, SignalValue::flag}},
    {"salesforce", {"EmailBouncedReason", Field::bounced, SignalValue::any_text}},
    {"salesforce", {"Email Bounced Reason", Field::bounced, SignalValue::any_text}},
    {"salesforce", {"EmailBouncedDate", Field::bounced, SignalValue::any_text}},
    {"salesforce", {"Email Bounced Date", Field::bounced, SignalValue::any_text}},
    {"salesforce", {"IsEmailBounced", Field::bounced, SignalValue::flag}},
    {"salesforce", {"Is Email Bounced", Field::bounced, SignalValue::flag}},

    {"hubspot", {"Unsubscribed from all email", Field::opted_out, SignalValue::flag}},
    {"hubspot", {"すべてのEメールの配信停止", Field::opted_out, SignalValue::flag}},
    {"hubspot", {"Portal Unsubscribe", Field::opted_out, SignalValue::flag}},
    {"hubspot", {"Portal Spam Report", Field::opted_out, SignalValue::flag}},
    {"hubspot", {"Is globally ineligible", Field::bounced, SignalValue::flag}},
    {"hubspot", {"Email Address Quarantined", Field::bounced, SignalValue::flag}},
    {"hubspot", {"Invalid email address", Field::bounced, SignalValue::flag}},
    {"hubspot", {"Email hard bounce reason", Field::bounced, SignalValue::any_text}},
    {"hubspot", {"Portal Bounce", Field::bounced, SignalValue::flag}},
    {"hubspot", {"Global Bounce", Field::bounced, SignalValue::flag}},

    {"marketo", {"Unsubscribed", Field::opted_out, SignalValue::flag}},
    {"marketo", {"配信停止", Field::opted_out, SignalValue::flag}},
    {"marketo", {"Marketing Suspended", Field::bounced, SignalValue::flag}},
    {"marketo", {"Email Invalid", Field::bounced, SignalValue::flag}},
    {"marketo", {"Black Listed", Field::bounced, SignalValue::flag}},
    {"marketo", {"Blocklisted", Field::bounced, SignalValue::flag}},
    {"marketo", {"Email Suspended", Field::bounced, SignalValue::ignored}},

    {"eloqua", {"IsSubscribed", Field::opted_out, SignalValue::inverted_flag}},
    {"eloqua", {"Is Subscribed", Field::opted_out, SignalValue::inverted_flag}},
    {"eloqua", {"Global Unsubscribe", Field::opted_out, SignalValue::flag}},
    {"eloqua", {"Unsubscribed", Field::opted_out, SignalValue::flag}},
    {"eloqua", {"IsBounced", Field::bounced, SignalValue::flag}},
    {"eloqua", {"Is Bounced", Field::bounced, SignalValue::flag}},
    {"eloqua", {"isBounceback", Field::bounced, SignalValue::flag}},
    {"eloqua", {"Is Bounceback", Field::bounced, SignalValue::flag}},
};

// Parts of a header (after NFKC, case folding, and without spaces, "_", "-" and ".") that make it
// read as "do not mail". Must not match consent columns ("メール配信同意", "Subscription").
constexpr std::string_view signal_words[] = {
    "unsubscri",    "optout",        "optedout",     "bounce",       "complain",    "spam",
    "donotemail",   "donotmail",     "donotcontact", "donotsolicit", "quarantin",   "ineligible",
    "invalidemail", "emailinvalid",  "blacklist",    "blocklist",    "blacklisted", "suspend",
    "suppress",     "undeliverable", "nomail",       "配信停止",     "配信拒否",    "受信拒否",
    "不達",         "メール不可",    "送信不可",     "配信不可",     "送信停止",    "送信除外",
    "購読解除",     "登録解除",      "オプトアウト", "迷惑メール",   "連絡不可",    "連絡拒否",
    "宛先不明",     "エラーメール",
};

}  // namespace

std::vector<SignalColumn> preset_signals(std::string_view preset) {
    std::vector<SignalColumn> out;
    for (const auto& s : signals) {
        if (s.preset == preset) out.push_back(s.column);
    }
    return out;
}

bool looks_like_suppression_signal(std::string_view header) {
    std::string folded;
    for (char c : name_key(header)) {
        if (c != '_' && c != '-' && c != '.' && c != ' ') folded += c;
    }
    if (folded == "dnc" || folded == "dne") return true;
    for (auto word : signal_words) {
        if (folded.find(word) != std::string::npos) return true;
    }
    return false;
}

std::span<const FieldInfo> all_fields() {
    return fields;
}

std::optional<Field> parse_field(std::string_view id) {
    for (const auto& f : fields) {
        if (f.id == id) return f.field;
    }
    return std::nullopt;
}

std::span<const PresetInfo> all_presets() {
    return presets;
}

bool is_preset(std::string_view id) {
    return std::any_of(presets.begin(), presets.end(), [&](const auto& p) { return p.id == id; });
}

std::vector<std::string_view> preset_candidates(std::string_view preset, Field field) {
    std::vector<std::string_view> out;
    for (const auto& c : table) {
        if (c.preset != preset || c.field != field) continue;
        for (auto col : c.columns) {
            if (!col.empty()) out.push_back(col);
        }
    }
    return out;
}

}  // namespace maplan::lists
