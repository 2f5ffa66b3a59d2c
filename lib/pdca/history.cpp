#include "pdca/history.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/escape.hpp"
#include "core/json_writer.hpp"
#include "reports/checklist.hpp"
#include "rules/validate.hpp"

namespace maplan::pdca {

namespace {

/// Readiness of one commit's version of the plan, judged by the calendar of that commit's day.
HistoryPoint judge(const CommitInfo& c, std::optional<std::string> blob) {
    HistoryPoint point;
    point.commit = c;
    if (!blob) {
        // The commit deleted the file (log lists deletions too), or git could not read it.
        point.readable = false;
        point.problem = {"not readable in this commit", "このコミットでは読めません"};
        return point;
    }
    std::string label = c.hash.substr(0, 12) + ":" + c.path;
    FileResult result = validate_source(std::make_shared<const SourceFile>(label, std::move(*blob)),
                                        ValidateOptions{});
    if (result.fatal) {
        point.readable = false;
        const auto& e = *result.fatal;
        point.problem = {fmt::format("{}:{}: {}", e.pos.line, e.pos.column, e.message.en),
                         fmt::format("{}:{}: {}", e.pos.line, e.pos.column, e.message.ja)};
        return point;
    }
    auto date = reports::parse_date(c.date);
    point.status = reports::build_status(
        reports::build_checklist(*result.project, date.value_or(reports::Date{})), result.findings);
    return point;
}

}  // namespace

History build_history(const std::string& plan, const HistoryOptions& options) {
    History history;
    history.plan = plan;
    std::vector<CommitInfo> commits = log_follow(plan, options.since, options.max);
    if (commits.empty()) {
        if (!options.since.empty()) return history;  // nothing since that date is an answer
        throw IoError({fmt::format("{}: no commit in this repository touches this file", plan),
                       fmt::format("{}: このファイルを含むコミットがありません", plan)});
    }
    std::vector<std::optional<std::string>> blobs = read_blobs(repository_root(plan), commits);
    history.points.resize(commits.size());
    // Commits are independent, so they are validated over all cores; each worker takes the next
    // index and writes only its own slot, so the order stays git's.
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        for (std::size_t i; (i = next++) < commits.size();) {
            try {
                history.points[i] = judge(commits[i], std::move(blobs[i]));
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, commits.size()));
    std::vector<std::jthread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    threads.clear();  // joins
    if (failure) std::rethrow_exception(failure);
    return history;
}

namespace {

std::string percent_text(int percent) {
    return percent < 0 ? std::string("–") : fmt::format("{}%", percent);
}

const reports::StepStatus* step_of(const reports::StatusReport& s, int step) {
    for (const reports::StepStatus& st : s.steps) {
        if (st.step == step) return &st;
    }
    return nullptr;
}

/// Overall readiness change against the next older readable commit: "+5", "-3", "±0", or empty
/// for the oldest.
std::string trend(const History& h, std::size_t index) {
    const HistoryPoint& p = h.points[index];
    if (!p.readable) return {};
    for (std::size_t i = index + 1; i < h.points.size(); ++i) {
        if (!h.points[i].readable) continue;
        int now = p.status.total.percent();
        int before = h.points[i].status.total.percent();
        if (now < 0 || before < 0) return {};
        int delta = now - before;
        return delta == 0 ? "±0" : fmt::format("{:+}", delta);
    }
    return {};
}

struct Row {
    std::vector<std::string> cells;
};

std::vector<std::string> header(Lang lang) {
    std::vector<std::string> h = {
        std::string(TextRef{"date", "日付"}.in(lang)),
        std::string(TextRef{"commit", "コミット"}.in(lang)),
        std::string(TextRef{"author", "作成者"}.in(lang)),
        std::string(TextRef{"subject", "件名"}.in(lang)),
        std::string(TextRef{"readiness", "準備度"}.in(lang)),
        std::string(TextRef{"trend", "推移"}.in(lang)),
    };
    for (int step = 1; step <= 7; ++step) h.push_back(fmt::format("{}", step));
    h.push_back(std::string(TextRef{"errors", "エラー"}.in(lang)));
    h.push_back(std::string(TextRef{"warnings", "警告"}.in(lang)));
    h.push_back(std::string(TextRef{"infos", "情報"}.in(lang)));
    h.push_back(std::string(TextRef{"overdue", "期限切れ"}.in(lang)));
    return h;
}

std::vector<std::string> cells(const History& h, std::size_t i, Lang lang) {
    const HistoryPoint& p = h.points[i];
    std::vector<std::string> row = {p.commit.date, p.commit.hash.substr(0, 7), p.commit.author,
                                    p.commit.subject};
    if (!p.readable) {
        row.push_back(
            fmt::format("{} ({})", TextRef{"unreadable", "読込不可"}.in(lang), p.problem.in(lang)));
        for (int k = 0; k < 1 + 7 + 4; ++k) row.emplace_back();
        return row;
    }
    row.push_back(percent_text(p.status.total.percent()));
    row.push_back(trend(h, i));
    for (int step = 1; step <= 7; ++step) {
        const reports::StepStatus* st = step_of(p.status, step);
        row.push_back(st ? percent_text(st->percent()) : "–");
    }
    row.push_back(std::to_string(p.status.total.errors));
    row.push_back(std::to_string(p.status.total.warnings));
    row.push_back(std::to_string(p.status.total.infos));
    row.push_back(std::to_string(p.status.overdue.size()));
    return row;
}

std::string render_markdown(const History& h, Lang lang) {
    std::string out = fmt::format("# {}: {}\n\n", TextRef{"Plan history", "プランの履歴"}.in(lang),
                                  markdown_escape(h.plan));
    if (h.points.empty()) {
        return out +
               std::string(
                   TextRef{"No commits in this range.\n", "この期間のコミットはありません。\n"}.in(
                       lang));
    }
    out +=
        std::string(TextRef{"Newest first. Readiness is done / total checklist items; steps "
                            "1–7 as in `ma-plan status`; overdue as of each commit's date.\n\n",
                            "新しい順。準備度はチェックリスト項目の完了率、1–7 はステップ別 "
                            "(`ma-plan status` と同じ)、期限切れは各コミットの日付時点。\n\n"}
                        .in(lang));
    auto line = [&](const std::vector<std::string>& cells) {
        out += "|";
        for (const std::string& c : cells) out += " " + markdown_escape(c) + " |";
        out += "\n";
    };
    std::vector<std::string> head = header(lang);
    line(head);
    out += "|";
    for (std::size_t i = 0; i < head.size(); ++i) out += i < 4 ? "---|" : "--:|";
    out += "\n";
    for (std::size_t i = 0; i < h.points.size(); ++i) line(cells(h, i, lang));
    return out;
}

std::string render_csv(const History& h, Lang lang) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += (i ? "," : "") + csv_field(cells[i]);
        }
        out += "\r\n";
    };
    line(header(lang));
    for (std::size_t i = 0; i < h.points.size(); ++i) line(cells(h, i, lang));
    return out;
}

