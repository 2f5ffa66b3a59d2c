// `ma-plan domain check DOMAIN…`: the live DNS check of sending domains (lib/domain). Thin: parse
// flags, load the plan and the repository configuration, run the check, print, set the exit code.
#include <fmt/format.h>

#include <filesystem>

#include "cli.hpp"
#include "config/config.hpp"
#include "core/errors.hpp"
#include "core/loader.hpp"
#include "dns/resolver.hpp"
#include "domain/check.hpp"

namespace maplan::cli {

namespace {

namespace fs = std::filesystem;

struct DomainArgs {
    std::vector<std::string> domains;
    std::string plan;
    std::vector<std::string> selectors;
    std::string server;
    std::string format = "text";
    int timeout_ms = 2000;
    int tries = 2;
};

/// The thresholds of the .ma-plan.yaml that governs the plan (or the current directory).
rules::Thresholds thresholds_for(const std::string& plan) {
    fs::path dir =
        plan.empty() || plan == "-" ? fs::current_path() : fs::absolute(plan).parent_path();
    auto found = config::find_config(dir);
    if (!found) return {};
    config::LoadedConfig loaded = config::load_config(*found);
    if (!loaded.errors.empty()) {
        std::string en, ja;
        for (const config::ConfigError& e : loaded.errors) {
            en += (en.empty() ? "" : "\n") + e.format(Lang::en);
            ja += (ja.empty() ? "" : "\n") + e.format(Lang::ja);
        }
        throw UsageError({en, ja});
    }
    return loaded.config.thresholds;
}

int run_check(const DomainArgs& args, Context& ctx) {
    auto format = domain::parse_format(args.format);
    if (!format) {
        throw UsageError(
            {fmt::format("unknown format \"{}\"; choose one of: text, md, json", args.format),
             fmt::format("不明な形式「{}」です。次から選んでください: text、md、json",
                         args.format)});
    }
    std::unique_ptr<Project> project;
    LoadResult loaded;
    if (!args.plan.empty()) {
        loaded = load_project_file(args.plan);
        if (loaded.fatal) {
            std::string path = args.plan == "-" ? "<stdin>" : args.plan;
            std::string where = loaded.fatal->pos.known()
                                    ? fmt::format("{}:{}:{}", path, loaded.fatal->pos.line,
                                                  loaded.fatal->pos.column)
                                    : path;
            ctx.err << fmt::format("{}: {}: {}\n", where,
                                   severity_label(Severity::error, ctx.lang()),
                                   loaded.fatal->message.in(ctx.lang()));
            return exit_code::input_error;
        }
        project = std::move(loaded.project);
        // Schema errors do not stop the comparison (the model is usable) but may explain it.
        std::size_t errors = 0;
        for (const Finding& f : loaded.findings) errors += f.severity == Severity::error;
        if (errors > 0) {
            ctx.err << (ctx.lang() == Lang::ja
                            ? fmt::format(
                                  "{}: 注意: 計画にエラーが {} 件あります (ma-plan validate "
                                  "{} で確認)\n",
                                  args.plan, errors, args.plan)
                            : fmt::format("{}: note: the plan has {} error{} (see ma-plan "
                                          "validate {})\n",
                                          args.plan, errors, errors == 1 ? "" : "s", args.plan));
        }
    }
    std::vector<std::string> domains;
    for (const std::string& d : args.domains) {
        auto name = domain::normalise_domain(d);
        if (!name) {
            throw UsageError(
                {fmt::format("\"{}\" is not a domain name (letters, digits, '-' and '_' in labels "
                             "of 1 to 63; write internationalised names in their xn-- form)",
                             d),
                 fmt::format("「{}」はドメイン名ではありません (ラベルは 1〜63 文字の英数字・'-'・"
                             "'_'。国際化ドメイン名は xn-- 形式で書いてください)",
                             d)});
        }
        if (std::find(domains.begin(), domains.end(), *name) == domains.end())
            domains.push_back(*name);
    }
    if (domains.empty()) {
        const Email* email = project && project->email ? &*project->email : nullptr;
        auto name = email != nullptr && email->sending_domain.present()
                        ? domain::normalise_domain(email->sending_domain.value)
                        : std::nullopt;
        if (!name) {
            throw CommandLineError(
                {"name at least one DOMAIN, or give --plan with "
                 "email.sending_domain",
                 "DOMAIN を 1 つ以上指定するか、email.sending_domain のある計画を "
                 "--plan で指定してください"});
        }
        domains.push_back(*name);
    }
    rules::Thresholds thresholds = thresholds_for(args.plan);
    domain::CheckOptions options;
    options.selectors = args.selectors;
    options.plan = project.get();
    options.plan_path = args.plan;
    options.min_dkim_bits = thresholds.min_dkim_bits;
    options.recommended_dkim_bits = thresholds.recommended_dkim_bits;
    options.resolver = {args.server, args.timeout_ms, args.tries};
    auto resolver = dns::make_cares_resolver(options.resolver);
    domain::DomainReport report = domain::check_domains(domains, *resolver, options);
    ctx.out << domain::render(report, *format, ctx.lang(),
                              *format == domain::Format::text && ctx.color_stdout());
    return domain::exit_code_of(report);
}

}  // namespace

void register_domain_commands(CLI::App& app, Context& ctx) {
    CLI::App* group =
        app.add_subcommand("domain", "Check sending domains in live DNS (送信ドメインの DNS 検査)");
    group->require_subcommand(1);
    auto args = std::make_shared<DomainArgs>();
    CLI::App* cmd = group->add_subcommand(
        "check",
        "Look up SPF (whole include tree), DMARC, DKIM, MX, MTA-STS, TLS-RPT and BIMI; compare "
        "with --plan / SPF・DMARC・DKIM などを DNS で確認");
    cmd->footer(
        "Examples:\n"
        "  ma-plan domain check example.co.jp --selector s1\n"
        "  ma-plan domain check --plan plan.yaml            # the plan's sending domain\n"
        "  ma-plan domain check a.example b.example --format json\n"
        "  ma-plan domain check example.test --dns-server 127.0.0.1:5353\n"
        "Exit codes: 0 clean, 1 errors found, 2 a DNS failure left the check incomplete,\n"
        "3 bad command line, 4 a value not allowed.");
    cmd->add_option("domain", args->domains,
                    "Domains to check (default: the plan's sending domain)");
    cmd->add_option("--plan", args->plan,
                    "Plan YAML: compare DNS with its email block / 計画ファイル (email と比較)");
    cmd->add_option("--selector", args->selectors,
                    "DKIM selector (repeatable; the plan's is added) / DKIM セレクタ")
        // One value per --selector, so `--selector s1 example.com` keeps the domain a domain.
        ->allow_extra_args(false);
    cmd->add_option("--dns-server", args->server,
                    "Ask this server (IP, IP:PORT, [IPv6]:PORT) instead of /etc/resolv.conf / "
                    "問い合わせ先の DNS サーバー");
    // Checked by run_check (exit code 4 with the list); the type name lets completion offer them.
    cmd->add_option("-f,--format", args->format, "text, md or json")
        ->capture_default_str()
        ->type_name("{text,md,json}");
    cmd->add_option("--timeout-ms", args->timeout_ms,
                    "Milliseconds to wait per try / 1 回の待ち時間")
        ->capture_default_str()
        ->check(CLI::Range(1, 60000));
    cmd->add_option("--tries", args->tries, "Tries per query / 1 件あたりの試行回数")
        ->capture_default_str()
        ->check(CLI::Range(1, 10));
    cmd->callback([args, &ctx] { ctx.exit_code = run_check(*args, ctx); });
}

}  // namespace maplan::cli
