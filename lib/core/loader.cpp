#include "core/loader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/dates.hpp"
#include "core/errors.hpp"
#include "core/fold.hpp"
#include "core/identifier.hpp"
#include "core/numbers.hpp"
#include "core/placeholder.hpp"
#include "core/schema.hpp"
#include "core/suggest.hpp"
#include "core/yaml_lex.hpp"

namespace maplan {

namespace {

using schema::Kind;
using yaml::Node;

/// Aliases share nodes, so a document can describe far more values than it has nodes. Reading
/// stops once this many nodes have been visited.
constexpr std::size_t max_visits = 2'000'000;

struct TooManyVisits {
    SourcePos pos;
};

Text kind_name(Kind kind) {
    switch (kind) {
        case Kind::string:
            return {"text", "文字列"};
        case Kind::identifier:
            return {"an ID", "ID"};
        case Kind::date:
            return {"a date (YYYY-MM-DD)", "日付 (YYYY-MM-DD)"};
        case Kind::integer:
            return {"a whole number", "整数"};
        case Kind::number:
            return {"a number", "数値"};
        case Kind::boolean:
            return {"true or false", "true または false"};
        case Kind::enumeration:
            return {"one of the listed values", "指定の値"};
        case Kind::object:
            return {"a mapping", "マッピング"};
        case Kind::list:
            return {"a list", "リスト"};
        case Kind::map:
            return {"a mapping", "マッピング"};
        case Kind::one_of:
            return {"a value", "値"};
    }
    return {"a value", "値"};
}

std::string quoted_list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    return out;
}

bool is_plain_null(const Node& n) {
    if (n.is_null()) return true;
    if (!n.is_scalar() || n.quoted) return false;
    return n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL";
}

class Loader {
  public:
    explicit Loader(const SourceFile& source) : source_(source) {}

    std::vector<Finding> findings;
    std::set<std::string> read_keys;        // "Type.key" the loader asked for
    std::set<std::string> accepted_keys;    // "Type.key" present in the input and in the schema
    std::vector<Placeholder> placeholders;  // section filled in once the whole file is read

    /// A placeholder stands for a value not written yet: it is recorded, never checked against
    /// the key's type (so "<<目標値>>" for a number is no type error), and reads as absent.
    bool take_placeholder(const Node& n, std::string_view key) {
        if (!n.is_scalar() || !is_placeholder(n.value)) return false;
        placeholders.push_back({std::string(key), {}, {n.value, n.pos}});
        return true;
    }

    void report(std::string_view rule, SourcePos pos, Text message, Text hint = {}) {
        findings.push_back(Finding{std::string(rule), Severity::error, source_.path(), pos,
                                   std::move(message), std::move(hint)});
    }

    void visit(const Node& n) {
        if (++visits_ > max_visits) throw TooManyVisits{n.pos};
    }

    /// Keeps the YAML path of what is being read ("communications[2].owner"), so messages name
    /// the place in the user's file, never a C++ type. Indices count from 0, as in yq and jq.
    class [[nodiscard]] PathScope {
      public:
        PathScope(Loader& loader, std::string segment) : loader_(loader) {
            loader_.path_.push_back(std::move(segment));
        }
        PathScope(const PathScope&) = delete;
        PathScope& operator=(const PathScope&) = delete;
        ~PathScope() { loader_.path_.pop_back(); }

      private:
        Loader& loader_;
    };
    PathScope enter(std::string_view key) { return PathScope(*this, std::string(key)); }
    PathScope enter(std::size_t index) { return PathScope(*this, fmt::format("[{}]", index)); }

    /// "romi", "communications[2]", or the top level.
    Text where() const {
        // The Japanese form is followed directly by a particle: "最上位に", "romi に".
        if (path_.empty()) return {"the top level", "最上位"};
        std::string out;
        for (const std::string& segment : path_) {
            if (!out.empty() && segment.front() != '[') out += '.';
            out += segment;
        }
        return {out, out + " "};
    }

    /// The YAML path of a key in what is being read: "romi.budget_jpy", "tasks[3].due".
    Text path_to(std::string_view key) const {
        std::string out;
        for (const std::string& segment : path_) {
            if (!out.empty() && segment.front() != '[') out += '.';
            out += segment;
        }
        if (!out.empty()) out += '.';
        out += key;
        return {out, out};
    }

    void wrong_type(const Node& n, std::string_view key, Text expected) {
        Text found = yaml::describe_kind(n);
        report(schema_rule::wrong_type, n.pos,
               {fmt::format("\"{}\" must be {}, not {}", key, expected.en, found.en),
                fmt::format("「{}」は{}で書いてください ({}になっています)", key, expected.ja,
                            found.ja)});
    }

