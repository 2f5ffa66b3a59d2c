// Step 1: problems and goals (DX station #4; DX station #6; MarketOne MA guide). Goals must be
// measurable and agreed by both sides; the lead lifecycle must define MQL and SQL in writing and in
// order; the funnel assumptions must be plausible and add up to the revenue target.
//
// Severity policy shared by every family: an error means the plan states something wrong
// (a stage order, an unlawful policy, a broken record); a missing section or field is a warning
// (the plan is unfinished, as a minimal plan is expected to be); arithmetic sanity checks and
// vendor figures are info or warning.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "rules/families.hpp"
#include "rules/funnel_bands.hpp"
#include "rules/plan_text.hpp"

namespace maplan::rules {

namespace {

void check_no_goals(RuleContext& ctx) {
    if (!ctx.project.goals.empty()) return;
    ctx.report({}, {"the plan has no goals: nothing says what the rollout must achieve",
                    "ゴールがありません。導入で何を達成するのかが書かれていません"});
}

void check_problems(RuleContext& ctx) {
    const Project& p = ctx.project;
    // With no goals either, step 1 is simply not started: GOAL-001 says so once.
    if (!p.problems.empty() || p.goals.empty()) return;
    ctx.report(p.goals.front().pos,
               {"the plan lists no current problems: the goals have nothing to solve",
                "現状の課題 (problems) がなく、ゴールが何を解決するのかが分かりません"});
}

void check_goal_kpi(RuleContext& ctx) {
    for (const Goal& g : ctx.project.goals) {
        if (g.kpi) continue;
        ctx.report(
            g.pos,
            {fmt::format("goal \"{}\" has no KPI (metric, target and period)", g.id.value),
             fmt::format("ゴール「{}」に KPI (指標・目標値・期間) がありません", g.id.value)});
    }
}

void check_goal_agreed(RuleContext& ctx) {
    const Project& p = ctx.project;
    for (const Goal& g : p.goals) {
        if (g.agreed_by.empty()) {
            ctx.report(g.pos, {fmt::format("goal \"{}\" is not agreed by marketing and sales "
                                           "(agreed_by is empty)",
                                           g.id.value),
                               fmt::format("ゴール「{}」にマーケティングと営業の合意がありません "
                                           "(agreed_by が空です)",
                                           g.id.value)});
            continue;
        }
        // Unknown IDs are REF-001's finding; without declared stakeholders kinds are unknown.
        if (p.stakeholders.empty()) continue;
        bool marketing = false, sales = false;
        for (const LString& id : g.agreed_by) {
            const Stakeholder* s = p.find_stakeholder(id.value);
            if (s == nullptr) continue;
            marketing = marketing || s->kind.value == "marketing";
            sales = sales || is_sales_side(s->kind.value);
        }
        if (marketing && sales) continue;
        std::string_view who_en = !marketing && !sales ? "marketing or sales"
                                  : !marketing         ? "marketing"
                                                       : "sales";
        std::string_view who_ja = !marketing && !sales ? "マーケティングと営業"
                                  : !marketing         ? "マーケティング"
                                                       : "営業";
        ctx.report(g.agreed_by.front().pos,
                   {fmt::format("goal \"{}\" is not agreed by {}", g.id.value, who_en),
                    fmt::format("ゴール「{}」に{}の合意がありません", g.id.value, who_ja)});
    }
}

void check_mql_sql_defined(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.lifecycle.empty()) {
        ctx.report(p.lifecycle_pos,
                   {"the plan has no lead lifecycle: MQL and SQL are not defined",
                    "リードのライフサイクルがなく、MQL と SQL が定義されていません"});
        return;
    }
    std::vector<std::string_view> missing;
    for (std::string_view id : {"mql", "sql"}) {
        if (p.find_stage(id) == nullptr) missing.push_back(id);
    }
    if (missing.empty()) return;
    std::string list = fmt::format("\"{}\"", fmt::join(missing, "\" and \""));
    std::string list_ja = fmt::format("「{}」", fmt::join(missing, "」と「"));
    ctx.report(p.lifecycle_pos,
               {fmt::format("the lead lifecycle has no {} stage", list),
                fmt::format("リードのライフサイクルに {} の段階がありません", list_ja)});
}

int canonical_rank(std::string_view id) {
    static constexpr std::string_view order[] = {"inquiry", "mql", "sal", "sql", "won"};
    for (int i = 0; i < 5; ++i) {
        if (order[i] == id) return i;
    }
    return -1;
}

void check_stage_order(RuleContext& ctx) {
    const LifecycleStage* latest = nullptr;
    for (const LifecycleStage& s : ctx.project.lifecycle) {
        int rank = canonical_rank(s.id.value);
        if (rank < 0) continue;
        if (latest != nullptr && rank < canonical_rank(latest->id.value)) {
            ctx.report(s.id.pos,
                       {fmt::format("lifecycle stage \"{}\" comes after \"{}\"; the order is "
                                    "inquiry → mql → sal → sql → won",
                                    s.id.value, latest->id.value),
                        fmt::format("ライフサイクルの段階「{}」が「{}」の後にあります。順序は "
                                    "inquiry → mql → sal → sql → won です",
                                    s.id.value, latest->id.value)});
            continue;
        }
        latest = &s;
    }
}

void check_definitions(RuleContext& ctx) {
    for (const LifecycleStage& s : ctx.project.lifecycle) {
        if (s.id.value != "mql" && s.id.value != "sql") continue;
        if (s.definition.present() && !s.definition.value.empty()) continue;
        ctx.report(s.id.pos,
                   {fmt::format("lifecycle stage \"{}\" has no written definition", s.id.value),
                    fmt::format("ライフサイクルの段階「{}」に文章の定義がありません", s.id.value)});
    }
}

std::string percent(double rate) {
    return fmt::format("{:g}%", std::round(rate * 1000) / 10);
}

void check_conversion_bands(RuleContext& ctx) {
    const auto& stages = ctx.project.lifecycle;
    for (std::size_t i = 1; i < stages.size(); ++i) {
        const LifecycleStage& s = stages[i];
        if (!s.conversion_rate.present()) continue;
        if (const FunnelBand* band = find_funnel_band(stages[i - 1].id.value, s.id.value)) {
            const FunnelBand& b = *band;
            double r = s.conversion_rate.value;
            if (r >= b.low && r <= b.high) continue;
            ctx.report(
                s.conversion_rate.pos,
                {fmt::format("assumed conversion {} → {} of {} is outside the usual {}–{}", b.from,
                             b.to, percent(r), percent(b.low), percent(b.high)),
                 fmt::format("{} → {} の想定転換率 {} は一般的な範囲 {}〜{} から外れています",
                             b.from, b.to, percent(r), percent(b.low), percent(b.high))});
        }
    }
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

void check_reverse_funnel(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.romi || p.romi->revenue_target_jpy.value <= 0 || p.romi->average_deal_jpy.value <= 0)
        return;
    const auto& stages = p.lifecycle;
    auto won = std::find_if(stages.begin(), stages.end(),
                            [](const LifecycleStage& s) { return s.id.value == "won"; });
    if (won == stages.end()) return;
    // Walk back from won: each stage needs (next stage's volume ÷ next stage's rate), rounded up.
    double deals =
        required_volume(p.romi->revenue_target_jpy.value, p.romi->average_deal_jpy.value);
    std::map<std::string, double> required;
    double volume = deals;
    for (auto it = won;; --it) {
        required[it->id.value] = volume;
        if (it == stages.begin() || !it->conversion_rate.present() ||
            it->conversion_rate.value <= 0)
            break;
        volume = required_volume(volume, it->conversion_rate.value);
    }
    for (const Goal& g : p.goals) {
        if (!g.kpi || !g.kpi->target.present()) continue;
        for (const auto& [stage, need] : required) {
            if (stage == "won" || !metric_names_stage(g.kpi->metric.value, stage)) continue;
            if (g.kpi->target.value >= need) continue;
            ctx.report(
                g.kpi->target.pos,
                {fmt::format("goal \"{}\" targets {:g} for \"{}\", but {:g} deals of {:.0f} "
                             "yen at the lifecycle's conversion rates need about {:g} {}",
                             g.id.value, g.kpi->target.value, g.kpi->metric.value, deals,
                             p.romi->average_deal_jpy.value, need, upper(stage)),
                 fmt::format("ゴール「{}」は「{}」の目標を {:g} としていますが、平均単価 {:.0f} "
                             "円で {:g} 件受注するには、想定転換率から逆算して {} が約 "
                             "{:g} 件必要です",
                             g.id.value, g.kpi->metric.value, g.kpi->target.value,
                             p.romi->average_deal_jpy.value, deals, upper(stage), need)});
        }
    }
}

}  // namespace

