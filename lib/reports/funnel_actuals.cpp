#include "reports/funnel_actuals.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/errors.hpp"
#include "core/numbers.hpp"
#include "core/suggest.hpp"
#include "lists/table_reader.hpp"
#include "reports/funnel.hpp"

namespace maplan::reports {

namespace {

std::string trimmed(std::string_view s) {
    const char* ws = " \t\r\n";
    std::size_t b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool one_of(const std::string& header, std::initializer_list<std::string_view> names) {
    std::string h = lower(trimmed(header));
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return h == n; });
}

bool is_period(const std::string& h) {
    return one_of(h, {"period", "month", "期間", "月", "年月"});
}
bool is_stage(const std::string& h) {
    return one_of(h, {"stage", "lifecycle_stage", "ステージ", "段階"});
}
bool is_count(const std::string& h) {
    return one_of(h, {"count", "actual", "件数", "実績", "実績件数"});
}

std::string joined(const std::vector<std::string_view>& v) {
    std::string out;
    for (std::string_view s : v) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

class ActualsReader {
  public:
    ActualsReader(const std::filesystem::path& file, const Project& project)
        : file_(file), reader_(file, std::nullopt) {
        for (const LifecycleStage& s : project.lifecycle) stage_ids_.push_back(s.id.value);
    }

    /// (period, stage) → count, periods in file order.
    void read() {
        const std::vector<std::string>& header = reader_.header();
        std::optional<std::size_t> period_col, stage_col, count_col;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (!period_col && is_period(header[i]))
                period_col = i;
            else if (!stage_col && is_stage(header[i]))
                stage_col = i;
            else if (!count_col && is_count(header[i]))
                count_col = i;
        }
        if (!period_col) {
            throw lists::input_error(
                file_, 1, 1,
                {"no period column: the header must be `period,stage,count` (long form) or "
                 "`period,<stage IDs>` (wide form, e.g. period,inquiry,mql,sal,sql,won)",
                 "期間の列がありません。見出しは `期間,ステージ,件数` (縦持ち) か "
                 "`期間,<ステージ ID>` (横持ち。例: 期間,inquiry,mql,sal,sql,won) にしてください"});
        }
        if (stage_col || count_col) {
            if (!stage_col || !count_col) {
                throw lists::input_error(
                    file_, 1, 1,
                    {fmt::format("the long form needs the columns period, stage and count; "
                                 "\"{}\" is missing",
                                 stage_col ? "count" : "stage"),
                     fmt::format("縦持ちには 期間・ステージ・件数 の列が必要です。「{}」が"
                                 "ありません",
                                 stage_col ? "件数" : "ステージ")});
            }
            while (reader_.next()) {
                const auto& v = reader_.values();
                std::string period = cell_period(v[*period_col], *period_col);
                std::string stage = stage_id(trimmed(v[*stage_col]), reader_.row(), *stage_col);
                add(period, stage, trimmed(v[*count_col]), *count_col, *stage_col);
            }
        } else {
            std::vector<std::pair<std::size_t, std::string>> stages;
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (i == *period_col) continue;
                stages.emplace_back(i, stage_id(trimmed(header[i]), 1, i));
            }
            while (reader_.next()) {
                const auto& v = reader_.values();
                std::string period = cell_period(v[*period_col], *period_col);
                for (const auto& [col, stage] : stages) {
                    std::string text = trimmed(v[col]);
                    if (text.empty()) continue;  // no count for that stage in that period
                    add(period, stage, text, col, col);
                }
            }
        }
    }

    std::vector<std::string> periods;
    std::map<std::pair<std::string, std::string>, double> counts;

  private:
    std::string cell_period(std::string_view raw, std::size_t col) {
        std::string p = trimmed(raw);
        if (p.empty()) {
            reader_.fail(col + 1, {"the period is empty", "期間が空です"});
        }
        return p;
    }

    std::string stage_id(const std::string& text, std::size_t row, std::size_t col) {
        for (const std::string& id : stage_ids_) {
            if (lower(id) == lower(text)) return id;
        }
        std::vector<std::string_view> candidates(stage_ids_.begin(), stage_ids_.end());
        std::optional<std::string> near = closest_match(text, candidates);
        std::string hint_en = near ? fmt::format("; did you mean \"{}\"?", *near) : "";
        std::string hint_ja = near ? fmt::format("。「{}」のことですか?", *near) : "";
        throw lists::input_error(
            file_, row, col + 1,
            {fmt::format("unknown stage \"{}\"{} (the plan's lifecycle: {})", text, hint_en,
                         joined(candidates)),
             fmt::format("ステージ「{}」は計画のライフサイクルにありません{} (ライフサイクル: {})",
                         text, hint_ja, joined(candidates))});
    }