    /// Checks a scalar against a scalar kind; returns false (after reporting) if it does not fit.
    bool check_scalar(const Node& n, std::string_view key, const schema::Type& type) {
        visit(n);
        if (take_placeholder(n, key)) return false;
        if (!n.is_scalar()) {
            wrong_type(n, key, kind_name(type.kind));
            return false;
        }
        const std::string& v = n.value;
        switch (type.kind) {
            case Kind::string:
                return true;
            case Kind::identifier:
                if (v.empty()) {
                    report(schema_rule::bad_value, n.pos,
                           {fmt::format("the ID for \"{}\" is empty", key),
                            fmt::format("「{}」の ID が空です", key)});
                    return false;
                }
                if (auto problem = find_id_problem(v)) {
                    std::string shown = id_for_message(v);
                    report(schema_rule::bad_value, n.pos,
                           {fmt::format("\"{}\" is not a valid ID for \"{}\": character {} is {}; "
                                        "IDs hold letters, digits, \"_\", \"-\" and \".\"",
                                        shown, key, problem->index, problem->name),
                            fmt::format("「{}」は「{}」の ID として使えません: {} 文字目が {} "
                                        "です。ID に使えるのは文字・数字・「_」「-」「.」です",
                                        shown, key, problem->index, problem->name)});
                    return false;
                }
                return true;
            case Kind::date: {
                CheckedDate date = check_date(v);
                if (date.ok()) return true;
                Text at = path_to(key);
                report(schema_rule::bad_value, n.pos,
                       date_message(v, date, {"in " + at.en, at.ja}));
                return false;
            }
            case Kind::enumeration: {
                auto names = type.value_names();
                for (auto name : names) {
                    if (name == v) return true;
                }
                Text guess = did_you_mean(guess_enum_value(v, type));
                report(schema_rule::value_not_allowed, n.pos,
                       {fmt::format("\"{}\" is not allowed for \"{}\"{}", v, key, guess.en),
                        fmt::format("「{}」は「{}」に使えません{}", v, key, guess.ja)},
                       {fmt::format("allowed: {}", quoted_list(names)),
                        fmt::format("使える値: {}", quoted_list(names))});
                return false;
            }
            default:
                break;
        }
        return true;
    }

    const SourceFile& source() const { return source_; }

  private:
    const SourceFile& source_;
    std::size_t visits_ = 0;
    std::vector<std::string> path_;
};

/// Reads one mapping against an object type: reports duplicates, unknown keys and missing
/// required keys once, then hands out values by key.
class ObjectReader {
  public:
    ObjectReader(Loader& loader, const Node& node, const schema::Type& type)
        : loader_(loader), node_(node), type_(type) {
        loader.visit(node);
        if (!node.is_mapping()) {
            if (!is_plain_null(node))
                loader.wrong_type(node, loader.where().en, kind_name(Kind::object));
            return;
        }
        ok_ = true;
        std::set<std::string> seen;
        for (const auto& [key, value] : node.entries) {
            loader.visit(*key);
            if (!key->is_scalar()) {
                loader.wrong_type(*key, loader.where().en, {"a plain key", "単純なキー"});
                continue;
            }
            if (!seen.insert(key->value).second) {
                SourcePos first = find_key(key->value)->pos;
                loader.report(
                    schema_rule::duplicate_key, key->pos,
                    {fmt::format("duplicate key \"{}\" (first at line {}); only the first is used",
                                 key->value, first.line),
                     fmt::format(
                         "キー「{}」が重複しています (最初は {} 行目)。最初の値だけが使われます",
                         key->value, first.line)});
                continue;
            }
            if (type.field(key->value) == nullptr) {
                Text guess = did_you_mean(guess_name(key->value, type.keys()));
                loader.report(schema_rule::unknown_key, key->pos,
                              {fmt::format("unknown key \"{}\" {} {}{}", key->value,
                                           loader.where().en == "the top level" ? "at" : "in",
                                           loader.where().en, guess.en),
                               fmt::format("{}に未知のキー「{}」があります{}", loader.where().ja,
                                           key->value, guess.ja)},
                              {fmt::format("known keys: {}", quoted_list(type.keys())),
                               fmt::format("使えるキー: {}", quoted_list(type.keys()))});
                continue;
            }
            loader.accepted_keys.insert(fmt::format("{}.{}", type.name, key->value));
        }
        for (const schema::Field& f : type.fields) {
            const Node* v = value(f.key);
            if (f.required && (v == nullptr || is_plain_null(*v))) {
                SourcePos at = v != nullptr ? find_key(f.key)->pos : node.pos;
                loader.report(schema_rule::missing_key, at,
                              {fmt::format("{} is missing required key \"{}\" ({})",
                                           loader.where().en, f.key, f.description.en),
                               fmt::format("{}に必須のキー「{}」({}) がありません",
                                           loader.where().ja, f.key, f.description.ja)});
            }
        }
    }