std::vector<RuleDescriptor> goal_rules() {
    return {
        {"GOAL-001",
         1,
         Severity::warning,
         {"No goals", "ゴールがない"},
         {"Step 1 starts from current problems and sets measurable goals; without goals nothing "
          "later (targets, KPIs, reports) can be judged (DX station #4; DX station #6). A warning, "
          "not an "
          "error: a plan that is just started has no goals yet.",
          "ステップ1では現状の課題を把握し、測定可能なゴールを設定します。ゴールがないと、"
          "ターゲットも KPI もレポートも評価できません (DX station 第4回・DX station "
          "第6回)。書き始めの計画では当然"
          "未記入なので、エラーではなく警告です。"},
         {"Add `goals` with a statement and a KPI (metric, target, period).",
          "`goals` に内容と KPI (指標・目標値・期間) を書いてください。"},
         check_no_goals,
         {R"yaml(
problems: [展示会で集めた名刺の8割が営業に渡らず放置されている]
goals: []
)yaml",
          R"yaml(
problems: [展示会で集めた名刺の8割が営業に渡らず放置されている]
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml"}},
        {"GOAL-002",
         1,
         Severity::warning,
         {"Goal without a KPI", "KPI のないゴール"},
         {"A goal is only measurable with a metric, a target value and a period; \"increase "
          "leads\" cannot be evaluated in step 7 (DX station #6).",
          "ゴールは指標・目標値・期間がそろって初めて測定できます。「リードを増やす」だけでは"
          "ステップ7で評価できません (DX station 第6回)。"},
         {"Add `kpi: {metric: …, target: …, period: …}` to the goal.",
          "ゴールに `kpi: {metric: …, target: …, period: …}` を追加してください。"},
         check_goal_kpi,
         {R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する, agreed_by: [mk, sa]}
)yaml",
          R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
    agreed_by: [mk, sa]
)yaml"}},
        {"GOAL-003",
         1,
         Severity::warning,
         {"Goal not agreed by marketing and sales", "マーケティングと営業が合意していないゴール"},
         {"Marketing and sales must agree on the goals and lead definitions; when only one side "
          "owns them, the other ignores the leads it receives (DX station #4; MarketOne demand "
          "center).",
          "ゴールとリードの定義はマーケティングと営業の双方が合意する必要があります。片方だけで"
          "決めると、もう片方は渡されたリードを放置します (DX station "
          "第4回・マーケットワン「デマンドセンター」)。"},
         {"List a marketing and a sales (or inside-sales) stakeholder in `agreed_by` once both "
          "have agreed.",
          "双方の合意を取り、`agreed_by` にマーケティングと営業 (またはインサイドセールス) の "
          "ID を書いてください。"},
         check_goal_agreed,
         {R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する, agreed_by: [mk]}
)yaml",
          R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する, agreed_by: [mk, sa]}
)yaml"}},
        {"GOAL-004",
         1,
         Severity::warning,
         {"MQL or SQL not in the lead lifecycle", "ライフサイクルに MQL・SQL がない"},
         {"The lead lifecycle must name the MQL (marketing-qualified) and SQL (sales-qualified) "
          "stages: they are the contract between marketing and sales (DX station #6, step 1).",
          "リードのライフサイクルには MQL (マーケティングが認めたリード) と SQL "
          "(営業が認めたリード) が必要です。両部門の約束事そのものです (DX station 第6回)。"},
         {"Add `lifecycle: [inquiry, mql, sal, sql, won]` with definitions.",
          "`lifecycle: [inquiry, mql, sal, sql, won]` を定義付きで書いてください。"},
         check_mql_sql_defined,
         {R"yaml(
lifecycle: [inquiry, mql, won]
)yaml",
          R"yaml(
lifecycle: [inquiry, mql, sql, won]
)yaml"}},
        {"GOAL-005",
         1,
         Severity::error,
         {"Lifecycle stages out of order", "ライフサイクルの段階の順序が違う"},
         {"Stages are listed in the order a lead passes them (inquiry < mql < sal < sql < won); "
          "conversion rates and the reverse funnel calculation depend on that order.",
          "段階はリードが通る順 (inquiry < mql < sal < sql < won) に並べます。転換率と逆算は"
          "この順序を前提にしています。"},
         {"Reorder `lifecycle`.", "`lifecycle` の順序を直してください。"},
         check_stage_order,
         {R"yaml(
lifecycle: [inquiry, sql, mql, won]
)yaml",
          R"yaml(
lifecycle: [inquiry, mql, sql, won]
)yaml"}},
        {"GOAL-006",
         1,
         Severity::warning,
         {"MQL or SQL without a written definition", "MQL・SQL に文章の定義がない"},
         {"A stage name alone means different things to marketing and sales (\"a hot lead\"); a "
          "written definition both sides agreed is what makes the hand-off work (DX station #6; "
          "MarketOne demand center).",
          "段階名だけでは、マーケティングと営業で「見込みの高いリード」の意味が食い違います。"
          "双方が合意した文章の定義があって初めて受け渡しが機能します (DX station "
          "第6回・マーケットワン「デマンドセンター」)。"},
         {"Add `definition:` to the stage (e.g. \"score ≥ 60 and manager or above\").",
          "段階に `definition:` を書いてください (例: スコア60以上かつ課長以上)。"},
         check_definitions,
         {R"yaml(
lifecycle:
  - inquiry
  - mql: {definition: スコア60点以上}
  - sql
)yaml",
          R"yaml(
lifecycle:
  - inquiry
  - mql: {definition: スコア60点以上}
  - sql: {definition: インサイドセールスが予算・時期を確認した}
)yaml"}},
        {"GOAL-007",
         1,
         Severity::warning,
         {"Conversion rate outside the usual band", "転換率が一般的な範囲から外れている"},
         {"Vendor and aggregator figures (no universal benchmark): inquiry→MQL 10–25%, MQL→SAL "
          "40–70%, SAL→SQL 30–70%, SQL→won 20–30%, MQL→SQL median about 13%. A rate far outside "
          "usually means the volume plan rests on a hope (stages: MarketOne demand center; "
          "published rates: e.g. First Page Sage funnel stages).",
          "ベンダー・集計サイトの数値 (普遍的な基準ではない): 問い合わせ→MQL 10〜25%、MQL→SAL "
          "40〜70%、SAL→SQL 30〜70%、SQL→受注 20〜30%、MQL→SQL の中央値は約13%。大きく外れた"
          "想定は、件数計画が希望的観測に基づいていることを示します (段階: マーケットワン「デマンド"
          "センター」、公開されている転換率の例: First Page Sage「ファネルの段階」)。"},
         {"Check the rate against your own history; if it is right, suppress the finding with a "
          "comment.",
          "自社の実績と照らして確認してください。妥当ならコメントで抑止してください。"},
         check_conversion_bands,
         {R"yaml(
lifecycle:
  - inquiry
  - mql: {definition: スコア60点以上, conversion_rate: 0.4}
  - sql: {definition: 予算・時期を確認した, conversion_rate: 0.3}
)yaml",
          R"yaml(
lifecycle:
  - inquiry
  - mql: {definition: スコア60点以上, conversion_rate: 0.2}
  - sql: {definition: 予算・時期を確認した, conversion_rate: 0.3}
)yaml"}},
        {"GOAL-008",
         1,
         Severity::info,
         {"Stage KPI below the reverse funnel calculation", "段階の KPI が逆算値に届かない"},
         {"The standard sanity check: revenue target ÷ average deal = deals; ÷ each conversion "
          "rate back through the lifecycle = the volume each stage needs. A KPI below that volume "
          "cannot deliver the revenue target (MarketOne MA guide: ROMI). Assumes the KPI and the "
          "revenue "
          "target cover the same period.",
          "標準的な検算です: 売上目標 ÷ 平均単価 = 受注件数、これを各段階の転換率で割り戻すと各"
          "段階に必要な件数が出ます。KPI がそれを下回ると売上目標に届きません "
          "(マーケットワン「MA運用ガイド」: ROMI)。"
          "KPI と売上目標の期間が同じことを前提にしています。"},
         {"Raise the KPI, or revisit the revenue target, deal size or rates.",
          "KPI を引き上げるか、売上目標・単価・転換率を見直してください。"},
         check_reverse_funnel,
         {R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 100, period: FY2027}
lifecycle:
  - mql: {definition: スコア60点以上}
  - sql: {definition: 予算・時期を確認した, conversion_rate: 0.24}
  - won: {definition: 受注, conversion_rate: 0.25}
romi: {revenue_target_jpy: 90000000, average_deal_jpy: 3000000}
)yaml",
          R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: FY2027}
