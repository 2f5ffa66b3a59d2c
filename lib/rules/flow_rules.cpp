// Step 4: communication flow (DX station #6; MA specialist textbook; MarketOne demand center;
// MarketOne MA guide). Every communication item needs an owner and a timing; the plan needs
// automated programs beyond one-off sends; each hand-off between departments is defined before the
// campaign starts, with its SLA and the feedback of lost leads.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/families.hpp"
#include "rules/plan_text.hpp"

namespace maplan::rules {

namespace {

std::string_view kind_of(const Project& p, const LString& id) {
    const Stakeholder* s = p.find_stakeholder(id.value);
    return s != nullptr ? std::string_view(s->kind.value) : std::string_view();
}

std::string handoff_label(const Handoff& h) {
    return fmt::format("{} → {}", h.from.value, h.to.value);
}

void check_no_communications(RuleContext& ctx) {
    if (!ctx.project.communications.empty()) return;
    ctx.report({}, {"the plan has no communication items", "コミュニケーション項目がありません"});
}

void check_owner_timing(RuleContext& ctx) {
    for (const Communication& c : ctx.project.communications) {
        bool owner = c.owner.present(), timing = c.timing.present();
        if (owner && timing) continue;
        Text what = !owner && !timing ? Text{"owner and no timing", "担当部門とタイミング"}
                    : !owner          ? Text{"owner", "担当部門"}
                                      : Text{"timing", "タイミング"};
        ctx.report(c.pos,
                   {fmt::format("communication \"{}\" has no {}", c.id.value, what.en),
                    fmt::format("コミュニケーション「{}」に{}がありません", c.id.value, what.ja)});
    }
}

void check_content_production(RuleContext& ctx) {
    const Project& p = ctx.project;
    // The plan says which task produces which content, from either side: the item names its
    // production_task, or the task lists the item in produces. Task names are never read.
    for (const Communication& c : p.communications) {
        const std::string& status = c.content_status.value;
        if (status != "new" && status != "needs_update") continue;
        if (c.production_task.present()) continue;  // a dangling ID is REF-002's finding
        bool produced = std::any_of(p.tasks.begin(), p.tasks.end(), [&](const Task& t) {
            return std::any_of(t.produces.begin(), t.produces.end(),
                               [&](const LString& id) { return id.value == c.id.value; });
        });
        if (produced) continue;
        ctx.report(
            c.content_status.pos,
            {fmt::format("communication \"{}\" needs {} content, but no task produces it "
                         "(no production_task, and no task lists it in produces)",
                         c.id.value, status == "new" ? "new" : "updated"),
             fmt::format("コミュニケーション「{}」のコンテンツ ({}) を制作するタスクがありません "
                         "(production_task がなく、produces に挙げたタスクもありません)",
                         c.id.value, status == "new" ? "新規作成" : "要更新")});
    }
}

void check_always_on(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.communications.empty()) return;
    for (const Communication& c : p.communications) {
        if (c.kind.value == "always_on" || c.kind.value == "nurture") return;
    }
    ctx.report(p.communications.front().pos,
               {fmt::format("none of the {} communication item(s) is an always-on or nurture "
                            "program; the plan is one-off sends only",
                            p.communications.size()),
                fmt::format("{} 件のコミュニケーションに Always On・ナーチャリングの施策がなく、"
                            "単発配信だけの計画です",
                            p.communications.size())});
}

void check_sql_trigger(RuleContext& ctx) {
    const LifecycleStage* sql = ctx.project.find_stage("sql");
    if (sql == nullptr || sql->trigger.present()) return;
    ctx.report(sql->id.pos, {"lifecycle stage \"sql\" has no trigger: what moves a lead from MQL "
                             "to SQL is not defined",
                             "ライフサイクルの段階「sql」に trigger がなく、MQL から SQL へ進む"
                             "きっかけが定義されていません"});
}

void check_handoff_conditions(RuleContext& ctx) {
    for (const Handoff& h : ctx.project.handoffs) {
        std::vector<std::string_view> missing;
        if (!h.when || !h.when->state.present()) missing.push_back("when.state");
        if (!h.when || h.when->attributes.empty()) missing.push_back("when.attributes");
        if (h.fields.empty()) missing.push_back("fields");
        if (missing.empty()) continue;
        std::string list = fmt::format("{}", fmt::join(missing, ", "));
        ctx.report(h.pos,
                   {fmt::format("hand-off {} does not define {}", handoff_label(h), list),
                    fmt::format("受け渡し {} に {} が定義されていません", handoff_label(h), list)});
    }
}

void check_marketing_to_sales(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.handoffs.empty()) {
        ctx.report({}, {"the plan defines no hand-off from marketing to sales",
                        "マーケティングから営業への受け渡しが定義されていません"});
        return;
    }
    for (const Handoff& h : p.handoffs) {
        std::string_view from = kind_of(p, h.from), to = kind_of(p, h.to);
        if (from == "marketing" && is_sales_side(to)) return;
        // Undeclared stakeholders are REF-001's finding; do not guess their kind.
        if (from.empty() || to.empty()) return;
    }
    ctx.report(p.handoffs.front().pos,
               {"no hand-off goes from marketing to sales or inside sales",
                "マーケティングから営業・インサイドセールスへの受け渡しがありません"});
}

