// Step 3: targets (DX station #6). Choose target segments, describe personas by their role in the
// buying group, and map per persona and journey stage what they want and what answers it.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/families.hpp"

namespace maplan::rules {

namespace {

void check_target_segment(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.segments.empty()) {
        ctx.report({}, {"the plan has no segments: the target is not chosen",
                        "セグメントがなく、ターゲットが選ばれていません"});
        return;
    }
    for (const Segment& s : p.segments) {
        if (s.target.value) return;
    }
    ctx.report(p.segments.front().pos,
               {"no segment is chosen as a target (target: true)",
                "ターゲットとして選んだセグメント (target: true) がありません"});
}

void check_persona_fields(RuleContext& ctx) {
    for (const Persona& persona : ctx.project.personas) {
        bool segment = persona.segment.present(), role = persona.buying_role.present();
        if (segment && role) continue;
        Text what = !segment && !role ? Text{"segment and buying_role", "segment と buying_role"}
                    : !segment        ? Text{"segment", "segment"}
                                      : Text{"buying_role", "buying_role"};
        ctx.report(persona.pos,
                   {fmt::format("persona \"{}\" has no {}", persona.id.value, what.en),
                    fmt::format("ペルソナ「{}」に {} がありません", persona.id.value, what.ja)});
    }
}

void check_persona_journey(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.personas.empty()) return;
    if (!p.journey || p.journey->entries.empty()) {
        // One finding for the missing map, not one per persona.
        ctx.report(p.journey ? p.journey->pos : p.personas.front().pos,
                   {fmt::format("no customer journey map for the {} persona(s)", p.personas.size()),
                    fmt::format("{} 人のペルソナに対するカスタマージャーニーマップがありません",
                                p.personas.size())});
        return;
    }
    for (const Persona& persona : p.personas) {
        bool mapped = false;
        for (const JourneyEntry& e : p.journey->entries)
            mapped |= e.persona.value == persona.id.value;
        if (mapped) continue;
        ctx.report(
            persona.pos,
            {fmt::format("persona \"{}\" has no entries in the journey map", persona.id.value),
             fmt::format("ペルソナ「{}」がジャーニーマップにありません", persona.id.value)});
    }
}

void check_journey_entries(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.journey) return;
    for (const JourneyEntry& e : p.journey->entries) {
        bool content = !e.content.empty(), channel = e.channel.present();
        if (content && channel) continue;
        Text what = !content && !channel ? Text{"content or channel", "コンテンツと媒体"}
                    : !content           ? Text{"content", "コンテンツ"}
                                         : Text{"channel", "媒体"};
        ctx.report(e.pos, {fmt::format("journey entry \"{}\" / \"{}\" has no {}", e.persona.value,
                                       e.stage.value, what.en),
                           fmt::format("ジャーニーの「{}」/「{}」に{}がありません", e.persona.value,
                                       e.stage.value, what.ja)});
    }
}

void check_persona_segment_targeted(RuleContext& ctx) {
    const Project& p = ctx.project;
    for (const Persona& persona : p.personas) {
        for (const Segment& s : p.segments) {
            if (s.id.value != persona.segment.value || s.target.value) continue;
            ctx.report(persona.segment.pos,
                       {fmt::format("persona \"{}\" belongs to segment \"{}\", which is not a "
                                    "target",
                                    persona.id.value, s.id.value),
                        fmt::format("ペルソナ「{}」のセグメント「{}」はターゲットに選ばれて"
                                    "いません",
                                    persona.id.value, s.id.value)});
        }
    }
}

void check_no_personas(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (!p.personas.empty()) return;
    ctx.report(p.segments.empty() ? SourcePos{} : p.segments.front().pos,
               {"the plan has no personas: nobody in the buying group is described",
                "ペルソナがなく、購買関与者が描かれていません"});
}

}  // namespace

