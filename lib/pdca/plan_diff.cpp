#include "pdca/plan_diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "rules/rule.hpp"

namespace maplan::pdca {

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return "added";
        case ChangeKind::removed:
            return "removed";
        case ChangeKind::changed:
            return "changed";
        case ChangeKind::renamed:
            return "renamed";
    }
    return "changed";
}

namespace {

// ----- the model flattened into comparable entries -----

struct Field {
    std::string name;
    std::string value;
    bool role = false;
};

/// One item of a section: its matching key, display name and fields as text. Comparing text
/// values is enough because the loader already normalised what YAML lets one write in several
/// ways (quoting, flow or block style, `1.0` vs `1`).
struct Entry {
    std::string key;
    std::string name;
    SourcePos pos;
    std::vector<Field> fields;
};

struct Section {
    int step = 0;
    std::string name;
    std::vector<Entry> entries;
};

std::string text_of(const LString& s) {
    return s.present() ? s.value : std::string();
}

std::string text_of(const LNumber& n) {
    if (!n.present()) return {};
    double v = n.value;
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15) {
        return fmt::format("{}", static_cast<long long>(v));
    }
    return fmt::format("{}", v);
}

std::string text_of(const LInt& n) {
    return n.present() ? std::to_string(n.value) : std::string();
}

std::string text_of(const LBool& b) {
    return b.present() ? (b.value ? "true" : "false") : std::string();
}

/// Lists keep their order: an agreed_by or a fields list written in another order is a change a
/// reader may care about, but it is shown compactly.
std::string text_of(const LStrings& list) {
    std::string out;
    for (const LString& s : list) {
        if (!out.empty()) out += ", ";
        out += s.value;
    }
    return out;
}

class EntryBuilder {
  public:
    EntryBuilder(std::string key, std::string name, SourcePos pos) {
        entry_.key = std::move(key);
        entry_.name = std::move(name);
        entry_.pos = pos;
    }
    template <class V>
    EntryBuilder& field(std::string name, const V& value) {
        entry_.fields.push_back({std::move(name), text_of(value), false});
        return *this;
    }
    EntryBuilder& raw(std::string name, std::string value, bool role = false) {
        entry_.fields.push_back({std::move(name), std::move(value), role});
        return *this;
    }
    Entry done() { return std::move(entry_); }

  private:
    Entry entry_;
};

void add_unique(Section& section, Entry entry) {
    // Two items with one ID are a finding of their own; the diff still must not merge them.
    std::string base = entry.key;
    int n = 1;
    auto taken = [&](const std::string& key) {
        for (const Entry& e : section.entries) {
            if (e.key == key) return true;
        }
        return false;
    };
    while (taken(entry.key)) entry.key = fmt::format("{}#{}", base, ++n);
    section.entries.push_back(std::move(entry));
}

