// Step 2: organisation and roles (seed 000). The role matrix needs exactly one accountable owner
// per task (PMBOK / RACI convention; the seed's 主担当).
#include <fmt/format.h>

#include "rules/families.hpp"

namespace maplan::rules {

namespace {

std::string task_label(const Task& t) {
    return t.name.value.empty() ? t.id.value : t.name.value;
}

bool not_applicable(const Task& t) {
    return t.status.value == "not_applicable";
}

void check_owner_count(RuleContext& ctx, bool want_missing) {
    const Project& p = ctx.project;
    std::string owner = p.role_label(RoleKind::owner);
    for (const Task& t : p.tasks) {
        if (not_applicable(t)) continue;
        std::vector<const RoleAssignment*> owners;
        for (const RoleAssignment& a : t.roles) {
            if (a.kind == RoleKind::owner) owners.push_back(&a);
        }
        if (want_missing && owners.empty()) {
            ctx.report(t.pos,
                       {fmt::format("task \"{}\" has no lead owner ({})", task_label(t), owner),
                        fmt::format("タスク「{}」に{}がいません", task_label(t), owner)});
        } else if (!want_missing && owners.size() > 1) {
            ctx.report(
                owners[1]->pos,
                {fmt::format("task \"{}\" has {} lead owners ({}); exactly one holds the decision",
                             task_label(t), owners.size(), owner),
                 fmt::format("タスク「{}」に{}が {} 部門あります。決定権を持つのは 1 "
                             "部門だけにしてください",
                             task_label(t), owner, owners.size())});
        }
    }
}

void check_missing_owner(RuleContext& ctx) {
    check_owner_count(ctx, true);
}
void check_several_owners(RuleContext& ctx) {
    check_owner_count(ctx, false);
}

}  // namespace

std::vector<RuleDescriptor> role_rules() {
    return {
        {"RACI-001",
         2,
         Severity::error,
         {"Task without a lead owner", "主担当のいないタスク"},
         {"A task nobody owns is the commonest reason a rollout stalls: each task needs exactly "
          "one "
          "accountable owner (PMBOK; the seed's 主担当, RACI's A).",
          "誰も主担当でないタスクは、導入が止まる最大の原因です。タスクごとに決定権を持つ主担当を "
          "1 部門決めます"
          " (PMBOK、記事000 の主担当、RACI の A)。"},
         {"Give one stakeholder the owner role (主担当 or A) in the task's roles.",
          "roles でいずれか 1 部門を主担当 (または A) にしてください。"},
         check_missing_owner},
        {"RACI-002",
         2,
         Severity::error,
         {"Task with several lead owners", "主担当が複数いるタスク"},
         {"Two owners means nobody decides: when they disagree the task waits (RACI: exactly one "
          "A).",
          "主担当が 2 部門あると、意見が割れたときに誰も決められずタスクが止まります (RACI の A は "
          "1 つ)。"},
         {"Keep one owner; make the others 共有 (informed) or R (responsible).",
          "主担当を 1 部門に絞り、他は共有または R にしてください。"},
         check_several_owners},
    };
}

}  // namespace maplan::rules