std::string render_json(const History& h, Lang lang) {
    JsonWriter w;
    w.begin_object().key("plan").value(h.plan).key("commits").begin_array();
    for (std::size_t i = 0; i < h.points.size(); ++i) {
        const HistoryPoint& p = h.points[i];
        w.begin_object();
        w.key("commit").value(p.commit.hash);
        w.key("date").value(p.commit.date);
        w.key("author").value(p.commit.author);
        w.key("subject").value(p.commit.subject);
        w.key("path").value(p.commit.path);
        w.key("readable").value(p.readable);
        if (!p.readable) {
            w.key("problem").value(p.problem.in(lang)).end_object();
            continue;
        }
        int total = p.status.total.percent();
        w.key("readiness");
        total < 0 ? w.null() : w.value(total);
        w.key("steps").begin_array();
        for (const reports::StepStatus& st : p.status.steps) {
            w.begin_object().key("step").value(st.step);
            w.key("done").value(st.done).key("total").value(st.total);
            w.key("percent");
            st.percent() < 0 ? w.null() : w.value(st.percent());
            w.end_object();
        }
        w.end_array();
        w.key("findings").begin_object();
        w.key("error").value(p.status.total.errors);
        w.key("warning").value(p.status.total.warnings);
        w.key("info").value(p.status.total.infos);
        w.end_object();
        w.key("overdue").value(p.status.overdue.size());
        w.end_object();
    }
    w.end_array().end_object();
    return w.str();
}

}  // namespace

std::string render_history(const History& history, HistoryFormat format, Lang lang) {
    switch (format) {
        case HistoryFormat::markdown:
            return render_markdown(history, lang);
        case HistoryFormat::json:
            return render_json(history, lang);
        case HistoryFormat::csv:
            return render_csv(history, lang);
    }
    return render_markdown(history, lang);
}

}  // namespace maplan::pdca