std::vector<Section> flatten(const Project& p) {
    std::vector<Section> out;
    auto section = [&](int step, std::string name) -> Section& {
        out.push_back({step, std::move(name), {}});
        return out.back();
    };

    // step 0: the project block
    {
        Section& s = section(0, "project");
        const ProjectInfo& i = p.project;
        add_unique(s, EntryBuilder("project", "", i.pos)
                          .field("name", i.name)
                          .field("client", i.client)
                          .field("tool", i.tool)
                          .field("language", i.language)
                          .field("owner", i.owner)
                          .done());
    }
    // step 1
    {
        Section& s = section(1, "problems");
        for (const LString& problem : p.problems) {
            add_unique(s, EntryBuilder(problem.value, "", problem.pos).done());
        }
    }
    {
        Section& s = section(1, "goals");
        for (const Goal& g : p.goals) {
            EntryBuilder b(g.id.value, g.statement.value, g.pos);
            b.field("statement", g.statement);
            Kpi none;
            const Kpi& k = g.kpi ? *g.kpi : none;
            b.field("kpi.metric", k.metric)
                .field("kpi.target", k.target)
                .field("kpi.period", k.period)
                .field("kpi.unit", k.unit)
                .field("agreed_by", g.agreed_by);
            add_unique(s, b.done());
        }
    }
    {
        Section& s = section(1, "lifecycle");
        std::string order;
        for (const LifecycleStage& st : p.lifecycle) {
            order += (order.empty() ? "" : " → ") + st.id.value;
            add_unique(s, EntryBuilder(st.id.value, "", st.pos)
                              .field("definition", st.definition)
                              .field("score_at_least", st.score_at_least)
                              .field("trigger", st.trigger)
                              .field("conversion_rate", st.conversion_rate)
                              .done());
        }
        // The lifecycle is the one list whose order is meaning (a lead moves through it in
        // order), so moving a stage is reported, as a change of the order.
        if (!p.lifecycle.empty()) {
            add_unique(s, EntryBuilder("(order)", "", p.lifecycle_pos).raw("order", order).done());
        }
    }
    {
        Section& s = section(1, "romi");
        if (p.romi) {
            const Romi& r = *p.romi;
            add_unique(s, EntryBuilder("romi", "", r.pos)
                              .field("budget_jpy", r.budget_jpy)
                              .field("target_ratio", r.target_ratio)
                              .field("revenue_target_jpy", r.revenue_target_jpy)
                              .field("average_deal_jpy", r.average_deal_jpy)
                              .done());
        }
    }
    // step 2
    {
        Section& s = section(2, "stakeholders");
        for (const Stakeholder& st : p.stakeholders) {
            // People are personal data: the diff says how many, never who.
            add_unique(s, EntryBuilder(st.id.value, st.name.value, st.pos)
                              .field("name", st.name)
                              .field("kind", st.kind)
                              .raw("people", st.people.empty() ? std::string()
                                                               : std::to_string(st.people.size()))
                              .done());
        }
    }
    {
        Section& s = section(2, "tasks");
        for (const Task& t : p.tasks) {
            std::string key = t.id.present() ? t.id.value : t.name.value;
            EntryBuilder b(key, t.name.value, t.pos);
            b.field("name", t.name)
                .field("step", t.step)
                .field("status", t.status)
                .field("due", t.due)
                .field("notes", t.notes);
            // Roles in stakeholder-ID order, so reordering the roles map is no change.
            std::map<std::string, std::string> roles;
            for (const RoleAssignment& r : t.roles) roles[r.stakeholder.value] = r.label.value;
            for (const auto& [stakeholder, label] : roles) {
                b.raw("roles." + stakeholder, label, true);
            }
            Entry e = b.done();
            add_unique(s, std::move(e));
        }
    }
    // step 3
    {
        Section& s = section(3, "segments");
        for (const Segment& g : p.segments) {
            add_unique(s, EntryBuilder(g.id.value, "", g.pos)
                              .field("criteria", g.criteria)
                              .field("target", g.target)
                              .done());
        }
    }
    {
        Section& s = section(3, "personas");
        for (const Persona& g : p.personas) {
            add_unique(s, EntryBuilder(g.id.value, g.name.value, g.pos)
                              .field("name", g.name)
                              .field("segment", g.segment)
                              .field("buying_role", g.buying_role)
                              .field("challenges", g.challenges)
                              .done());
        }
    }
    {
        Section& s = section(3, "journey");
        if (p.journey) {
            add_unique(s, EntryBuilder("(stages)", "", p.journey->pos)
                              .field("stages", p.journey->stages)
                              .done());
            for (const JourneyEntry& j : p.journey->entries) {
                add_unique(s, EntryBuilder(j.persona.value + "/" + j.stage.value, "", j.pos)
                                  .field("wants", j.wants)
                                  .field("content", j.content)
                                  .field("channel", j.channel)
                                  .done());
            }
        }
    }
    // step 4
    {
        Section& s = section(4, "communications");
        for (const Communication& c : p.communications) {
            add_unique(s, EntryBuilder(c.id.value, c.content.value, c.pos)
                              .field("stage", c.stage)
                              .field("persona", c.persona)
                              .field("content", c.content)
                              .field("content_status", c.content_status)
                              .field("channel", c.channel)
                              .field("timing", c.timing)
                              .field("owner", c.owner)
                              .field("kind", c.kind)
                              .done());
        }
    }
    {
        Section& s = section(4, "handoffs");
        for (const Handoff& h : p.handoffs) {
            HandoffCondition none;
            const HandoffCondition& w = h.when ? *h.when : none;
            add_unique(s, EntryBuilder(h.from.value + " → " + h.to.value, "", h.pos)
                              .field("when.attributes", w.attributes)
                              .field("when.state", w.state)
                              .field("fields", h.fields)
                              .field("sla_hours", h.sla_hours)
                              .field("closed_lost_reasons_to", h.closed_lost_reasons_to)
                              .done());
        }
    }
    {
        Section& s = section(4, "scoring");
        if (p.scoring) {
            for (const ScoringRule& r : p.scoring->profile) {
                add_unique(s, EntryBuilder("profile: " + r.condition.value, "", r.pos)
                                  .field("points", r.points)
                                  .done());
            }
            for (const ScoringRule& r : p.scoring->behavior) {
                add_unique(s, EntryBuilder("behavior: " + r.condition.value, "", r.pos)
                                  .field("points", r.points)
                                  .done());
            }
        }
    }
    // step 5
    {
        Section& s = section(5, "data_sources");
        for (const DataSource& d : p.data_sources) {
            std::string columns;
            for (const ColumnMapping& c : d.columns) {
                columns += (columns.empty() ? "" : ", ") + c.field.value + "=" + c.column.value;
            }
            add_unique(s, EntryBuilder(d.id.value, d.system.value, d.pos)
                              .field("system", d.system)
                              .field("owner", d.owner)
                              .field("sync", d.sync)
                              .field("customer_id", d.customer_id)
                              .field("encoding", d.encoding)
                              .field("preset", d.preset)
                              .raw("columns", columns)
                              .done());
        }
    }
    {
        Section& s = section(5, "customer_id_key");
        if (p.customer_id_key.present()) {
            add_unique(s, EntryBuilder("customer_id_key", "", p.customer_id_key.pos)
                              .field("customer_id_key", p.customer_id_key)
                              .done());
        }
    }
    {
        Section& s = section(5, "exclusions");
        for (const Exclusion& x : p.exclusions) {
            add_unique(s, EntryBuilder(x.kind.value, "", x.pos)
                              .field("domains", x.domains)
                              .field("description", x.description)
                              .done());
        }
    }
    {
        Section& s = section(5, "consent");
        if (p.consent) {
            const Consent& c = *p.consent;
            add_unique(s, EntryBuilder("consent", "", c.pos)
                              .field("policy", c.policy)
                              .field("record_fields", c.record_fields)
                              .field("withdrawal", c.withdrawal)
                              .field("unsubscribe_within_days", c.unsubscribe_within_days)
                              .field("third_party_sharing", c.third_party_sharing)
                              .done());
        }
    }
    // step 6
    {
        Section& s = section(6, "environments");
        if (p.environments) {
            const Environments& e = *p.environments;
            add_unique(s, EntryBuilder("environments", "", e.pos)
                              .field("production", e.production)
                              .field("sandbox", e.sandbox)
                              .field("test_recipients", e.test_recipients)
                              .done());
        }
    }
    {
        Section& s = section(6, "security");
        if (p.security) {
            const Security& e = *p.security;
            add_unique(s, EntryBuilder("security", "", e.pos)
                              .field("ip_restriction", e.ip_restriction)
                              .field("sso", e.sso)
                              .field("per_user_roles", e.per_user_roles)
                              .field("data_encryption", e.data_encryption)
                              .field("encrypted_transport", e.encrypted_transport)
                              .field("audit_log", e.audit_log)
                              .done());
        }
    }
    {
        Section& s = section(6, "email");
        if (p.email) {
            const Email& e = *p.email;
            Dkim no_dkim;
            const Dkim& d = e.dkim ? *e.dkim : no_dkim;
            IpWarming no_warming;
            const IpWarming& w = e.ip_warming ? *e.ip_warming : no_warming;
            std::string providers;
            for (const MailboxProvider& m : w.providers) {
                providers +=
                    (providers.empty() ? "" : ", ") + m.name.value + "=" + text_of(m.share);
            }
            add_unique(s, EntryBuilder("email", "", e.pos)
                              .field("sending_domain", e.sending_domain)
                              .field("spf", e.spf)
                              .field("dkim.selector", d.selector)
                              .field("dkim.key_bits", d.key_bits)
                              .field("dmarc", e.dmarc)
                              .field("dedicated_ip", e.dedicated_ip)
                              .field("ip_warming.weeks", w.weeks)
                              .field("ip_warming.days_per_week", w.days_per_week)
                              .raw("ip_warming.providers", providers)
                              .field("daily_volume", e.daily_volume)
                              .field("one_click_unsubscribe", e.one_click_unsubscribe)
                              .field("spam_rate", e.spam_rate)
                              .field("reply_handling", e.reply_handling)
                              .field("sender_name", e.sender_name)
                              .field("postal_address", e.postal_address)
                              .field("unsubscribe_url", e.unsubscribe_url)
                              .done());
        }
    }
    {
        Section& s = section(6, "integrations");
        for (const Integration& i : p.integrations) {
            std::string key = i.system.value;
            if (i.channel.present()) key += (key.empty() ? "" : " / ") + i.channel.value;
            add_unique(s, EntryBuilder(key, "", i.pos)
                              .field("direction", i.direction)
                              .field("id_mapping", i.id_mapping)
                              .field("owner", i.owner)
                              .done());
        }
    }
    {
        Section& s = section(6, "contracts");
        if (p.contracts) {
            const Contracts& c = *p.contracts;
            add_unique(s, EntryBuilder("contracts", "", c.pos)
                              .field("personal_data_processing_agreement",
                                     c.personal_data_processing_agreement)
                              .field("capabilities_in_contract", c.capabilities_in_contract)
                              .field("capabilities_required", c.capabilities_required)
                              .done());
        }
    }
    {
        Section& s = section(6, "budget");
        if (p.budget) {
            add_unique(s, EntryBuilder("budget", "", p.budget->pos)
                              .field("operating_jpy_per_year", p.budget->operating_jpy_per_year)
                              .field("operators", p.budget->operators)
                              .done());
        }
    }
    // step 7
    {
        Section& s = section(7, "kpi_measurement");
        for (const KpiMeasurement& k : p.kpi_measurement) {
            add_unique(s, EntryBuilder(k.goal.value, "", k.pos)
                              .field("source", k.source)
                              .field("owner", k.owner)
                              .field("cadence", k.cadence)
                              .done());
        }
    }
    {
        Section& s = section(7, "reporting");
        if (p.reporting) {
            add_unique(s, EntryBuilder("reporting", "", p.reporting->pos)
                              .field("cadence", p.reporting->cadence)
                              .field("audience", p.reporting->audience)
                              .field("owner", p.reporting->owner)
                              .done());
        }
    }
    {
        Section& s = section(7, "operations");
        if (p.operations) {
            const Operations& o = *p.operations;
            if (o.review_meeting) {
                add_unique(s, EntryBuilder("review_meeting", "", o.review_meeting->pos)
                                  .field("cadence", o.review_meeting->cadence)
                                  .field("minutes", o.review_meeting->minutes)
                                  .field("members", o.review_meeting->members)
                                  .done());
            }
            if (o.error_response) {
                add_unique(s, EntryBuilder("error_response", "", o.error_response->pos)
                                  .field("first_responder", o.error_response->first_responder)
                                  .field("escalation", o.error_response->escalation)
                                  .field("runbook", o.error_response->runbook)
                                  .done());
            }
            for (const PausePolicy& pp : o.pause_policy) {
                add_unique(s, EntryBuilder("pause_policy: " + pp.scenario.value, "", pp.pos)
                                  .field("on_resume", pp.on_resume)
                                  .done());
            }
        }
    }
    return out;
}

