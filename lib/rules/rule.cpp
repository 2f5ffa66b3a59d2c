#include "rules/rule.hpp"

namespace maplan::rules {

void RuleContext::report(SourcePos pos, Text message) const {
    report(pos, std::move(message), Text(rule.hint));
}

void RuleContext::report(SourcePos pos, Text message, Text hint) const {
    // A finding about the plan as a whole points at its step's section key, so the reader sees
    // which part of the plan to extend, never at line 1 over and over.
    if (!pos.known()) pos = project.pos.known() ? project.step_pos(rule.step) : SourcePos{};
    sink.add(Finding{std::string(rule.id), rule.severity,
                     project.source ? project.source->path() : std::string(), pos,
                     std::move(message), std::move(hint)});
}

TextRef step_name(int step) {
    switch (step) {
        case 0:
            return {"Plan file", "プランファイル"};
        case 1:
            return {"Problems and goals", "課題の把握・ゴール設定"};
        case 2:
            return {"Organisation and roles", "体制構築・役割分担"};
        case 3:
            return {"Targets", "ターゲットの設定"};
        case 4:
            return {"Communication flow", "コミュニケーションフローの策定"};
        case 5:
            return {"Customer lists", "顧客リストの用意"};
        case 6:
            return {"Tool setup", "ツールの準備"};
        case 7:
            return {"Measurement and operations", "施策の効果測定・運用フローの明確化"};
    }
    return {"", ""};
}

}  // namespace maplan::rules