std::vector<RuleDescriptor> target_rules() {
    return {
        {"TARGET-001",
         3,
         Severity::warning,
         {"No target segment chosen", "ターゲットのセグメントが選ばれていない"},
         {"Step 3 divides the market into segments and chooses the targets; content and lists "
          "are built for them (DX station #6). Listing segments without choosing means everyone is "
          "a target, which means nobody is.",
          "ステップ3では市場をセグメントに分け、ターゲットを選びます。コンテンツもリストも"
          "ターゲットに向けて作ります (DX station "
          "第6回)。選ばなければ全員が対象、つまり誰も対象では"
          "ありません。"},
         {"Add `segments` and mark the chosen ones `target: true`.",
          "`segments` を書き、選んだものに `target: true` を付けてください。"},
         check_target_segment,
         {R"yaml(
segments:
  - {id: mfg, criteria: 製造業 従業員300名以上}
  - {id: other, criteria: その他, target: false}
)yaml",
          R"yaml(
segments:
  - {id: mfg, criteria: 製造業 従業員300名以上, target: true}
  - {id: other, criteria: その他, target: false}
)yaml"}},
        {"TARGET-002",
         3,
         Severity::warning,
         {"Persona without segment or buying role", "セグメント・購買役割のないペルソナ"},
         {"B2B purchases are decided by a buying group: the person in charge, the decision "
          "maker, the user department each want different information (DX station #6). A persona "
          "without its segment and role cannot be given the right content.",
          "B2B の購買は、担当者・決裁者・利用部門などの購買関与者が決めます。それぞれ欲しい情報"
          "が違います (DX station "
          "第6回)。セグメントと役割のないペルソナには適切なコンテンツを用意できま"
          "せん。"},
         {"Add `segment:` and `buying_role:` to the persona.",
          "ペルソナに `segment:` と `buying_role:` を書いてください。"},
         check_persona_fields,
         {R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
personas:
  - {id: p-eng, name: 生産技術課長, segment: mfg}
)yaml",
          R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
personas:
  - {id: p-eng, name: 生産技術課長, segment: mfg, buying_role: person_in_charge}
)yaml"}},
        {"TARGET-003",
         3,
         Severity::warning,
         {"Persona without journey entries", "ジャーニーマップにないペルソナ"},
         {"The customer journey map says, per persona and stage, what information is wanted and "
          "which content and medium answer it (DX station #6); a persona without entries gets no "
          "communication planned for it.",
          "カスタマージャーニーマップは、ペルソナと段階ごとに欲しい情報と、それに応える"
          "コンテンツ・媒体を示します (DX station "
          "第6回)。マップにないペルソナには施策が計画されません。"},
         {"Add the persona under `journey.map` with its stages.",
          "`journey.map` にペルソナと段階を追加してください。"},
         check_persona_journey,
         {R"yaml(
personas:
  - {id: p-eng, name: 生産技術課長}
  - {id: p-dir, name: 工場長}
journey:
  stages: [認知, 比較検討]
  map:
    p-eng:
      認知: {wants: 業界動向, content: [調査レポート], channel: web_ads}
)yaml",
          R"yaml(
personas:
  - {id: p-eng, name: 生産技術課長}
  - {id: p-dir, name: 工場長}
journey:
  stages: [認知, 比較検討]
  map:
    p-eng:
      認知: {wants: 業界動向, content: [調査レポート], channel: web_ads}
    p-dir:
      比較検討: {wants: 投資対効果, content: [導入事例], channel: email}
)yaml"}},
        {"TARGET-004",
         3,
         Severity::warning,
         {"Journey entry without content or channel", "コンテンツ・媒体のないジャーニー項目"},
         {"Knowing what a persona wants is half the map; the other half is the content that "
          "answers it and the medium it travels by (DX station #6). Step 4 plans communications "
          "from "
          "these.",
          "ペルソナが欲しい情報だけではマップの半分です。残り半分は、それに応えるコンテンツと"
          "届ける媒体です (DX station 第6回)。ステップ4の施策はここから作ります。"},
         {"Add `content:` and `channel:` to the entry.",
          "項目に `content:` と `channel:` を書いてください。"},
         check_journey_entries,
         {R"yaml(
personas: [{id: p-eng, name: 生産技術課長}]
journey:
  stages: [認知]
  map:
    p-eng:
      認知: {wants: 業界動向, content: [調査レポート]}
)yaml",
          R"yaml(
personas: [{id: p-eng, name: 生産技術課長}]
journey:
  stages: [認知]
  map:
    p-eng:
      認知: {wants: 業界動向, content: [調査レポート], channel: web_ads}
)yaml"}},
        {"TARGET-005",
         3,
         Severity::warning,
         {"No personas", "ペルソナがない"},
         {"Personas turn a segment into people whose problems content can address (DX station #6). "
          "A warning: a plan that is just started has none yet.",
          "ペルソナはセグメントを、コンテンツで課題に応えられる「人」にします (DX station 第6回)。"
          "書き始めの計画では未記入なので警告です。"},
         {"Add `personas` with name, segment, buying_role and challenges.",
          "`personas` に名前・セグメント・購買役割・課題を書いてください。"},
         check_no_personas,
         {R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
)yaml",
          R"yaml(
segments: [{id: mfg, criteria: 製造業 従業員300名以上, target: true}]
personas: [{id: p-eng, name: 生産技術課長, segment: mfg, buying_role: person_in_charge}]
)yaml"}},
        {"TARGET-006",
         3,
         Severity::info,
         {"Persona in a segment that is not a target", "ターゲット外セグメントのペルソナ"},
         {"Personas are written for the chosen targets (DX station #6); a persona in a segment "
          "marked "
          "`target: false` gets content and lists built for a market the plan decided not to "
          "pursue. Info: it may be deliberate (e.g. a later phase).",
          "ペルソナは選んだターゲットに対して描きます (DX station 第6回)。`target: false` "
          "のセグメントの"
          "ペルソナには、狙わないと決めた市場向けのコンテンツやリストが作られます。次のフェーズ"
          "向けなど意図的な場合もあるため情報扱いです。"},
         {"Mark the segment `target: true`, or move the persona to a target segment.",
          "セグメントを `target: true` にするか、ペルソナをターゲットのセグメントに移して"
          "ください。"},
         check_persona_segment_targeted,
         {R"yaml(
segments:
  - {id: mfg, criteria: 製造業 従業員300名以上, target: true}
  - {id: other, criteria: その他, target: false}
personas:
  - {id: p-eng, name: 生産技術課長, segment: other}
)yaml",
          R"yaml(
segments:
  - {id: mfg, criteria: 製造業 従業員300名以上, target: true}
  - {id: other, criteria: その他, target: false}
personas:
  - {id: p-eng, name: 生産技術課長, segment: mfg}
)yaml"}},
    };
}

}  // namespace maplan::rules