    bool ok() const { return ok_; }
    SourcePos pos() const { return node_.pos; }

    /// The value node of a key (first occurrence), or nullptr. Null values count as absent.
    const Node* value(std::string_view key) const {
        if (!ok_) return nullptr;
        for (const auto& [k, v] : node_.entries) {
            if (k->is_scalar() && k->value == key) return is_plain_null(*v) ? nullptr : v;
        }
        return nullptr;
    }

    const schema::Field& field(std::string_view key) {
        const schema::Field* f = type_.field(key);
        if (f == nullptr) {
            std::string what = fmt::format("loader reads {}.{}, which the schema does not define",
                                           type_.name, key);
            throw InternalError({what, what});
        }
        loader_.read_keys.insert(fmt::format("{}.{}", type_.name, key));
        return *f;
    }

    void get(std::string_view key, LString& out) {
        const schema::Field& f = field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        if (loader_.check_scalar(*v, key, *f.type)) out = {v->value, v->pos};
    }

    void get(std::string_view key, LNumber& out) {
        const schema::Field& f = field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        if (auto n = number(*v, key, *f.type)) out = {*n, v->pos};
    }

    void get(std::string_view key, LInt& out) {
        const schema::Field& f = field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        // number() checked the value is whole and within ±2^53 (or the key's range): exact.
        auto n = number(*v, key, *f.type);
        if (!n) return;
        out = {static_cast<long long>(*n), v->pos};
    }

    void get(std::string_view key, LBool& out) {
        field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        loader_.visit(*v);
        if (loader_.take_placeholder(*v, key)) return;
        if (v->is_scalar() && (!v->quoted || v->tag == yaml::tag_bool)) {
            if (v->value == "true" || v->value == "True" || v->value == "TRUE") {
                out = {true, v->pos};
                return;
            }
            if (v->value == "false" || v->value == "False" || v->value == "FALSE") {
                out = {false, v->pos};
                return;
            }
        }
        loader_.report(
            schema_rule::wrong_type, v->pos,
            {fmt::format("\"{}\" must be true or false, not \"{}\"", key, v->value),
             fmt::format("「{}」は true か false で書いてください (「{}」になっています)", key,
                         v->value)});
    }

    void get(std::string_view key, LStrings& out) {
        const schema::Field& f = field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        read_string_list(loader_, *v, key, *f.type->item, out);
    }

    template <class T>
    void get(std::string_view key, std::optional<T>& out) {
        field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        auto in_key = loader_.enter(key);
        T item;
        if (read(loader_, *v, item)) out = std::move(item);
    }

    template <class T>
    void get(std::string_view key, std::vector<T>& out) {
        field(key);
        const Node* v = value(key);
        if (v == nullptr) return;
        loader_.visit(*v);
        if (!v->is_sequence()) {
            loader_.wrong_type(*v, key, kind_name(Kind::list));
            return;
        }
        auto in_key = loader_.enter(key);
        for (std::size_t i = 0; i < v->items.size(); ++i) {
            auto in_item = loader_.enter(i);
            T value;
            // Messages name the item as the user counts it in the file, even when an earlier
            // item could not be read and is missing from `out`.
            if constexpr (requires { value.index = i; }) value.index = i;
            if (read(loader_, *v->items[i], value)) out.push_back(std::move(value));
        }
    }

    static void read_string_list(Loader& loader, const Node& v, std::string_view key,
                                 const schema::Type& item_type, LStrings& out) {
        loader.visit(v);
        if (!v.is_sequence()) {
            loader.wrong_type(v, key, kind_name(Kind::list));
            return;
        }
        for (const Node* item : v.items) {
            if (loader.check_scalar(*item, key, item_type)) out.push_back({item->value, item->pos});
        }
    }

    // Declared here, defined per model type below: reads one node into a model object.
    template <class T>
    static bool read(Loader& loader, const Node& node, T& out);

  private:
    const Node* find_key(std::string_view key) const {
        for (const auto& [k, v] : node_.entries) {
            if (k->is_scalar() && k->value == key) return k;
        }
        return nullptr;
    }

