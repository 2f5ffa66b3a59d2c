#include "core/starter.hpp"

#include <fmt/format.h>

#include <utf8proc.h>

#include "core/atomic_file.hpp"
#include "core/build_config.hpp"
#include "core/errors.hpp"

namespace maplan {

namespace {

constexpr const char* starter_ja =
    R"(# yaml-language-server: $schema={schema_url}
# MA 導入計画の雛形 (ma-plan init)
# 7 つのステップ (ゴール → 体制 → ターゲット → コミュニケーション → 顧客リスト → ツール → 効果測定)
# の順に埋めていきます。`ma-plan validate このファイル` で抜けや誤りを確認できます。
# "<<…>>" はプレースホルダーです。計画の内容に書き換えるか、項目ごと削除してください。残っている
# 間はその項目を完了に数えず、PLACEHOLDER-001 が位置を一覧します。
ma_plan: 1
project:
  name: {name}
  tool: {tool}              # eloqua | marketo | hubspot | account_engagement | mautic | other
  language: ja
  owner: "<<デマンドセンター全体を統括する部門の ID (例: marketing)>>"

# ---- 1. 課題の把握・ゴール設定 ----
problems:
  - "<<現状の課題 (例: 展示会リードがフォローされずに放置されている)>>"
goals:
  - id: g-sql
    statement: "<<ゴール (例: 商談化数を増やす)>>"
    kpi: {{ metric: "<<指標 (例: SQL件数)>>", target: "<<目標値 (数値)>>", period: "<<期間 (例: 2027-H1)>>", unit: "<<単位 (例: 件)>>" }}
    agreed_by: ["<<合意した部門の ID (例: marketing, sales)>>"]   # 営業とマーケティングの両方が合意してから書く
lifecycle:                            # リードの段階を順番に
  - inquiry
  - mql: {{ definition: "<<営業と合意した MQL の定義>>" }}
  - sql: {{ definition: "<<営業と合意した SQL の定義>>", trigger: "<<SQL に進む契機 (例: 見積依頼)>>" }}
  - won

# ---- 2. 体制構築・役割分担 ----
# 見落としがちな 2 部門 (社内システム管理部門と個人情報管理部門) を必ず入れます (DX station 第4回)。
stakeholders:
  - {{ id: marketing, name: "<<部門の正式名称 (例: マーケティング部)>>", kind: marketing }}
  - {{ id: sales, name: "<<部門の正式名称 (例: 営業部)>>", kind: sales }}
  - {{ id: it, name: "<<部門の正式名称 (例: 情報システム部)>>", kind: internal_systems }}
  - {{ id: legal, name: "<<部門の正式名称 (例: 法務部)>>", kind: privacy_legal }}
tasks:                                # 主担当 (決定権を持つ部門) はタスクごとに 1 つ
  - name: 個人情報利用の定義
    step: 2
    roles: {{ legal: 主担当, marketing: 共有, sales: 共有, it: 共有 }}
    status: todo
    due: "<<期限 (YYYY-MM-DD)>>"
  - name: MA ツール利用申請
    step: 6
    roles: {{ marketing: 主担当, it: 受領, sales: 共有, legal: 共有 }}
    status: todo
    due: "<<期限 (YYYY-MM-DD)>>"

# ---- 3. ターゲットの設定 ----
# segments:, personas:, journey: を追加します (ma-plan schema で項目を確認できます)。

# ---- 4. コミュニケーションフロー ----
# communications:, handoffs:, scoring: を追加します。

# ---- 5. 顧客リストの用意 ----
consent:
  policy: opt_in                      # 特定電子メール法: 広告メールは事前同意が必要
  record_fields: [取得日時, 取得方法, 同意文言バージョン]
  withdrawal: "<<配信停止の受け付け方と反映方法>>"
exclusions: [optout, hard_bounce, "<<他の除外条件 (例: competitor_domains)。なければ削除>>"]

# ---- 6. ツールの準備 ----
environments: {{ production: true, sandbox: true, test_recipients: "<<テストメールが届いてよい宛先 (社内のみ)>>" }}   # テストメールを顧客に送らないため開発環境を分ける

# ---- 7. 効果測定・運用フローの明確化 ----
# kpi_measurement:, reporting:, operations: (定例会議・エラー対応・停止時の再開方針) を追加します。
)";

constexpr const char* starter_en =
    R"(# yaml-language-server: $schema={schema_url}
# MA rollout plan, starter (ma-plan init)
# Fill it in step by step (goals → roles → targets → communication → customer lists → tool →
# measurement). Run `ma-plan validate THIS-FILE` to see what is missing or wrong.
# "<<…>>" is a placeholder: write the plan's own value in its place, or delete the entry. While
# one is left, the item it belongs to is not done, and PLACEHOLDER-001 lists where it is.
ma_plan: 1
project:
  name: {name}
  tool: {tool}              # eloqua | marketo | hubspot | account_engagement | mautic | other
  language: en
  owner: "<<ID of the department coordinating the whole demand center (e.g. marketing)>>"

# ---- 1. Problems and goals ----
problems:
  - "<<a current problem (e.g. trade-show leads are never followed up)>>"
goals:
  - id: g-sql
    statement: "<<a goal (e.g. more sales-qualified opportunities)>>"
    kpi: {{ metric: "<<metric (e.g. SQLs)>>", target: "<<target (a number)>>", period: "<<period (e.g. 2027-H1)>>", unit: "<<unit (e.g. leads)>>" }}
    agreed_by: ["<<IDs of the departments that agreed (e.g. marketing, sales)>>"]   # only once both agreed
lifecycle:                            # lead stages, in order
  - inquiry
  - mql: {{ definition: "<<the MQL definition agreed with sales>>" }}
  - sql: {{ definition: "<<the SQL definition agreed with sales>>", trigger: "<<what makes a lead an SQL (e.g. quote request)>>" }}
  - won

# ---- 2. Organisation and roles ----
# Include the two departments rollouts forget: internal systems (IT) and privacy/legal.
stakeholders:
  - {{ id: marketing, name: "<<the department's name (e.g. Marketing)>>", kind: marketing }}
  - {{ id: sales, name: "<<the department's name (e.g. Sales)>>", kind: sales }}
  - {{ id: it, name: "<<the department's name (e.g. IT)>>", kind: internal_systems }}
  - {{ id: legal, name: "<<the department's name (e.g. Legal)>>", kind: privacy_legal }}
tasks:                                # exactly one owner (A) per task
  - name: Define the use of personal information
    step: 2
    roles: {{ legal: A, marketing: I, sales: I, it: I }}
    status: todo
    due: "<<due date (YYYY-MM-DD)>>"
  - name: Apply for approval of the MA tool
    step: 6
    roles: {{ marketing: A, it: 受領, sales: I, legal: I }}
    status: todo
    due: "<<due date (YYYY-MM-DD)>>"

# ---- 3. Targets ----
# Add segments:, personas: and journey: (see `ma-plan schema` for the keys).

# ---- 4. Communication flow ----
# Add communications:, handoffs: and scoring:.

# ---- 5. Customer lists ----
consent:
  policy: opt_in                      # Japan's Specified Electronic Mail Act: prior consent for ads
  record_fields: [consented_at, method, notice_version]
  withdrawal: "<<how an opt-out is taken and honoured>>"
exclusions: [optout, hard_bounce, "<<other exclusions (e.g. competitor_domains); delete if none>>"]

# ---- 6. Tool setup ----
environments: {{ production: true, sandbox: true, test_recipients: "<<who test mail may reach (internal only)>>" }}   # keep test mail away from customers

# ---- 7. Measurement and operations ----
# Add kpi_measurement:, reporting: and operations: (review meeting, error response, pause policy).
)";

}  // namespace