void check_closed_lost(RuleContext& ctx) {
    const Project& p = ctx.project;
    for (const Handoff& h : p.handoffs) {
        if (!is_sales_side(kind_of(p, h.to)) || h.closed_lost_reasons_to.present()) continue;
        ctx.report(h.pos, {fmt::format("hand-off {} does not say who receives the reasons of "
                                       "leads closed as \"no need\" (closed_lost_reasons_to)",
                                       handoff_label(h)),
                           fmt::format("受け渡し {} に「ニーズなし」で終わったリードの理由を戻す先 "
                                       "(closed_lost_reasons_to) がありません",
                                       handoff_label(h))});
    }
}

void check_sla(RuleContext& ctx) {
    for (const Handoff& h : ctx.project.handoffs) {
        if (h.sla_hours.present()) continue;
        ctx.report(h.pos, {fmt::format("hand-off {} has no SLA (sla_hours)", handoff_label(h)),
                           fmt::format("受け渡し {} に対応期限 (sla_hours) がありません",
                                       handoff_label(h))});
    }
}

void check_negative_scoring(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.scoring || (p.scoring->profile.empty() && p.scoring->behavior.empty())) return;
    for (const auto* rules : {&p.scoring->profile, &p.scoring->behavior}) {
        for (const ScoringRule& r : *rules) {
            if (r.points.value < 0) return;
        }
    }
    ctx.report(p.scoring->pos,
               {"scoring only adds points: no negative or decay rule (e.g. 90 days inactive)",
                "スコアリングが加点だけで、減点・減衰のルール (例: 90日間無反応) がありません"});
}

}  // namespace