    std::optional<double> number(const Node& v, std::string_view key, const schema::Type& type) {
        loader_.visit(v);
        if (loader_.take_placeholder(v, key)) return std::nullopt;
        Text expected = kind_name(type.kind);
        // Numbers are named by their YAML path (romi.budget_jpy), as the user wrote them.
        const std::string at = loader_.path_to(key).en;
        if (!v.is_scalar()) {
            loader_.wrong_type(v, at, expected);
            return std::nullopt;
        }
        NumberRange range{type.minimum, type.maximum, type.kind == Kind::integer, type.fraction};
        // `!!int 120` and `!!float 1.5` are numbers by their tag; quotes or `!!str` make text.
        bool numeric_tag = v.tag == yaml::tag_int || v.tag == yaml::tag_float;
        CheckedNumber n;
        n.problem = NumberProblem::not_a_number;
        if (!v.quoted || numeric_tag) n = check_number(v.value, range);
        if (n.problem == NumberProblem::not_a_number || n.problem == NumberProblem::not_whole) {
            if (n.problem == NumberProblem::not_whole) {
                loader_.wrong_type(v, at, kind_name(Kind::integer));
                return std::nullopt;
            }
            std::string why_en, why_ja;
            std::optional<NumberSpelling> spelling;
            if (v.tag.empty() || numeric_tag) spelling = read_number_spelling(v.value, range);
            if (spelling) {
                // One message for the number as written (5,000,000, 30,000,000円, １２０, 120件,
                // 5万, 15%), naming its YAML path and the plain number to write.
                Text advice = number_spelling_advice(*spelling, range);
                loader_.report(schema_rule::wrong_type, v.pos,
                               {fmt::format("\"{}\" must be {}, not \"{}\": {}", at, expected.en,
                                            v.value, advice.en),
                                fmt::format("「{}」は{}で書いてください (「{}」になっています)。{}",
                                            at, expected.ja, v.value, advice.ja)});
                return std::nullopt;
            }
            if (!v.tag.empty() && !numeric_tag) {
                why_en =
                    fmt::format(" (the tag {} makes it text; remove the tag)", v.tag_as_written);
                why_ja = fmt::format("。タグ {} で文字列になっています。タグを外してください",
                                     v.tag_as_written);
            } else if (v.quoted && !numeric_tag) {
                why_en = " (remove the quotes)";
                why_ja = "。引用符を外してください";
            }
            loader_.report(
                schema_rule::wrong_type, v.pos,
                {fmt::format("\"{}\" must be {}, not \"{}\"{}", at, expected.en, v.value, why_en),
                 fmt::format("「{}」は{}で書いてください (「{}」になっています){}", at, expected.ja,
                             v.value, why_ja)});
            return std::nullopt;
        }
        if (n.problem == NumberProblem::out_of_range) {
            std::string range_text = describe_range(range);
            loader_.report(
                schema_rule::bad_value, v.pos,
                {fmt::format("\"{}\" is {}; it must be in {}", at, v.value, range_text),
                 fmt::format("「{}」が {} です。範囲は {} です", at, v.value, range_text)});
            return std::nullopt;
        }
        return n.value;
    }

    Loader& loader_;
    const Node& node_;
    const schema::Type& type_;
    bool ok_ = false;
};

const schema::Type& type_of(std::string_view name) {
    for (const schema::Type* t : schema::object_types()) {
        if (t->name == name) return *t;
    }
    std::string what = fmt::format("no schema type {}", name);
    throw InternalError({what, what});
}

/// Applies `fn(reader)` to a node read as the named object type; false if it was not a mapping.
template <class Fn>
bool with_object(Loader& loader, const Node& node, std::string_view type_name, Fn&& fn) {
    ObjectReader r(loader, node, type_of(type_name));
    if (!r.ok()) return false;
    fn(r);
    return true;
}

}  // namespace

// ----- one reader per model type -----
#define MA_PLAN_READER(T, NAME, BODY)                                       \
    template <>                                                             \
    bool ObjectReader::read<T>(Loader & loader, const Node& node, T& out) { \
        return with_object(loader, node, NAME, [&](ObjectReader& r) {       \
            out.pos = node.pos;                                             \
            BODY                                                            \
        });                                                                 \
    }

MA_PLAN_READER(Kpi, "Kpi", r.get("metric", out.metric); r.get("target", out.target);
               r.get("period", out.period); r.get("unit", out.unit);)
MA_PLAN_READER(Goal, "Goal", r.get("id", out.id); r.get("statement", out.statement);
               r.get("kpi", out.kpi); r.get("agreed_by", out.agreed_by);)
