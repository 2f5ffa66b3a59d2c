#include "lists/fields.hpp"

#include <algorithm>
#include <array>

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
    {"generic", Field::opted_out, {"opted_out", "配信停止", "unsubscribed"}},
    {"generic", Field::consent_notice, {"consent_notice", "プライバシーポリシー版"}},

    {"salesforce",
     Field::record_id,
     {"Id", "Contact ID", "Lead ID", "取引先責任者 ID", "リード ID"}},
    {"salesforce", Field::email, {"Email", "メール"}},
    {"salesforce", Field::company, {"Account Name", "Company", "取引先名", "会社名"}},
    {"salesforce", Field::last_name, {"LastName", "Last Name", "姓"}},
    {"salesforce", Field::first_name, {"FirstName", "First Name", "名"}},
    {"salesforce", Field::phone, {"Phone", "電話"}},
    {"salesforce", Field::opted_out, {"HasOptedOutOfEmail", "Email Opt Out", "メール送信除外"}},

    {"hubspot", Field::record_id, {"Record ID", "Contact ID", "レコードID"}},
    {"hubspot", Field::email, {"Email", "Eメール"}},
    {"hubspot", Field::company, {"Company Name", "Company", "会社名"}},
    {"hubspot", Field::last_name, {"Last Name", "姓"}},
    {"hubspot", Field::first_name, {"First Name", "名"}},
    {"hubspot", Field::phone, {"Phone Number", "電話番号"}},
    {"hubspot", Field::opted_out, {"Unsubscribed from all email", "すべてのEメールの配信停止"}},

    {"marketo", Field::record_id, {"Id", "Marketo Id", "ID"}},
    {"marketo", Field::email, {"Email Address", "メールアドレス"}},
    {"marketo", Field::company, {"Company Name", "会社名"}},
    {"marketo", Field::last_name, {"Last Name", "姓"}},
    {"marketo", Field::first_name, {"First Name", "名"}},
    {"marketo", Field::phone, {"Phone Number", "電話番号"}},
    {"marketo", Field::opted_out, {"Unsubscribed", "配信停止"}},

    {"eloqua", Field::record_id, {"Eloqua Contact ID", "Contact ID"}},
    {"eloqua", Field::email, {"Email Address"}},
    {"eloqua", Field::company, {"Company"}},
    {"eloqua", Field::last_name, {"Last Name"}},
    {"eloqua", Field::first_name, {"First Name"}},
    {"eloqua", Field::phone, {"Business Phone"}},
    {"eloqua", Field::opted_out, {"Global Unsubscribe", "Unsubscribed"}},
};

}  // namespace

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