std::vector<FieldChange> compare_fields(const Entry& before, const Entry& after) {
    std::vector<FieldChange> changes;
    std::map<std::string, const Field*> old_fields;
    for (const Field& f : before.fields) old_fields[f.name] = &f;
    std::set<std::string> seen;
    for (const Field& f : after.fields) {
        seen.insert(f.name);
        auto it = old_fields.find(f.name);
        std::string old_value = it == old_fields.end() ? std::string() : it->second->value;
        if (old_value != f.value) changes.push_back({f.name, old_value, f.value, f.role});
    }
    // Roles that were dropped: the new entry has no field for that stakeholder at all.
    for (const Field& f : before.fields) {
        if (!seen.count(f.name) && !f.value.empty()) {
            changes.push_back({f.name, f.value, std::string(), f.role});
        }
    }
    return changes;
}

}  // namespace

std::vector<ItemChange> diff_projects(const Project& before, const Project& after) {
    std::vector<Section> old_sections = flatten(before);
    std::vector<Section> new_sections = flatten(after);
    std::vector<ItemChange> out;
    // flatten() always yields the same sections in the same order, so they pair up by index.
    for (std::size_t i = 0; i < new_sections.size(); ++i) {
        const Section& o = old_sections[i];
        const Section& n = new_sections[i];
        std::map<std::string, const Entry*> old_by_key;
        for (const Entry& e : o.entries) old_by_key[e.key] = &e;
        std::set<std::string> matched;
        for (const Entry& e : n.entries) {
            auto it = old_by_key.find(e.key);
            if (it == old_by_key.end()) {
                out.push_back({n.step, n.name, ChangeKind::added, e.key, "", e.name, e.pos, {}});
                continue;
            }
            matched.insert(e.key);
            auto fields = compare_fields(*it->second, e);
            if (fields.empty()) continue;
            // Only a new `name` under the same ID is a rename; other fields are plain changes.
            bool renamed = std::any_of(fields.begin(), fields.end(),
                                       [](const FieldChange& f) { return f.field == "name"; });
            out.push_back({n.step, n.name, renamed ? ChangeKind::renamed : ChangeKind::changed,
                           e.key, it->second->name, e.name, e.pos, std::move(fields)});
        }
        for (const Entry& e : o.entries) {
            if (matched.count(e.key)) continue;
            out.push_back({o.step, o.name, ChangeKind::removed, e.key, e.name, "", e.pos, {}});
        }
    }
    return out;
}

