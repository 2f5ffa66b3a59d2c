// Placeholders left from `ma-plan init` (core/placeholder.hpp). The loader keeps them out of the
// model and records each one; this rule lists them, one finding per placeholder at its position,
// so "what is still to write" is a list the user can work through.
#include <fmt/format.h>

#include <algorithm>

#include "core/placeholder.hpp"

#include "rules/families.hpp"

namespace maplan::rules {

namespace {

void check_placeholders(RuleContext& ctx) {
    for (const Placeholder& p : ctx.project.placeholders) {
        std::string_view text = p.text.value;
        text.remove_prefix(std::min(text.find(placeholder_open), text.size()));
        text = text.substr(0, text.rfind(placeholder_close) + placeholder_close.size());
        ctx.report(p.text.pos,
                   {fmt::format("placeholder {} is still in \"{}\"", text, p.key),
                    fmt::format("「{}」に雛形のプレースホルダー {} が残っています", p.key, text)});
    }
}

}  // namespace

std::vector<RuleDescriptor> placeholder_rules() {
    return {
        {"PLACEHOLDER-001",
         0,
         Severity::warning,
         {"Placeholder left from the starter plan", "雛形のプレースホルダーが残っている"},
         {"`ma-plan init` marks every value it cannot know as `<<…>>`. A placeholder is not the "
          "plan's content: it reads as absent, never ticks a checklist item, and stays listed "
          "here until it is replaced or deleted. A warning: a plan being filled in has some.",
          "`ma-plan init` は分からない値をすべて `<<…>>` の形で書きます。プレースホルダーは計画の"
          "内容ではないので、値がないものとして扱い、チェックリストの完了にも数えません。書き換え"
          "るか削除するまで、ここに一覧されます。記入途中の計画には残っているのが普通なので警告"
          "です。"},
         {"Write the plan's own value in place of `<<…>>`, or delete the entry.",
          "`<<…>>` を計画の実際の内容に書き換えるか、その項目を削除してください。"},
         check_placeholders,
         {R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: "<<目標値>>", period: 2027-H1}
)yaml",
          R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
)yaml"}},
    };
}

}  // namespace maplan::rules
