#include "config/config.hpp"

#include "config/run.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <set>
#include <variant>

#include "core/dates.hpp"
#include "core/numbers.hpp"
#include "core/suggest.hpp"
#include "core/yaml_tree.hpp"
#include "mail/spf_budget.hpp"
#include "rules/rule.hpp"

namespace maplan::config {

namespace {

namespace fs = std::filesystem;
using yaml::Node;

/// The configurable thresholds, one row each, so the key list, the "did you mean" candidates
/// and the documentation come from one place.
/// Each with the range of values that make sense for it (an int member's range must fit an int).
struct ThresholdField {
    std::string_view key;
    std::variant<double rules::Thresholds::*, int rules::Thresholds::*> member;
    double minimum;
    double maximum;
};

const ThresholdField threshold_fields[] = {
    {"bulk_daily_volume", &rules::Thresholds::bulk_daily_volume, 0, 1e9},
    {"min_ip_warming_weeks", &rules::Thresholds::min_ip_warming_weeks, 0, 52},
    {"min_dkim_bits", &rules::Thresholds::min_dkim_bits, 512, 16384},
    {"recommended_dkim_bits", &rules::Thresholds::recommended_dkim_bits, 512, 16384},
    {"max_owner_share", &rules::Thresholds::max_owner_share, 0, 1},
    {"unsubscribe_max_days", &rules::Thresholds::unsubscribe_max_days, 0, 365},
};

/// The range of `max_findings_per_rule` (0: no cap).
constexpr double max_findings_limit = 1'000'000;

const std::vector<std::string_view> top_level_keys = {
    "language", "fail_on",    "inline_suppressions", "max_findings_per_rule",
    "rules",    "thresholds", "spf_includes",        "ignore"};
const std::vector<std::string_view> spf_include_keys = {"nested_lookups", "measured", "source",
                                                        "vendor"};
const std::vector<std::string_view> rule_levels = {"off", "error", "warning", "info"};

std::string did_you_mean_en(const std::optional<std::string>& guess) {
    return guess ? fmt::format("; did you mean \"{}\"?", *guess) : "";
}
std::string did_you_mean_ja(const std::optional<std::string>& guess) {
    return guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "";
}

class ConfigReader {
  public:
    explicit ConfigReader(const SourceFile& source) : source_(source) {}

    LoadedConfig result;

    void error(SourcePos pos, Text message) {
        result.errors.push_back(ConfigError{source_.path(), pos, std::move(message)});
    }

    /// Entries of a mapping with duplicate and non-scalar keys reported; nullopt if not a mapping.
    std::optional<std::vector<std::pair<const Node*, const Node*>>> entries(const Node& node,
                                                                            std::string_view what) {
        if (!node.is_mapping()) {
            error(node.pos, {fmt::format("\"{}\" must be a mapping", what),
                             fmt::format("「{}」はマッピングで書いてください", what)});
            return std::nullopt;
        }
        std::vector<std::pair<const Node*, const Node*>> out;
        std::set<std::string> seen;
        for (const auto& [k, v] : node.entries) {
            if (!k->is_scalar()) {
                error(k->pos, {"keys must be plain names", "キーは単純な名前で書いてください"});
                continue;
            }
            if (!seen.insert(k->value).second) {
                error(k->pos, {fmt::format("duplicate key \"{}\"", k->value),
                               fmt::format("キー「{}」が重複しています", k->value)});
                continue;
            }
            out.emplace_back(k, v);
        }
        return out;
    }

    std::optional<std::string> choice(const Node& value, std::string_view key,
                                      const std::vector<std::string_view>& allowed) {
        if (value.is_scalar()) {
            for (auto a : allowed) {
                if (a == value.value) return value.value;
            }
        }
        auto guess = value.is_scalar() ? closest_match(value.value, allowed) : std::nullopt;
        std::string list = fmt::format("{}", fmt::join(allowed, ", "));
        error(value.pos, {fmt::format("\"{}\" is not allowed for \"{}\"{} (allowed: {})",
                                      value.value, key, did_you_mean_en(guess), list),
                          fmt::format("「{}」は「{}」に使えません{} (使える値: {})", value.value,
                                      key, did_you_mean_ja(guess), list)});
        return std::nullopt;
    }

    void read(const Node& root) {
        Config& c = result.config;
        if (root.is_null()) return;  // an empty file: all defaults
        auto top = entries(root, source_.path());
        if (!top) return;
        for (const auto& [k, v] : *top) {
            const std::string& key = k->value;
            if (key == "language") {
                if (auto s = choice(*v, key, {"ja", "en"})) c.language = parse_lang(*s);
            } else if (key == "fail_on") {
                if (auto s = choice(*v, key, {"error", "warning", "info"}))
                    c.fail_on = parse_severity(*s);
            } else if (key == "inline_suppressions") {
                if (auto s = choice(*v, key, {"true", "false"}))
                    c.inline_suppressions = *s == "true";
            } else if (key == "max_findings_per_rule") {
                if (auto n = checked(*v, key, NumberRange{0.0, max_findings_limit, true}))
                    c.max_findings_per_rule = static_cast<std::size_t>(*n);
            } else if (key == "rules") {
                read_rules(*v);
            } else if (key == "thresholds") {
                read_thresholds(*v);
            } else if (key == "spf_includes") {
                read_spf_includes(*v);
            } else if (key == "ignore") {
                read_ignore(*v);
            } else {
                unknown_key(*k, top_level_keys);
            }
        }
    }

