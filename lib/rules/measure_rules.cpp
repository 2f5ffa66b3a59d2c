// Step 7: measurement and operations (MA specialist textbook; MarketOne demand center). Each KPI is
// measured by someone from some data; results are reported; the operations flow covers a regular
// cross-department meeting, an error-response process, a per-scenario decision on what to send
// after a pause, and the budget and staff to run it all.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/families.hpp"
#include "rules/plan_text.hpp"

namespace maplan::rules {

namespace {

void check_kpi_measured(RuleContext& ctx) {
    const Project& p = ctx.project;
    for (const Goal& g : p.goals) {
        if (!g.kpi) continue;
        bool measured = false;
        for (const KpiMeasurement& m : p.kpi_measurement) measured |= m.goal.value == g.id.value;
        if (measured) continue;
        ctx.report(g.kpi->pos,
                   {fmt::format("the KPI of goal \"{}\" has no kpi_measurement (source, owner, "
                                "cadence)",
                                g.id.value),
                    fmt::format("ゴール「{}」の KPI に測定方法 (kpi_measurement: データ・担当・"
                                "頻度) がありません",
                                g.id.value)});
    }
}

void check_reporting(RuleContext& ctx) {
    if (ctx.project.reporting) return;
    ctx.report({}, {"the plan has no reporting", "レポーティングの計画がありません"});
}

void check_reporting_roles(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.reporting) return;
    bool owner = p.reporting->owner.present(), audience = !p.reporting->audience.empty();
    if (owner && audience) return;
    Text what = !owner && !audience ? Text{"owner and no audience", "作成担当と共有先"}
                : !owner            ? Text{"owner", "作成担当"}
                                    : Text{"audience", "共有先"};
    ctx.report(p.reporting->pos, {fmt::format("reporting has no {}", what.en),
                                  fmt::format("レポーティングに{}がありません", what.ja)});
}

void check_operations(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.operations) {
        // One finding for the whole missing section; OPS-003/004 look inside it only.
        ctx.report({}, {"the plan has no operations flow (review meeting, error response, pause "
                        "policy)",
                        "運用フロー (定例会議・エラー対応・停止時の方針) がありません"});
        return;
    }
    if (p.operations->review_meeting) return;
    ctx.report(p.operations->pos, {"operations has no regular review meeting",
                                   "運用フローに定例の進捗会議がありません"});
}

void check_meeting_members(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.operations || !p.operations->review_meeting) return;
    const ReviewMeeting& m = *p.operations->review_meeting;
    bool marketing = false, sales = false;
    for (const LString& id : m.members) {
        const Stakeholder* s = p.find_stakeholder(id.value);
        if (s == nullptr) continue;
        marketing |= s->kind.value == "marketing";
        sales |= is_sales_side(s->kind.value);
    }
    if (marketing && sales) return;
    ctx.report(m.pos, {"the review meeting does not bring marketing and sales together",
                       "定例会議にマーケティングと営業の両方が参加していません"});
}

void check_error_response(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.operations || p.operations->error_response) return;
    ctx.report(p.operations->pos, {"operations has no error-response process",
                                   "運用フローにエラー対応のプロセスがありません"});
}

void check_pause_policy(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.operations || !p.operations->pause_policy.empty()) return;
    ctx.report(p.operations->pos,
               {"operations does not decide what to send after a pause (pause_policy)",
                "運用フローに停止後の配信再開方針 (pause_policy) がありません"});
}

void check_disaster_scenario(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.operations || p.operations->pause_policy.empty()) return;
    for (const PausePolicy& pp : p.operations->pause_policy) {
        if (pp.kind.value == "disaster") return;  // the kind, never the scenario's wording
    }
    ctx.report(p.operations->pause_policy.front().pos,
               {"pause_policy has no scenario of kind disaster",
                "pause_policy に kind: disaster (災害) のシナリオがありません"});
}

void check_budget(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.budget) {
        ctx.report({}, {"the plan has no operating budget or staff plan",
                        "運用予算と運用体制の計画がありません"});
        return;
    }
    std::vector<std::string_view> missing;
    SourcePos at;  // a value written as 0, else the budget mapping
    for (auto [name, value] : {std::pair<std::string_view, const LNumber*>{
                                   "operating_jpy_per_year", &p.budget->operating_jpy_per_year},
                               {"operators", &p.budget->operators}}) {
        if (value->value > 0) continue;
        missing.push_back(name);
        if (!at.known() && value->present()) at = value->pos;
    }
    if (missing.empty()) return;
    std::string list = fmt::format("{}", fmt::join(missing, ", "));
    ctx.report(at.known() ? at : p.budget->pos, {fmt::format("budget has no {}", list),
                                                 fmt::format("budget に {} がありません", list)});
}

}  // namespace

