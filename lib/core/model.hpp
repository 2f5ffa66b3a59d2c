#pragma once
// The typed model of an MA rollout plan: the seven basic steps (DX station #4) as C++ types. Built
// once by the loader; rules and renderers read it and never see YAML. Every value remembers where
// it was written, so any finding can point at it.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/source.hpp"

namespace maplan {

/// A value and the position it was written at. `pos.known()` is false when the key was absent.
template <class T>
struct Located {
    T value{};
    SourcePos pos;
    bool present() const { return pos.known(); }
};

using LString = Located<std::string>;
using LNumber = Located<double>;
using LInt = Located<long long>;
using LBool = Located<bool>;
using LStrings = std::vector<LString>;

// ----- project -----
struct ProjectInfo {
    SourcePos pos;
    LString name;
    LString client;
    LString tool;      ///< eloqua | marketo | hubspot | account_engagement | mautic | other
    LString language;  ///< ja | en
    LString
        owner;  ///< stakeholder ID coordinating the whole demand center (MarketOne demand center)
};

// ----- step 1: problems and goals -----
struct Kpi {
    SourcePos pos;
    LString metric;
    LNumber target;
    LString period;
    LString unit;
};

struct Goal {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString statement;
    std::optional<Kpi> kpi;
    LStrings agreed_by;  ///< stakeholder IDs
};

/// One stage of the lead lifecycle, in order. Well-known IDs: inquiry, mql, sal, sql, won.
struct LifecycleStage {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString definition;
    LNumber score_at_least;
    LString trigger;          ///< what moves a lead into this stage (e.g. 見積依頼)
    LNumber conversion_rate;  ///< assumed share of the previous stage reaching this one (0..1)
};

struct Romi {
    SourcePos pos;
    LNumber budget_jpy;
    LNumber target_ratio;
    LNumber revenue_target_jpy;
    LNumber average_deal_jpy;
};

// ----- step 2: organisation and roles -----
struct Stakeholder {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString name;
    LString kind;  ///< marketing | inside_sales | sales | internal_systems | privacy_legal | ...
    LStrings people;
};

/// What a role label means. The user's own vocabulary (主担当 / 共有 / 受領) and RACI letters both
/// map onto these.
enum class RoleKind { owner, responsible, consulted, informed, receives };

struct RoleAssignment {
    SourcePos pos;                 ///< position of the stakeholder key
    LString stakeholder;           ///< stakeholder ID
    LString label;                 ///< as written (主担当, R, A, ...)
    std::optional<RoleKind> kind;  ///< empty if the label is unknown (a finding)
};

struct Task {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString name;
    LInt step;  ///< 1..7
    std::vector<RoleAssignment> roles;
    LString status;  ///< todo | in_progress | done | blocked | not_applicable
    LString due;     ///< YYYY-MM-DD
    LString notes;
    LStrings produces;  ///< communication IDs whose content this task produces
};

// ----- step 3: targets -----
struct Segment {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString criteria;
    LBool target;
};

struct Persona {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString name;
    LString segment;      ///< segment ID
    LString buying_role;  ///< person_in_charge | decision_maker | user_department | ...
    LStrings challenges;
};

struct JourneyEntry {
    SourcePos pos;
    LString persona;  ///< persona ID (the key it was written under)
    LString stage;    ///< journey stage (the key it was written under)
    LString wants;
    LStrings content;
    LString channel;
};

struct Journey {
    SourcePos pos;
    LStrings stages;
    std::vector<JourneyEntry> entries;
};

// ----- step 4: communication flow -----
struct Communication {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString stage;
    LString persona;
    LString content;
    LString content_status;  ///< new | existing | needs_update
    LString channel;
    LString timing;
    LString owner;            ///< stakeholder ID
    LString kind;             ///< one_off | always_on | nurture | event_follow
    LString production_task;  ///< ID of the task that produces the content
};

struct HandoffCondition {
    SourcePos pos;
    LStrings attributes;
    LString state;
};

struct Handoff {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString from;
    LString to;
    std::optional<HandoffCondition> when;
    LStrings fields;
    LNumber sla_hours;
    LString closed_lost_reasons_to;  ///< stakeholder that receives "no need" reasons (MarketOne
                                     ///< demand center)
};

struct ScoringRule {
    SourcePos pos;
    LString condition;
    LNumber points;
};

struct Scoring {
    SourcePos pos;
    std::vector<ScoringRule> profile;
    std::vector<ScoringRule> behavior;
};

// ----- step 5: customer lists -----
struct ColumnMapping {
    SourcePos pos;
    LString field;   ///< ma-plan field (email, company, last_name, ...)
    LString column;  ///< column header in the source's CSV
};

struct DataSource {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString id;
    LString system;
    LString owner;  ///< stakeholder ID
    LString sync;   ///< realtime | hourly | daily | weekly | monthly | manual
    LString customer_id;
    LString encoding;  ///< utf-8 | cp932
    LString preset;    ///< salesforce | hubspot | marketo | eloqua
    std::vector<ColumnMapping> columns;
};

struct Exclusion {
    SourcePos pos;
    LString kind;  ///< optout | hard_bounce | competitor_domains | internal_domains |
                   ///< role_addresses | ...
    LStrings domains;
    LString description;
};

struct Consent {
    SourcePos pos;
    LString policy;  ///< opt_in | opt_out
    LStrings record_fields;
    LString withdrawal;  ///< how an opt-out is taken and honoured
    LNumber unsubscribe_within_days;
    LString third_party_sharing;  ///< none | outsourcing | joint_use | with_consent
};

// ----- step 6: tool setup -----
struct Environments {
    SourcePos pos;
    LBool production;
    LBool sandbox;
    LString test_recipients;  ///< who test mail may reach (e.g. an internal seed list)
};

struct Security {
    SourcePos pos;
    LBool ip_restriction;
    LBool sso;
    LBool per_user_roles;
    LBool data_encryption;
    LBool encrypted_transport;
    LBool audit_log;
};

struct Dkim {
    SourcePos pos;
    LString selector;
    LInt key_bits;
};

/// A mailbox provider's share of the list, so the warm-up ramps each provider separately
/// (Gmail, Microsoft and Yahoo throttle a new IP independently).
struct MailboxProvider {
    SourcePos pos;
    LString name;   ///< gmail.com, outlook.com, yahoo.co.jp, docomo.ne.jp, ...
    LNumber share;  ///< share of the list (0..1)
};

struct IpWarming {
    SourcePos pos;
    LNumber weeks;
    LNumber days_per_week;
    std::vector<MailboxProvider> providers;
};

struct Email {
    SourcePos pos;
    LString sending_domain;
    LString spf;
    std::optional<Dkim> dkim;
    LString dmarc;
    LBool dedicated_ip;
    std::optional<IpWarming> ip_warming;
    LNumber daily_volume;
    LBool one_click_unsubscribe;
    LNumber spam_rate;  ///< user-reported spam rate (Google Postmaster Tools), 0..1
    LString reply_handling;
    LString sender_name;
    LString postal_address;
    LString unsubscribe_url;
};

struct Integration {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString system;
    LString channel;
    LString direction;  ///< inbound | outbound | both
    LString id_mapping;
    LString owner;  ///< stakeholder ID of the systems side that builds it
};

struct Contracts {
    SourcePos pos;
    LString personal_data_processing_agreement;  ///< signed | in_review | not_started | not_needed
    LStrings capabilities_in_contract;
    LStrings capabilities_required;
};

struct Budget {
    SourcePos pos;
    LNumber operating_jpy_per_year;
    LNumber operators;
};

// ----- step 7: measurement and operations -----
struct KpiMeasurement {
    SourcePos pos;
    std::size_t index = 0;  ///< position in its YAML list, from 0 ("communications[2]")
    LString goal;           ///< goal ID
    LString source;
    LString owner;  ///< stakeholder ID
    LString cadence;
};

struct Reporting {
    SourcePos pos;
    LString cadence;
    LStrings audience;  ///< stakeholder IDs
    LString owner;
};

struct ReviewMeeting {
    SourcePos pos;
    LString cadence;
    LNumber minutes;
    LStrings members;  ///< stakeholder IDs
};

struct ErrorResponse {
    SourcePos pos;
    LString first_responder;  ///< stakeholder ID
    LString escalation;       ///< stakeholder ID
    LString runbook;
};

struct PausePolicy {
    SourcePos pos;
    LString scenario;
    LString kind;       ///< holiday | disaster | incident | maintenance | other
    LString on_resume;  ///< skip_missed | send_missed | review_each_program
};

struct Operations {
    SourcePos pos;
    std::optional<ReviewMeeting> review_meeting;
    std::optional<ErrorResponse> error_response;
    std::vector<PausePolicy> pause_policy;
};

/// A placeholder the plan still holds (core/placeholder.hpp). Its value is absent from the model.
struct Placeholder {
    std::string key;      ///< the key it was written under ("definition")
    std::string section;  ///< the top-level key it sits in ("lifecycle")
    LString text;         ///< as written, with its position
};

/// The whole plan file.
struct Project {
    SourceFilePtr source;
    SourcePos pos;
    LInt format_version;  ///< `ma_plan: 1`
    ProjectInfo project;
    // step 1
    LStrings problems;
    std::vector<Goal> goals;
    std::vector<LifecycleStage> lifecycle;
    SourcePos lifecycle_pos;
    std::optional<Romi> romi;
    // step 2
    std::vector<Stakeholder> stakeholders;
    std::map<std::string, LString> role_labels;  ///< RoleKind name -> label shown in output
    std::vector<Task> tasks;
    // step 3
    std::vector<Segment> segments;
    std::vector<Persona> personas;
    std::optional<Journey> journey;
    // step 4
    std::vector<Communication> communications;
    std::vector<Handoff> handoffs;
    std::optional<Scoring> scoring;
    // step 5
    std::vector<DataSource> data_sources;
    LString customer_id_key;
    std::vector<Exclusion> exclusions;
    SourcePos exclusions_pos;
    std::optional<Consent> consent;
    // step 6
    std::optional<Environments> environments;
    std::optional<Security> security;
    std::optional<Email> email;
    std::vector<Integration> integrations;
    std::optional<Contracts> contracts;
    std::optional<Budget> budget;
    // step 7
    std::vector<KpiMeasurement> kpi_measurement;
    std::optional<Reporting> reporting;
    std::optional<Operations> operations;
    /// Placeholders left from `ma-plan init`, in file order.
    std::vector<Placeholder> placeholders;
    /// The top-level keys as written ("goals"), with the key's position, in file order.
    std::vector<std::pair<std::string, SourcePos>> section_keys;

    /// Where a finding about step `step` (1-7) as a whole points: the first of that step's
    /// section keys written in the plan, else the plan's first key (0 for the file format);
    /// unknown only for a plan with no keys at all.
    SourcePos step_pos(int step) const;

    /// True if a placeholder is left in the top-level section `section` ("goals").
    bool has_placeholder_in(std::string_view section) const;

    // Look-ups used by rules and renderers.
    const Stakeholder* find_stakeholder(std::string_view id) const;
    const Goal* find_goal(std::string_view id) const;
    const LifecycleStage* find_stage(std::string_view id) const;
    /// Label to show for a role kind: the plan's role_labels, else DX station #4's vocabulary.
    std::string role_label(RoleKind kind) const;
};

std::string_view to_string(RoleKind kind);
/// Maps a label as written (主担当, 共有, 受領, R, A, C, I, or a label declared in role_labels) to
/// its kind.
std::optional<RoleKind> role_kind_of(const Project& project, std::string_view label);

}  // namespace maplan
