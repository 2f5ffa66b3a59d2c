#include "reports/checklist.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "core/suggest.hpp"

namespace maplan::reports {

namespace {

bool has_kind(const Project& p, std::string_view kind) {
    return std::any_of(p.stakeholders.begin(), p.stakeholders.end(),
                       [&](const Stakeholder& s) { return s.kind.value == kind; });
}

bool stakeholder_is(const Project& p, std::string_view id, std::string_view kind) {
    const Stakeholder* s = p.find_stakeholder(id);
    return s != nullptr && s->kind.value == kind;
}

bool agreed_by_kind(const Project& p, const Goal& g, std::string_view kind) {
    return std::any_of(g.agreed_by.begin(), g.agreed_by.end(),
                       [&](const LString& id) { return stakeholder_is(p, id.value, kind); });
}

bool is_true(const LBool& flag) {
    return flag.present() && flag.value;
}

/// Collects the derived items. Each check restates a sentence of a cited source
/// (lib/core/citations); an item is ticked when the plan holds what that sentence asks for.
class ItemBuilder {
  public:
    explicit ItemBuilder(const Project& project) : p_(project) {}

    ChecklistItem& add(int step, std::string key, Text text, bool done, SourcePos pos = {}) {
        ChecklistItem item;
        item.step = step;
        item.key = std::move(key);
        item.text = std::move(text);
        item.done = done;
        item.status = done ? "done" : "todo";
        item.pos = pos;
        items_.push_back(std::move(item));
        return items_.back();
    }
    void owned_by(ChecklistItem& item, std::string_view stakeholder_id) {
        if (stakeholder_id.empty()) return;
        item.owner_id = stakeholder_id;
        item.owner_name = stakeholder_display(p_, stakeholder_id);
    }
    std::vector<ChecklistItem> take() { return std::move(items_); }