std::string yaml_double_quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::string_view rest = text.substr(i);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02X}", c);
        } else if (rest.starts_with("\u0085") || rest.starts_with("\u2028") ||
                   rest.starts_with("\u2029") || rest.starts_with("\uFEFF")) {
            // YAML 1.1 line breaks (NEL, LS, PS) and the byte order mark, written as escapes so
            // no reader folds or drops them.
            const bool two = c == 0xC2;
            char32_t cp = two                          ? 0x85
                          : rest.starts_with("\u2028") ? 0x2028
                          : rest.starts_with("\u2029") ? 0x2029
                                                       : 0xFEFF;
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
            i += two ? 1 : 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

std::string starter_plan(Lang lang, const std::string& project_name, const std::string& tool) {
    // A plan is UTF-8 (validate rejects anything else), so a name that is not would make a
    // starter that cannot be read back.
    for (std::size_t i = 0; i < project_name.size();) {
        utf8proc_int32_t cp = 0;
        auto n =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(project_name.data() + i),
                             static_cast<utf8proc_ssize_t>(project_name.size() - i), &cp);
        if (n <= 0) {
            throw UsageError({fmt::format("--name is not valid UTF-8 (byte {})", i + 1),
                              fmt::format("--name が UTF-8 ではありません ({} バイト目)", i + 1)});
        }
        i += static_cast<std::size_t>(n);
    }
    // The name is the user's text: written as a double-quoted scalar, so `: `, `#`, quotes and
    // line breaks are data, not YAML syntax. The tool is one of init's fixed choices.
    return fmt::format(fmt::runtime(lang == Lang::ja ? starter_ja : starter_en),
                       fmt::arg("name", yaml_double_quoted(project_name)), fmt::arg("tool", tool),
                       fmt::arg("schema_url", build_config::schema_url));
}

void create_new_file(const std::filesystem::path& path, const std::string& content) {
    write_file_atomically(
        path, content,
        {.never_replace = Text{"already exists; ma-plan init never overwrites a file",
                               "すでに存在します。ma-plan init は既存のファイルを上書きしません"}});
}

}  // namespace maplan