MA_PLAN_READER(Romi, "Romi", r.get("budget_jpy", out.budget_jpy);
               r.get("target_ratio", out.target_ratio);
               r.get("revenue_target_jpy", out.revenue_target_jpy);
               r.get("average_deal_jpy", out.average_deal_jpy);)
MA_PLAN_READER(Stakeholder, "Stakeholder", r.get("id", out.id); r.get("name", out.name);
               r.get("kind", out.kind); r.get("people", out.people);)
MA_PLAN_READER(Segment, "Segment", r.get("id", out.id); r.get("criteria", out.criteria);
               r.get("target", out.target);)
MA_PLAN_READER(Persona, "Persona", r.get("id", out.id); r.get("name", out.name);
               r.get("segment", out.segment); r.get("buying_role", out.buying_role);
               r.get("challenges", out.challenges);)
MA_PLAN_READER(Communication, "Communication", r.get("id", out.id); r.get("stage", out.stage);
               r.get("persona", out.persona); r.get("content", out.content);
               r.get("content_status", out.content_status); r.get("channel", out.channel);
               r.get("timing", out.timing); r.get("owner", out.owner); r.get("kind", out.kind);
               r.get("production_task", out.production_task);)
MA_PLAN_READER(HandoffCondition, "HandoffCondition", r.get("attributes", out.attributes);
               r.get("state", out.state);)
MA_PLAN_READER(Handoff, "Handoff", r.get("from", out.from); r.get("to", out.to);
               r.get("when", out.when); r.get("fields", out.fields);
               r.get("sla_hours", out.sla_hours);
               r.get("closed_lost_reasons_to", out.closed_lost_reasons_to);)
MA_PLAN_READER(ScoringRule, "ScoringRule", r.get("if", out.condition); r.get("points", out.points);)
MA_PLAN_READER(Scoring, "Scoring", r.get("profile", out.profile); r.get("behavior", out.behavior);)
MA_PLAN_READER(Consent, "Consent", r.get("policy", out.policy);
               r.get("record_fields", out.record_fields); r.get("withdrawal", out.withdrawal);
               r.get("unsubscribe_within_days", out.unsubscribe_within_days);
               r.get("third_party_sharing", out.third_party_sharing);)
MA_PLAN_READER(Environments, "Environments", r.get("production", out.production);
               r.get("sandbox", out.sandbox); r.get("test_recipients", out.test_recipients);)
MA_PLAN_READER(Security, "Security", r.get("ip_restriction", out.ip_restriction);
               r.get("sso", out.sso); r.get("per_user_roles", out.per_user_roles);
               r.get("data_encryption", out.data_encryption);
               r.get("encrypted_transport", out.encrypted_transport);
               r.get("audit_log", out.audit_log);)
MA_PLAN_READER(Dkim, "Dkim", r.get("selector", out.selector); r.get("key_bits", out.key_bits);)
MA_PLAN_READER(MailboxProvider, "MailboxProvider", r.get("name", out.name);
               r.get("share", out.share);)
MA_PLAN_READER(IpWarming, "IpWarming", r.get("weeks", out.weeks);
               r.get("days_per_week", out.days_per_week); r.get("providers", out.providers);)
MA_PLAN_READER(Email, "Email", r.get("sending_domain", out.sending_domain); r.get("spf", out.spf);
               r.get("dkim", out.dkim); r.get("dmarc", out.dmarc);
               r.get("dedicated_ip", out.dedicated_ip); r.get("ip_warming", out.ip_warming);
               r.get("daily_volume", out.daily_volume);
               r.get("one_click_unsubscribe", out.one_click_unsubscribe);
               r.get("spam_rate", out.spam_rate); r.get("reply_handling", out.reply_handling);
               r.get("sender_name", out.sender_name); r.get("postal_address", out.postal_address);
               r.get("unsubscribe_url", out.unsubscribe_url);)
MA_PLAN_READER(Integration, "Integration", r.get("system", out.system);
               r.get("channel", out.channel); r.get("direction", out.direction);
               r.get("id_mapping", out.id_mapping); r.get("owner", out.owner);)
MA_PLAN_READER(Contracts, "Contracts",
               r.get("personal_data_processing_agreement", out.personal_data_processing_agreement);
               r.get("capabilities_in_contract", out.capabilities_in_contract);
               r.get("capabilities_required", out.capabilities_required);)
MA_PLAN_READER(Budget, "Budget", r.get("operating_jpy_per_year", out.operating_jpy_per_year);
               r.get("operators", out.operators);)
