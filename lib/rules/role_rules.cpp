// Step 2: organisation and roles (DX station #4). The role matrix needs exactly one accountable
// owner per task (PMBOK / RACI convention; DX station #4's 主担当) and someone doing the work; the
// stakeholder list must include the two departments that are routinely forgotten.
#include <fmt/format.h>
#include <cmath>

#include <map>

#include "rules/families.hpp"

namespace maplan::rules {

namespace {

std::string task_label(const Task& t) {
    return t.name.value.empty() ? t.id.value : t.name.value;
}

bool not_applicable(const Task& t) {
    return t.status.value == "not_applicable";
}

bool has_role(const Task& t, RoleKind kind) {
    for (const RoleAssignment& a : t.roles) {
        if (a.kind == kind) return true;
    }
    return false;
}

/// Roles listed, but nobody owns or does the task: RACI-003 names that more precisely than
/// RACI-001, so RACI-001 leaves such tasks alone.
bool nobody_does(const Task& t) {
    return !t.roles.empty() && !has_role(t, RoleKind::owner) && !has_role(t, RoleKind::responsible);
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
        if (want_missing && owners.empty() && !nobody_does(t)) {
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

void check_nobody_does(RuleContext& ctx) {
    for (const Task& t : ctx.project.tasks) {
        if (not_applicable(t) || !nobody_does(t)) continue;
        ctx.report(t.pos, {fmt::format("task \"{}\" is only shared or consulted: nobody owns or "
                                       "does it",
                                       task_label(t)),
                           fmt::format("タスク「{}」は共有・相談先だけで、実施する部門がありません",
                                       task_label(t))});
    }
}

void check_owner_overload(RuleContext& ctx) {
    const Project& p = ctx.project;
    // Below a handful of tasks a share says nothing (one task is 100% one owner's).
    constexpr int min_tasks = 5;
    std::map<std::string, int> owned;
    std::map<std::string, SourcePos> first_seen;
    int total = 0;
    for (const Task& t : p.tasks) {
        if (not_applicable(t)) continue;
        bool counted = false;
        for (const RoleAssignment& a : t.roles) {
            if (a.kind != RoleKind::owner) continue;
            ++owned[a.stakeholder.value];
            first_seen.emplace(a.stakeholder.value, a.pos);
            counted = true;
        }
        if (counted) ++total;
    }
    if (total < min_tasks) return;
    for (const auto& [id, count] : owned) {
        double share = static_cast<double>(count) / total;
        if (share <= ctx.thresholds.max_owner_share) continue;
        const Stakeholder* s = p.find_stakeholder(id);
        int pct = static_cast<int>(std::lround(share * 100));
        ctx.report(s != nullptr ? s->pos : first_seen[id],
                   {fmt::format("stakeholder \"{}\" is lead owner ({}) of {} of {} tasks ({}%); "
                                "decisions depend on one department",
                                id, p.role_label(RoleKind::owner), count, total, pct),
                    fmt::format("ステークホルダー「{}」が {} 件中 {} 件のタスクで{}です ({}%)。"
                                "判断が 1 部門に集中しています",
                                id, total, count, p.role_label(RoleKind::owner), pct)});
    }
}

void check_no_stakeholders(RuleContext& ctx) {
    if (!ctx.project.stakeholders.empty()) return;
    ctx.report({}, {"the plan lists no stakeholders: departments and decision rights are unknown",
                    "ステークホルダーがありません。関係部門と決定権が不明です"});
}

const Stakeholder* first_of_kind(const Project& p, std::string_view kind) {
    for (const Stakeholder& s : p.stakeholders) {
        if (s.kind.value == kind) return &s;
    }
    return nullptr;
}

void check_internal_systems(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.stakeholders.empty() || first_of_kind(p, "internal_systems")) return;
    ctx.report(p.stakeholders.front().pos,
               {"no stakeholder governs internal systems (kind: internal_systems): tool approval, "
                "procurement and network rules have no owner",
                "社内システムを管理する部門 (kind: internal_systems) がいません。ツールの利用申請・"
                "調達・ネットワークのルールを誰も扱いません"});
}

void check_privacy_legal(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.stakeholders.empty() || first_of_kind(p, "privacy_legal")) return;
    ctx.report(p.stakeholders.front().pos,
               {"no stakeholder governs personal-information handling (kind: privacy_legal): "
                "nobody owns the use of customer data",
                "個人情報の取扱いを管理する部門 (kind: privacy_legal) がいません。顧客データの"
                "利用に責任を持つ部門がありません"});
}

void check_marketing_and_sales(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.stakeholders.empty()) return;
    bool marketing = first_of_kind(p, "marketing") != nullptr;
    bool sales = first_of_kind(p, "sales") || first_of_kind(p, "inside_sales");
    if (marketing && sales) return;
    ctx.report(p.stakeholders.front().pos,
               marketing ? Text{"no sales or inside-sales stakeholder: nobody receives the leads",
                                "営業・インサイドセールスのステークホルダーがいません。リードを"
                                "受け取る部門がありません"}
                         : Text{"no marketing stakeholder: nobody runs the MA tool and its "
                                "programs",
                                "マーケティングのステークホルダーがいません。MA ツールと施策を"
                                "運用する部門がありません"});
}

void check_project_owner(RuleContext& ctx) {
    const ProjectInfo& info = ctx.project.project;
    if (info.owner.present()) return;
    ctx.report(info.pos, {"project.owner is not set: no one coordinates the demand center across "
                          "marketing, inside sales and sales",
                          "project.owner がありません。マーケティング・インサイドセールス・営業を"
                          "通したデマンドセンター全体の統括者がいません"});
}

void check_forgotten_in_tasks(RuleContext& ctx) {
    const Project& p = ctx.project;
    if (p.tasks.empty()) return;
    for (const Stakeholder& s : p.stakeholders) {
        if (s.kind.value != "internal_systems" && s.kind.value != "privacy_legal") continue;
        bool involved = false;
        for (const Task& t : p.tasks) {
            for (const RoleAssignment& a : t.roles) involved |= a.stakeholder.value == s.id.value;
        }
        if (involved) continue;
        ctx.report(s.pos, {fmt::format("stakeholder \"{}\" ({}) has no role in any task",
                                       s.id.value, s.kind.value),
                           fmt::format("ステークホルダー「{}」({}) がどのタスクにも登場しません",
                                       s.id.value, s.kind.value)});
    }
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
          "accountable owner (PMBOK; DX station #4's 主担当, RACI's A).",
          "誰も主担当でないタスクは、導入が止まる最大の原因です。タスクごとに決定権を持つ主担当を "
          "1 部門決めます"
          " (PMBOK、DX station 第4回の主担当、RACI の A)。"},
         {"Give one stakeholder the owner role (主担当 or A) in the task's roles.",
          "roles でいずれか 1 部門を主担当 (または A) にしてください。"},
         check_missing_owner,
         {R"yaml(
tasks:
  - {name: Salesforce連携の設定, step: 6, roles: {it: 実施, mk: 共有}}
)yaml",
          R"yaml(
tasks:
  - {name: Salesforce連携の設定, step: 6, roles: {it: 主担当, mk: 共有}}
)yaml"}},
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
         check_several_owners,
         {R"yaml(
tasks:
  - {name: MQLの定義, step: 1, roles: {mk: 主担当, sa: 主担当}}
)yaml",
          R"yaml(
