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
    std::string what;  ///< the YAML path, for the message ("communications[2].owner")
};

/// "tasks[3].roles": the item as the user counts it in the file (from 0, as yq and jq do).
std::string at(std::string_view list, std::size_t index, std::string_view key) {
    return fmt::format("{}[{}].{}", list, index, key);
}

/// Each ID of a string list, as "goals[0].agreed_by[1]".
void add_list(std::vector<Reference>& refs, const LStrings& ids, const std::string& path) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        refs.push_back({&ids[i], fmt::format("{}[{}]", path, i)});
}

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
        add_list(refs, g.agreed_by, at("goals", g.index, "agreed_by"));
    }
    for (const Task& t : p.tasks) {
        for (const RoleAssignment& a : t.roles)
            refs.push_back({&a.stakeholder, at("tasks", t.index, "roles")});
    }
    for (const Communication& c : p.communications)
        refs.push_back({&c.owner, at("communications", c.index, "owner")});
    for (const Handoff& h : p.handoffs) {
        refs.push_back({&h.from, at("handoffs", h.index, "from")});
        refs.push_back({&h.to, at("handoffs", h.index, "to")});
        refs.push_back(
            {&h.closed_lost_reasons_to, at("handoffs", h.index, "closed_lost_reasons_to")});
    }
    for (const DataSource& d : p.data_sources)
        refs.push_back({&d.owner, at("data_sources", d.index, "owner")});
    for (const Integration& i : p.integrations)
        refs.push_back({&i.owner, at("integrations", i.index, "owner")});
    for (const KpiMeasurement& k : p.kpi_measurement)
        refs.push_back({&k.owner, at("kpi_measurement", k.index, "owner")});
    if (p.reporting) {
        refs.push_back({&p.reporting->owner, "reporting.owner"});
        add_list(refs, p.reporting->audience, "reporting.audience");
    }
    if (p.operations) {
        if (p.operations->review_meeting) {
            add_list(refs, p.operations->review_meeting->members,
                     "operations.review_meeting.members");
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
        segment_refs.push_back({&persona.segment, at("personas", persona.index, "segment")});
    for (const Communication& c : p.communications)
        persona_refs.push_back({&c.persona, at("communications", c.index, "persona")});
    if (p.journey) {
        for (const JourneyEntry& e : p.journey->entries)
            persona_refs.push_back({&e.persona, "journey.map." + e.persona.value});
    }
    for (const KpiMeasurement& k : p.kpi_measurement)
        goal_refs.push_back({&k.goal, at("kpi_measurement", k.index, "goal")});
    std::vector<Reference> task_refs, communication_refs;
    for (const Communication& c : p.communications)
        task_refs.push_back({&c.production_task, at("communications", c.index, "production_task")});
    for (const Task& t : p.tasks) {
        add_list(communication_refs, t.produces, at("tasks", t.index, "produces"));
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
    for (const JourneyEntry& e : p.journey->entries)
        refs.push_back(
            {&e.stage, fmt::format("journey.map.{}.{}", e.persona.value, e.stage.value)});
    for (const Communication& c : p.communications)
        refs.push_back({&c.stage, at("communications", c.index, "stage")});
    check_refs(ctx, refs, stages, {"journey stage", "ジャーニー段階"});
}

template <class T>
void check_unique(RuleContext& ctx, const std::vector<T>& items, std::string_view what) {
    // Compared after NFKC: `ｍａｒｋｅｔｉｎｇ` (full width) and `marketing` are one ID to a
    // reader.
    struct First {
        const std::string* id;
        SourcePos pos;
        std::size_t index;
    };
    std::map<std::string, First> seen;
    for (const T& item : items) {
        if (!item.id.present()) continue;
        auto [it, inserted] =
            seen.emplace(id_key(item.id.value), First{&item.id.value, item.id.pos, item.index});
        if (inserted) continue;
        const First& first = it->second;
        if (*first.id == item.id.value) {
            ctx.report(
                item.id.pos,
                {fmt::format("{}[{}].id \"{}\" is used twice (first at {}[{}], line {})", what,
                             item.index, item.id.value, what, first.index, first.pos.line),
                 fmt::format("{}[{}].id の「{}」が重複しています (最初は {}[{}]、{} 行目)", what,
                             item.index, item.id.value, what, first.index, first.pos.line)});
        } else {
            ctx.report(
                item.id.pos,
                {fmt::format("{}[{}].id \"{}\" is the same as \"{}\" ({}[{}], line {}) "
                             "after Unicode normalization (NFKC)",
                             what, item.index, item.id.value, *first.id, what, first.index,
                             first.pos.line),
                 fmt::format("{}[{}].id の「{}」は Unicode 正規化 (NFKC) すると「{}」({}[{}]、"
                             "{} 行目) と同じです",
                             what, item.index, item.id.value, *first.id, what, first.index,
                             first.pos.line)});
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