lifecycle:
  - mql: {definition: スコア60点以上}
  - sql: {definition: 予算・時期を確認した, conversion_rate: 0.24}
  - won: {definition: 受注, conversion_rate: 0.25}
romi: {revenue_target_jpy: 90000000, average_deal_jpy: 3000000}
)yaml"}},
        {"GOAL-009",
         1,
         Severity::info,
         {"No current problems listed", "現状の課題がない"},
         {"Step 1 is \"grasping the problems, then setting goals\" (DX station #6): goals that do "
          "not "
          "answer a stated problem tend to become tool features (\"send newsletters\") rather "
          "than outcomes. Info, as problems are often kept in a separate document; checked once "
          "goals exist.",
          "ステップ1は「課題の把握・ゴール設定」です (DX station "
          "第6回)。課題に基づかないゴールは、成果"
          "ではなく「メルマガを配信する」のようなツールの機能になりがちです。課題は別資料で管理"
          "されることも多いため情報扱いです。ゴールが書かれてから判定します。"},
         {"Add `problems` (e.g. \"80% of trade-show leads are never followed up\").",
          "`problems` を書いてください (例: 展示会リードの8割がフォローされていない)。"},
         check_problems,
         {R"yaml(
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml",
          R"yaml(
problems: [展示会で集めた名刺の8割が営業に渡らず放置されている]
goals:
  - {id: g-sql, statement: 展示会リードから商談を創出する}
)yaml"}},
    };
}

}  // namespace maplan::rules
