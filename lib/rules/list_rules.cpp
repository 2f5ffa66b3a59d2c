// Step 5: customer lists (the MA specialist textbook; Japan's Specified Electronic Mail Act; APPI;
// GDPR Art. 7). Where customers come from and how they sync, the key that matches them across
// systems, the exclusions every campaign applies, and the consent that makes advertising mail
// lawful.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/families.hpp"
#include "rules/plan_text.hpp"

namespace maplan::rules {

namespace {

void check_no_sources(RuleContext& ctx) {
    if (!ctx.project.data_sources.empty()) return;
    ctx.report({}, {"the plan has no customer data sources", "顧客データの保有元がありません"});
}

void check_source_owner_sync(RuleContext& ctx) {
    for (const DataSource& d : ctx.project.data_sources) {
        bool owner = d.owner.present(), sync = d.sync.present();
        if (owner && sync) continue;
        Text what = !owner && !sync ? Text{"owner and no sync", "管理部門と反映頻度"}
                    : !owner        ? Text{"owner", "管理部門"}
                                    : Text{"sync", "反映頻度"};
        ctx.report(d.pos, {fmt::format("data source \"{}\" has no {}", d.id.value, what.en),
                           fmt::format("データソース「{}」に{}がありません", d.id.value, what.ja)});
    }
}

void check_customer_id_key(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.data_sources.size() < 2 || p.customer_id_key.present()) return;
    ctx.report(p.data_sources.front().pos,
               {fmt::format("{} data sources but no customer_id_key to match customers across "
                            "them",
                            p.data_sources.size()),
                fmt::format("データソースが {} 件ありますが、顧客を突合する customer_id_key が"
                            "ありません",
                            p.data_sources.size())});
}

void check_exclusions(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.exclusions.empty()) {
        ctx.report(p.exclusions_pos,
                   {"no global exclusions: opted-out and hard-bounced addresses are not excluded",
                    "全施策共通の除外条件がなく、配信停止者とハードバウンスのアドレスが除外されて"
                    "いません"});
        return;
    }
    std::vector<std::string_view> missing;
    for (std::string_view kind : {"optout", "hard_bounce"}) {
        bool found = false;
        for (const Exclusion& e : p.exclusions) found |= e.kind.value == kind;
        if (!found) missing.push_back(kind);
    }
    if (missing.empty()) return;
    std::string list = fmt::format("{}", fmt::join(missing, " and "));
    ctx.report(p.exclusions_pos, {fmt::format("exclusions do not include {}", list),
                                  fmt::format("除外条件に {} がありません", list)});
}

void check_exclusion_domains(RuleContext& ctx) {
    for (const Exclusion& e : ctx.project.exclusions) {
        if (e.kind.value != "competitor_domains" && e.kind.value != "internal_domains") continue;
        if (!e.domains.empty()) continue;
        ctx.report(
            e.pos,
            {fmt::format("exclusion {} lists no domains, so it excludes nothing", e.kind.value),
             fmt::format("除外条件 {} にドメインがなく、何も除外されません", e.kind.value)});
    }
}

void check_opt_out_policy(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.consent || p.consent->policy.value != "opt_out") return;
    ctx.report(p.consent->policy.pos,
               {"consent policy opt_out: advertising email to Japan needs prior consent "
                "(Specified Electronic Mail Act §3(1))",
                "同意の方針が opt_out です。日本向けの広告メールには事前の同意が必要です "
                "(特定電子メール法 第3条第1項)"});
}

/// Where the plan shows that it sends email: the email set-up, else the first email item.
SourcePos email_evidence(const Project& p) {
    if (p.email) return p.email->pos;
    for (const Communication& c : p.communications) {
        if (c.channel.value == "email") return c.channel.pos;
    }
    return {};
}

void check_consent_missing(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.consent) return;
    SourcePos at = email_evidence(p);
    if (!at.known()) return;
    ctx.report(at, {"the plan sends email but has no consent policy",
                    "メールを配信する計画ですが、同意の方針 (consent) がありません"});
}