  private:
    const Project& p_;
    std::vector<ChecklistItem> items_;
};

std::string label_of_goal(const Goal& g) {
    return !g.statement.value.empty() ? g.statement.value : g.id.value;
}

void step1(const Project& p, ItemBuilder& b) {
    b.add(1, "problems", {"Current problems written down", "現状の課題を書き出す"},
          !p.problems.empty());
    if (p.goals.empty()) {
        b.add(1, "goals",
              {"Measurable goals (KPI, target, period)",
               "測定可能なゴール(KPI・目標値・期間)を決める"},
              false);
    }
    for (const Goal& g : p.goals) {
        bool measurable =
            g.kpi && g.kpi->metric.present() && g.kpi->target.present() && g.kpi->period.present();
        b.add(1, "goal-kpi:" + g.id.value,
              {fmt::format("Goal \"{}\": KPI with target and period", label_of_goal(g)),
               fmt::format("ゴール「{}」の KPI・目標値・期間を決める", label_of_goal(g))},
              measurable, g.pos);
    }
    bool agreed = !p.goals.empty() && std::all_of(p.goals.begin(), p.goals.end(), [&](auto& g) {
        return agreed_by_kind(p, g, "marketing") && agreed_by_kind(p, g, "sales");
    });
    b.add(1, "goals-agreed",
          {"Goals agreed by marketing and sales", "ゴールをマーケティングと営業で合意する"},
          agreed);
    b.add(1, "lifecycle", {"Lead lifecycle stages", "リードのライフサイクル段階を定義する"},
          !p.lifecycle.empty(), p.lifecycle_pos);
    for (std::string_view stage : {"mql", "sql"}) {
        const LifecycleStage* s = p.find_stage(stage);
        std::string upper = stage == "mql" ? "MQL" : "SQL";
        b.add(1, fmt::format("definition:{}", stage),
              {fmt::format("Written {} definition", upper),
               fmt::format("{} の定義を文章で書く", upper)},
              s != nullptr && s->definition.present(), s ? s->pos : SourcePos{});
    }
    bool romi = p.romi && (p.romi->budget_jpy.present() || p.romi->target_ratio.present());
    b.add(1, "romi", {"ROMI target or budget", "ROMI の目標または予算を決める"}, romi,
          p.romi ? p.romi->pos : SourcePos{});
}

void step2(const Project& p, ItemBuilder& b) {
    b.add(2, "stakeholders", {"Stakeholder departments listed", "関係部門を洗い出す"},
          !p.stakeholders.empty());
    b.add(2, "stakeholder:internal_systems",
          {"Internal-systems department involved (tool approval, procurement, network rules) — "
           "often forgotten",
           "社内システムを管轄する部門を巻き込む(ツール承認・調達・ネットワーク) — 忘れられがち"},
          has_kind(p, "internal_systems"));
    b.add(2, "stakeholder:privacy_legal",
          {"Personal-information (legal / privacy) department involved — often forgotten",
           "個人情報の取り扱いを管轄する部門(法務)を巻き込む — 忘れられがち"},
          has_kind(p, "privacy_legal"));
    bool matrix =
        std::any_of(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return !t.roles.empty(); });
    b.add(2, "role-matrix", {"Task × department role matrix", "タスク×部門の役割分担表を作る"},
          matrix);
    bool one_owner = !p.tasks.empty() && std::all_of(p.tasks.begin(), p.tasks.end(), [](auto& t) {
        return std::count_if(t.roles.begin(), t.roles.end(), [](const RoleAssignment& a) {
                   return a.kind == RoleKind::owner;
               }) == 1;
    });
    b.add(2, "one-owner-per-task",
          {"Exactly one lead owner per task", "すべてのタスクに主担当を 1 部門だけ決める"},
          one_owner);
    auto& coord = b.add(2, "coordinator",
                        {"One coordinator owns the whole demand-center flow",
                         "デマンドセンター全体を統括する部門を決める"},
                        p.find_stakeholder(p.project.owner.value) != nullptr, p.project.owner.pos);
    b.owned_by(coord, p.project.owner.value);
}

void step3(const Project& p, ItemBuilder& b) {
    bool targets = std::any_of(p.segments.begin(), p.segments.end(),
                               [](const Segment& s) { return is_true(s.target); });
    b.add(3, "target-segments", {"Target segments chosen", "ターゲットとするセグメントを選ぶ"},
          targets);
    b.add(3, "personas", {"Personas defined", "ペルソナを定義する"}, !p.personas.empty());
    for (const Persona& persona : p.personas) {
        bool mapped = p.journey && std::any_of(p.journey->entries.begin(), p.journey->entries.end(),
                                               [&](const auto& e) {
                                                   return e.persona.value == persona.id.value;
                                               });
        std::string name = !persona.name.value.empty() ? persona.name.value : persona.id.value;
        b.add(3, "journey:" + persona.id.value,
              {fmt::format("Customer journey for persona \"{}\" (information wanted and content "
                           "per stage)",
                           name),
               fmt::format("ペルソナ「{}」のカスタマージャーニー(段階ごとの欲しい情報とコンテンツ)"
                           "を書く",
                           name)},
              mapped, persona.pos);
    }
}

void step4(const Project& p, ItemBuilder& b) {
    b.add(4, "communications",
          {"Communication items per stage (content, channel, timing, owner)",
           "段階ごとのコミュニケーション(コンテンツ・チャネル・タイミング・担当)を決める"},
          !p.communications.empty());
    bool beyond_one_off =
        std::any_of(p.communications.begin(), p.communications.end(),
                    [](const auto& c) { return c.kind.present() && c.kind.value != "one_off"; });
    b.add(4, "beyond-one-off",
          {"Campaigns beyond one-off mails (nurturing, always-on)",
           "単発メール以外の施策(ナーチャリング・常時配信)を用意する"},
          beyond_one_off)
        .prevents = GoLivePhase::after;
    const LifecycleStage* sql = p.find_stage("sql");
    b.add(4, "sql-trigger",
          {"Trigger that moves a lead from MQL to SQL (e.g. a quote request)",
           "MQL から SQL に移る契機(例: 見積依頼)を決める"},
          sql != nullptr && sql->trigger.present(), sql ? sql->pos : SourcePos{});
    bool scoring = p.scoring && (!p.scoring->profile.empty() || !p.scoring->behavior.empty());
    b.add(4, "scoring", {"Lead scoring", "リードのスコアリングを決める"}, scoring);
    if (p.handoffs.empty()) {
        b.add(4, "handoffs",
              {"Hand-offs between departments (marketing → inside sales → sales)",
               "部門間の受け渡し(マーケティング → インサイドセールス → 営業)を決める"},
              false);
    }
    for (const Handoff& h : p.handoffs) {
        std::string from = stakeholder_display(p, h.from.value);
        std::string to = stakeholder_display(p, h.to.value);
        std::string key = fmt::format("handoff:{}-{}", h.from.value, h.to.value);
        bool condition = h.when && h.when->state.present() && !h.when->attributes.empty();
        auto& cond = b.add(
            4, key + ":condition",
            {fmt::format("Hand-off {} → {}: attributes and state a lead must reach", from, to),
             fmt::format("受け渡し {} → {}: リードが満たす属性と到達すべき状態を決める", from, to)},
            condition, h.pos);
        b.owned_by(cond, h.from.value);
        auto& fields =
            b.add(4, key + ":fields",
                  {fmt::format("Hand-off {} → {}: fields that travel with the lead", from, to),
                   fmt::format("受け渡し {} → {}: リードと一緒に渡す項目を決める", from, to)},
                  !h.fields.empty(), h.pos);
        b.owned_by(fields, h.from.value);
        auto& reasons = b.add(
            4, key + ":closed-lost",
            {fmt::format("Hand-off {} → {}: reasons for leads closed as \"no need\" go back to "
                         "marketing",
                         from, to),
             fmt::format("受け渡し {} → {}: 「ニーズなし」で閉じた理由をマーケティングに戻す", from,
                         to)},
            h.closed_lost_reasons_to.present(), h.pos);
        b.owned_by(reasons, h.to.value);
    }
}

void step5(const Project& p, ItemBuilder& b) {
    b.add(5, "data-sources",
          {"Data sources that hold customers (CRM, SFA, events, web forms)",
           "顧客データを持つシステム(CRM・SFA・展示会・Web フォーム)を洗い出す"},
          !p.data_sources.empty())
        .implementation_step = 2;
    for (const DataSource& ds : p.data_sources) {
        std::string name = !ds.system.value.empty() ? ds.system.value : ds.id.value;
        auto& item = b.add(5, "data-source:" + ds.id.value,
                           {fmt::format("Data source \"{}\": owner and sync schedule", name),
                            fmt::format("データソース「{}」の担当部門と同期頻度を決める", name)},
                           ds.owner.present() && ds.sync.present(), ds.pos);
        item.implementation_step = 2;
        b.owned_by(item, ds.owner.value);
    }
    b.add(5, "customer-id-key",
          {"Customer-ID key that matches records across systems",
           "システム間でレコードを突き合わせる顧客 ID のキーを決める"},
          p.customer_id_key.present(), p.customer_id_key.pos)
        .implementation_step = 2;
    bool column_maps = !p.data_sources.empty() &&
                       std::all_of(p.data_sources.begin(), p.data_sources.end(), [](auto& ds) {
                           return ds.preset.present() || !ds.columns.empty();
                       });
    b.add(5, "column-mapping",
          {"Each source's columns mapped to the customer fields (real data checked against its "
           "definition)",
           "各データソースの列を顧客項目に対応付ける(実データが定義どおりか確かめる)"},
          column_maps)
        .prevents = GoLivePhase::during;
    bool scheduled = std::any_of(p.data_sources.begin(), p.data_sources.end(), [](auto& ds) {
        return ds.sync.present() && ds.sync.value != "manual";
    });
    b.add(5, "master-update",
          {"New and changed contacts reflected into the MA master on a schedule",
           "新規・変更された顧客を定期的に MA のマスターへ反映する"},
          scheduled)
        .implementation_step = 3;
    bool optout = std::any_of(p.exclusions.begin(), p.exclusions.end(),
                              [](const Exclusion& e) { return e.kind.value == "optout"; });
    b.add(5, "exclusions",
          {"Exclusions applied to every campaign (opt-outs at least)",
           "全施策に共通の除外条件(少なくとも配信停止者)を決める"},
          optout, p.exclusions_pos)
        .implementation_step = 3;
    bool consent = p.consent && p.consent->policy.present() && !p.consent->record_fields.empty();
    b.add(5, "consent",
          {"Consent policy (opt-in / opt-out) and what each consent record keeps",
           "同意の方針(オプトイン/オプトアウト)と同意記録の項目を決める"},
          consent, p.consent ? p.consent->pos : SourcePos{})
        .implementation_step = 3;
    b.add(5, "withdrawal",
          {"How an opt-out is taken and honoured", "配信停止の受け付け方と反映方法を決める"},
          p.consent && p.consent->withdrawal.present(), p.consent ? p.consent->pos : SourcePos{})
        .implementation_step = 3;
}

void step6(const Project& p, ItemBuilder& b) {
    const auto& env = p.environments;
    b.add(6, "environments",
          {"Separate development (sandbox) and production environments",
           "開発(サンドボックス)と本番の環境を分ける"},
          env && is_true(env->sandbox) && is_true(env->production), env ? env->pos : SourcePos{})
        .implementation_step = 1;
    b.add(6, "test-recipients",
          {"Test mail can only reach internal recipients",
           "テストメールが社内宛てにしか届かないようにする"},
          env && env->test_recipients.present(), env ? env->pos : SourcePos{})
        .implementation_step = 1;
    struct SecurityItem {
        const char* key;
        LBool Security::*flag;
        TextRef text;
    };
    static const SecurityItem security_items[] = {
        {"ip-restriction",
         &Security::ip_restriction,
         {"Security: IP address restriction", "セキュリティ: IP アドレス制限"}},
        {"encrypted-transport",
         &Security::encrypted_transport,
         {"Security: encrypted transport", "セキュリティ: 通信の暗号化"}},
        {"per-user-roles",
         &Security::per_user_roles,
         {"Security: per-user permissions", "セキュリティ: ユーザーごとの権限"}},
        {"data-encryption",
         &Security::data_encryption,
         {"Security: encryption of customer data", "セキュリティ: 顧客データの暗号化"}},
        {"audit-log", &Security::audit_log, {"Security: operation logs", "セキュリティ: 操作ログ"}},
    };
    for (const SecurityItem& s : security_items) {
        b.add(6, std::string("security:") + s.key, s.text,
              p.security && is_true((*p.security).*(s.flag)),
              p.security ? p.security->pos : SourcePos{})
            .implementation_step = 1;
    }
    const auto& email = p.email;
    b.add(6, "sender-authentication",
          {"Sender-domain authentication (SPF, DKIM, DMARC)",
           "送信ドメイン認証(SPF・DKIM・DMARC)を設定する"},
          email && email->spf.present() && email->dkim && email->dmarc.present(),
          email ? email->pos : SourcePos{})
        .implementation_step = 1;
    if (email && is_true(email->dedicated_ip)) {
        b.add(6, "ip-warming",
              {"IP warming plan for the dedicated IP", "専用 IP のウォーミング計画を立てる"},
              email->ip_warming.has_value(), email->dedicated_ip.pos)
            .implementation_step = 1;
    }
    b.add(6, "reply-handling", {"Handling of customers' replies", "顧客からの返信の扱いを決める"},
          email && email->reply_handling.present(), email ? email->pos : SourcePos{})
        .implementation_step = 1;
    b.add(6, "one-click-unsubscribe",
          {"One-click unsubscribe (opt-outs always honoured)",
           "ワンクリック配信停止(配信停止を必ず守る)"},
          email && is_true(email->one_click_unsubscribe), email ? email->pos : SourcePos{})
        .implementation_step = 1;
    bool crm = std::any_of(p.integrations.begin(), p.integrations.end(),
                           [](const Integration& i) { return i.system.present(); });
    b.add(6, "crm-integration",
          {"Customer data integrated from the CRM / SFA", "CRM・SFA の顧客データを連携する"}, crm)
        .implementation_step = 2;
    bool systems_help = std::any_of(p.integrations.begin(), p.integrations.end(), [&](auto& i) {
        return stakeholder_is(p, i.owner.value, "internal_systems");
    });
    auto& help = b.add(6, "systems-department-integration",
                       {"The internal-systems department builds the data integration",
                        "データ連携を社内システム部門と一緒に構築する"},
                       systems_help);
    help.implementation_step = 2;
    help.prevents = GoLivePhase::before;
    bool channels = std::any_of(p.integrations.begin(), p.integrations.end(),
                                [](const Integration& i) { return i.channel.present(); });
    b.add(6, "channel-integration",
          {"Channel integrations (web, ads, LINE, SMS, call centre, …)",
           "チャネル連携(Web・広告・LINE・SMS・コールセンターなど)を決める"},
          channels)
        .implementation_step = 4;
    for (const Integration& i : p.integrations) {
        std::string name = !i.channel.value.empty() ? i.channel.value : i.system.value;
        auto& item =
            b.add(6, "id-mapping:" + name,
                  {fmt::format("Integration \"{}\": mapping from the MA customer ID", name),
                   fmt::format("連携「{}」: MA の顧客 ID との対応付けを決める", name)},
                  i.id_mapping.present(), i.pos);
        item.implementation_step = 4;
        b.owned_by(item, i.owner.value);
    }
    const auto& c = p.contracts;
    bool in_contract =
        c && !c->capabilities_required.empty() &&
        std::all_of(c->capabilities_required.begin(), c->capabilities_required.end(),
                    [&](const LString& need) {
                        return std::any_of(
                            c->capabilities_in_contract.begin(), c->capabilities_in_contract.end(),
                            [&](const LString& have) { return have.value == need.value; });
                    });
    b.add(6, "capabilities-in-contract",
          {"Every capability the rollout needs is written in the vendor contract",
           "必要な機能がすべてベンダーとの契約に含まれている"},
          in_contract, c ? c->pos : SourcePos{})
        .prevents = GoLivePhase::before;
    std::string agreement = c ? c->personal_data_processing_agreement.value : "";
    b.add(6, "personal-data-agreement",
          {"Personal-information handling agreement signed early",
           "個人情報の取り扱いに関する契約を早めに締結する"},
          agreement == "signed" || agreement == "not_needed", c ? c->pos : SourcePos{})
        .prevents = GoLivePhase::before;
    b.add(6, "budget", {"Operating budget and staff plan", "運用予算と運用担当者の計画を立てる"},
          p.budget && p.budget->operating_jpy_per_year.present() && p.budget->operators.present(),
          p.budget ? p.budget->pos : SourcePos{})
        .prevents = GoLivePhase::before;
}

void step7(const Project& p, ItemBuilder& b) {
    if (p.goals.empty()) {
        b.add(7, "kpi-measurement",
              {"How each KPI is measured (source, owner, cadence)",
               "KPI の測定方法(データ・担当・頻度)を決める"},
              !p.kpi_measurement.empty())
            .prevents = GoLivePhase::after;
    }
    for (const Goal& g : p.goals) {
        const KpiMeasurement* m = nullptr;
        for (const KpiMeasurement& k : p.kpi_measurement) {
            if (k.goal.value == g.id.value) m = &k;
        }
        auto& item = b.add(
            7, "kpi-measurement:" + g.id.value,
            {fmt::format("Goal \"{}\": measured from which data, by whom, how often",
                         label_of_goal(g)),
             fmt::format("ゴール「{}」の測定方法(データ・担当・頻度)を決める", label_of_goal(g))},
            m && m->source.present() && m->owner.present() && m->cadence.present(),
            m ? m->pos : g.pos);
        item.prevents = GoLivePhase::after;
        if (m) b.owned_by(item, m->owner.value);
    }
    const auto& r = p.reporting;
    auto& reporting = b.add(
        7, "reporting",
        {"Reporting: cadence, audience and owner", "レポーティングの頻度・報告先・担当を決める"},
        r && r->cadence.present() && r->owner.present(), r ? r->pos : SourcePos{});
    if (r) b.owned_by(reporting, r->owner.value);
    const auto& ops = p.operations;
    b.add(
        7, "review-meeting",
        {"Regular cross-department progress meeting (MarketOne demand center: weekly, 30 minutes)",
         "部門横断の定例進捗会議(マーケットワン「デマンドセンター」: 週1回30分)を決める"},
        ops && ops->review_meeting && ops->review_meeting->cadence.present(),
        ops ? ops->pos : SourcePos{});
    bool error_process = ops && ops->error_response &&
                         ops->error_response->first_responder.present() &&
                         ops->error_response->escalation.present();
    auto& errors =
        b.add(7, "error-response",
              {"Error-response process (first responder, escalation)",
               "障害対応のプロセス(一次対応・エスカレーション先)を決める"},
              error_process, ops && ops->error_response ? ops->error_response->pos : SourcePos{});
    errors.prevents = GoLivePhase::during;
    if (error_process) b.owned_by(errors, ops->error_response->first_responder.value);
    bool pause = ops && !ops->pause_policy.empty() &&
                 std::all_of(ops->pause_policy.begin(), ops->pause_policy.end(),
                             [](const PausePolicy& pp) { return pp.on_resume.present(); });
    b.add(7, "pause-policy",
          {"Decision per scenario on what to send after a pause (holidays, disasters)",
           "配信停止(連休・災害)後に何を送るかをシナリオごとに決める"},
          pause, ops ? ops->pos : SourcePos{})
        .prevents = GoLivePhase::after;
}

/// The top-level sections each derived item reads, by key prefix. An item whose sections still
/// hold a placeholder from `ma-plan init` is not done: what the starter wrote beside a `<<…>>`
/// (the example agreement, the suggested stages) is the tool's proposal, not the plan's content.
struct Evidence {
    std::string_view key_prefix;
    std::string_view sections[2];
};
constexpr Evidence evidence[] = {
    {"problems", {"problems"}},
    {"goal", {"goals"}},  // goals, goal-kpi:…, goals-agreed
    {"lifecycle", {"lifecycle"}},
    {"definition:", {"lifecycle"}},
    {"romi", {"romi"}},
    {"stakeholder", {"stakeholders"}},  // stakeholders, stakeholder:…
    {"role-matrix", {"tasks", "role_labels"}},
    {"one-owner-per-task", {"tasks", "role_labels"}},
    {"coordinator", {"project", "stakeholders"}},
    {"target-segments", {"segments"}},
    {"personas", {"personas"}},
    {"journey", {"journey"}},
    {"communications", {"communications"}},
    {"beyond-one-off", {"communications"}},
    {"sql-trigger", {"lifecycle"}},
    {"scoring", {"scoring"}},
    {"handoff", {"handoffs"}},
    {"data-source", {"data_sources"}},
    {"customer-id-key", {"customer_id_key", "data_sources"}},
    {"column-mapping", {"data_sources"}},
    {"master-update", {"data_sources"}},
    {"exclusions", {"exclusions"}},
    {"consent", {"consent"}},
    {"withdrawal", {"consent"}},
    {"environments", {"environments"}},
    {"test-recipients", {"environments"}},
    {"security:", {"security"}},
    {"sender-authentication", {"email"}},
    {"ip-warming", {"email"}},
    {"reply-handling", {"email"}},
    {"one-click-unsubscribe", {"email"}},
    {"crm-integration", {"integrations"}},
    {"systems-department-integration", {"integrations"}},
    {"channel-integration", {"integrations"}},
    {"id-mapping:", {"integrations"}},
    {"capabilities-in-contract", {"contracts"}},
    {"personal-data-agreement", {"contracts"}},
    {"budget", {"budget"}},
    {"kpi-measurement", {"kpi_measurement", "goals"}},
    {"reporting", {"reporting"}},
    {"review-meeting", {"operations"}},
    {"error-response", {"operations"}},
    {"pause-policy", {"operations"}},
};

void untick_placeholders(const Project& p, std::vector<ChecklistItem>& items) {
    if (p.placeholders.empty()) return;
    for (ChecklistItem& item : items) {
        if (!item.done) continue;
        for (const Evidence& e : evidence) {
            if (!item.key.starts_with(e.key_prefix)) continue;
            for (std::string_view section : e.sections) {
                if (!section.empty() && p.has_placeholder_in(section)) {
                    item.done = false;
                    item.status = "todo";
                }
            }
            break;
        }
    }
}

void tracked_tasks(const Project& p, const Date& today, std::vector<ChecklistItem>& items) {
    for (std::size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        ChecklistItem item;
        item.origin = ItemOrigin::tracked_task;
        const long long step = t.step.value;
        item.step = t.step.present() && step >= 1 && step <= 7 ? static_cast<int>(step) : 0;
        item.key = !t.id.value.empty() ? "task:" + t.id.value : fmt::format("task:{}", i + 1);
        std::string name = !t.name.value.empty() ? t.name.value : t.id.value;
        item.text = Text{name, name};
        // A task without a status has not been started as far as the plan tells.
        item.status = t.status.present() ? t.status.value : "todo";
        item.done = item.status == "done" || item.status == "not_applicable";
        for (const RoleAssignment& a : t.roles) {
            if (a.kind == RoleKind::owner && item.owner_id.empty()) {
                item.owner_id = a.stakeholder.value;
                item.owner_name = stakeholder_display(p, a.stakeholder.value);
            }
        }
        item.due = t.due.value;
        auto due = parse_date(t.due.value);
        item.overdue = due && *due < today && !item.done;
        item.pos = t.pos;
        items.push_back(std::move(item));
    }
}

TextRef phase_label(GoLivePhase phase) {
    switch (phase) {
        case GoLivePhase::before:
            return {"prevents a failure before go-live", "導入前の失敗を防ぐ"};
        case GoLivePhase::during:
            return {"prevents a failure during go-live", "稼働時の失敗を防ぐ"};
        case GoLivePhase::after:
            return {"prevents a failure after go-live", "稼働後の失敗を防ぐ"};
        case GoLivePhase::none:
            break;
    }
    return {"", ""};
}

std::string_view phase_name(GoLivePhase phase) {
    switch (phase) {
        case GoLivePhase::before:
            return "before_go_live";
        case GoLivePhase::during:
            return "during_go_live";
        case GoLivePhase::after:
            return "after_go_live";
        case GoLivePhase::none:
            break;
    }
    return "";
}

TextRef implementation_step_label(int step) {
    switch (step) {
        case 1:
            return {"implementation step 1: environment", "導入ステップ1: 環境構築"};
        case 2:
            return {"implementation step 2: customer-data integration",
                    "導入ステップ2: 顧客データ連携"};
        case 3:
            return {"implementation step 3: extraction and update", "導入ステップ3: 抽出・更新"};
        case 4:
            return {"implementation step 4: channel integration", "導入ステップ4: チャネル連携"};
    }
    return {"", ""};
}

std::string markdown_item(const ChecklistItem& item, Lang lang) {
    std::string line = fmt::format("- [{}] ", item.done ? 'x' : ' ');
    std::vector<std::string> details;
    if (item.origin == ItemOrigin::tracked_task) {
        line += fmt::format("**{}**", markdown_escape(item.text.in(lang)));
        if (!item.owner_name.empty()) {
            details.push_back(fmt::format("{}: {}", lang == Lang::ja ? "主担当" : "owner",
                                          markdown_escape(item.owner_name)));
        }
        TextRef state = task_state_label(item.status);
        details.push_back(std::string(state.en.empty() ? markdown_escape(item.status)
                                                       : std::string(state.in(lang))));
        if (!item.due.empty()) {
            details.push_back(
                fmt::format("{} {}", lang == Lang::ja ? "期限" : "due", markdown_escape(item.due)));
        }
        if (item.overdue) details.push_back(std::string(overdue_label().in(lang)));
    } else {
        line += markdown_escape(item.text.in(lang));
        if (!item.owner_name.empty()) {
            details.push_back(fmt::format("{}: {}", lang == Lang::ja ? "担当" : "owner",
                                          markdown_escape(item.owner_name)));
        }
        if (item.implementation_step > 0) {
            details.push_back(
                std::string(implementation_step_label(item.implementation_step).in(lang)));
        }
        if (item.prevents != GoLivePhase::none) {
            details.push_back(std::string(phase_label(item.prevents).in(lang)));
        }
    }
    if (!details.empty()) line += " — " + fmt::format("{}", fmt::join(details, " · "));
    return line + "\n";
}

std::string render_markdown(const Checklist& c, Lang lang) {
    std::string out = fmt::format(
        "# {}\n\n", markdown_escape(fmt::format(
                        "{}: {}", lang == Lang::ja ? "導入チェックリスト" : "Rollout checklist",
                        c.project_name)));
    out += lang == Lang::ja ? fmt::format("基準日 {} · 完了 {} / {}\n", to_string(c.today),
                                          c.done_count(), c.item_count())
                            : fmt::format("As of {} · {} of {} done\n", to_string(c.today),
                                          c.done_count(), c.item_count());
    if (c.steps.empty()) {
        out += lang == Lang::ja ? "\n該当する項目はありません。\n" : "\nNo items match.\n";
    }
    for (const ChecklistStep& step : c.steps) {
        out += fmt::format("\n## {}\n", markdown_escape(step_heading(step.step, lang)));
        bool derived_started = false;
        bool tracked_started = false;
        for (const ChecklistItem& item : step.items) {
            if (item.origin == ItemOrigin::derived && !derived_started) {
                derived_started = true;
                out += "\n";
            }
            if (item.origin == ItemOrigin::tracked_task && !tracked_started) {
                // Tracked tasks follow the derived items under their own label, so a reader
                // sees which ticks come from the plan's own task list.
                tracked_started = true;
                out += fmt::format("\n{}:\n\n",
                                   lang == Lang::ja ? "プランのタスク" : "Tasks in the plan");
            }
            out += markdown_item(item, lang);
        }
    }
    return out;
}

std::string render_json(const Checklist& c, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("project").value(c.project_name);
    w.key("today").value(to_string(c.today));
    w.key("language").value(lang == Lang::ja ? "ja" : "en");
    w.key("done").value(c.done_count());
    w.key("total").value(c.item_count());
    w.key("steps").begin_array();
    for (const ChecklistStep& step : c.steps) {
        w.begin_object().key("step").value(step.step);
        w.key("title").value(step_heading(step.step, lang));
        w.key("items").begin_array();
        for (const ChecklistItem& item : step.items) {
            w.begin_object();
            w.key("key").value(item.key);
            w.key("origin").value(item.origin == ItemOrigin::tracked_task ? "task" : "derived");
            w.key("text").value(item.text.in(lang));
            w.key("done").value(item.done);
            w.key("status").value(item.status);
            if (!item.owner_id.empty()) {
                w.key("owner").begin_object().key("id").value(item.owner_id);
                w.key("name").value(item.owner_name).end_object();
            }
            if (!item.due.empty()) w.key("due").value(item.due);
            if (item.origin == ItemOrigin::tracked_task) w.key("overdue").value(item.overdue);
            if (item.implementation_step > 0) {
                w.key("implementation_step").value(item.implementation_step);
            }
            if (item.prevents != GoLivePhase::none) {
                w.key("prevents_failure").value(phase_name(item.prevents));
            }
            if (item.pos.known()) {
                w.key("line").value(static_cast<long long>(item.pos.line));
                w.key("column").value(static_cast<long long>(item.pos.column));
            }
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return w.str();
}

}  // namespace

std::size_t Checklist::done_count() const {
    std::size_t n = 0;
    for (const ChecklistStep& s : steps) {
        n += static_cast<std::size_t>(std::count_if(s.items.begin(), s.items.end(),
                                                    [](const ChecklistItem& i) { return i.done; }));
    }
    return n;
}

std::size_t Checklist::item_count() const {
    std::size_t n = 0;
    for (const ChecklistStep& s : steps) n += s.items.size();
    return n;
}

TextRef overdue_label() {
    return {"⚠ overdue", "⚠ 期限切れ"};
}

Checklist build_checklist(const Project& project, const Date& today) {
    ItemBuilder builder(project);
    step1(project, builder);
    step2(project, builder);
    step3(project, builder);
    step4(project, builder);
    step5(project, builder);
    step6(project, builder);
    step7(project, builder);
    std::vector<ChecklistItem> items = builder.take();
    untick_placeholders(project, items);
    tracked_tasks(project, today, items);

    Checklist c;
    c.project_name = project.project.name.value;
    c.today = today;
    for (int step : {1, 2, 3, 4, 5, 6, 7, 0}) {
        ChecklistStep s{step, {}};
        // Derived items first, then tracked tasks: stable_partition keeps each in plan order.
        for (const ChecklistItem& item : items) {
            if (item.step == step) s.items.push_back(item);
        }
        std::stable_partition(s.items.begin(), s.items.end(), [](const ChecklistItem& i) {
            return i.origin == ItemOrigin::derived;
        });
        if (!s.items.empty()) c.steps.push_back(std::move(s));
    }
    return c;
}

Checklist filter_checklist(const Checklist& checklist, const ChecklistFilter& filter,
                           const Project& project) {
    if (filter.step && (*filter.step < 1 || *filter.step > 7)) {
        throw UsageError(
            {fmt::format("--step {} is not a step; use 1 to 7", *filter.step),
             fmt::format("--step {} というステップはありません。1〜7 を指定してください",
                         *filter.step)});
    }
    for (const std::string& status : filter.statuses) {
        const auto& states = task_states();
        if (std::find(states.begin(), states.end(), status) != states.end()) continue;
        auto guess = closest_match(status, states);
        std::string hint = guess ? fmt::format("; did you mean \"{}\"?", *guess) : "";
        std::string hint_ja = guess ? fmt::format("「{}」の誤りではありませんか?", *guess) : "";
        throw UsageError(
            {fmt::format("unknown status \"{}\"{} (todo, in_progress, done, blocked, "
                         "not_applicable)",
                         status, hint),
             fmt::format("状態「{}」はありません。{}(todo・in_progress・done・blocked・"
                         "not_applicable)",
                         status, hint_ja)});
    }
    std::string owner_id;
    if (filter.owner) {
        std::vector<std::string_view> names;
        for (const Stakeholder& s : project.stakeholders) {
            if (s.id.value == *filter.owner || s.name.value == *filter.owner) owner_id = s.id.value;
            names.push_back(s.id.value);
        }
        if (owner_id.empty()) {
            auto guess = closest_match(*filter.owner, names);
            throw UsageError(
                {fmt::format("--owner \"{}\" is no stakeholder of the plan{}", *filter.owner,
                             guess ? fmt::format("; did you mean \"{}\"?", *guess) : ""),
                 fmt::format("--owner「{}」はプランの関係部門にありません{}", *filter.owner,
                             guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "")});
        }
    }
    Checklist out;
    out.project_name = checklist.project_name;
    out.today = checklist.today;
    for (const ChecklistStep& step : checklist.steps) {
        if (filter.step && step.step != *filter.step) continue;
        ChecklistStep kept{step.step, {}};
        for (const ChecklistItem& item : step.items) {
            if (filter.owner && item.owner_id != owner_id) continue;
            if (!filter.statuses.empty() &&
                std::find(filter.statuses.begin(), filter.statuses.end(), item.status) ==
                    filter.statuses.end()) {
                continue;
            }
            kept.items.push_back(item);
        }
        if (!kept.items.empty()) out.steps.push_back(std::move(kept));
    }
    return out;
}

std::string render_checklist(const Checklist& checklist, OutputFormat format,
                             const RenderOptions& options) {
    switch (format) {
        case OutputFormat::markdown:
            return render_markdown(checklist, options.lang);
        case OutputFormat::json:
            return render_json(checklist, options.lang);
        default:
            break;
    }
    throw UsageError(
        {"the checklist is written as md or json", "チェックリストの形式は md または json です"});
}

}  // namespace maplan::reports