    void add(const std::string& period, const std::string& stage, const std::string& text,
             std::size_t count_col, std::size_t) {
        const NumberRange range{.minimum = 0, .maximum = std::nullopt, .whole = true};
        CheckedNumber n = check_number(text, range);
        if (!n.ok()) {
            Text why{"a whole number of 0 or more", "0 以上の整数"};
            if (auto spelling = read_number_spelling(text, range)) {
                Text advice = number_spelling_advice(*spelling, range);
                reader_.fail(
                    count_col + 1,
                    {fmt::format("the count must be {}, not \"{}\": {}", why.en, text, advice.en),
                     fmt::format("件数は{}で書いてください (「{}」になっています)。{}", why.ja,
                                 text, advice.ja)});
            }
            reader_.fail(
                count_col + 1,
                {fmt::format("the count must be {}, not \"{}\"", why.en, text),
                 fmt::format("件数は{}で書いてください (「{}」になっています)", why.ja, text)});
        }
        auto key = std::make_pair(period, stage);
        if (auto seen = rows_.find(key); seen != rows_.end()) {
            reader_.fail(
                count_col + 1,
                {fmt::format("period \"{}\", stage \"{}\" is given twice (first at row {})", period,
                             stage, seen->second),
                 fmt::format("期間「{}」・ステージ「{}」が重複しています (最初は {} 行目)", period,
                             stage, seen->second)});
        }
        rows_[key] = reader_.row();
        counts[key] = n.value;
        if (std::find(periods.begin(), periods.end(), period) == periods.end())
            periods.push_back(period);
    }

    std::filesystem::path file_;
    lists::TableReader reader_;
    std::vector<std::string> stage_ids_;
    std::map<std::pair<std::string, std::string>, std::size_t> rows_;
};

ActualCell cell(const FunnelPlan& plan, std::string period, const std::string& stage,
                double actual) {
    ActualCell c;
    c.period = std::move(period);
    c.stage = stage;
    c.actual = actual;
    c.plan = planned_volume(plan, stage);
    if (c.plan) {
        c.gap = actual - *c.plan;
        if (*c.plan > 0) c.gap_ratio = *c.gap / *c.plan;
    }
    return c;
}

}  // namespace

std::optional<double> planned_volume(const FunnelPlan& plan, const std::string& stage) {
    for (const FunnelStage& s : plan.stages) {
        if (s.id != stage) continue;
        if (s.required) return s.required;
        return s.kpi_target;
    }
    return std::nullopt;
}

FunnelActuals read_funnel_actuals(const std::filesystem::path& file, const Project& project,
                                  const FunnelPlan& plan, const std::string& period) {
    ActualsReader reader(file, project);
    reader.read();
    FunnelActuals out;
    out.file = file.string();
    out.periods = reader.periods;
    if (!period.empty()) {
        if (std::find(out.periods.begin(), out.periods.end(), period) == out.periods.end()) {
            std::vector<std::string_view> candidates(out.periods.begin(), out.periods.end());
            std::optional<std::string> near = closest_match(period, candidates);
            std::string hint_en = near ? fmt::format(" Did you mean \"{}\"?", *near) : "";
            std::string hint_ja = near ? fmt::format("「{}」のことですか?", *near) : "";
            throw UsageError({fmt::format("--period \"{}\" is not in {}.{} (periods: {})", period,
                                          file.string(), hint_en, joined(candidates)),
                              fmt::format("--period「{}」は {} にありません。{}(期間: {})", period,
                                          file.string(), hint_ja, joined(candidates))});
        }
        out.periods = {period};
    }
    for (const std::string& p : out.periods) {
        for (const LifecycleStage& s : project.lifecycle) {
            auto it = reader.counts.find({p, s.id.value});
            if (it != reader.counts.end())
                out.cells.push_back(cell(plan, p, s.id.value, it->second));
        }
    }
    if (out.periods.size() > 1) {
        for (const LifecycleStage& s : project.lifecycle) {
            double sum = 0;
            bool any = false;
            for (const ActualCell& c : out.cells) {
                if (c.stage != s.id.value) continue;
                sum += c.actual;
                any = true;
            }
            if (any) out.totals.push_back(cell(plan, "", s.id.value, sum));
        }
    }
    return out;
}

}  // namespace maplan::reports