MA_PLAN_READER(KpiMeasurement, "KpiMeasurement", r.get("goal", out.goal);
               r.get("source", out.source); r.get("owner", out.owner);
               r.get("cadence", out.cadence);)
MA_PLAN_READER(Reporting, "Reporting", r.get("cadence", out.cadence);
               r.get("audience", out.audience); r.get("owner", out.owner);)
MA_PLAN_READER(ReviewMeeting, "ReviewMeeting", r.get("cadence", out.cadence);
               r.get("minutes", out.minutes); r.get("members", out.members);)
MA_PLAN_READER(ErrorResponse, "ErrorResponse", r.get("first_responder", out.first_responder);
               r.get("escalation", out.escalation); r.get("runbook", out.runbook);)
MA_PLAN_READER(PausePolicy, "PausePolicy", r.get("scenario", out.scenario); r.get("kind", out.kind);
               r.get("on_resume", out.on_resume);)
MA_PLAN_READER(Operations, "Operations", r.get("review_meeting", out.review_meeting);
               r.get("error_response", out.error_response);
               r.get("pause_policy", out.pause_policy);)
MA_PLAN_READER(ProjectInfo, "ProjectInfo", r.get("name", out.name); r.get("client", out.client);
               r.get("tool", out.tool); r.get("language", out.language); r.get("owner", out.owner);)

namespace {

/// Reads a free-keyed mapping: `fn(key_node, value_node)` for each entry, reporting duplicates.
template <class Fn>
void for_each_entry(Loader& loader, const Node& node, std::string_view key, Fn&& fn) {
    loader.visit(node);
    if (!node.is_mapping()) {
        loader.wrong_type(node, key, kind_name(Kind::map));
        return;
    }
    std::set<std::string> seen;
    for (const auto& [k, v] : node.entries) {
        loader.visit(*k);
        if (!k->is_scalar()) {
            loader.wrong_type(*k, key, {"a plain key", "単純なキー"});
            continue;
        }
        if (!seen.insert(k->value).second) {
            loader.report(
                schema_rule::duplicate_key, k->pos,
                {fmt::format("duplicate key \"{}\" in \"{}\"; only the first is used", k->value,
                             key),
                 fmt::format("「{}」の中でキー「{}」が重複しています。最初の値だけが使われます",
                             key, k->value)});
            continue;
        }
        fn(*k, *v);
    }
}

}  // namespace

template <>
bool ObjectReader::read<LifecycleStage>(Loader& loader, const Node& node, LifecycleStage& out) {
    loader.visit(node);
    out.pos = node.pos;
    static const schema::Type id_type{schema::Kind::identifier};
    if (node.is_scalar()) {
        if (!loader.check_scalar(node, "lifecycle", id_type)) return false;
        out.id = {node.value, node.pos};
        return true;
    }
    if (!node.is_mapping() || node.entries.size() != 1) {
        loader.wrong_type(node, "lifecycle",
                          {"a stage name or \"stage: {definition: …}\"",
                           "段階名または「段階: {definition: …}」"});
        return false;
    }
    const auto& [k, v] = node.entries.front();
    if (!loader.check_scalar(*k, "lifecycle", id_type)) return false;
    out.id = {k->value, k->pos};
    out.pos = k->pos;
    if (is_plain_null(*v)) return true;
    return with_object(loader, *v, "LifecycleStage", [&](ObjectReader& r) {
        r.get("definition", out.definition);
        r.get("score_at_least", out.score_at_least);
        r.get("trigger", out.trigger);
        r.get("conversion_rate", out.conversion_rate);
    });
}

template <>
bool ObjectReader::read<Task>(Loader& loader, const Node& node, Task& out) {
    return with_object(loader, node, "Task", [&](ObjectReader& r) {
        out.pos = node.pos;
        r.get("id", out.id);
        r.get("name", out.name);
        r.get("step", out.step);
        r.get("status", out.status);
        r.get("due", out.due);
        r.get("notes", out.notes);
        r.get("produces", out.produces);
        r.field("roles");
        if (const Node* roles = r.value("roles")) {
            static const schema::Type label_type{schema::Kind::string};
            for_each_entry(loader, *roles, "roles", [&](const Node& k, const Node& v) {
                if (!loader.check_scalar(v, "roles", label_type)) return;
                RoleAssignment a;
                a.pos = k.pos;
                a.stakeholder = {k.value, k.pos};
                a.label = {v.value, v.pos};
                out.roles.push_back(std::move(a));
            });
        }
    });
}