void diff_findings(const std::vector<Finding>& before, const std::vector<Finding>& after,
                   std::vector<Finding>& introduced, std::vector<Finding>& resolved) {
    using Key = std::pair<std::string, std::string>;
    std::map<Key, std::vector<const Finding*>> old_by_key;
    for (const Finding& f : before) old_by_key[{f.rule_id, f.message.en}].push_back(&f);
    std::map<Key, std::size_t> used;
    for (const Finding& f : after) {
        Key k{f.rule_id, f.message.en};
        auto it = old_by_key.find(k);
        if (it != old_by_key.end() && used[k] < it->second.size()) {
            ++used[k];
        } else {
            introduced.push_back(f);
        }
    }
    for (const auto& [k, list] : old_by_key) {
        for (std::size_t i = used[k]; i < list.size(); ++i) resolved.push_back(*list[i]);
    }
    std::sort(introduced.begin(), introduced.end(), finding_less);
    std::sort(resolved.begin(), resolved.end(), finding_less);
}

// ----- rendering -----

namespace {

struct SectionTitle {
    std::string_view key;
    TextRef title;
};

constexpr SectionTitle section_titles[] = {
    {"project", {"Project", "プロジェクト"}},
    {"problems", {"Problems", "課題"}},
    {"goals", {"Goals and KPIs", "ゴール・KPI"}},
    {"lifecycle", {"Lead lifecycle", "リードライフサイクル"}},
    {"romi", {"ROMI", "ROMI"}},
    {"stakeholders", {"Stakeholders", "関係部署"}},
    {"tasks", {"Tasks and roles", "タスクと役割"}},
    {"segments", {"Segments", "セグメント"}},
    {"personas", {"Personas", "ペルソナ"}},
    {"journey", {"Customer journey", "カスタマージャーニー"}},
    {"communications", {"Communications", "コミュニケーション"}},
    {"handoffs", {"Hand-offs", "引き継ぎ"}},
    {"scoring", {"Scoring", "スコアリング"}},
    {"data_sources", {"Data sources", "データソース"}},
    {"customer_id_key", {"Customer-ID key", "顧客 ID キー"}},
    {"exclusions", {"Exclusions", "除外リスト"}},
    {"consent", {"Consent", "同意"}},
    {"environments", {"Environments", "環境"}},
    {"security", {"Security", "セキュリティ"}},
    {"email", {"Email sending and authentication", "メール配信・送信ドメイン認証"}},
    {"integrations", {"Integrations", "システム連携"}},
    {"contracts", {"Contracts", "契約"}},
    {"budget", {"Budget", "予算"}},
    {"kpi_measurement", {"KPI measurement", "KPI の測定"}},
    {"reporting", {"Reporting", "レポーティング"}},
    {"operations", {"Operations", "運用"}},
};

std::string section_title(std::string_view key, Lang lang) {
    for (const SectionTitle& t : section_titles) {
        if (t.key == key) return std::string(t.title.in(lang));
    }
    return std::string(key);
}

std::string step_title(int step, Lang lang) {
    if (step == 0) return std::string(TextRef{"Project", "プロジェクト"}.in(lang));
    return fmt::format("{}. {}", step, rules::step_name(step).in(lang));
}

TextRef kind_label(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return {"added", "追加"};
        case ChangeKind::removed:
            return {"removed", "削除"};
        case ChangeKind::changed:
            return {"changed", "変更"};
        case ChangeKind::renamed:
            return {"renamed", "名称変更"};
    }
    return {"changed", "変更"};
}

