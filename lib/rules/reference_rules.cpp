// References between entries: every ID a plan mentions must exist, and IDs must be unique.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/identifier.hpp"
#include "core/suggest.hpp"
#include "rules/families.hpp"

namespace maplan::rules {

namespace {

struct Reference {
    const LString* value;
    std::string_view what;  ///< the key, for the message
};

template <class T>
std::vector<std::string_view> ids_of(const std::vector<T>& items) {
    std::vector<std::string_view> ids;
    for (const T& item : items) ids.push_back(item.id.value);
    return ids;
}

void check_refs(RuleContext& ctx, const std::vector<Reference>& refs,
                const std::vector<std::string_view>& known, TextRef kind) {
    for (const Reference& ref : refs) {
        if (!ref.value->present() || ref.value->value.empty()) continue;
        if (std::find(known.begin(), known.end(), std::string_view(ref.value->value)) !=
            known.end())
            continue;
        auto guess = closest_match(ref.value->value, known);
        ctx.report(
            ref.value->pos,
            {fmt::format("\"{}\" in {} is not a known {}{}", ref.value->value, ref.what, kind.en,
                         guess ? fmt::format("; did you mean \"{}\"?", *guess) : ""),
             fmt::format("{} の「{}」は定義されていない{}です{}", ref.what, ref.value->value,
                         kind.ja,
                         guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "")});
    }
}

void check_stakeholder_refs(RuleContext& ctx) {
    const Project& p = ctx.project;
    std::vector<Reference> refs;
    refs.push_back({&p.project.owner, "project.owner"});
    for (const Goal& g : p.goals) {
        for (const LString& s : g.agreed_by) refs.push_back({&s, "goals.agreed_by"});
    }
    for (const Task& t : p.tasks) {
        for (const RoleAssignment& a : t.roles) refs.push_back({&a.stakeholder, "tasks.roles"});
    }
    for (const Communication& c : p.communications)
        refs.push_back({&c.owner, "communications.owner"});
    for (const Handoff& h : p.handoffs) {
        refs.push_back({&h.from, "handoffs.from"});
        refs.push_back({&h.to, "handoffs.to"});
        refs.push_back({&h.closed_lost_reasons_to, "handoffs.closed_lost_reasons_to"});
    }
    for (const DataSource& d : p.data_sources) refs.push_back({&d.owner, "data_sources.owner"});
    for (const Integration& i : p.integrations) refs.push_back({&i.owner, "integrations.owner"});
    for (const KpiMeasurement& k : p.kpi_measurement)
        refs.push_back({&k.owner, "kpi_measurement.owner"});
    if (p.reporting) {
        refs.push_back({&p.reporting->owner, "reporting.owner"});
        for (const LString& s : p.reporting->audience) refs.push_back({&s, "reporting.audience"});
    }
    if (p.operations) {
        if (p.operations->review_meeting) {
            for (const LString& s : p.operations->review_meeting->members) {
                refs.push_back({&s, "operations.review_meeting.members"});
            }
        }
        if (p.operations->error_response) {
            refs.push_back({&p.operations->error_response->first_responder,
                            "operations.error_response.first_responder"});
            refs.push_back({&p.operations->error_response->escalation,
                            "operations.error_response.escalation"});
        }
    }
    check_refs(ctx, refs, ids_of(p.stakeholders), {"stakeholder", "ステークホルダー"});
}

void check_target_refs(RuleContext& ctx) {
    const Project& p = ctx.project;
    std::vector<Reference> segment_refs, persona_refs, goal_refs;
    for (const Persona& persona : p.personas)
        segment_refs.push_back({&persona.segment, "personas.segment"});
    for (const Communication& c : p.communications)
        persona_refs.push_back({&c.persona, "communications.persona"});
    if (p.journey) {
        for (const JourneyEntry& e : p.journey->entries)
            persona_refs.push_back({&e.persona, "journey.map"});
    }
    for (const KpiMeasurement& k : p.kpi_measurement)
        goal_refs.push_back({&k.goal, "kpi_measurement.goal"});
    std::vector<Reference> task_refs, communication_refs;
    for (const Communication& c : p.communications)
        task_refs.push_back({&c.production_task, "communications.production_task"});
    for (const Task& t : p.tasks) {
        for (const LString& id : t.produces) communication_refs.push_back({&id, "tasks.produces"});
    }
    check_refs(ctx, task_refs, ids_of(p.tasks), {"task", "タスク"});
    check_refs(ctx, communication_refs, ids_of(p.communications),
               {"communication item", "コミュニケーション項目"});
    check_refs(ctx, segment_refs, ids_of(p.segments), {"segment", "セグメント"});
    check_refs(ctx, persona_refs, ids_of(p.personas), {"persona", "ペルソナ"});
    check_refs(ctx, goal_refs, ids_of(p.goals), {"goal", "ゴール"});
}

void check_journey_stage_refs(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.journey || p.journey->stages.empty()) return;
    std::vector<std::string_view> stages;
    for (const LString& s : p.journey->stages) stages.push_back(s.value);
    std::vector<Reference> refs;
    for (const JourneyEntry& e : p.journey->entries) refs.push_back({&e.stage, "journey.map"});
    for (const Communication& c : p.communications)
        refs.push_back({&c.stage, "communications.stage"});
    check_refs(ctx, refs, stages, {"journey stage", "ジャーニー段階"});
}

template <class T>
void check_unique(RuleContext& ctx, const std::vector<T>& items, std::string_view what) {
    // Compared after NFKC: `ｍａｒｋｅｔｉｎｇ` (full width) and `marketing` are one ID to a
    // reader.
    struct First {
        const std::string* id;
        SourcePos pos;
    };
    std::map<std::string, First> seen;
    for (const T& item : items) {
        if (!item.id.present()) continue;
        auto [it, inserted] =
            seen.emplace(id_key(item.id.value), First{&item.id.value, item.id.pos});
        if (inserted) continue;
        if (*it->second.id == item.id.value) {
            ctx.report(item.id.pos, {fmt::format("{} ID \"{}\" is used twice (first at line {})",
                                                 what, item.id.value, it->second.pos.line),
                                     fmt::format("{} の ID「{}」が重複しています (最初は {} 行目)",
                                                 what, item.id.value, it->second.pos.line)});
        } else {
            ctx.report(item.id.pos,
                       {fmt::format("{} ID \"{}\" is the same as \"{}\" (line {}) after Unicode "
                                    "normalization (NFKC)",
                                    what, item.id.value, *it->second.id, it->second.pos.line),
                        fmt::format("{} の ID「{}」は Unicode 正規化 (NFKC) すると「{}」({} 行目) "
                                    "と同じです",
                                    what, item.id.value, *it->second.id, it->second.pos.line)});
        }
    }
}

void check_unique_ids(RuleContext& ctx) {
    const Project& p = ctx.project;
    check_unique(ctx, p.stakeholders, "stakeholders");
    check_unique(ctx, p.goals, "goals");
    check_unique(ctx, p.segments, "segments");
    check_unique(ctx, p.personas, "personas");
    check_unique(ctx, p.communications, "communications");
    check_unique(ctx, p.data_sources, "data_sources");
    check_unique(ctx, p.tasks, "tasks");
    check_unique(ctx, p.lifecycle, "lifecycle");
}

}  // namespace