std::vector<RuleDescriptor> measure_rules() {
    return {
        {"MEASURE-001",
         7,
         Severity::warning,
         {"KPI without measurement", "測定方法のない KPI"},
         {"Step 7: how each KPI is measured, from what data, by whom and how often. A KPI nobody "
          "measures is not a goal; the MA specialist textbook lists \"no way to evaluate "
          "campaigns\" as a failure.",
          "ステップ7: KPI ごとに、何のデータで・誰が・どの頻度で測るかを決めます。誰も測らない"
          "KPI "
          "はゴールではありません。MAスペシャリスト教科書は「施策を評価する手段がない」を失敗例に挙"
          "げて"
          "います。"},
         {"Add a `kpi_measurement` entry for the goal (source, owner, cadence).",
          "ゴールの `kpi_measurement` (データ・担当・頻度) を追加してください。"},
         check_kpi_measured,
         {R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
)yaml",
          R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
kpi_measurement:
  - {goal: g-sql, source: Salesforce商談レポート, owner: mk, cadence: weekly}
)yaml"}},
        {"MEASURE-002",
         7,
         Severity::warning,
         {"No reporting", "レポーティングがない"},
         {"Results reach the departments and the sponsor through regular reporting; ROMI can only "
          "be made visible if someone reports it (DX station #4; MarketOne MA guide).",
          "成果は定期的なレポートで各部門とスポンサーに届きます。ROMI は誰かが報告して初めて"
          "見える化されます (DX station 第4回・マーケットワン「MA運用ガイド」)。"},
         {"Add `reporting: {cadence: monthly, owner: …, audience: [...]}`.",
          "`reporting: {cadence: monthly, owner: …, audience: [...]}` を書いてください。"},
         check_reporting,
         {R"yaml(
goals:
  - id: g-sql
    statement: 展示会リードから商談を創出する
    kpi: {metric: SQL件数, target: 120, period: 2027-H1}
kpi_measurement:
  - {goal: g-sql, source: Salesforce商談レポート, owner: mk, cadence: weekly}
)yaml",
          R"yaml(
reporting: {cadence: monthly, owner: mk, audience: [sa, is]}
)yaml"}},
        {"MEASURE-003",
         7,
         Severity::warning,
         {"Reporting without owner or audience", "作成担当・共有先のないレポート"},
         {"DX station #4's matrix gives reporting a lead owner (marketing) and people kept "
          "informed "
          "(sales); a report nobody writes or nobody reads changes nothing.",
          "DX station 第4回の役割表では、レポーティングの主担当はマーケティング、共有先は営業です。"
          "誰も作らない、誰も読まないレポートは何も変えません。"},
         {"Add `owner:` and `audience:` to `reporting`.",
          "`reporting` に `owner:` と `audience:` を書いてください。"},
         check_reporting_roles,
         {R"yaml(
reporting: {cadence: monthly, owner: mk}
)yaml",
          R"yaml(
reporting: {cadence: monthly, owner: mk, audience: [sa, is]}
)yaml"}},
        {"OPS-001",
         7,
         Severity::warning,
         {"No regular review meeting", "定例の進捗会議がない"},
         {"MarketOne demand center: a short cross-department progress meeting (weekly, 30 minutes) "
          "keeps "
          "marketing, inside sales and sales on one flow; without it the demand center drifts "
          "apart.",
          "マーケットワン「デマンドセンター」: 部門横断の短い進捗会議 (週 1 回 30 分) "
          "が、マーケティング・インサイドセールス"
          "・営業を一つの流れにまとめます。ないとデマンドセンターはばらばらになります。"},
         {"Add `operations.review_meeting: {cadence: weekly, minutes: 30, members: [...]}`.",
          "`operations.review_meeting: {cadence: weekly, minutes: 30, members: [...]}` を書いて"
          "ください。"},
         check_operations,
         {R"yaml(
operations:
  error_response: {first_responder: mk, escalation: it}
)yaml",
          R"yaml(
operations:
  review_meeting: {cadence: weekly, minutes: 30, members: [mk, is, sa]}
  error_response: {first_responder: mk, escalation: it}
)yaml"}},
        {"OPS-002",
         7,
         Severity::warning,
         {"Review meeting without marketing and sales",
          "定例会議にマーケティングと営業がそろわない"},
         {"The meeting of the MarketOne demand center article is cross-department by design: "
          "hand-off problems only surface "
          "when the passing and the receiving side sit together.",
          "マーケットワン「デマンドセンター」の会議は部門横断が前提です。受け渡しの問題は、渡す側と"
          "受ける側が同席して"
          "初めて見えます。"},
         {"Add the marketing and the (inside) sales stakeholders to `members`.",
          "`members` にマーケティングと営業 (インサイドセールス) を加えてください。"},
         check_meeting_members,
         {R"yaml(
operations:
  review_meeting: {cadence: weekly, minutes: 30, members: [mk, it]}
)yaml",
          R"yaml(
operations:
  review_meeting: {cadence: weekly, minutes: 30, members: [mk, is, sa]}
)yaml"}},
        {"OPS-003",
         7,
         Severity::warning,
         {"No error-response process", "エラー対応のプロセスがない"},
         {"The MA specialist textbook's failure list: no error-response process. A wrong segment "
          "or a broken "
          "personalisation sent to thousands needs a first responder, an escalation path and a "
          "written procedure ready before it happens.",
          "MAスペシャリスト教科書の失敗例: "
          "エラー対応のプロセスがない。誤ったセグメントや崩れた差し込みが数千人"
          "に届いたとき、一次対応者・エスカレーション先・手順書が事前に必要です。"},
         {"Add `operations.error_response: {first_responder: …, escalation: …, runbook: …}`.",
          "`operations.error_response: {first_responder: …, escalation: …, runbook: …}` を書いて"
          "ください。"},
         check_error_response,
         {R"yaml(
operations:
  review_meeting: {cadence: weekly, minutes: 30, members: [mk, is, sa]}
)yaml",
          R"yaml(
operations:
  review_meeting: {cadence: weekly, minutes: 30, members: [mk, is, sa]}
  error_response: {first_responder: mk, escalation: it}
)yaml"}},
        {"OPS-004",
         7,
         Severity::warning,
         {"No pause/resume policy", "停止・再開の方針がない"},
         {"The MA specialist textbook's failure list: no decision, per scenario, on what to send "
          "after a pause "
          "(holidays, disasters). Automated programs resume with everything queued during the "
          "pause unless someone decided otherwise.",
          "MAスペシャリスト教科書の失敗例: 停止後に何を送るかをシナリオごとに決めていない "
          "(年末年始・災害)。"
          "自動配信は、決めておかない限り停止中にたまった分をまとめて再開します。"},
         {"Add `operations.pause_policy` entries (scenario, on_resume).",
          "`operations.pause_policy` にシナリオと再開時の扱いを書いてください。"},
         check_pause_policy,
         {R"yaml(
operations:
  error_response: {first_responder: mk, escalation: it}
)yaml",
          R"yaml(
operations:
  error_response: {first_responder: mk, escalation: it}
  pause_policy:
    - {scenario: 年末年始, kind: holiday, on_resume: skip_missed}
)yaml"}},
        {"OPS-005",
         7,
         Severity::warning,
         {"Pause policy without a disaster scenario", "災害時の停止方針がない"},
         {"The MA specialist textbook names disasters with holidays: after a major disaster, "
          "cheerful promotional "
          "mail queued during the pause damages the brand; the decision must exist beforehand.",
          "MAスペシャリスト教科書は年末年始と並んで災害を挙げています。大規模災害の後に、停止中にた"
          "まった販促"
          "メールが届くとブランドを損ないます。判断は事前に決めておく必要があります。"},
         {"Add a scenario such as `{scenario: 大規模災害, kind: disaster, on_resume: "
          "review_each_program}`; the rule reads `kind`, not the scenario's wording.",
          "`{scenario: 大規模災害, kind: disaster, on_resume: review_each_program}` などの"
          "シナリオを追加してください。判定は `kind` で行い、scenario の文言は読みません。"},
         check_disaster_scenario,
         {R"yaml(
operations:
  pause_policy:
    - {scenario: 年末年始, kind: holiday, on_resume: skip_missed}
)yaml",
          R"yaml(
operations:
  pause_policy:
    - {scenario: 年末年始, kind: holiday, on_resume: skip_missed}
    - {scenario: 大規模地震, kind: disaster, on_resume: review_each_program}
)yaml"}},
        {"OPS-006",
         7,
         Severity::warning,
         {"No operating budget or staff", "運用予算・体制がない"},
         {"The MA specialist textbook's failure list: no operating budget or staff plan; the tool "
          "is bought, "
          "then nobody has the time or money to run it.",
          "MAスペシャリスト教科書の失敗例: "
          "運用の予算と体制の計画がない。ツールを導入しても、運用する時間も"
          "お金もない状態になります。"},
         {"Add `budget: {operating_jpy_per_year: …, operators: …}`.",
          "`budget: {operating_jpy_per_year: …, operators: …}` を書いてください。"},
         check_budget,
         {R"yaml(
budget: {operators: 2}
)yaml",
          R"yaml(
budget: {operating_jpy_per_year: 12000000, operators: 2}
)yaml"}},
    };
}

}  // namespace maplan::rules
