#pragma once
// Column headings and fixed phrases of the rollout report, shared by its Markdown and HTML
// renderers so both say the same thing in both languages.
#include "core/text.hpp"

namespace maplan::reports::report_labels {

inline constexpr TextRef missing{"To fill in", "記入が必要"};
inline constexpr TextRef item{"Item", "項目"};
inline constexpr TextRef value{"Value", "内容"};
inline constexpr TextRef client{"Client", "クライアント"};
inline constexpr TextRef project{"Project", "プロジェクト"};
inline constexpr TextRef tool{"MA tool", "MA ツール"};
inline constexpr TextRef date{"Date", "基準日"};
inline constexpr TextRef revision{"Plan revision (git)", "計画の版 (git)"};
inline constexpr TextRef not_in_git{"not in a git repository", "git 管理外"};
inline constexpr TextRef step{"Step", "ステップ"};
inline constexpr TextRef done{"Done", "完了"};
inline constexpr TextRef errors{"Errors", "エラー"};
inline constexpr TextRef warnings{"Warnings", "警告"};
inline constexpr TextRef infos{"Info", "情報"};
inline constexpr TextRef overdue{"Overdue", "期限切れ"};
inline constexpr TextRef total{"Total", "合計"};
inline constexpr TextRef overdue_tasks{"Overdue tasks", "期限切れのタスク"};
inline constexpr TextRef yes{"yes", "はい"};
inline constexpr TextRef no{"no", "いいえ"};
inline constexpr TextRef none{"none", "なし"};
inline constexpr TextRef goal{"Goal", "ゴール"};
inline constexpr TextRef statement{"Statement", "内容"};
inline constexpr TextRef kpi{"KPI", "KPI"};
inline constexpr TextRef target{"Target", "目標値"};
inline constexpr TextRef period{"Period", "期間"};
inline constexpr TextRef agreed_by{"Agreed by", "合意部門"};
inline constexpr TextRef funnel{"Reverse funnel", "逆算ファネル"};
// The forward funnel and the actuals (issues 14 and 15).
inline constexpr TextRef forward_funnel{"Forward funnel", "順算ファネル (見込み)"};
inline constexpr TextRef forward_top{"Top-of-funnel volume", "最上段の件数"};
inline constexpr TextRef forward_source{"From", "出典"};
inline constexpr TextRef expected{"Expected", "見込み"};
inline constexpr TextRef expected_won{"Expected deals won", "受注見込み件数"};
inline constexpr TextRef expected_revenue{"Expected revenue", "売上見込み"};
inline constexpr TextRef revenue_gap{"Expected − target", "見込み − 目標"};
inline constexpr TextRef actuals{"Plan vs actual", "計画と実績"};
inline constexpr TextRef plan_volume{"Plan", "計画"};
inline constexpr TextRef actual{"Actual", "実績"};
inline constexpr TextRef gap{"Gap", "差"};
inline constexpr TextRef gap_ratio{"Gap %", "差 (%)"};
inline constexpr TextRef readiness_over_time{"Readiness over time", "準備度の推移"};
inline constexpr TextRef point{"Commit / snapshot", "コミット・スナップショット"};
inline constexpr TextRef unreadable{"unreadable", "読込不可"};
inline constexpr TextRef all_periods{"all periods", "全期間"};
inline constexpr TextRef actuals_note{
    "The plan's volumes cover the plan's whole KPI period; each period's actual is set beside "
    "them, and the totals row sums the periods.",
    "計画の件数は KPI 期間全体の値です。各期間の実績をその横に並べ、合計行は全期間の和です。"};
inline constexpr TextRef stage{"Stage", "段階"};
inline constexpr TextRef rate{"Planned rate", "想定転換率"};
inline constexpr TextRef band{"Usual band", "一般的な範囲"};
inline constexpr TextRef required{"Required", "必要件数"};
inline constexpr TextRef kpi_target{"KPI target", "KPI 目標"};
inline constexpr TextRef check{"Check", "確認"};
inline constexpr TextRef outside_band{"⚠ outside the band", "⚠ 範囲外"};
inline constexpr TextRef below_required{"⚠ KPI below required", "⚠ KPI が必要件数未満"};
inline constexpr TextRef deals{"Deals to win", "必要受注件数"};
inline constexpr TextRef revenue_target{"Revenue target", "売上目標"};
inline constexpr TextRef average_deal{"Average deal", "平均単価"};
inline constexpr TextRef budget{"Budget", "予算"};
inline constexpr TextRef romi{"ROMI (revenue ÷ budget)", "ROMI (売上 ÷ 予算)"};
inline constexpr TextRef romi_target{"ROMI target", "ROMI 目標"};
inline constexpr TextRef bands_source{"Bands", "範囲の出典"};
inline constexpr TextRef roles_by_stakeholder{"Per stakeholder", "部門別"};
inline constexpr TextRef stakeholder{"Stakeholder", "部門"};
inline constexpr TextRef role{"Role", "役割"};
inline constexpr TextRef tasks{"Tasks", "タスク"};
inline constexpr TextRef task{"Task", "タスク"};
inline constexpr TextRef persona{"Persona", "ペルソナ"};
inline constexpr TextRef not_planned{"—", "—"};
inline constexpr TextRef id{"ID", "ID"};
inline constexpr TextRef content{"Content", "コンテンツ"};
inline constexpr TextRef content_status{"Content status", "コンテンツの状態"};
inline constexpr TextRef channel{"Channel", "チャネル"};
inline constexpr TextRef timing{"Timing", "タイミング"};
inline constexpr TextRef owner{"Owner", "担当"};
inline constexpr TextRef from_to{"Hand-off", "受け渡し"};
inline constexpr TextRef attributes{"Attributes required", "必要な属性"};
inline constexpr TextRef state{"State reached", "到達状態"};
inline constexpr TextRef fields{"Fields passed on", "引き継ぐ項目"};
inline constexpr TextRef sla{"SLA", "SLA"};
inline constexpr TextRef hours{"hours", "時間"};
inline constexpr TextRef reasons_to{"\"No need\" reasons go to", "「ニーズなし」理由の戻し先"};
inline constexpr TextRef workspace{"Workspace", "ワークスペース"};
inline constexpr TextRef imported{"Imported", "取り込み"};
inline constexpr TextRef invalid{"Invalid address", "不正なアドレス"};
inline constexpr TextRef no_consent{"No consent", "同意なし"};
inline constexpr TextRef excluded{"Excluded", "除外"};
inline constexpr TextRef duplicates{"Duplicates", "重複"};
inline constexpr TextRef contactable{"Contactable", "配信可能"};
inline constexpr TextRef count{"Count", "件数"};
inline constexpr TextRef sending_domain{"Sending domain", "送信ドメイン"};
inline constexpr TextRef ip_warming{"IP warming (weeks × days a week)",
                                    "IP ウォーミング (週 × 日/週)"};
inline constexpr TextRef daily_volume{"Daily volume", "1日の配信数"};
inline constexpr TextRef one_click{"One-click unsubscribe", "ワンクリック配信停止"};
inline constexpr TextRef domain_status{"Sending-domain status", "送信ドメインの状態"};
inline constexpr TextRef no_mail_findings{
    "No MAIL-* findings: SPF, DKIM and DMARC as written pass every check.",
    "MAIL-* の指摘なし: 記載の SPF・DKIM・DMARC はすべての確認を通過しています。"};
inline constexpr TextRef rule{"Rule", "ルール"};
inline constexpr TextRef severity{"Severity", "重要度"};
inline constexpr TextRef position{"Line:column", "行:列"};
inline constexpr TextRef message{"Message", "内容"};
inline constexpr TextRef source{"Data source", "データ"};
inline constexpr TextRef cadence{"Cadence", "頻度"};
inline constexpr TextRef weekly_review{"Review meeting", "定例レビュー"};
inline constexpr TextRef minutes{"minutes", "分"};
inline constexpr TextRef members{"Members", "参加"};
inline constexpr TextRef agenda{"Agenda", "議題"};
inline constexpr TextRef escalation{"Escalation path", "エスカレーション経路"};
inline constexpr TextRef level{"Level", "段階"};
inline constexpr TextRef runbook{"Runbook", "手順書"};
inline constexpr TextRef pause{"Pause and resume", "停止と再開"};
inline constexpr TextRef scenario{"Scenario", "シナリオ"};
inline constexpr TextRef on_resume{"On resume", "再開時"};
inline constexpr TextRef due{"Due", "期限"};
inline constexpr TextRef status{"Status", "状態"};
inline constexpr TextRef no_findings{"No findings.", "指摘はありません。"};
inline constexpr TextRef no_dated_tasks{"No task has a due date.",
                                        "期限のあるタスクはありません。"};
inline constexpr TextRef readiness_chart{"Readiness per step", "ステップ別の準備状況"};
inline constexpr TextRef today_marker{"today", "基準日"};

}  // namespace maplan::reports::report_labels
