// Descriptors for the findings the loader produces while reading the file (core/loader.cpp).
#include "core/loader.hpp"
#include "rules/families.hpp"

namespace maplan::rules {

std::vector<RuleDescriptor> schema_rules() {
    return {
        {schema_rule::unknown_key,
         0,
         Severity::error,
         {"Unknown key", "未知のキー"},
         {"A misspelt key is silently ignored by most YAML tools, so a plan looks complete while a "
          "section is missing. ma-plan rejects keys the format does not define.",
          "キーの綴り間違いは多くの YAML "
          "ツールで黙って無視され、記入済みに見えて実は欠けている状態になります。"
          "ma-plan は定義されていないキーを誤りとして扱います。"},
         {"Fix the spelling (see the suggestion) or remove the key.",
          "提案に従って綴りを直すか、キーを削除してください。"},
         nullptr,
         {R"yaml(
goal:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml",
          R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml"}},
        {schema_rule::wrong_type,
         0,
         Severity::error,
         {"Wrong type", "型が違う"},
         {"Each key expects text, a number, true/false, a list or a mapping; anything else cannot "
          "be checked or rendered.",
          "キーごとに文字列・数値・真偽値・リスト・マッピングのどれを書くかが決まっています。"},
         {"Write the value in the expected form (see `ma-plan schema`).",
          "期待される形で値を書いてください (`ma-plan schema` 参照)。"},
         nullptr,
         {R"yaml(
goals: {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml",
          R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml"}},
        {schema_rule::missing_key,
         0,
         Severity::error,
         {"Missing required key", "必須キーがない"},
         {"Some keys are what makes an entry meaningful (a task's name and step, a stakeholder's "
          "kind); without them other checks cannot run.",
          "タスクの名前とステップ、ステークホルダーの種類など、項目の意味を決めるキーがないと他の検"
          "査ができません。"},
         {"Add the key.", "キーを追加してください。"},
         nullptr,
         {R"yaml(
goals:
  - {id: g-sql, kpi: {metric: SQL件数, target: 120, period: 2027-H1}}
)yaml",
          R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
)yaml"}},
        {schema_rule::duplicate_key,
         0,
         Severity::error,
         {"Duplicate key", "キーの重複"},
         {"YAML parsers keep one of two equal keys silently, so one of the values is lost.",
          "同じキーが 2 回あると、YAML パーサーは片方を黙って捨てます。"},
         {"Merge the two entries or rename one.", "2 つをまとめるか、片方の名前を変えてください。"},
         nullptr,
         {R"yaml(
budget:
  operating_jpy_per_year: 12000000
  operators: 1
  operators: 2
)yaml",
          R"yaml(
budget:
  operating_jpy_per_year: 12000000
  operators: 2
)yaml"}},
        {schema_rule::value_not_allowed,
         0,
         Severity::error,
         {"Value not allowed", "使えない値"},
         {"Keys such as status, channel or tool take one of a fixed set of values, so reports can "
          "group and count them.",
          "status・channel・tool などは決まった値から選びます。集計とレポートのためです。"},
         {"Use one of the listed values.", "一覧の値を使ってください。"},
         nullptr,
         {R"yaml(
consent: {policy: opt-in, withdrawal: メール末尾の配信停止リンク}
)yaml",
          R"yaml(
consent: {policy: opt_in, withdrawal: メール末尾の配信停止リンク}
)yaml"}},
        {schema_rule::bad_value,
         0,
         Severity::error,
         {"Invalid value", "不正な値"},
         {"Dates, IDs and numbers must be well formed and in range to be compared and computed.",
          "日付・ID・数値は比較や計算に使うため、正しい形と範囲で書く必要があります。"},
         {"Correct the value.", "値を直してください。"},
         nullptr,
         {R"yaml(
tasks:
  - {name: MAツール利用申請, step: 6, due: 2026-02-30, roles: {mk: 主担当, it: 受領}}
)yaml",
          R"yaml(
tasks:
  - {name: MAツール利用申請, step: 6, due: 2026-02-27, roles: {mk: 主担当, it: 受領}}
)yaml"}},
        {schema_rule::unsupported_version,
         0,
         Severity::error,
         {"Unsupported format version", "未対応のフォーマットバージョン"},
         {"The meaning of keys may change between format versions.",
          "フォーマットのバージョンによってキーの意味が変わる可能性があります。"},
         {"Write `ma_plan: 1`.", "`ma_plan: 1` と書いてください。"},
         nullptr,
         {R"yaml(
ma_plan: 2
)yaml",
          R"yaml(
ma_plan: 1
)yaml"}},
    };
}

}  // namespace maplan::rules
