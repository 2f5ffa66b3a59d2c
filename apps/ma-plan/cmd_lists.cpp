// `ma-plan lists ...`: customer lists on a SQLite workspace (step 5). Thin: parse flags into a
// ListsConfig, call lib/lists, print the result in the user's language.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <memory>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/escape.hpp"
#include "lists/audit.hpp"
#include "lists/batches.hpp"
#include "lists/exclusions.hpp"
#include "lists/extract.hpp"
#include "lists/fields.hpp"
#include "lists/from_plan.hpp"
#include "lists/import.hpp"
#include "lists/normalize.hpp"
#include "lists/workspace.hpp"
#include "report_cli.hpp"
#include "run_options.hpp"
#include "xlsx/reports_xlsx.hpp"

namespace maplan::cli {

namespace {

using namespace maplan::lists;

constexpr const char* default_db = "ma-plan-lists.sqlite";

struct CommonOptions {
    std::string db = default_db;
    std::string plan;
    int busy_timeout_ms = 5000;
    CLI::Option* db_option = nullptr;
    RunOptions run;  ///< --config: the language of .ma-plan.yaml, as for every command

    /// --db, else beside the plan when --plan is given, else in the current directory.
    std::string db_path() const {
        if (db_option != nullptr && db_option->count() > 0) return db;
        if (!plan.empty()) return (std::filesystem::path(plan).parent_path() / default_db).string();
        return db;
    }
    /// The plan's step-5 section, or an empty config (everything from flags).
    ListsConfig config() const { return plan.empty() ? ListsConfig{} : load_lists_config(plan); }
};

void add_common(CLI::App* cmd, CommonOptions& o, Context& ctx) {
    o.db_option = cmd->add_option("--db", o.db,
                                  "Workspace database (default: beside --plan, else here) / "
                                  "ワークスペースのデータベース")
                      ->capture_default_str();
    cmd->add_option("--plan", o.plan,
                    "Plan YAML: data sources, exclusions, consent policy (step 5) / 計画ファイル");
    cmd->add_option("--busy-timeout", o.busy_timeout_ms,
                    "Milliseconds to wait for another run's lock / 他の実行のロックを待つミリ秒")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    add_config_option(cmd, o.run);
    // Before the command's own callback, so its first message is already in the configured
    // language: the plan's .ma-plan.yaml, else the working directory's.
    cmd->parse_complete_callback([&o, &ctx] {
        std::vector<std::string> inputs;
        if (!o.plan.empty()) inputs.push_back(o.plan);
        resolve(o.run, inputs, ctx);
    });
}

/// The plan, when one is named: an output must not replace it.
std::vector<std::filesystem::path> plan_inputs(const CommonOptions& o) {
    if (o.plan.empty()) return {};
    return {o.plan};
}

/// Audit reports and extracts hold personal data: 0600, never over the workspace or the plan.
OutputOptions output_options(const CommonOptions& o, const Workspace& ws) {
    OutputOptions options{.kind = OutputKind::personal_data, .inputs = ws.files()};
    for (auto& p : plan_inputs(o)) options.inputs.push_back(std::move(p));
    return options;
}

Workspace open_ws(const CommonOptions& o) {
    OpenOptions options{.busy_timeout_ms = o.busy_timeout_ms};
    // Test hook: a small page cache makes a test import spill pages to disk mid-transaction.
    if (const char* kib = std::getenv("MA_PLAN_LISTS_TEST_CACHE_KIB"))
        options.cache_kib = std::atoi(kib);
    return Workspace::open(o.db_path(), options);
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

ListsConfig config_from(const CommonOptions& common, const ConsentFlags& f) {
    ListsConfig config = common.config();
    if (f.allow_missing) config.consent.require_opt_in = false;
    for (const auto& ch : f.channels) config.channels.push_back(ch);
    return config;
}

}  // namespace

namespace {

void add_init(CLI::App* lists, Context& ctx) {
    auto* cmd =
        lists->add_subcommand("init", "Create a workspace (mode 0600) / ワークスペースを作成");
    auto o = std::make_shared<CommonOptions>();
    add_common(cmd, *o, ctx);
    cmd->callback([&ctx, o] {
        const std::string db = o->db_path();
        const ListsConfig plan = o->config();  // read before creating: a bad plan leaves no file
        auto ws = Workspace::create(db, OpenOptions{.busy_timeout_ms = o->busy_timeout_ms});
        ctx.out
            << (ctx.lang() == Lang::ja
                    ? fmt::format(
                          "ワークスペースを作成しました: {}(スキーマ {}、所有者のみ読み書き可)\n",
                          db, ws.schema_version())
                    : fmt::format("created workspace {} (schema {}, readable by its owner only)\n",
                                  db, ws.schema_version()));
        if (const std::size_t n = add_exclusion_rules(ws, plan.exclusions); n > 0) {
            ctx.out << (ctx.lang() == Lang::ja
                            ? fmt::format("計画の除外ルール {} 件を保存しました\n", n)
                            : fmt::format("stored {} exclusion rules from the plan\n", n));
        }
    });
}

struct ImportFlags {
    CommonOptions common;
    std::string file, source, preset, encoding = "auto", consent_source;
    std::vector<std::string> map, allow_dropped;
    std::vector<std::string> ignore_columns;
    bool new_source = false;
    bool show_pii = false;
};

SourceConfig source_from(const ImportFlags& f) {
    SourceConfig source;
    if (!f.common.plan.empty()) {
        const ListsConfig plan = f.common.config();
        const SourceConfig* declared = find_source(plan, f.source);
        if (declared == nullptr) {
            std::string known;
            for (const auto& s : plan.sources) known += (known.empty() ? "" : ", ") + s.name;
            throw UsageError({fmt::format("the plan declares no data source \"{}\" (declared: {})",
                                          f.source, known),
                              fmt::format("計画にデータソース「{}」はありません(宣言済み: {})",
                                          f.source, known)});
        }
        source = *declared;
    }
    // Flags override the plan.
    source.name = f.source;
    if (!f.preset.empty()) source.preset = f.preset;
    if (auto e = encoding_option(f.encoding, true)) source.encoding = e;
    // A field given on the command line replaces the plan's mapping of it; the suppression
    // fields may be given several times (every column given is read).
    const auto flagged = parse_map(f.map);
    for (const auto& m : flagged)
        std::erase_if(source.columns, [&](const auto& c) { return c.first == m.first; });
    for (const auto& m : flagged) source.columns.push_back(m);
    if (!f.consent_source.empty()) source.default_consent_source = f.consent_source;
    for (const auto& c : f.ignore_columns) source.ignored_columns.push_back(c);
    return source;
}

void add_import(CLI::App* lists, Context& ctx) {
    auto f = std::make_shared<ImportFlags>();
    auto* cmd = lists->add_subcommand(
        "import",
        "Import a CSV export as one all-or-nothing batch / CSV を一括で取り込み(全件か無し)");
    add_common(cmd, f->common, ctx);
    cmd->add_option("FILE", f->file, "CSV file / CSV ファイル")->required();
    cmd->add_option("--source", f->source, "Source name, e.g. crm / データソース名")->required();
    cmd->add_option(
        "--preset", f->preset,
        "Column preset: generic, salesforce, hubspot, marketo, eloqua / 列のプリセット");
    cmd->add_option("--map", f->map,
                    "field=column[,field=column...]; fields: id email company last_name first_name "
                    "name phone consent consent_source consent_at consent_notice opted_out bounced "
                    "channel.NAME / 項目と列名の対応");
    cmd->add_option("--ignore-column", f->ignore_columns,
                    "A column that reads as an opt-out/bounce signal but is not one (otherwise "
                    "the import stops) / 配信停止・不達の印に見えるが違う列");
    cmd->add_option("--encoding", f->encoding, "auto, utf-8 or cp932 / 文字コード")
        ->capture_default_str();
    cmd->add_option(
        "--consent-source", f->consent_source,
        "Consent source stored when the file has no such column / 同意の取得方法(列がない場合)");
    cmd->add_option("--allow-dropped", f->allow_dropped,
                    "Import without a field the source's last import mapped (its values are "
                    "cleared) / 前回対応付けた項目なしで取り込む(値は消える)");
    cmd->add_flag("--new-source", f->new_source,
                  "The source is new, even if its name is close to an existing one / 既存に似た"
                  "名前でも新しいソースとして取り込む");
    cmd->add_flag("--show-pii", f->show_pii,
                  "Quote cell values in error messages unmasked / エラーでセルの値を伏せずに表示");
    cmd->callback([&ctx, f] {
        const SourceConfig source = source_from(*f);
        for (const auto& field : f->allow_dropped) {
            if (!field.starts_with("channel.") && !parse_field(field)) {
                throw UsageError({fmt::format("unknown field \"{}\" in --allow-dropped", field),
                                  fmt::format("--allow-dropped の項目「{}」は不明です", field)});
            }
        }
        auto ws = open_ws(f->common);
        ImportSummary s;
        {
            ProgressBar bar(ctx.err, {"importing", "取り込み中"}, ctx.lang());
            ImportOptions options;
            options.progress = bar.fn();
            // The plan's domain and role rules go into the workspace with the batch, so that an
            // extract run without --plan still honours them.
            options.plan_rules = f->common.config().exclusions;
            options.allow_dropped = f->allow_dropped;
            options.new_source = f->new_source;
            // source_from() refused a name the plan does not declare.
            options.declared_source = !f->common.plan.empty();
            options.show_pii = f->show_pii;
            s = import_contacts(ws, f->file, source, options);
        }
        std::string mapping;
        for (const auto& [field, column] : s.mapping)
            mapping += fmt::format("{}{}←{}", mapping.empty() ? "" : ", ", field, column);
        std::string unmapped;
        for (const auto& column : s.unmapped_columns)
            unmapped += fmt::format("{}{}", unmapped.empty() ? "" : ", ", column);
        std::string repeated;
        for (const auto& r : s.repeated)
            repeated +=
                fmt::format("{}{} (= {})", repeated.empty() ? "" : ", ", r.row, r.first_row);
        if (s.repeated_rows > s.repeated.size()) repeated += ", ...";
        const bool ja = ctx.lang() == Lang::ja;
        if (ja) {
            ctx.out << fmt::format(
                "{}: {} を取り込みました(取り込み #{}、{}): {} 行 — 新規 {}、変更 {}、変更なし "
                "{}\n"
                "  文字コード: {}({})\n"
                "  列の対応: {}\n"
                "  読まなかった列: {}\n",
                s.source, s.file.string(), s.batch_id, encoding_name(s.encoding), s.rows,
                s.new_rows, s.changed_rows, s.unchanged_rows, encoding_name(s.encoding),
                s.encoding_reason.ja, mapping, unmapped.empty() ? "なし" : unmapped);
            for (const auto& [field, column] : s.dropped)
                ctx.out << fmt::format(
                    "  --allow-dropped: {}(前回は列「{}」)を読まず、更新した行の値を消しました\n",
                    field, column);
            if (s.repeated_rows > 0)
                ctx.out << fmt::format(
                    "  同じ行の繰り返し {} 行(同じレコード、同じ値)は 1 回だけ数えました: {} 行目"
                    "\n",
                    s.repeated_rows, repeated);
            if (s.invalid_emails + s.missing_consent > 0)
                ctx.out << fmt::format(
                    "  不正なアドレス {} 件、同意の記録なし {} 件(ma-plan lists audit で確認)\n",
                    s.invalid_emails, s.missing_consent);
            if (s.plan_rules > 0)
                ctx.out << fmt::format("  計画の除外ルール {} 件をワークスペースに保存しました\n",
                                       s.plan_rules);
        } else {
            ctx.out << fmt::format(
                "{}: imported {} as import #{} ({}): {} rows — {} new, {} changed, {} unchanged\n"
                "  encoding: {}, because {}\n"
                "  columns: {}\n"
                "  not mapped: {}\n",
                s.source, s.file.string(), s.batch_id, encoding_name(s.encoding), s.rows,
                s.new_rows, s.changed_rows, s.unchanged_rows, encoding_name(s.encoding),
                s.encoding_reason.en, mapping, unmapped.empty() ? "(none)" : unmapped);
            for (const auto& [field, column] : s.dropped)
                ctx.out << fmt::format(
                    "  --allow-dropped: {} (column \"{}\" last time) not read; cleared on the "
                    "rows updated\n",
                    field, column);
            if (s.repeated_rows > 0)
                ctx.out << fmt::format(
                    "  {} rows repeat an earlier row exactly (same record, same values) and were "
                    "counted once: rows {}\n",
                    s.repeated_rows, repeated);
            if (s.invalid_emails + s.missing_consent > 0)
                ctx.out << fmt::format(
                    "  {} invalid addresses, {} without consent (see ma-plan lists audit)\n",
                    s.invalid_emails, s.missing_consent);
            if (s.plan_rules > 0)
                ctx.out << fmt::format(
                    "  stored {} exclusion rules from the plan in the workspace\n", s.plan_rules);
        }
    });
}

struct ExcludeFlags {
    CommonOptions common;
    std::string file, reason, column, encoding = "auto";
    std::vector<std::string> domains, roles;
    bool role_defaults = false;
    bool remove = false;
    bool show_pii = false;
};

void add_exclude(CLI::App* lists, Context& ctx) {
    auto f = std::make_shared<ExcludeFlags>();
    auto* cmd = lists->add_subcommand(
        "exclude",
        "Add global exclusions: addresses, domains, role addresses (--remove: take domain or role "
        "rules back) / 全体除外を追加・解除");
    add_common(cmd, f->common, ctx);
    cmd->add_option("FILE", f->file, "CSV of addresses or domains / アドレスまたはドメインの CSV");
    cmd->add_option("--reason", f->reason,
                    "optout, bounce, complaint, competitor, internal, role, legal or other / 理由");
    cmd->add_option("--column", f->column, "Column holding the addresses / アドレスの列");
    cmd->add_option("--encoding", f->encoding, "auto, utf-8 or cp932 / 文字コード")
        ->capture_default_str();
    cmd->add_option("--domain", f->domains, "Exclude a whole domain / ドメイン全体を除外");
    cmd->add_option("--role", f->roles,
                    "Exclude a role local part, e.g. info / 役割アドレスを除外");
    cmd->add_flag(
        "--role-defaults", f->role_defaults,
        "Exclude the usual role addresses (info@, sales@ ...) / 一般的な役割アドレスを除外");
    cmd->add_flag("--remove", f->remove,
                  "Remove the given --domain / --role rules instead of adding them (excluded "
                  "addresses are never removed) / 指定したドメイン・役割アドレスの除外を解除");
    cmd->add_flag("--show-pii", f->show_pii,
                  "Quote rejected rows unmasked in errors / エラーの行を伏せずに表示");
    cmd->callback([&ctx, f] {
        if (f->remove) {
            if (!f->file.empty() || f->role_defaults || !f->common.plan.empty()) {
                throw UsageError(
                    {"--remove takes --domain and --role only: excluded addresses (opt-outs, "
                     "bounces) are never removed; a person who opted out is mailed again only "
                     "after a new opt-in, imported as consent",
                     "--remove に指定できるのは --domain と --role だけです。除外したアドレス"
                     "(配信停止・不達)は解除しません。配信停止した人には、改めて同意を得て"
                     "取り込んだ場合にだけ配信できます"});
            }
            if (f->domains.empty() && f->roles.empty()) {
                throw CommandLineError({"--remove needs --domain or --role",
                                        "--remove には --domain か --role を指定してください"});
            }
            ExclusionRules rules;
            for (const auto& d : f->domains) rules.domains.emplace_back(d, "");
            for (const auto& r : f->roles) rules.role_locals.emplace_back(r, "");
            auto ws = open_ws(f->common);
            const std::size_t n = remove_exclusion_rules(ws, rules);
            ctx.out << (ctx.lang() == Lang::ja
                            ? fmt::format("除外ルールを {} 件解除しました(指定 {} 件)\n", n,
                                          rules.domains.size() + rules.role_locals.size())
                            : fmt::format("removed {} of {} exclusion rules given\n", n,
                                          rules.domains.size() + rules.role_locals.size()));
            return;
        }
        const bool own_input =
            !f->file.empty() || !f->domains.empty() || !f->roles.empty() || f->role_defaults;
        if (!own_input && f->common.plan.empty()) {
            throw CommandLineError(
                {"give a FILE, --domain, --role, --role-defaults or --plan",
                 "FILE、--domain、--role、--role-defaults、--plan のいずれかを指定してください"});
        }
        if (own_input && f->reason.empty()) {
            throw CommandLineError(
                {"--reason is required (optout, bounce, complaint, competitor, internal, role, "
                 "legal or other)",
                 "--reason を指定してください(optout、bounce、complaint、competitor、internal、"
                 "role、legal、other のいずれか)"});
        }
        if (own_input) check_reason(f->reason);  // before anything is opened or written
        ExclusionRules rules = f->common.config().exclusions;  // empty without --plan
        auto ws = open_ws(f->common);
        const bool ja = ctx.lang() == Lang::ja;
        if (!f->file.empty()) {
            auto s =
                exclude_from_file(ws, f->file, f->reason,
                                  ExcludeOptions{.column = f->column,
                                                 .encoding = encoding_option(f->encoding, true),
                                                 .show_pii = f->show_pii});
            ctx.out << (ja ? fmt::format("{}: {} 件を除外に追加(理由 {}、うちドメイン {} "
                                         "件、既に除外済み {} 件)\n",
                                         s.file.string(), s.added, s.reason, s.domains, s.already)
                           : fmt::format(
                                 "{}: added {} exclusions (reason {}, {} of them domains; {} "
                                 "already excluded)\n",
                                 s.file.string(), s.added, s.reason, s.domains, s.already));
        }
        for (const auto& d : f->domains) rules.domains.emplace_back(d, f->reason);
        for (const auto& r : f->roles) rules.role_locals.emplace_back(r, f->reason);
        if (f->role_defaults) {
            for (const auto& r : default_role_locals())
                rules.role_locals.emplace_back(r, f->reason);
        }
        if (!rules.domains.empty() || !rules.role_locals.empty()) {
            auto n = add_exclusion_rules(ws, rules);
            ctx.out << (ja ? fmt::format("除外ルールを {} 件追加・更新しました\n", n)
                           : fmt::format("added or updated {} exclusion rules\n", n));
        }
    });
}

struct AuditFlags {
    CommonOptions common;
    ConsentFlags policy;
    std::string format = "md";
    std::string out;  ///< empty: standard output
    bool show_pii = false;
};

void add_audit(CLI::App* lists, Context& ctx) {
    auto f = std::make_shared<AuditFlags>();
    auto* cmd = lists->add_subcommand(
        "audit", "Report problems in the customer master / 顧客マスタの問題を報告");
    add_common(cmd, f->common, ctx);
    add_policy(cmd, f->policy);
    cmd->add_option("--format", f->format, "md, json or xlsx (needs -o)")
        ->check(CLI::IsMember({"md", "json", "xlsx"}))
        ->capture_default_str();
    cmd->add_flag("--show-pii", f->show_pii,
                  "Show example addresses and names unmasked / 例のアドレスと氏名を伏せずに表示");
    cmd->add_option("-o,--out", f->out,
                    "Write the report to FILE (mode 0600) instead of standard output / 出力先")
        ->type_name("FILE");
    cmd->callback([&ctx, f] {
        if (f->format == "xlsx") {
            if (int code = refuse_xlsx_target(f->out, ctx)) {
                ctx.exit_code = code;
                return;
            }
        }
        const ListsConfig config = config_from(f->common, f->policy);
        auto ws = open_ws(f->common);
        AuditReport report;
        {
            ProgressBar bar(ctx.err, {"auditing", "監査中"}, ctx.lang());
            report = build_audit(ws, config, f->show_pii, bar.fn());
        }
        // xlsx: the same model, masked unless --show-pii, written 0600 like every audit file.
        const std::string text =
            f->format == "json" ? render_audit_json(report, ctx.lang())
            : f->format == "xlsx"
                ? xlsx::render_audit_xlsx(report, ctx.lang(), xlsx_scratch(f->out))
                : render_audit_markdown(report, ctx.lang());
        if (f->out.empty()) {
            ctx.out << text;
        } else {
            write_file_atomically(f->out, text, output_options(f->common, ws));
        }
    });
}

struct ExtractFlags {
    CommonOptions common;
    ConsentFlags policy;
    std::string out, encoding = "utf-8", format = "md";
};

void add_extract(CLI::App* lists, Context& ctx) {
    auto f = std::make_shared<ExtractFlags>();
    auto* cmd = lists->add_subcommand(
        "extract", "Write the contactable customers as CSV / 配信可能な顧客を CSV に出力");
    add_common(cmd, f->common, ctx);
    add_policy(cmd, f->policy);
    cmd->add_option("-o,--out", f->out,
                    "Output CSV (mode 0600; - for standard output) / 出力する CSV(- は標準出力)")
        ->type_name("FILE")
        ->required();
    cmd->add_option("--encoding", f->encoding, "utf-8, utf-8-bom (Excel) or cp932 / 文字コード")
        ->capture_default_str();
    cmd->add_option("--format", f->format, "Waterfall summary: md or json / 内訳の形式")
        ->check(CLI::IsMember({"md", "json"}))
        ->capture_default_str();
    cmd->callback([&ctx, f] {
        const Encoding enc = *encoding_option(f->encoding, false);
        const ListsConfig config = config_from(f->common, f->policy);
        auto ws = open_ws(f->common);
        ExtractSummary s;
        {
            ProgressBar bar(ctx.err, {"extracting", "抽出中"}, ctx.lang());
            s = extract_contactable(ws, config, f->out, enc, bar.fn(), plan_inputs(f->common));
        }
        // With --out - the CSV is standard output, so the summary goes to standard error.
        Context summary{ctx.lang_name, is_standard_output(f->out) ? ctx.err : ctx.out, ctx.err};
        if (f->format == "json") {
            print_waterfall(summary, s.waterfall, "json");
            return;
        }
        summary.out << (ctx.lang() == Lang::ja
                            ? fmt::format("{} に配信可能な連絡先 {} 件を書き出しました({})\n\n",
                                          f->out, s.waterfall.contactable, encoding_name(enc))
                            : fmt::format("wrote {} contactable contacts to {} ({})\n\n",
                                          s.waterfall.contactable, f->out, encoding_name(enc)));
        print_waterfall(summary, s.waterfall, "md");
    });
}

void add_check(CLI::App* lists, Context& ctx) {
    auto o = std::make_shared<CommonOptions>();
    auto* cmd = lists->add_subcommand(
        "check", "Check integrity, references and one contact per record / 整合性チェック");
    add_common(cmd, *o, ctx);
    cmd->callback([&ctx, o] {
        const std::string db = o->db_path();
        auto ws = open_ws(*o);
        const std::string result = ws.integrity_check();
        if (result != "ok") {
            throw IoError(
                {fmt::format("{}: error: integrity check failed:\n{}", db, result),
                 fmt::format("{}: エラー: 整合性チェックで問題が見つかりました:\n{}", db, result)});
        }
        ctx.out << (ctx.lang() == Lang::ja
                        ? fmt::format("{}: 整合性に問題はありません(スキーマ {})\n", db,
                                      ws.schema_version())
                        : fmt::format("{}: integrity ok (schema {})\n", db, ws.schema_version()));
    });
}

void add_status(CLI::App* lists, Context& ctx) {
    auto o = std::make_shared<CommonOptions>();
    auto* cmd =
        lists->add_subcommand("status", "Show the import and exclusion batches / 取り込み履歴");
    add_common(cmd, *o, ctx);
    cmd->callback([&ctx, o] {
        auto ws = open_ws(*o);
        auto q = ws.prepare(
            "SELECT b.id, b.kind || CASE WHEN b.removed_at IS NULL THEN '' ELSE ' (removed)' END, "
            "coalesce(s.name, ''), b.file, b.encoding, b.started_at, b.rows, "
            "b.new_rows, b.changed_rows, b.unchanged_rows FROM batches b LEFT JOIN sources s ON "
            "s.id = b.source_id ORDER BY b.id");
        ctx.out << (ctx.lang() == Lang::ja ? "| # | 種類 | ソース | ファイル | 文字コード | 日時 | "
                                             "行数 | 新規 | 変更 | 変更なし |\n"
                                           : "| # | kind | source | file | encoding | at | rows | "
                                             "new | changed | unchanged |\n");
        ctx.out << "|---:|---|---|---|---|---|---:|---:|---:|---:|\n";
        while (q.step()) {
            ctx.out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                                   q.integer(0), q.text(1), markdown_escape(q.text(2)),
                                   markdown_escape(q.text(3)), q.text(4), q.text(5), q.integer(6),
                                   q.integer(7), q.integer(8), q.integer(9));
        }
    });
}

void add_sources(CLI::App* lists, Context& ctx) {
    auto o = std::make_shared<CommonOptions>();
    auto* cmd = lists->add_subcommand(
        "sources", "List the sources: contacts, imports, last import / データソースの一覧");
    add_common(cmd, *o, ctx);
    cmd->callback([&ctx, o] {
        auto ws = open_ws(*o);
        const bool ja = ctx.lang() == Lang::ja;
        ctx.out << (ja ? "| ソース | 連絡先 | 取り込み | 最後の取り込み |\n"
                       : "| source | contacts | imports | last import |\n");
        ctx.out << "|---|---:|---:|---|\n";
        for (const SourceInfo& s : list_sources(ws)) {
            ctx.out << fmt::format("| {} | {} | {} | #{} {} |\n", markdown_escape(s.name),
                                   s.contacts, s.imports, s.last_import, s.last_import_at);
        }
    });
}

struct RemoveFlags {
    CommonOptions common;
    std::int64_t import = 0;
    std::string source, channel;
};

void add_remove(CLI::App* lists, Context& ctx) {
    auto f = std::make_shared<RemoveFlags>();
    auto* cmd = lists->add_subcommand(
        "remove",
        "Remove an import, a source or a channel (exclusions and opt-outs stay) / 取り込み・"
        "ソース・チャネルを削除(除外と配信停止は残す)");
    add_common(cmd, f->common, ctx);
    auto* by_import =
        cmd->add_option("--import", f->import,
                        "Import number (lists status): its added and changed rows / 取り込み番号");
    auto* by_source =
        cmd->add_option("--source", f->source, "Every import of a source / ソースの全取り込み");
    auto* by_channel = cmd->add_option("--channel", f->channel,
                                       "A channel and its customer IDs / チャネルとその顧客 ID");
    by_import->excludes(by_source)->excludes(by_channel);
    by_source->excludes(by_channel);
    cmd->callback([&ctx, f, by_import, by_source, by_channel] {
        if (by_import->count() + by_source->count() + by_channel->count() == 0) {
            throw CommandLineError({"give --import N, --source NAME or --channel NAME",
                                    "--import 番号、--source 名前、--channel 名前 のいずれかを指定"
                                    "してください"});
        }
        auto ws = open_ws(f->common);
        const bool ja = ctx.lang() == Lang::ja;
        if (by_channel->count() > 0) {
            const RemoveSummary r = remove_channel(ws, f->channel);
            ctx.out << (ja ? fmt::format("チャネル「{}」と顧客 ID {} 件を削除しました\n",
                                         f->channel, r.channel_ids)
                           : fmt::format("removed channel \"{}\" and {} customer IDs\n", f->channel,
                                         r.channel_ids));
            return;
        }
        const RemoveSummary r =
            by_import->count() > 0 ? remove_import(ws, f->import) : remove_source(ws, f->source);
        const std::string what = by_import->count() > 0
                                     ? (ja ? fmt::format("取り込み #{}", f->import)
                                           : fmt::format("import #{}", f->import))
                                     : (ja ? fmt::format("ソース「{}」", f->source)
                                           : fmt::format("source \"{}\"", f->source));
        ctx.out << (ja ? fmt::format("{} を削除しました: 連絡先 {} 件、取り込み {} 件。配信停止 "
                                     "{} 件は除外(理由 optout)として残しました\n",
                                     what, r.contacts, r.imports, r.suppressions)
                       : fmt::format("removed {}: {} contacts, {} imports; kept {} opt-outs as "
                                     "exclusions (reason optout)\n",
                                     what, r.contacts, r.imports, r.suppressions));
    });
}

}  // namespace

void register_lists_commands(CLI::App& app, Context& ctx) {
    auto* lists = app.add_subcommand(
        "lists", "Customer lists: import, exclusions, consent, audit, extract / 顧客リストの管理");
    lists->require_subcommand(1);
    add_init(lists, ctx);
    add_import(lists, ctx);
    add_exclude(lists, ctx);
    add_audit(lists, ctx);
    add_extract(lists, ctx);
    add_check(lists, ctx);
    add_status(lists, ctx);
    add_sources(lists, ctx);
    add_remove(lists, ctx);
}

}  // namespace maplan::cli