template <>
bool ObjectReader::read<Journey>(Loader& loader, const Node& node, Journey& out) {
    return with_object(loader, node, "Journey", [&](ObjectReader& r) {
        out.pos = node.pos;
        r.get("stages", out.stages);
        r.field("map");
        if (const Node* map = r.value("map")) {
            for_each_entry(loader, *map, "map", [&](const Node& persona, const Node& stages) {
                for_each_entry(
                    loader, stages, persona.value, [&](const Node& stage, const Node& entry) {
                        auto in_entry =
                            loader.enter(fmt::format("map.{}.{}", persona.value, stage.value));
                        JourneyEntry e;
                        e.persona = {persona.value, persona.pos};
                        e.stage = {stage.value, stage.pos};
                        bool ok = is_plain_null(entry) ||
                                  with_object(loader, entry, "JourneyEntry", [&](ObjectReader& er) {
                                      er.get("wants", e.wants);
                                      er.get("content", e.content);
                                      er.get("channel", e.channel);
                                  });
                        e.pos = stage.pos;
                        if (ok) out.entries.push_back(std::move(e));
                    });
            });
        }
    });
}

template <>
bool ObjectReader::read<DataSource>(Loader& loader, const Node& node, DataSource& out) {
    return with_object(loader, node, "DataSource", [&](ObjectReader& r) {
        out.pos = node.pos;
        r.get("id", out.id);
        r.get("system", out.system);
        r.get("owner", out.owner);
        r.get("sync", out.sync);
        r.get("customer_id", out.customer_id);
        r.get("encoding", out.encoding);
        r.get("preset", out.preset);
        r.field("columns");
        if (const Node* columns = r.value("columns")) {
            static const schema::Type text{schema::Kind::string};
            for_each_entry(loader, *columns, "columns", [&](const Node& k, const Node& v) {
                if (!loader.check_scalar(v, "columns", text)) return;
                out.columns.push_back({k.pos, {k.value, k.pos}, {v.value, v.pos}});
            });
        }
    });
}

template <>
bool ObjectReader::read<Exclusion>(Loader& loader, const Node& node, Exclusion& out) {
    loader.visit(node);
    out.pos = node.pos;
    if (node.is_scalar()) {
        const schema::Type& kind_type = *type_of("Exclusion").field("kind")->type;
        if (!loader.check_scalar(node, "exclusions", kind_type)) return false;
        out.kind = {node.value, node.pos};
        return true;
    }
    return with_object(loader, node, "Exclusion", [&](ObjectReader& r) {
        r.get("kind", out.kind);
        r.get("domains", out.domains);
        r.get("description", out.description);
    });
}