char kind_mark(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return '+';
        case ChangeKind::removed:
            return '-';
        case ChangeKind::changed:
            return '~';
        case ChangeKind::renamed:
            return '>';
    }
    return '~';
}

std::string shown(const std::string& value, Lang lang) {
    return value.empty() ? std::string(TextRef{"(none)", "(なし)"}.in(lang)) : value;
}

std::string field_label(const FieldChange& f) {
    return f.role ? f.field.substr(std::string_view("roles.").size()) : f.field;
}

std::string item_label(const ItemChange& c) {
    std::string label = c.key;
    if (c.kind == ChangeKind::renamed) {
        label += fmt::format(" {} → {}", c.name_before, c.name_after);
    } else {
        const std::string& name = c.kind == ChangeKind::removed ? c.name_before : c.name_after;
        if (!name.empty() && name != c.key) label += " " + name;
    }
    return label;
}

std::string where(const std::string& label, SourcePos pos) {
    return pos.known() ? fmt::format("{}:{}:{}", label, pos.line, pos.column) : label;
}

Text summary(const PlanDiff& d) {
    return {fmt::format("{} change(s); findings: {} introduced, {} resolved", d.changes.size(),
                        d.introduced.size(), d.resolved.size()),
            fmt::format("変更 {} 件、指摘: 新規 {} 件、解消 {} 件", d.changes.size(),
                        d.introduced.size(), d.resolved.size())};
}