std::vector<RuleDescriptor> reference_rules() {
    return {
        {"REF-001",
         0,
         Severity::error,
         {"Unknown stakeholder", "未定義のステークホルダー"},
         {"Owners, role-matrix columns, hand-offs and meeting members refer to stakeholders by ID; "
          "an ID that is not declared means a department nobody listed (step 2, DX station #4).",
          "担当・役割表・受け渡し・会議メンバーはステークホルダー ID で参照します。未定義の ID は、"
          "誰も挙げていない部門を意味します (ステップ2、DX station 第4回)。"},
         {"Declare the stakeholder under `stakeholders` or fix the ID.",
          "`stakeholders` に追加するか、ID を直してください。"},
         check_stakeholder_refs,
         {R"yaml(
reporting: {cadence: monthly, owner: mk, audience: [sales]}
)yaml",
          R"yaml(
reporting: {cadence: monthly, owner: mk, audience: [sa, is]}
)yaml"}},
        {"REF-002",
         0,
         Severity::error,
         {"Unknown segment, persona, goal, task or communication item",
          "未定義のセグメント・ペルソナ・ゴール・タスク・コミュニケーション項目"},
         {"Personas belong to segments, communication items and journey entries to personas, KPI "
          "measurements to goals, content to the task that produces it; a dangling reference "
          "breaks the chain from goal to message.",
          "ペルソナはセグメントに、コミュニケーションとジャーニーはペルソナに、KPI "
          "測定はゴールに、コンテンツは制作タスクに紐づきます。"
          "参照先がないと、ゴールからメッセージまでのつながりが切れます。"},
         {"Declare the entry or fix the ID.", "参照先を定義するか、ID を直してください。"},
         check_target_refs,
         {R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
personas: [{id: p-eng, name: 生産技術課長, segment: mgf, buying_role: person_in_charge}]
)yaml",
          R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
personas: [{id: p-eng, name: 生産技術課長, segment: mfg, buying_role: person_in_charge}]
)yaml"}},
        {"REF-003",
         3,
         Severity::warning,
         {"Unknown journey stage", "未定義のジャーニー段階"},
         {"Journey entries and communication items are placed on the journey stages declared in "
          "`journey.stages`; another name makes the map incomplete (step 3, DX station #6).",
          "ジャーニーの内容とコミュニケーション項目は `journey.stages` の段階に置きます。"
          "別の名前を使うとマップが欠けます (ステップ3、DX station 第6回)。"},
         {"Use one of the stages in `journey.stages` or add the stage there.",
          "`journey.stages` の段階名を使うか、段階を追加してください。"},
         check_journey_stage_refs,
         {R"yaml(
personas: [{id: p-eng, name: 生産技術課長}]
journey:
  stages: [認知, 比較検討, 導入決定]
  map:
    p-eng:
      検討: {wants: 他社との比較, content: [機能比較表], channel: email}
)yaml",
          R"yaml(
personas: [{id: p-eng, name: 生産技術課長}]
journey:
  stages: [認知, 比較検討, 導入決定]
  map:
    p-eng:
      比較検討: {wants: 他社との比較, content: [機能比較表], channel: email}
)yaml"}},
        {"REF-004",
         0,
         Severity::error,
         {"Duplicate ID", "ID の重複"},
         {"IDs are how entries refer to each other; two entries with one ID make every reference "
          "ambiguous.",
          "ID は項目同士の参照に使います。同じ ID が 2 つあると参照先があいまいになります。"},
         {"Give each entry its own ID.", "項目ごとに別の ID を付けてください。"},
         check_unique_ids,
         {R"yaml(
segments:
  - {id: mfg, criteria: 製造業 従業員300名以上, target: true}
  - {id: mfg, criteria: 製造業 従業員300名未満}
)yaml",
          R"yaml(
segments:
  - {id: mfg-large, criteria: 製造業 従業員300名以上, target: true}
  - {id: mfg-mid, criteria: 製造業 従業員300名未満}
)yaml"}},
    };
}

}  // namespace maplan::rules