void check_record_fields(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.consent) return;
    struct Need {
        Text name;
        std::initializer_list<std::string_view> words;
    };
    // Users name the fields in their own words; these are the usual ones in both languages.
    const Need needs[] = {
        {{"date and time (when)", "取得日時"}, {"日時", "日付", "取得日", "when", "date", "time"}},
        {{"method (how)", "取得方法"}, {"方法", "経路", "how", "method", "source", "channel"}},
        {{"notice version (what they were told)", "同意文言のバージョン"},
         {"文言", "バージョン", "版", "notice", "version", "wording", "text"}},
    };
    std::vector<std::string> missing_en, missing_ja;
    for (const Need& n : needs) {
        bool found = false;
        for (const LString& f : p.consent->record_fields) found |= contains_any(f.value, n.words);
        if (found) continue;
        missing_en.push_back(n.name.en);
        missing_ja.push_back(n.name.ja);
    }
    if (missing_en.empty()) return;
    SourcePos at =
        p.consent->record_fields.empty() ? p.consent->pos : p.consent->record_fields.front().pos;
    ctx.report(at,
               {fmt::format("consent record_fields do not cover {}", fmt::join(missing_en, ", ")),
                fmt::format("同意の記録項目 (record_fields) に{}がありません",
                            fmt::join(missing_ja, "・"))});
}

void check_unsubscribe_days(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.consent || !p.consent->unsubscribe_within_days.present()) return;
    double days = p.consent->unsubscribe_within_days.value;
    if (days <= ctx.thresholds.unsubscribe_max_days) return;
    ctx.report(p.consent->unsubscribe_within_days.pos,
               {fmt::format("opt-outs take effect within {:g} days; mailbox providers expect {:g}",
                            days, ctx.thresholds.unsubscribe_max_days),
                fmt::format("配信停止の反映が {:g} 日以内となっています。メールボックス事業者の"
                            "基準は {:g} 日以内です",
                            days, ctx.thresholds.unsubscribe_max_days)});
}

void check_withdrawal(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.consent || p.consent->withdrawal.present()) return;
    ctx.report(p.consent->pos, {"consent does not say how opt-outs are taken and honoured "
                                "(withdrawal)",
                                "同意の方針に配信停止の受付と反映方法 (withdrawal) がありません"});
}

}  // namespace