tasks:
  - {name: MQLの定義, step: 1, roles: {mk: 主担当, sa: 相談}}
)yaml"}},
        {"RACI-003",
         2,
         Severity::error,
         {"Task nobody does", "誰も実施しないタスク"},
         {"A task whose row only shares (共有) or consults has a role matrix but no one doing the "
          "work; at least one party must own or do each task (RACI convention, DX station #4).",
          "共有や相談先しかいないタスクは、役割表はあっても実施する人がいません。タスクごとに"
          "主担当か実施担当が必要です (RACI の慣例、DX station 第4回)。"},
         {"Make one stakeholder 主担当 (A) and, if others do the work, mark them R.",
          "1 部門を主担当 (A) にし、作業する部門があれば R にしてください。"},
         check_nobody_does,
         {R"yaml(
tasks:
  - {name: 個人情報の利用目的の確認, step: 2, roles: {mk: 共有, lg: 相談}}
)yaml",
          R"yaml(
tasks:
  - {name: 個人情報の利用目的の確認, step: 2, roles: {lg: 主担当, mk: 共有}}
)yaml"}},
        {"RACI-004",
         2,
         Severity::warning,
         {"One department owns most tasks", "1 部門に主担当が集中している"},
         {"Reviewers flag overload: when one department holds the decision on most tasks, work "
          "queues behind it and other departments disengage. The share is configurable "
          "(thresholds.max_owner_share, default 80%); checked from 5 owned tasks on.",
          "レビューでは負荷の集中を指摘します。1 部門がほとんどのタスクで決定権を持つと、作業が"
          "そこで詰まり、他部門は当事者意識を失います。割合は設定できます "
          "(thresholds.max_owner_share、既定 80%)。主担当のあるタスクが 5 "
          "件以上のときに判定します。"},
         {"Hand the decision on some tasks (e.g. HOT lead follow-up, systems work) to the "
          "departments that do them.",
          "HOT リードのフォローやシステム作業など、実施部門に決定権を移せるタスクを見直して"
          "ください。"},
         check_owner_overload,
         {R"yaml(
tasks:
  - {name: 体制図の作成, step: 2, roles: {mk: 主担当}}
  - {name: ペルソナ定義, step: 3, roles: {mk: 主担当}}
  - {name: シナリオ設計, step: 4, roles: {mk: 主担当}}
  - {name: リストの名寄せ, step: 5, roles: {mk: 主担当}}
  - {name: 商談化の基準合意, step: 4, roles: {mk: 主担当, sa: 共有}}
)yaml",
          R"yaml(
tasks:
  - {name: 体制図の作成, step: 2, roles: {mk: 主担当}}
  - {name: ペルソナ定義, step: 3, roles: {mk: 主担当}}
  - {name: シナリオ設計, step: 4, roles: {mk: 主担当}}
  - {name: リストの名寄せ, step: 5, roles: {mk: 主担当}}
  - {name: 商談化の基準合意, step: 4, roles: {sa: 主担当, mk: 共有}}
)yaml"}},
        {"ROLE-001",
         2,
         Severity::warning,
         {"No stakeholders", "ステークホルダーがない"},
         {"Step 2 lists the departments involved and their decision rights before tasks are "
          "assigned (DX station #4). A warning: a plan that is just started has none yet.",
          "ステップ2では、タスクを割り当てる前に関係部門と決定権を洗い出します (DX station 第4回)。"
          "書き始めの計画では未記入なので警告です。"},
         {"Add `stakeholders` with marketing, sales, internal systems and legal.",
          "`stakeholders` にマーケティング・営業・情報システム・法務を書いてください。"},
         check_no_stakeholders,
         {R"yaml(
stakeholders: []
)yaml",
          R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: sa, name: 営業部, kind: sales}
  - {id: it, name: 情報システム部, kind: internal_systems}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml"}},
        {"ROLE-002",
         2,
         Severity::error,
         {"Internal-systems department missing", "社内システム管理部門がいない"},
         {"DX station #4: the department governing internal systems (tool approval, procurement, "
          "network rules) is one of the two routinely forgotten stakeholders, and forgetting it "
          "stalls the rollout at the tool application. An error once stakeholders are listed.",
          "DX station 第4回: 社内システムの管理部門 (ツールの利用申請・調達・ネットワークのルール) "
          "は"
          "忘れられがちな 2 部門の一つで、忘れるとツールの利用申請で導入が止まります。"
          "ステークホルダーを挙げた時点でエラーとします。"},
         {"Add the IT / information-systems department with `kind: internal_systems`.",
          "情報システム部を `kind: internal_systems` で追加してください。"},
         check_internal_systems,
         {R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: sa, name: 営業部, kind: sales}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml",
          R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: sa, name: 営業部, kind: sales}
  - {id: it, name: 情報システム部, kind: internal_systems}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml"}},
        {"ROLE-003",
         2,
         Severity::error,
         {"Personal-information (legal) department missing", "個人情報管理部門がいない"},
         {"DX station #4: the department governing personal-information handling is the other "
          "forgotten stakeholder; a leak of customer data is the incident nobody planned for "
          "(APPI).",
          "DX station 第4回: "
          "個人情報の取扱いを管理する部門はもう一つの忘れられがちな部門です。顧客データ"
          "の漏えいは誰も想定していなかった事故になります (個人情報保護法)。"},
         {"Add the legal / privacy department with `kind: privacy_legal`.",
          "法務部などを `kind: privacy_legal` で追加してください。"},
         check_privacy_legal,
         {R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: sa, name: 営業部, kind: sales}
  - {id: it, name: 情報システム部, kind: internal_systems}
)yaml",
          R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: sa, name: 営業部, kind: sales}
  - {id: it, name: 情報システム部, kind: internal_systems}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml"}},
        {"ROLE-004",
         2,
         Severity::warning,
         {"Marketing or sales missing", "マーケティングまたは営業がいない"},
         {"MA connects marketing, which creates leads, with (inside) sales, which follows them up; "
          "without one of them there is no demand center (DX station #4; MarketOne demand center).",
          "MA はリードを創出するマーケティングと、フォローする営業 (インサイドセールス) をつなぎ"
          "ます。どちらかが欠けるとデマンドセンターが成り立ちません (DX station "
          "第4回・マーケットワン「デマンドセンター」)。"},
         {"Add the missing department to `stakeholders`.",
          "欠けている部門を `stakeholders` に追加してください。"},
         check_marketing_and_sales,
         {R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: it, name: 情報システム部, kind: internal_systems}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml",
          R"yaml(
stakeholders:
  - {id: mk, name: マーケティング部, kind: marketing}
  - {id: is, name: インサイドセールス, kind: inside_sales}
  - {id: it, name: 情報システム部, kind: internal_systems}
  - {id: lg, name: 法務部, kind: privacy_legal}
)yaml"}},
        {"ROLE-005",
         2,
         Severity::warning,
         {"No demand-center coordinator", "デマンドセンターの統括者がいない"},
         {"MarketOne demand center: information is lost at every hand-off; one coordinator must "
          "own the whole "
          "flow from marketing through inside sales to field sales.",
          "マーケットワン「デマンドセンター」: "
          "情報は受け渡しのたびに失われます。マーケティングからインサイドセールス、営業"
          "までの流れ全体を 1 人 (1 部門) が統括する必要があります。"},
         {"Set `project.owner` to the coordinating stakeholder's ID.",
          "`project.owner` に統括するステークホルダーの ID を書いてください。"},
         check_project_owner,
         {R"yaml(
project: {name: 展示会リード育成, tool: marketo}
)yaml",
          R"yaml(
project: {name: 展示会リード育成, tool: marketo, owner: mk}
)yaml"}},
        {"ROLE-006",
         2,
         Severity::warning,
         {"Systems or legal department has no task", "情報システム・法務にタスクがない"},
         {"Listing IT or legal as stakeholders is not enough: DX station #4's matrix gives legal "
          "the "
          "definition of personal-information use and IT the receipt of the tool application. "
          "A department with no row in the matrix is still forgotten.",
          "情報システムや法務をステークホルダーに挙げるだけでは不十分です。DX station "
          "第4回の役割表では、"
          "法務が個人情報利用の定義の主担当、情報システムがツール利用申請の受領です。役割表に"
          "登場しない部門は、結局忘れられます。"},
         {"Give the department a role (主担当, 共有 or 受領) in the tasks it governs.",
          "管轄するタスクで役割 (主担当・共有・受領) を割り当ててください。"},
         check_forgotten_in_tasks,
         {R"yaml(
tasks:
  - {name: MAツール利用申請, step: 6, roles: {mk: 主担当, it: 受領}}
)yaml",
          R"yaml(
tasks:
  - {name: MAツール利用申請, step: 6, roles: {mk: 主担当, it: 受領}}
  - {name: 個人情報の利用目的の確認, step: 2, roles: {lg: 主担当, mk: 共有}}
)yaml"}},
    };
}

}  // namespace maplan::rules
