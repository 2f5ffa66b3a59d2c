// `ma-plan lists ...`: customer lists on a SQLite workspace (step 5). Thin: parse flags into a
// ListsConfig, call lib/lists, print the result in the user's language.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>

#include "cli.hpp"
#include "core/errors.hpp"
#include "lists/audit.hpp"
#include "lists/exclusions.hpp"
#include "lists/extract.hpp"
#include "lists/fields.hpp"
#include "lists/import.hpp"
#include "lists/normalize.hpp"
#include "lists/workspace.hpp"

namespace maplan::cli {

namespace {

using namespace maplan::lists;

constexpr const char* default_db = "ma-plan-lists.sqlite";

struct CommonOptions {
    std::string db = default_db;
    int busy_timeout_ms = 5000;
};

void add_common(CLI::App* cmd, CommonOptions& o) {
    cmd->add_option("--db", o.db, "Workspace database / ワークスペースのデータベース")
        ->capture_default_str();
    cmd->add_option("--busy-timeout", o.busy_timeout_ms,
                    "Milliseconds to wait for another run's lock / 他の実行のロックを待つミリ秒")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
}

Workspace open_ws(const CommonOptions& o) {
    return Workspace::open(o.db, OpenOptions{.busy_timeout_ms = o.busy_timeout_ms});
}

std::optional<Encoding> encoding_option(const std::string& name, bool allow_auto) {
    if (allow_auto && (name.empty() || name == "auto")) return std::nullopt;
    auto e = parse_encoding(name);
    if (!e) {
        throw UsageError(
            {fmt::format("unknown encoding \"{}\" (use utf-8, utf-8-bom or cp932)", name),
             fmt::format("不明な文字コード「{}」(utf-8、utf-8-bom、cp932 のいずれか)", name)});
    }
    return e;
}

/// A one-line progress bar on stderr: only on a terminal, and only once the work has taken more
/// than half a second (short runs stay quiet).
class ProgressBar {
  public:
    ProgressBar(std::ostream& err, TextRef label, Lang lang)
        : err_(err),
          label_(label.in(lang)),
          enabled_(::isatty(STDERR_FILENO) != 0),
          start_(std::chrono::steady_clock::now()) {
        // Test hook: stop half-way so a test can SIGKILL the process at a known point.
        const char* pause_env = std::getenv("MA_PLAN_LISTS_TEST_PAUSE");
        pause_ = pause_env != nullptr && std::string_view(pause_env) == "1";
    }
    ~ProgressBar() {
        if (shown_) err_ << "\r\033[K" << std::flush;
    }
    ProgressFn fn() {
        return [this](std::size_t done, std::size_t total) { update(done, total); };
    }

  private:
    void update(std::size_t done, std::size_t total) {
        if (pause_ && done >= total / 2 && done < total) {
            std::fputs("paused\n", stderr);
            std::fflush(stderr);
            for (;;) ::pause();
        }
        if (!enabled_ || total == 0) return;
        auto elapsed = std::chrono::steady_clock::now() - start_;
        if (!shown_ && elapsed < std::chrono::milliseconds(500)) return;
        shown_ = true;
        const int width = 30;
        const int filled = static_cast<int>(width * done / total);
        err_ << fmt::format("\r{} [{}{}] {:3}%", label_, std::string(filled, '#'),
                            std::string(width - filled, ' '), 100 * done / total)
             << std::flush;
    }
    std::ostream& err_;
    std::string_view label_;
    bool enabled_;
    bool shown_ = false;
    bool pause_ = false;
    std::chrono::steady_clock::time_point start_;
};

std::vector<std::pair<std::string, std::string>> parse_map(const std::vector<std::string>& items) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& item : items) {
        std::size_t start = 0;
        while (start <= item.size()) {
            std::size_t comma = item.find(',', start);
            if (comma == std::string::npos) comma = item.size();
            std::string pair = item.substr(start, comma - start);
            start = comma + 1;
            if (pair.empty()) continue;
            auto eq = pair.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
                throw UsageError(
                    {fmt::format("--map expects field=column, got \"{}\"", pair),
                     fmt::format("--map は 項目=列名 の形で指定します(「{}」)", pair)});
            }
            std::string field = pair.substr(0, eq);
            if (!field.starts_with("channel.") && !parse_field(field)) {
                std::string known;
                for (const auto& f : all_fields())
                    known += (known.empty() ? "" : ", ") + std::string(f.id);
                throw UsageError(
                    {fmt::format("unknown field \"{}\" in --map (known: {}, channel.NAME)", field,
                                 known),
                     fmt::format("--map の項目「{}」は不明です(使える項目: {}、channel.名前)",
                                 field, known)});
            }
            out.emplace_back(field, pair.substr(eq + 1));
        }
    }
    return out;
}