namespace {

void resolve_role_kinds(Loader& loader, Project& project) {
    for (Task& task : project.tasks) {
        for (RoleAssignment& a : task.roles) {
            a.kind = role_kind_of(project, a.label.value);
            if (a.kind) continue;
            std::vector<std::string> known = {"主担当", "共有", "受領", "R", "A", "C", "I"};
            for (const auto& [kind, label] : project.role_labels) known.push_back(label.value);
            std::vector<std::string_view> views(known.begin(), known.end());
            Text guess = did_you_mean(guess_name(a.label.value, views));
            loader.report(
                schema_rule::value_not_allowed, a.label.pos,
                {fmt::format("unknown role label \"{}\"{}", a.label.value, guess.en),
                 fmt::format("役割ラベル「{}」は定義されていません{}", a.label.value, guess.ja)},
                {"use 主担当, 共有, 受領, R, A, C or I, or declare the label in role_labels",
                 "主担当・共有・受領・R・A・C・I を使うか、role_labels で定義してください"});
        }
    }
}

void read_project(Loader& loader, const Node& root, Project& p) {
    ObjectReader r(loader, root, schema::project_file());
    p.pos = root.pos;
    if (root.is_mapping()) {
        for (const auto& [key, value] : root.entries) {
            if (key->is_scalar()) p.section_keys.emplace_back(key->value, key->pos);
        }
    }
    r.get("ma_plan", p.format_version);
    if (p.format_version.present() && p.format_version.value != schema::format_version) {
        loader.report(
            schema_rule::unsupported_version, p.format_version.pos,
            {fmt::format("format version {} is not supported; this ma-plan reads version {}",
                         p.format_version.value, schema::format_version),
             fmt::format("フォーマットバージョン {} には対応していません。このバージョンの ma-plan "
                         "は {} を読みます",
                         p.format_version.value, schema::format_version)});
    }
    r.field("project");
    if (const Node* info = r.value("project")) {
        auto in_project = loader.enter("project");
        ObjectReader::read<ProjectInfo>(loader, *info, p.project);
    }
    r.get("problems", p.problems);
    r.get("goals", p.goals);
    r.field("lifecycle");
    if (const Node* lc = r.value("lifecycle")) {
        p.lifecycle_pos = lc->pos;
        if (!lc->is_sequence()) {
            loader.wrong_type(*lc, "lifecycle", kind_name(Kind::list));
        } else {
            auto in_lifecycle = loader.enter("lifecycle");
            for (std::size_t i = 0; i < lc->items.size(); ++i) {
                auto in_stage = loader.enter(i);
                LifecycleStage stage;
                stage.index = i;
                if (ObjectReader::read(loader, *lc->items[i], stage))
                    p.lifecycle.push_back(std::move(stage));
            }
        }
    }
    r.get("romi", p.romi);
    r.get("stakeholders", p.stakeholders);
    r.field("role_labels");
    if (const Node* labels = r.value("role_labels")) {
        auto in_labels = loader.enter("role_labels");
        with_object(loader, *labels, "RoleLabels", [&](ObjectReader& lr) {
            for (std::string_view kind :
                 {"owner", "responsible", "consulted", "informed", "receives"}) {
                LString label;
                lr.get(kind, label);
                if (label.present()) p.role_labels[std::string(kind)] = label;
            }
        });
    }
    r.get("tasks", p.tasks);
    r.get("segments", p.segments);
    r.get("personas", p.personas);
    r.get("journey", p.journey);
    r.get("communications", p.communications);
    r.get("handoffs", p.handoffs);
    r.get("scoring", p.scoring);
    r.get("data_sources", p.data_sources);
    r.get("customer_id_key", p.customer_id_key);
    if (const Node* ex = r.value("exclusions")) p.exclusions_pos = ex->pos;
    r.get("exclusions", p.exclusions);
    r.get("consent", p.consent);
    r.get("environments", p.environments);
    r.get("security", p.security);
    r.get("email", p.email);
    r.get("integrations", p.integrations);
    r.get("contracts", p.contracts);
    r.get("budget", p.budget);
    r.get("kpi_measurement", p.kpi_measurement);
    r.get("reporting", p.reporting);
    r.get("operations", p.operations);
    resolve_role_kinds(loader, p);
}

}  // namespace

LoadResult load_project(SourceFilePtr source, const yaml::Limits& limits) {
    LoadResult result;
    result.source = source;
    yaml::ParseResult parsed = yaml::parse(source, limits);
    if (parsed.error) {
        result.fatal = std::move(parsed.error);
        return result;
    }
    const Node& root = *parsed.document->root;
    if (!root.is_mapping()) {
        Text found = yaml::describe_kind(root);
        result.fatal = yaml::ParseError{
            root.pos.known() ? root.pos : SourcePos{1, 1},
            {fmt::format("the top level must be a mapping starting with \"ma_plan: 1\", not {}",
                         found.en),
             fmt::format(
                 "最上位は \"ma_plan: 1\" で始まるマッピングにしてください ({}になっています)",
                 found.ja)}};
        return result;
    }
    Loader loader(*source);
    auto project = std::make_unique<Project>();
    project->source = source;
    try {
        read_project(loader, root, *project);
    } catch (const TooManyVisits& e) {
        result.fatal = yaml::ParseError{
            e.pos.known() ? e.pos : SourcePos{1, 1},
            {fmt::format("aliases expand the document beyond {} values", max_visits),
             fmt::format("エイリアスの展開で値が {} を超えます", max_visits)}};
        return result;
    }
    // Each placeholder belongs to the last top-level key written before it (entries are in
    // document order), which is what the checklist needs to know what it still stands for.
    for (Placeholder& ph : loader.placeholders) {
        for (const auto& [key, value] : root.entries) {
            if (key->pos <= ph.text.pos) ph.section = key->value;
        }
    }
    project->placeholders = std::move(loader.placeholders);
    for (const std::string& key : loader.accepted_keys) {
        if (!loader.read_keys.count(key)) result.unread_schema_keys.push_back(key);
    }
    result.findings = std::move(loader.findings);
    result.project = std::move(project);
    return result;
}

LoadResult load_project_file(const std::string& path, const yaml::Limits& limits) {
    yaml::ReadResult read = yaml::read_source(path, limits);
    if (read.error) {
        LoadResult result;
        result.fatal = std::move(read.error);
        return result;
    }
    return load_project(read.source, limits);
}

}  // namespace maplan