  private:
    /// A number through the one checked conversion; reports and returns nullopt if it does not
    /// fit the key's range.
    std::optional<double> checked(const Node& v, std::string_view key, const NumberRange& range) {
        CheckedNumber n;
        n.problem = NumberProblem::not_a_number;
        if (v.is_scalar() && !v.quoted) n = check_number(v.value, range);
        if (n.ok()) return n.value;
        std::string range_text = describe_range(range);
        const char* kind_en = range.whole ? "a whole number" : "a number";
        const char* kind_ja = range.whole ? "整数" : "数値";
        Text advice;
        if (v.is_scalar() && n.problem == NumberProblem::not_a_number) {
            if (auto spelling = read_number_spelling(v.value, range))
                advice = number_spelling_advice(*spelling, range);
        }
        error(v.pos,
              {fmt::format("\"{}\" must be {} in {}, not \"{}\"{}{}", key, kind_en, range_text,
                           v.value, advice.empty() ? "" : ": ", advice.en),
               fmt::format("「{}」は {} の{}で書いてください (「{}」になっています){}{}", key,
                           range_text, kind_ja, v.value, advice.empty() ? "" : "。", advice.ja)});
        return std::nullopt;
    }

    void unknown_key(const Node& key, const std::vector<std::string_view>& known) {
        auto guess = closest_match(key.value, known);
        std::string list = fmt::format("{}", fmt::join(known, ", "));
        error(key.pos, {fmt::format("unknown key \"{}\"{} (known keys: {})", key.value,
                                    did_you_mean_en(guess), list),
                        fmt::format("未知のキー「{}」です{} (使えるキー: {})", key.value,
                                    did_you_mean_ja(guess), list)});
    }

    void read_rules(const Node& node) {
        auto items = entries(node, "rules");
        if (!items) return;
        Config& c = result.config;
        for (const auto& [k, v] : *items) {
            if (rules::find_rule(k->value) == nullptr) {
                auto guess = closest_match(k->value, rules::rule_ids());
                error(
                    k->pos,
                    {fmt::format("unknown rule \"{}\"{}", k->value, did_you_mean_en(guess)),
                     fmt::format("ルール「{}」はありません{}", k->value, did_you_mean_ja(guess))});
                continue;
            }
            auto level = choice(*v, k->value, rule_levels);
            if (!level) continue;
            if (*level == "off") {
                c.disabled_rules.insert(k->value);
            } else {
                c.severity_overrides[k->value] = *parse_severity(*level);
            }
        }
    }

    /// ignore: a list of globs (one glob alone is read as a list of one).
    void read_ignore(const Node& node) {
        std::vector<const Node*> items;
        if (node.is_sequence()) {
            items = node.items;
        } else if (node.is_scalar()) {
            items.push_back(&node);
        } else {
            error(node.pos, {"\"ignore\" must be a list of globs, e.g. [\"vendor/**\"]",
                             "「ignore」はグロブのリストで書いてください (例: [\"vendor/**\"])"});
            return;
        }
        for (const Node* item : items) {
            if (!item->is_scalar() || item->value.empty()) {
                error(item->pos,
                      {"each \"ignore\" entry must be a glob such as \"vendor/**\"",
                       "「ignore」の各項目は \"vendor/**\" のようなグロブで書いてください"});
                continue;
            }
            result.config.ignore.push_back(item->value);
        }
    }

    void read_thresholds(const Node& node) {
        auto items = entries(node, "thresholds");
        if (!items) return;
        std::vector<std::string_view> known;
        for (const auto& f : threshold_fields) known.push_back(f.key);
        for (const auto& [k, v] : *items) {
            const ThresholdField* field = nullptr;
            for (const auto& f : threshold_fields) {
                if (f.key == k->value) field = &f;
            }
            if (field == nullptr) {
                unknown_key(*k, known);
                continue;
            }
            bool integer = std::holds_alternative<int rules::Thresholds::*>(field->member);
            // A threshold whose range is 0..1 is a share: "80%" stands for 0.8.
            bool share = field->minimum == 0 && field->maximum == 1;
            auto n =
                checked(*v, k->value, NumberRange{field->minimum, field->maximum, integer, share});
            if (!n) continue;
            if (integer) {
                result.config.thresholds.*std::get<int rules::Thresholds::*>(field->member) =
                    static_cast<int>(*n);  // within the field's range, which fits an int
            } else {
                result.config.thresholds.*std::get<double rules::Thresholds::*>(field->member) = *n;
            }
        }
    }