std::vector<RuleDescriptor> flow_rules() {
    return {
        {"FLOW-001",
         4,
         Severity::warning,
         {"No communication items", "コミュニケーション項目がない"},
         {"Step 4 plans, per journey stage, what is sent through which channel, when and by whom "
          "(DX station #6). A warning: a plan that is just started has none yet.",
          "ステップ4では、ジャーニーの段階ごとに何を・どのチャネルで・いつ・誰が届けるかを計画"
          "します (DX station 第6回)。書き始めの計画では未記入なので警告です。"},
         {"Add `communications` from the journey map.",
          "ジャーニーマップをもとに `communications` を書いてください。"},
         check_no_communications,
         {R"yaml(
communications: []
)yaml",
          R"yaml(
communications:
  - {id: c-case, content: 導入事例, channel: email, owner: mk, timing: 資料DLの3日後}
)yaml"}},
        {"FLOW-002",
         4,
         Severity::warning,
         {"Communication without owner or timing", "担当・タイミングのないコミュニケーション"},
         {"An item without an owner department is nobody's job; without a timing it is never "
          "scheduled (DX station #6: content, channel, timing, owner department).",
          "担当部門のない項目は誰の仕事でもなく、タイミングのない項目はいつまでも配信されません "
          "(DX station 第6回: コンテンツ・チャネル・タイミング・担当部門)。"},
         {"Add `owner:` (a stakeholder ID) and `timing:`.",
          "`owner:` (ステークホルダー ID) と `timing:` を書いてください。"},
         check_owner_timing,
         {R"yaml(
communications:
  - {id: c-case, content: 導入事例, channel: email}
)yaml",
          R"yaml(
communications:
  - {id: c-case, content: 導入事例, channel: email, owner: mk, timing: 資料DLの3日後}
)yaml"}},
        {"FLOW-003",
         4,
         Severity::warning,
         {"New content without a production task", "制作タスクのない新規コンテンツ"},
         {"Content marked new or needs_update does not exist yet; it is the usual critical path "
          "of a rollout, so each such item needs a task in the role matrix that produces it, with "
          "an owner (DX station #4; DX station #6). The link is structural: the item's "
          "`production_task` names "
          "the task's ID, or the task lists the item's ID in `produces`; task names are not read.",
          "new・needs_update のコンテンツはまだ存在せず、導入のクリティカルパスになりがちです。"
          "そうした項目ごとに、役割表に主担当付きの制作タスクが必要です (DX station 第4回・DX "
          "station 第6回)。"
          "つながりは構造で示します: 項目の `production_task` にタスクの ID を書くか、タスクの "
          "`produces` に項目の ID を挙げます。タスク名は読みません。"},
         {"Add a task such as \"ホワイトペーパー作成\" with an `id`, an owner and a due date, and "
          "set `production_task:` on the item (or `produces: [item-id]` on the task).",
          "「ホワイトペーパー作成」などのタスクを `id`・主担当・期限付きで追加し、項目に "
          "`production_task:` を書いてください (またはタスクに `produces: [項目ID]`)。"},
         check_content_production,
         {R"yaml(
communications:
  - {id: c-cmp, content: 機能比較表, channel: email, content_status: new}
)yaml",
          R"yaml(
tasks:
  - {id: t-cmp, name: 機能比較表の制作, step: 4, roles: {mk: 主担当, sa: 相談}}
communications:
  - {id: c-cmp, content: 機能比較表, channel: email, content_status: new, production_task: t-cmp}
)yaml"}},
        {"FLOW-004",
         4,
         Severity::warning,
         {"One-off sends only", "単発配信だけの計画"},
         {"The MA specialist textbook lists \"no campaign ideas beyond one-off mails\" as a "
          "failure, and MarketOne MA guide's "
          "Always On Program (automated nurturing triggered by interest) is what MA is for.",
          "MAスペシャリスト教科書は「単発メール以外の施策アイデアがない」を失敗例に挙げ、マーケット"
          "ワン「MA運用ガイド」は関心に応じて"
          "自動配信する Always On プログラムこそが MA の目的だとしています。"},
         {"Plan at least one `kind: always_on` or `kind: nurture` program.",
          "`kind: always_on` か `kind: nurture` の施策を 1 つ以上計画してください。"},
         check_always_on,
         {R"yaml(
communications:
  - {id: c-new, content: 新製品案内, channel: email, kind: one_off}
  - {id: c-expo, content: 展示会御礼, channel: email, kind: event_follow}
)yaml",
          R"yaml(
communications:
  - {id: c-new, content: 新製品案内, channel: email, kind: one_off}
  - {id: c-nurture, content: 導入事例の連載, channel: email, kind: nurture}
)yaml"}},
        {"FLOW-005",
         4,
         Severity::warning,
         {"No MQL→SQL trigger", "MQL→SQL のきっかけがない"},
         {"The event that makes a lead sales-qualified (e.g. a quote or proposal request) must be "
          "agreed in advance, or every MQL is argued about (DX station #6, step 4).",
          "リードが SQL になるきっかけ (見積依頼や提案依頼など) を事前に合意しておかないと、"
          "MQL のたびに議論になります (DX station 第6回)。"},
         {"Add `trigger:` to the sql stage (e.g. 見積依頼).",
          "sql の段階に `trigger:` を書いてください (例: 見積依頼)。"},
         check_sql_trigger,
         {R"yaml(
lifecycle:
  - mql: {definition: スコア60点以上}
  - sql: {definition: 予算・時期を確認した}
)yaml",
          R"yaml(
lifecycle:
  - mql: {definition: スコア60点以上}
  - sql: {definition: 予算・時期を確認した, trigger: 見積依頼またはIS架電で確認}
)yaml"}},
        {"FLOW-006",
         4,
         Severity::warning,
         {"Hand-off conditions incomplete", "受け渡し条件が不十分"},
         {"MarketOne demand center: for each hand-off, define before the campaign which attributes "
          "a lead must "
          "have and which state it must reach, and which fields travel with it in a fixed CRM "
          "format; information is lost at every pass otherwise.",
          "マーケットワン「デマンドセンター」: "
          "受け渡しごとに、リードが満たすべき属性と到達すべき状態、引き継ぐ項目 (CRM "
          "の決まった形式) を施策開始前に決めます。決めないと受け渡しのたびに情報が失われます。"},
         {"Add `when: {attributes: [...], state: ...}` and `fields: [...]`.",
          "`when: {attributes: [...], state: ...}` と `fields: [...]` を書いてください。"},
         check_handoff_conditions,
         {R"yaml(
handoffs:
  - {from: mk, to: is, when: {attributes: [製造業]}, sla_hours: 24, closed_lost_reasons_to: mk}
)yaml",
          R"yaml(
handoffs:
  - from: mk
    to: is
    when: {state: MQL到達, attributes: [製造業, 従業員300名以上]}
    fields: [会社名, スコア, 閲覧ページ]
    sla_hours: 24
    closed_lost_reasons_to: mk
)yaml"}},
        {"FLOW-007",
         4,
         Severity::warning,
         {"No hand-off from marketing to sales", "マーケティングから営業への受け渡しがない"},
         {"The demand center exists to pass qualified leads from marketing to (inside) sales "
          "(MarketOne demand center); without that hand-off, MQLs pile up unworked.",
          "デマンドセンターの目的は、確度の高いリードをマーケティングから営業 (インサイドセール"
          "ス) へ渡すことです (マーケットワン「デマンドセンター」)。受け渡しがないと MQL "
          "が放置されます。"},
         {"Add a `handoffs` entry from the marketing stakeholder to inside sales or sales.",
          "マーケティングからインサイドセールスまたは営業への `handoffs` を追加してください。"},
         check_marketing_to_sales,
         {R"yaml(
handoffs:
  - {from: is, to: sa, sla_hours: 48, closed_lost_reasons_to: mk}
)yaml",
          R"yaml(
handoffs:
  - {from: mk, to: is, sla_hours: 24, closed_lost_reasons_to: mk}
  - {from: is, to: sa, sla_hours: 48, closed_lost_reasons_to: mk}
)yaml"}},
        {"FLOW-008",
         4,
         Severity::warning,
         {"Closed-lost reasons not fed back", "失注理由が戻されない"},
         {"MarketOne demand center: leads that sales closes as \"no need\" keep their reasons, and "
          "the reasons go "
          "back to marketing to improve targeting and nurturing.",
          "マーケットワン「デマンドセンター」: "
          "営業が「ニーズなし」で終えたリードは理由を残し、マーケティングに戻して"
          "ターゲティングとナーチャリングの改善に使います。"},
         {"Add `closed_lost_reasons_to: <marketing stakeholder>` to the hand-off.",
          "受け渡しに `closed_lost_reasons_to: <マーケティングの ID>` を書いてください。"},
         check_closed_lost,
         {R"yaml(
handoffs:
  - {from: mk, to: is, sla_hours: 24}
)yaml",
          R"yaml(
handoffs:
  - {from: mk, to: is, sla_hours: 24, closed_lost_reasons_to: mk}
)yaml"}},
        {"FLOW-009",
         4,
         Severity::warning,
         {"Hand-off without SLA", "対応期限のない受け渡し"},
         {"A lead's interest fades in days; the receiving department commits to act within a "
          "set time (MarketOne demand center: the hand-off is defined before the campaign starts).",
          "リードの関心は数日で薄れます。受け手の部門は決まった時間内に対応することを約束します "
          "(マーケットワン「デマンドセンター」: 受け渡しは施策開始前に定義する)。"},
         {"Add `sla_hours:` (e.g. 24).", "`sla_hours:` を書いてください (例: 24)。"},
         check_sla,
         {R"yaml(
handoffs:
  - {from: mk, to: is, closed_lost_reasons_to: mk}
)yaml",
          R"yaml(
handoffs:
  - {from: mk, to: is, sla_hours: 24, closed_lost_reasons_to: mk}
)yaml"}},
        {"FLOW-010",
         4,
         Severity::info,
         {"Scoring without negative or decay rules", "減点・減衰のないスコアリング"},
         {"Scores that only grow turn every old contact into a hot lead over time; lead scoring "
          "design (MarketOne MA guide) includes negative points for lost interest or poor fit.",
          "加点だけのスコアは、時間が経つと古い連絡先をすべて HOT リードにしてしまいます。"
          "スコアリング設計 (マーケットワン「MA運用ガイド」) "
          "には関心の低下や不適合による減点を含めます。"},
         {"Add a rule with negative points (e.g. `{if: 90日間無反応, points: -10}`).",
          "減点のルールを追加してください (例: `{if: 90日間無反応, points: -10}`)。"},
         check_negative_scoring,
         {R"yaml(
scoring:
  profile: [{if: 部長以上, points: 20}]
  behavior: [{if: 価格ページ閲覧, points: 15}]
)yaml",
          R"yaml(
scoring:
  profile: [{if: 部長以上, points: 20}]
  behavior: [{if: 価格ページ閲覧, points: 15}, {if: 90日間無反応, points: -10}]
)yaml"}},
    };
}

}  // namespace maplan::rules