void print_waterfall(Context& ctx, const Waterfall& w, const std::string& format) {
    if (format == "json") {
        ctx.out << render_waterfall_json(w) << "\n";
    } else {
        ctx.out << render_waterfall_markdown(w, ctx.lang());
    }
}

struct ConsentFlags {
    bool allow_missing = false;
    std::vector<std::string> channels;
};

void add_policy(CLI::App* cmd, ConsentFlags& f) {
    cmd->add_flag(
        "--allow-missing-consent", f.allow_missing,
        "Treat contacts with no recorded consent as contactable (only where an exception "
        "of the Act on Specified Electronic Mail applies) / 同意の記録がない連絡先も配信可能"
        "とする(特定電子メール法の例外に当たる場合のみ)");
    cmd->add_option(
        "--channel", f.channels,
        "Declared channel whose customer ID every contact should have / 顧客 ID を必須と"
        "するチャネル");
}

ListsConfig config_from(const ConsentFlags& f) {
    ListsConfig config;
    config.consent.require_opt_in = !f.allow_missing;
    config.channels = f.channels;
    return config;
}

}  // namespace

void register_lists_commands(CLI::App& app, Context& ctx) {
    auto* lists = app.add_subcommand(
        "lists", "Customer lists: import, exclusions, consent, audit, extract / 顧客リストの管理");
    lists->require_subcommand(1);

    // ---- init ----
    auto* init =
        lists->add_subcommand("init", "Create a workspace (mode 0600) / ワークスペースを作成");
    auto init_opts = std::make_shared<CommonOptions>();
    add_common(init, *init_opts);
    init->callback([&ctx, init_opts] {
        auto ws = Workspace::create(init_opts->db,
                                    OpenOptions{.busy_timeout_ms = init_opts->busy_timeout_ms});
        ctx.out
            << (ctx.lang() == Lang::ja
                    ? fmt::format(
                          "ワークスペースを作成しました: {}(スキーマ {}、所有者のみ読み書き可)\n",
                          init_opts->db, ws.schema_version())
                    : fmt::format("created workspace {} (schema {}, readable by its owner only)\n",
                                  init_opts->db, ws.schema_version()));
    });

    // ---- import ----
    struct ImportFlags {
        CommonOptions common;
        std::string file, source, preset, encoding = "auto", consent_source;
        std::vector<std::string> map;
    };
    auto im = std::make_shared<ImportFlags>();
    auto* import = lists->add_subcommand(
        "import",
        "Import a CSV export as one all-or-nothing batch / CSV を一括で取り込み(全件か無し)");
    add_common(import, im->common);
    import->add_option("FILE", im->file, "CSV file / CSV ファイル")->required();
    import->add_option("--source", im->source, "Source name, e.g. crm / データソース名")
        ->required();
    import->add_option(
        "--preset", im->preset,
        "Column preset: generic, salesforce, hubspot, marketo, eloqua / 列のプリセット");
    import->add_option(
        "--map", im->map,
        "field=column[,field=column...]; fields: id email company last_name first_name "
        "name phone consent consent_source consent_at consent_notice opted_out "
        "channel.NAME / 項目と列名の対応");
    import->add_option("--encoding", im->encoding, "auto, utf-8 or cp932 / 文字コード")
        ->capture_default_str();
    import->add_option(
        "--consent-source", im->consent_source,
        "Consent source stored when the file has no such column / 同意の取得方法(列がない場合)");
    import->callback([&ctx, im] {
        SourceConfig source;
    source.name = im->source;
    source.preset = im->preset;
    source.encoding = encoding_option(im->encoding, true);
    source.columns = parse_map(im->map);
    source.default_consent_source = im->consent_source;
    auto ws = open_ws(im->common);
    ImportSummary s;
    {
        ProgressBar bar(ctx.err, {"importing", "取り込み中"}, ctx.lang());
        s = import_contacts(ws, im->file, source, bar.fn());
    }
    std::string mapping;
    for (const auto& [field, column] : s.mapping) {
        mapping += fmt::format("{}{}←{}", mapping.empty() ? "" : ", ", field, column);
    }
    if (ctx.lang() == Lang::ja) {
        ctx.out << fmt::format(
            "{}: {} を取り込みました({}): {} 行 — 新規 {}、変更 {}、変更なし {}\n"
            "  列の対応: {}\n",
            s.source, s.file.string(), encoding_name(s.encoding), s.rows, s.new_rows,
            s.changed_rows, s.unchanged_rows, mapping);
        if (s.invalid_emails + s.missing_consent > 0)
            ctx.out << fmt::format(
                "  不正なアドレス {} 件、同意の記録なし {} 件(ma-plan lists audit で確認)\n",
                s.invalid_emails, s.missing_consent);
    } else {
        ctx.out << fmt::format(
            "{}: imported {} ({}): {} rows — {} new, {} changed, {} unchanged\n"
            "  columns: {}\n",
            s.source, s.file.string(), encoding_name(s.encoding), s.rows, s.new_rows,
            s.changed_rows, s.unchanged_rows, mapping);
        if (s.invalid_emails + s.missing_consent > 0)
            ctx.out << fmt::format(
                "  {} invalid addresses, {} without consent (see ma-plan lists audit)\n",
                s.invalid_emails, s.missing_consent);
    }
});

// ---- exclude ----
struct ExcludeFlags {
    CommonOptions common;
    std::string file, reason, column, encoding = "auto";
    std::vector<std::string> domains, roles;
    bool role_defaults = false;
};
auto ex = std::make_shared<ExcludeFlags>();
auto* exclude = lists->add_subcommand(
    "exclude",
    "Add global exclusions: a file of addresses, domains, role addresses / 全体除外を追加");
add_common(exclude, ex->common);
exclude->add_option("FILE", ex->file, "CSV of addresses or domains / アドレスまたはドメインの CSV");
exclude
    ->add_option("--reason", ex->reason,
                 "optout, bounce, competitor, internal, complaint, legal, other ... / 理由")
    ->required();
exclude->add_option("--column", ex->column, "Column holding the addresses / アドレスの列");
exclude->add_option("--encoding", ex->encoding, "auto, utf-8 or cp932 / 文字コード")
    ->capture_default_str();
exclude->add_option("--domain", ex->domains, "Exclude a whole domain / ドメイン全体を除外");
exclude->add_option("--role", ex->roles,
                    "Exclude a role local part, e.g. info / 役割アドレスを除外");
exclude->add_flag(
    "--role-defaults", ex->role_defaults,
    "Exclude the usual role addresses (info@, sales@ ...) / 一般的な役割アドレスを除外");
exclude->callback([&ctx, ex] {
    if (ex->file.empty() && ex->domains.empty() && ex->roles.empty() && !ex->role_defaults) {
        throw UsageError({"give a FILE, --domain, --role or --role-defaults",
                          "FILE、--domain、--role、--role-defaults のいずれかを指定してください"});
    }
    auto ws = open_ws(ex->common);
    const bool ja = ctx.lang() == Lang::ja;
    if (!ex->file.empty()) {
        auto s = exclude_from_file(ws, ex->file, ex->reason, ex->column,
                                   encoding_option(ex->encoding, true));
        ctx.out
            << (ja ? fmt::format(
                         "{}: {} 件を除外に追加(理由 {}、うちドメイン {} 件、既に除外済み {} 件)\n",
                         s.file.string(), s.added, s.reason, s.domains, s.already)
                   : fmt::format("{}: added {} exclusions (reason {}, {} of them domains; {} "
                                 "already excluded)\n",
                                 s.file.string(), s.added, s.reason, s.domains, s.already));
    }
    ExclusionRules rules;
    for (const auto& d : ex->domains) rules.domains.emplace_back(d, ex->reason);
    for (const auto& r : ex->roles) rules.role_locals.emplace_back(r, ex->reason);
    if (ex->role_defaults) {
        for (const auto& r : default_role_locals()) rules.role_locals.emplace_back(r, ex->reason);
    }
    if (!rules.domains.empty() || !rules.role_locals.empty()) {
        auto n = add_exclusion_rules(ws, rules);
        ctx.out << (ja ? fmt::format("除外ルールを {} 件追加・更新しました(理由 {})\n", n,
                                     ex->reason)
                       : fmt::format("added or updated {} exclusion rules (reason {})\n", n,
                                     ex->reason));
    }
});

// ---- audit ----
struct AuditFlags {
    CommonOptions common;
    ConsentFlags policy;
    std::string format = "md";
    bool show_pii = false;
};
auto au = std::make_shared<AuditFlags>();
auto* audit = lists->add_subcommand(
    "audit", "Report problems in the customer master / 顧客マスタの問題を報告");
add_common(audit, au->common);
add_policy(audit, au->policy);
audit->add_option("--format", au->format, "md or json")
    ->check(CLI::IsMember({"md", "json"}))
    ->capture_default_str();
audit->add_flag("--show-pii", au->show_pii,
                "Show example addresses and names unmasked / 例のアドレスと氏名を伏せずに表示");
audit->callback([&ctx, au] {
    auto ws = open_ws(au->common);
    AuditReport report;
    {
        ProgressBar bar(ctx.err, {"auditing", "監査中"}, ctx.lang());
        report = build_audit(ws, config_from(au->policy), au->show_pii, bar.fn());
    }
    ctx.out << (au->format == "json" ? render_audit_json(report, ctx.lang())
                                     : render_audit_markdown(report, ctx.lang()));
});

// ---- extract ----
struct ExtractFlags {
    CommonOptions common;
    ConsentFlags policy;
    std::string out, encoding = "utf-8", format = "md";
};
auto et = std::make_shared<ExtractFlags>();
auto* extract = lists->add_subcommand(
    "extract", "Write the contactable customers as CSV / 配信可能な顧客を CSV に出力");
add_common(extract, et->common);
add_policy(extract, et->policy);
extract->add_option("--out", et->out, "Output CSV / 出力する CSV")->required();
extract->add_option("--encoding", et->encoding, "utf-8, utf-8-bom (Excel) or cp932 / 文字コード")
    ->capture_default_str();
extract->add_option("--format", et->format, "Waterfall summary: md or json / 内訳の形式")
    ->check(CLI::IsMember({"md", "json"}))
    ->capture_default_str();
extract->callback([&ctx, et] {
    const Encoding enc = *encoding_option(et->encoding, false);
    auto ws = open_ws(et->common);
    ExtractSummary s;
    {
        ProgressBar bar(ctx.err, {"extracting", "抽出中"}, ctx.lang());
        s = extract_contactable(ws, config_from(et->policy), et->out, enc, bar.fn());
    }
    if (et->format == "json") {
        print_waterfall(ctx, s.waterfall, "json");
        return;
    }
    ctx.out << (ctx.lang() == Lang::ja
                    ? fmt::format("{} に配信可能な連絡先 {} 件を書き出しました({})\n\n", et->out,
                                  s.waterfall.contactable, encoding_name(enc))
                    : fmt::format("wrote {} contactable contacts to {} ({})\n\n",
                                  s.waterfall.contactable, et->out, encoding_name(enc)));
    print_waterfall(ctx, s.waterfall, "md");
});

// ---- check ----
auto ck = std::make_shared<CommonOptions>();
auto* check = lists->add_subcommand("check", "Run SQLite's integrity check / 整合性チェック");
add_common(check, *ck);
check->callback([&ctx, ck] {
    auto ws = open_ws(*ck);
    const std::string result = ws.integrity_check();
    if (result == "ok") {
        ctx.out << (ctx.lang() == Lang::ja
                        ? fmt::format("{}: 整合性に問題はありません(スキーマ {})\n", ck->db,
                                      ws.schema_version())
                        : fmt::format("{}: integrity ok (schema {})\n", ck->db,
                                      ws.schema_version()));
        return;
    }
    throw IoError(
        {fmt::format("{}: error: integrity check failed:\n{}", ck->db, result),
         fmt::format("{}: エラー: 整合性チェックで問題が見つかりました:\n{}", ck->db, result)});
});

// ---- status ----
auto st = std::make_shared<CommonOptions>();
auto* status =
    lists->add_subcommand("status", "Show sources and recent batches / ソースと取り込み履歴");
add_common(status, *st);
status->callback([&ctx, st] {
    auto ws = open_ws(*st);
    const bool ja = ctx.lang() == Lang::ja;
    auto q = ws.prepare(
        "SELECT b.id, b.kind, coalesce(s.name, ''), b.file, b.encoding, b.started_at, b.rows, "
        "b.new_rows, b.changed_rows, b.unchanged_rows FROM batches b LEFT JOIN sources s ON "
        "s.id = b.source_id ORDER BY b.id");
    ctx.out << (ja ? "| # | 種類 | ソース | ファイル | 文字コード | 日時 | 行数 | 新規 | 変更 | "
                     "変更なし |\n"
                   : "| # | kind | source | file | encoding | at | rows | new | changed | "
                     "unchanged |\n");
    ctx.out << "|---:|---|---|---|---|---|---:|---:|---:|---:|\n";
    while (q.step()) {
        ctx.out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                               q.integer(0), q.text(1), markdown_cell(q.text(2)),
                               markdown_cell(q.text(3)), q.text(4), q.text(5), q.integer(6),
                               q.integer(7), q.integer(8), q.integer(9));
    }
});
}  // namespace maplan::cli

}  // namespace maplan::cli