    /// spf_includes: {DOMAIN: {nested_lookups: N, measured: YYYY-MM-DD, source: "...", vendor:
    /// "..."}}: what an include costs beneath its own lookup, replacing the bundled catalogue's
    /// entry. The date and the source are required so the figure stays as traceable as the
    /// bundled ones.
    void read_spf_includes(const Node& node) {
        auto items = entries(node, "spf_includes");
        if (!items) return;
        std::vector<mail::IncludeCost> overrides;
        for (const auto& [k, v] : *items) {
            mail::IncludeCost cost;
            cost.domain = k->value;
            for (char& ch : cost.domain)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            auto fields = entries(*v, k->value);
            if (!fields) continue;
            bool has_count = false, ok = true;
            for (const auto& [fk, fv] : *fields) {
                const std::string& name = fk->value;
                if (name == "nested_lookups") {
                    auto n = checked(*fv, name, NumberRange{0.0, 100.0, true});
                    if (!n) {
                        ok = false;
                        continue;
                    }
                    cost.nested_lookups = static_cast<int>(*n);  // 0..100, whole: exact
                    has_count = true;
                } else if (name == "measured" || name == "source" || name == "vendor") {
                    if (!fv->is_scalar() || fv->value.empty()) {
                        error(fv->pos, {fmt::format("\"{}\" must be text", name),
                                        fmt::format("「{}」は文字列で書いてください", name)});
                        ok = false;
                        continue;
                    }
                    if (name == "measured") {
                        CheckedDate date = check_date(fv->value);
                        if (!date.ok()) {
                            error(fv->pos,
                                  date_message(fv->value, date, {"in \"measured\"", "measured"}));
                            ok = false;
                            continue;
                        }
                    }
                    (name == "measured" ? cost.measured
                     : name == "source" ? cost.source
                                        : cost.vendor) = fv->value;
                } else {
                    unknown_key(*fk, spf_include_keys);
                    ok = false;
                }
            }
            if (ok && (!has_count || cost.measured.empty() || cost.source.empty())) {
                error(v->pos, {fmt::format("spf_includes entry \"{}\" needs nested_lookups, "
                                           "measured (the date) and source",
                                           k->value),
                               fmt::format("spf_includes の「{}」には nested_lookups・measured "
                                           "(日付)・source が必要です",
                                           k->value)});
                ok = false;
            }
            if (ok) overrides.push_back(std::move(cost));
        }
        result.config.thresholds.spf_includes = mail::merge_catalogue(overrides);
    }

    const SourceFile& source_;
};

}  // namespace

std::string ConfigError::format(Lang lang) const {
    if (!pos.known()) return fmt::format("{}: {}", path, message.in(lang));
    return fmt::format("{}:{}:{}: {}", path, pos.line, pos.column, message.in(lang));
}

LoadedConfig parse_config(SourceFilePtr source) {
    ConfigReader reader(*source);
    reader.result.config.path = source->path();
    // A file of comments only (a placeholder) is a valid, empty configuration.
    bool only_comments = true;
    for (std::uint32_t n = 1; n <= source->line_count() && only_comments; ++n) {
        std::string_view line = source->line(n);
        auto first = line.find_first_not_of(" \t\r");
        only_comments = first == std::string_view::npos || line[first] == '#';
    }
    if (only_comments) return std::move(reader.result);
    yaml::ParseResult parsed = yaml::parse(source);
    if (parsed.error) {
        reader.error(parsed.error->pos, parsed.error->message);
        return std::move(reader.result);
    }
    reader.read(*parsed.document->root);
    return std::move(reader.result);
}

LoadedConfig load_config(const fs::path& path) {
    yaml::ReadResult read = yaml::read_source(path.string());
    if (read.error) {
        LoadedConfig result;
        result.config.path = path.string();
        result.errors.push_back(
            ConfigError{path.string(), read.error->pos, read.error->message, true});
        return result;
    }
    return parse_config(read.source);
}

std::optional<fs::path> find_config(fs::path dir) {
    auto found = find_config(RealFileSystem{}, dir.string());
    if (!found) return std::nullopt;
    return fs::path(*found);
}

std::vector<ThresholdValue> threshold_values(const rules::Thresholds& t) {
    const rules::Thresholds defaults;
    std::vector<ThresholdValue> out;
    for (const ThresholdField& f : threshold_fields) {
        auto read = [&](const rules::Thresholds& from) {
            return std::visit([&](auto member) { return static_cast<double>(from.*member); },
                              f.member);
        };
        out.push_back({f.key, read(t), read(defaults)});
    }
    return out;
}

ValidateOptions validate_options(const Config& config, std::optional<bool> inline_suppressions) {
    ValidateOptions options;
    options.thresholds = config.thresholds;
    options.disabled_rules = config.disabled_rules;
    options.severity_overrides = config.severity_overrides;
    options.inline_suppressions =
        inline_suppressions.value_or(config.inline_suppressions.value_or(true));
    if (config.max_findings_per_rule) options.max_findings_per_rule = *config.max_findings_per_rule;
    return options;
}

}  // namespace maplan::config