std::string render_text(const PlanDiff& d, Lang lang) {
    std::string out = fmt::format("{} → {}\n", d.old_label, d.new_label);
    int step = -1;
    std::string section;
    for (const ItemChange& c : d.changes) {
        if (c.step != step) {
            step = c.step;
            section.clear();
            out += "\n" + step_title(step, lang) + "\n";
        }
        if (c.section != section) {
            section = c.section;
            out += "  " + section_title(section, lang) + "\n";
        }
        const std::string& file = c.kind == ChangeKind::removed ? d.old_label : d.new_label;
        out += fmt::format("    {} {} ({}) [{}]\n", kind_mark(c.kind), item_label(c),
                           where(file, c.pos), kind_label(c.kind).in(lang));
        for (const FieldChange& f : c.fields) {
            out += fmt::format("        {}: {} → {}\n", field_label(f), shown(f.before, lang),
                               shown(f.after, lang));
        }
    }
    auto findings = [&](const std::vector<Finding>& list, TextRef title, char mark) {
        if (list.empty()) return;
        out += fmt::format("\n{} ({})\n", title.in(lang), list.size());
        for (const Finding& f : list) {
            out += fmt::format("  {} {}: {}: {} [{}]\n", mark, where(f.file, f.pos),
                               severity_label(f.severity, lang), f.message.in(lang), f.rule_id);
        }
    };
    findings(d.introduced, {"Findings introduced", "新たな指摘"}, '+');
    findings(d.resolved, {"Findings resolved", "解消した指摘"}, '-');
    out += "\n" + summary(d).in(lang) + "\n";
    return out;
}

std::string code(const std::string& text) {
    return "`" + markdown_escape(text) + "`";
}

