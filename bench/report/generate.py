#!/usr/bin/env python3
"""One large plan for the report benchmark (issue 14): TASKS tasks and COMMS communications over
the Japanese example's stakeholders, journey and operations, so every report section has work.
Usage: generate.py OUT.yaml [TASKS] [COMMS]"""
import sys

out = sys.argv[1]
tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
comms = int(sys.argv[3]) if len(sys.argv) > 3 else 200
stages = ["認知", "情報収集", "比較検討", "社内稟議", "契約"]
statuses = ["todo", "in_progress", "done", "blocked"]
lines = ["ma_plan: 1",
         "project: { name: ベンチマーク計画, client: B社, tool: marketo, language: ja, owner: mk }",
         "goals:",
         "  - { id: g-sql, statement: 商談化, kpi: { metric: SQL件数, target: 120, period: H1 }, agreed_by: [mk, sl] }",
         "lifecycle:",
         "  - inquiry",
         "  - mql: { definition: スコア60以上, conversion_rate: 0.15 }",
         "  - sal: { conversion_rate: 0.6 }",
         "  - sql: { definition: 見積依頼, conversion_rate: 0.4 }",
         "  - won: { conversion_rate: 0.25 }",
         "romi: { budget_jpy: 30000000, target_ratio: 3, revenue_target_jpy: 90000000, average_deal_jpy: 3000000 }",
         "stakeholders:",
         "  - { id: mk, name: マーケティング部, kind: marketing }",
         "  - { id: is, name: インサイドセールス, kind: inside_sales }",
         "  - { id: sl, name: 営業部, kind: sales }",
         "  - { id: it, name: 情報システム部, kind: internal_systems }",
         "  - { id: lg, name: 法務部, kind: privacy_legal }",
         "tasks:"]
owners = ["mk", "sl", "it", "lg", "is"]
for i in range(tasks):
    o = owners[i % len(owners)]
    other = owners[(i + 1) % len(owners)]
    month = 1 + i % 12
    day = 1 + i % 28
    lines.append(f"  - {{ name: タスク{i:05d} の準備と確認, step: {1 + i % 7}, "
                 f"roles: {{ {o}: 主担当, {other}: 共有 }}, status: {statuses[i % 4]}, "
                 f"due: 2027-{month:02d}-{day:02d} }}")
lines += ["personas:",
          "  - { id: p1, name: 選定担当者, segment: s1, buying_role: person_in_charge }",
          "  - { id: p2, name: 決裁者, segment: s1, buying_role: decision_maker }",
          "segments:", "  - { id: s1, criteria: 製造業, target: true }",
          "journey:", f"  stages: [{', '.join(stages)}]", "  map:"]
for p in ["p1", "p2"]:
    lines.append(f"    {p}:")
    for s in stages:
        lines.append(f"      {s}: {{ wants: {s}の情報, content: [{s}資料], channel: email }}")
lines.append("communications:")
kinds = ["new", "existing", "needs_update"]
for i in range(comms):
    lines.append(f"  - {{ id: c{i:04d}, stage: {stages[i % 5]}, persona: p{1 + i % 2}, "
                 f"content: コンテンツ{i}, content_status: {kinds[i % 3]}, channel: email, "
                 f"timing: 資料DLの{i % 7 + 1}日後, owner: mk, kind: nurture }}")
lines += ["handoffs:",
          "  - { from: mk, to: is, when: { attributes: [課長以上], state: MQL }, fields: [会社名], sla_hours: 24, closed_lost_reasons_to: mk }",
          "  - { from: is, to: sl, when: { attributes: [予算あり], state: 見積依頼 }, fields: [導入時期], sla_hours: 48, closed_lost_reasons_to: mk }",
          "kpi_measurement:",
          "  - { goal: g-sql, source: SFA, owner: mk, cadence: weekly }",
          "operations:",
          "  review_meeting: { cadence: weekly, minutes: 30, members: [mk, is, sl] }",
          "  error_response: { first_responder: mk, escalation: it, runbook: runbook.md }",
          "  pause_policy:",
          "    - { scenario: 年末年始, on_resume: skip_missed }"]
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