std::vector<RuleDescriptor> list_rules() {
    return {
        {"LIST-001",
         5,
         Severity::warning,
         {"No customer data sources", "顧客データの保有元がない"},
         {"Step 5 starts from every system that holds customers (CRM, SFA, events, web forms) "
          "and how each reaches the MA master (the MA specialist textbook). A warning: a plan that "
          "is just started "
          "has none yet.",
          "ステップ5は、顧客を保有するすべてのシステム (CRM・SFA・展示会・Web フォーム) と、"
          "それぞれが MA マスターに反映される方法の洗い出しから始まります "
          "(MAスペシャリスト教科書)。"
          "書き始めの計画では未記入なので警告です。"},
         {"Add `data_sources`.", "`data_sources` を書いてください。"},
         check_no_sources,
         {R"yaml(
data_sources: []
)yaml",
          R"yaml(
data_sources:
  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}
)yaml"}},
        {"LIST-002",
         5,
         Severity::warning,
         {"Data source without owner or sync", "管理部門・反映頻度のないデータソース"},
         {"The MA specialist textbook: new and changed contacts must reach the MA master; a source "
          "nobody owns or "
          "that has no sync schedule goes stale, and real data stops matching its definition.",
          "MAスペシャリスト教科書: 新規・変更の連絡先は MA "
          "マスターに反映し続ける必要があります。管理部門や"
          "反映頻度のないソースは古くなり、実データが定義と合わなくなります。"},
         {"Add `owner:` (a stakeholder ID) and `sync:`.",
          "`owner:` (ステークホルダー ID) と `sync:` を書いてください。"},
         check_source_owner_sync,
         {R"yaml(
data_sources:
  - {id: expo, system: 展示会名刺CSV}
)yaml",
          R"yaml(
data_sources:
  - {id: expo, system: 展示会名刺CSV, owner: mk, sync: manual}
)yaml"}},
        {"LIST-003",
         5,
         Severity::warning,
         {"No customer-ID key across sources", "ソース間の顧客 ID キーがない"},
         {"With more than one source the same customer appears several times; the customer-ID "
          "key that matches records across systems and channels is what prevents duplicates "
          "and double sends (the MA specialist textbook, step 5).",
          "ソースが複数あると同じ顧客が何度も現れます。システムやチャネルをまたいでレコードを"
          "突合する顧客 ID キーが、重複と二重配信を防ぎます (MAスペシャリスト教科書、ステップ5)。"},
         {"Set `customer_id_key` (e.g. `sfdc.AccountContactId`).",
          "`customer_id_key` を書いてください (例: `sfdc.AccountContactId`)。"},
         check_customer_id_key,
         {R"yaml(
data_sources:
  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}
  - {id: expo, system: 展示会名刺CSV, owner: mk, sync: manual}
)yaml",
          R"yaml(
data_sources:
  - {id: sfdc, system: Salesforce, owner: sa, sync: daily}
  - {id: expo, system: 展示会名刺CSV, owner: mk, sync: manual}
customer_id_key: sfdc.ContactId
)yaml"}},
        {"LIST-004",
         5,
         Severity::warning,
         {"Opt-outs or hard bounces not excluded", "配信停止・ハードバウンスが除外されていない"},
         {"The MA specialist textbook: exclusions that apply to every campaign are maintained "
          "centrally. Mailing "
          "someone who opted out breaks the Specified Electronic Mail Act §3(3); mailing hard "
          "bounces ruins the sender's reputation.",
          "MAスペシャリスト教科書: "
          "全施策共通の除外条件は一元管理します。配信停止した人への送信は特定電子"
          "メール法 第3条第3項に反し、ハードバウンスへの送信は送信者の評価を落とします。"},
         {"Add `optout` and `hard_bounce` to `exclusions`.",
          "`exclusions` に `optout` と `hard_bounce` を追加してください。"},
         check_exclusions,
         {R"yaml(
exclusions: [optout, role_addresses]
)yaml",
          R"yaml(
exclusions: [optout, hard_bounce, role_addresses]
)yaml"}},
        {"LIST-010",
         5,
         Severity::warning,
         {"Domain exclusion without domains", "ドメインのないドメイン除外"},
         {"The MA specialist textbook: the exclusions every campaign applies are maintained as "
          "data. A competitor "
          "or own-company exclusion with no domains looks done in the plan but excludes nobody, "
          "so competitors receive the campaigns.",
          "MAスペシャリスト教科書: "
          "全施策共通の除外条件はデータとして管理します。競合や自社のドメイン除外に"
          "ドメインが書かれていないと、計画上は対応済みに見えても誰も除外されず、競合にも"
          "配信されます。"},
         {"List the domains under `domains:`.", "`domains:` にドメインを書いてください。"},
         check_exclusion_domains,
         {R"yaml(
exclusions:
  - optout
  - hard_bounce
  - {kind: competitor_domains}
)yaml",
          R"yaml(
exclusions:
  - optout
  - hard_bounce
  - {kind: competitor_domains, domains: [competitor.example]}
)yaml"}},
        {"LIST-005",
         5,
         Severity::error,
         {"Opt-out consent policy", "オプトアウト方式の同意"},
         {"Japan's Specified Electronic Mail Act §3(1) allows advertising email only to people "
          "who consented in advance (narrow exceptions: business cards, existing business, "
          "published business addresses); GDPR likewise needs consent. If the plan only mails "
          "countries with opt-out regimes, disable this rule in `.ma-plan.yaml`.",
          "特定電子メール法 第3条第1項により、広告メールは事前に同意した人にしか送れません "
          "(例外は名刺などの書面での通知、取引関係、公表されたアドレスに限られます)。GDPR も"
          "同意を求めます。オプトアウト方式の国だけに送る場合は `.ma-plan.yaml` でこのルールを"
          "無効にしてください。"},
         {"Set `consent.policy: opt_in` and record how each consent was obtained.",
          "`consent.policy: opt_in` にし、同意の取得方法を記録してください。"},
         check_opt_out_policy,
         {R"yaml(
consent: {policy: opt_out, withdrawal: メール末尾の配信停止リンク}
)yaml",
          R"yaml(
consent: {policy: opt_in, withdrawal: メール末尾の配信停止リンク}
)yaml"}},
        {"LIST-006",
         5,
         Severity::error,
         {"Email planned without a consent policy", "同意の方針がないメール配信"},
         {"Once a plan sends email, the consent it relies on must be stated (Specified "
          "Electronic Mail Act §3, APPI). A plan that sends nothing yet is not flagged.",
          "メールを配信する計画なら、その根拠となる同意を明記する必要があります (特定電子メール"
          "法 第3条、個人情報保護法)。まだ配信を計画していない段階では指摘しません。"},
         {"Add `consent: {policy: opt_in, record_fields: [...], withdrawal: ...}`.",
          "`consent: {policy: opt_in, record_fields: [...], withdrawal: ...}` を書いてください。"},
         check_consent_missing,
         {R"yaml(
communications:
  - {id: c-case, content: 導入事例, channel: email, owner: mk, timing: 資料DLの3日後}
)yaml",
          R"yaml(
communications:
  - {id: c-case, content: 導入事例, channel: email, owner: mk, timing: 資料DLの3日後}
consent: {policy: opt_in, withdrawal: メール末尾の配信停止リンク}
)yaml"}},
        {"LIST-007",
         5,
         Severity::info,
         {"Consent record incomplete", "同意の記録項目が不足"},
         {"The sender must keep a record of how consent was obtained (Specified Electronic Mail "
          "Act §3(2)); GDPR Art. 7(1) and the UK ICO ask for who, when, how and what they were "
          "told (notice version). `record_fields` are free text, so this rule is a keyword "
          "fallback and only info: a field counts as the date/time if it contains 日時, 日付, "
          "取得日, when, date or time; as the method if 方法, 経路, how, method, source or "
          "channel; as the notice version if 文言, バージョン, 版, notice, version, wording or "
          "text (ASCII case ignored).",
          "送信者は同意の取得状況を記録・保存しなければなりません (特定電子メール法 第3条第2項)。"
          "GDPR 第7条第1項と英国 ICO は、誰が・いつ・どのように・どの文言に同意したかの記録を"
          "求めます。`record_fields` は自由記述のため、この規則はキーワードによる補助判定で、"
          "重大度は情報です: 日時・日付・取得日・when・date・time を含む項目を取得日時、"
          "方法・経路・how・method・source・channel を含む項目を取得方法、文言・バージョン・版・"
          "notice・version・wording・text を含む項目を同意文言のバージョンとみなします "
          "(英字の大文字小文字は区別しません)。"},
         {"List the date/time, the method and the notice version in `record_fields`.",
          "`record_fields` に取得日時・取得方法・同意文言バージョンを書いてください。"},
         check_record_fields,
         {R"yaml(
consent:
  policy: opt_in
  withdrawal: メール末尾の配信停止リンク
  record_fields: [取得日時]
)yaml",
          R"yaml(
consent:
  policy: opt_in
  withdrawal: メール末尾の配信停止リンク
  record_fields: [取得日時, 取得経路, 同意文言のバージョン]
)yaml"}},
        {"LIST-008",
         5,
         Severity::warning,
         {"Opt-outs honoured too slowly", "配信停止の反映が遅い"},
         {"Google's and Yahoo's bulk-sender rules (2024) require unsubscribes honoured within "
          "2 days; slower handling means mail to people who opted out. Vendor figure, "
          "configurable (thresholds.unsubscribe_max_days).",
          "Google・Yahoo のバルク送信者向けルール (2024年) は、配信停止を 2 日以内に反映する"
          "ことを求めます。遅いと配信停止した人にメールが届きます。事業者の基準なので設定で"
          "変更できます (thresholds.unsubscribe_max_days)。"},
         {"Lower `unsubscribe_within_days` (the MA tool usually applies it at once).",
          "`unsubscribe_within_days` を短くしてください (MA ツールなら通常即時です)。"},
         check_unsubscribe_days,
         {R"yaml(
consent: {policy: opt_in, withdrawal: 配信停止リンク, unsubscribe_within_days: 10}
)yaml",
          R"yaml(
consent: {policy: opt_in, withdrawal: 配信停止リンク, unsubscribe_within_days: 2}
)yaml"}},
        {"LIST-009",
         5,
         Severity::warning,
         {"No opt-out process", "配信停止の受付方法がない"},
         {"An opt-out stops sending even where a consent exception applied (Specified "
          "Electronic Mail Act §3(3)); the plan must say how opt-outs are received and applied.",
          "配信停止の申し出があれば、同意の例外に当たる場合でも送信をやめなければなりません "
          "(特定電子メール法 第3条第3項)。受付と反映の方法を決めておく必要があります。"},
         {"Add `withdrawal:` describing the unsubscribe link and how fast it applies.",
          "`withdrawal:` に配信停止リンクと反映までの流れを書いてください。"},
         check_withdrawal,
         {R"yaml(
consent: {policy: opt_in}
)yaml",
          R"yaml(
consent: {policy: opt_in, withdrawal: メール末尾のリンクから即時停止}
)yaml"}},
    };
}

}  // namespace maplan::rules