std::string render_markdown(const PlanDiff& d, Lang lang) {
    std::string out = fmt::format(
        "# {}: {} → {}\n\n{}\n", TextRef{"Plan changes", "プランの変更点"}.in(lang),
        markdown_escape(d.old_label), markdown_escape(d.new_label), summary(d).in(lang));
    if (d.empty()) {
        out += fmt::format("\n{}\n", TextRef{"No changes.", "変更はありません。"}.in(lang));
        return out;
    }
    int step = -1;
    std::string section;
    for (const ItemChange& c : d.changes) {
        if (c.step != step) {
            step = c.step;
            section.clear();
            out += "\n## " + markdown_escape(step_title(step, lang)) + "\n";
        }
        if (c.section != section) {
            section = c.section;
            out += "\n### " + markdown_escape(section_title(section, lang)) + "\n\n";
        }
        std::string label = code(c.key);
        if (c.kind == ChangeKind::renamed) {
            label += fmt::format(" {} → {}", markdown_escape(c.name_before),
                                 markdown_escape(c.name_after));
        } else {
            const std::string& name = c.kind == ChangeKind::removed ? c.name_before : c.name_after;
            if (!name.empty() && name != c.key) label += " " + markdown_escape(name);
        }
        out += fmt::format("- **{}** {}\n", kind_label(c.kind).in(lang), label);
        for (const FieldChange& f : c.fields) {
            out += fmt::format("  - {}: {} → {}\n", markdown_escape(field_label(f)),
                               markdown_escape(shown(f.before, lang)),
                               markdown_escape(shown(f.after, lang)));
        }
    }
    if (!d.introduced.empty() || !d.resolved.empty()) {
        out += fmt::format("\n## {}\n", TextRef{"Findings", "検証結果"}.in(lang));
        auto findings = [&](const std::vector<Finding>& list, TextRef title) {
            if (list.empty()) return;
            out += fmt::format("\n### {} ({})\n\n", title.in(lang), list.size());
            for (const Finding& f : list) {
                out += fmt::format("- {} {} {}: {}\n", code(f.rule_id),
                                   severity_label(f.severity, lang), code(where(f.file, f.pos)),
                                   markdown_escape(f.message.in(lang)));
            }
        };
        findings(d.introduced, {"Introduced", "新たな指摘"});
        findings(d.resolved, {"Resolved", "解消した指摘"});
    }
    return out;
}

void position(JsonWriter& w, SourcePos pos) {
    if (!pos.known()) {
        w.null();
        return;
    }
    w.begin_object().key("line").value(static_cast<long long>(pos.line));
    w.key("column").value(static_cast<long long>(pos.column)).end_object();
}

std::string render_json(const PlanDiff& d, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("old").value(d.old_label);
    w.key("new").value(d.new_label);
    w.key("changes").begin_array();
    for (const ItemChange& c : d.changes) {
        w.begin_object();
        w.key("step").value(c.step);
        w.key("section").value(c.section);
        w.key("kind").value(to_string(c.kind));
        w.key("key").value(c.key);
        w.key("name_before").value(c.name_before);
        w.key("name_after").value(c.name_after);
        w.key("file").value(c.kind == ChangeKind::removed ? d.old_label : d.new_label);
        w.key("position");
        position(w, c.pos);
        w.key("fields").begin_array();
        for (const FieldChange& f : c.fields) {
            w.begin_object().key("field").value(f.field);
            w.key("before").value(f.before).key("after").value(f.after).end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    auto findings = [&](const char* name, const std::vector<Finding>& list) {
        w.key(name).begin_array();
        for (const Finding& f : list) {
            w.begin_object().key("rule").value(f.rule_id);
            w.key("severity").value(to_string(f.severity));
            w.key("file").value(f.file).key("position");
            position(w, f.pos);
            w.key("message").value(f.message.in(lang)).end_object();
        }
        w.end_array();
    };
    w.key("findings").begin_object();
    findings("introduced", d.introduced);
    findings("resolved", d.resolved);
    w.end_object().end_object();
    return w.str();
}

}  // namespace

std::string render_diff(const PlanDiff& diff, DiffFormat format, Lang lang) {
    switch (format) {
        case DiffFormat::text:
            return render_text(diff, lang);
        case DiffFormat::markdown:
            return render_markdown(diff, lang);
        case DiffFormat::json:
            return render_json(diff, lang);
    }
    return render_text(diff, lang);
}

}  // namespace maplan::pdca
