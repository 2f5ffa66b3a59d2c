#include "core/starter.hpp"

#include <fmt/format.h>

#include "core/atomic_file.hpp"

namespace maplan {

namespace {

constexpr const char* starter_ja =
    R"(# yaml-language-server: $schema=https://raw.githubusercontent.com/ma-plan/ma-plan/main/docs/ma-plan.schema.json
# MA 導入計画 ({name})
# 7 つのステップ (ゴール → 体制 → ターゲット → コミュニケーション → 顧客リスト → ツール → 効果測定)
# の順に埋めていきます。`ma-plan validate このファイル` で抜けや誤りを確認できます。
ma_plan: 1
project:
  name: {name}
  tool: {tool}              # eloqua | marketo | hubspot | account_engagement | mautic | other
  language: ja
  owner: marketing          # デマンドセンター全体を統括する部門

# ---- 1. 課題の把握・ゴール設定 ----
problems:
  - (例) 展示会リードがフォローされずに放置されている
goals:
  - id: g-sql
    statement: 商談化数を増やす
    kpi: {{ metric: SQL件数, target: 100, period: 2027-H1, unit: 件 }}
    agreed_by: [marketing, sales]     # 営業とマーケティングの両方が合意すること
lifecycle:                            # リードの段階を順番に
  - inquiry
  - mql: {{ definition: (営業と合意した MQL の定義を書く) }}
  - sql: {{ definition: (営業と合意した SQL の定義を書く), trigger: 見積依頼 }}
  - won

# ---- 2. 体制構築・役割分担 ----
# 見落としがちな 2 部門 (社内システム管理部門と個人情報管理部門) を必ず入れます (記事000)。
stakeholders:
  - {{ id: marketing, name: マーケティング部, kind: marketing }}
  - {{ id: sales, name: 営業部, kind: sales }}
  - {{ id: it, name: 情報システム部, kind: internal_systems }}
  - {{ id: legal, name: 法務部, kind: privacy_legal }}
tasks:                                # 主担当 (決定権を持つ部門) はタスクごとに 1 つ
  - name: 個人情報利用の定義
    step: 2
    roles: {{ legal: 主担当, marketing: 共有, sales: 共有, it: 共有 }}
    status: todo
  - name: MA ツール利用申請
    step: 6
    roles: {{ marketing: 主担当, it: 受領, sales: 共有, legal: 共有 }}
    status: todo

# ---- 3. ターゲットの設定 ----
# segments:, personas:, journey: を追加します (ma-plan schema で項目を確認できます)。

# ---- 4. コミュニケーションフロー ----
# communications:, handoffs:, scoring: を追加します。

# ---- 5. 顧客リストの用意 ----
consent:
  policy: opt_in                      # 特定電子メール法: 広告メールは事前同意が必要
  record_fields: [取得日時, 取得方法, 同意文言バージョン]
exclusions: [optout, hard_bounce]

# ---- 6. ツールの準備 ----
environments: {{ production: true, sandbox: true }}   # テストメールを顧客に送らないため開発環境を分ける

# ---- 7. 効果測定・運用フローの明確化 ----
# kpi_measurement:, reporting:, operations: (定例会議・エラー対応・停止時の再開方針) を追加します。
)";

constexpr const char* starter_en =
    R"(# yaml-language-server: $schema=https://raw.githubusercontent.com/ma-plan/ma-plan/main/docs/ma-plan.schema.json
# MA rollout plan ({name})
# Fill it in step by step (goals → roles → targets → communication → customer lists → tool →
# measurement). Run `ma-plan validate THIS-FILE` to see what is missing or wrong.
ma_plan: 1
project:
  name: {name}
  tool: {tool}              # eloqua | marketo | hubspot | account_engagement | mautic | other
  language: en
  owner: marketing          # the department coordinating the whole demand center

# ---- 1. Problems and goals ----
problems:
  - (describe a current problem, e.g.) trade-show leads are never followed up
goals:
  - id: g-sql
    statement: More sales-qualified opportunities
    kpi: {{ metric: SQLs, target: 100, period: 2027-H1, unit: leads }}
    agreed_by: [marketing, sales]     # both sales and marketing must agree
lifecycle:                            # lead stages, in order
  - inquiry
  - mql: {{ definition: (the MQL definition agreed with sales) }}
  - sql: {{ definition: (the SQL definition agreed with sales), trigger: quote request }}
  - won

# ---- 2. Organisation and roles ----
# Include the two departments rollouts forget: internal systems (IT) and privacy/legal.
stakeholders:
  - {{ id: marketing, name: Marketing, kind: marketing }}
  - {{ id: sales, name: Sales, kind: sales }}
  - {{ id: it, name: IT, kind: internal_systems }}
  - {{ id: legal, name: Legal, kind: privacy_legal }}
tasks:                                # exactly one owner (A) per task
  - name: Define the use of personal information
    step: 2
    roles: {{ legal: A, marketing: I, sales: I, it: I }}
    status: todo
  - name: Apply for approval of the MA tool
    step: 6
    roles: {{ marketing: A, it: 受領, sales: I, legal: I }}
    status: todo

# ---- 3. Targets ----
# Add segments:, personas: and journey: (see `ma-plan schema` for the keys).

# ---- 4. Communication flow ----
# Add communications:, handoffs: and scoring:.

# ---- 5. Customer lists ----
consent:
  policy: opt_in                      # Japan's Specified Electronic Mail Act: prior consent for ads
  record_fields: [consented_at, method, notice_version]
exclusions: [optout, hard_bounce]

# ---- 6. Tool setup ----
environments: {{ production: true, sandbox: true }}   # keep test mail away from customers

# ---- 7. Measurement and operations ----
# Add kpi_measurement:, reporting: and operations: (review meeting, error response, pause policy).
)";

}  // namespace

std::string starter_plan(Lang lang, const std::string& project_name, const std::string& tool) {
    return fmt::format(fmt::runtime(lang == Lang::ja ? starter_ja : starter_en),
                       fmt::arg("name", project_name), fmt::arg("tool", tool));
}

void create_new_file(const std::filesystem::path& path, const std::string& content) {
    write_file_atomically(
        path, content,
        {.never_replace = Text{"already exists; ma-plan init never overwrites a file",
                               "すでに存在します。ma-plan init は既存のファイルを上書きしません"}});
}

}  // namespace maplan
