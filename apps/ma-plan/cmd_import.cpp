// `ma-plan import roles FILE.xlsx|FILE.csv [--sheet NAME] [-o PLAN.yaml]`: a role matrix kept in a
// spreadsheet becomes a new plan. Thin: read the file, call lib/importer, write.
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/finding.hpp"
#include "importer/roles.hpp"
#include "report_cli.hpp"
#include "rules/validate.hpp"

namespace maplan::cli {

namespace {

struct ImportRolesArgs {
    std::string file;
    std::string sheet;
    std::string output;
    std::string into;
    bool patch = false;
    bool keep_existing = false;
    std::string project_name;
    std::string tool = "other";
};

/// --into: only added lines, printed as they are made (or as a patch); a task the plan has with
/// other roles stops the run unless --keep-existing.
int merge_into_plan(const ImportRolesArgs& args, const importer::RoleMatrix& matrix,
                    const FileResult& plan, Context& ctx) {
    const Lang lang = ctx.lang();
    // The bytes as they are on disk (the loader's copy may be normalised): only lines are added.
    std::ifstream in(args.into, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    importer::MergeResult merged;
    try {
        merged =
            importer::merge_into(text, *plan.project, matrix,
                                 {.plan_name = args.into, .keep_existing = args.keep_existing});
    } catch (const importer::ImportError& e) {
        ctx.err << fmt::format("{}:{}: {}: {}\n", args.into, e.where(),
                               severity_label(Severity::error, lang), e.message().in(lang));
        return exit_code::input_error;
    }
    for (const importer::MergeConflict& c : merged.conflicts) {
        ctx.err << (lang == Lang::ja
                        ? fmt::format(
                              "{}:{}:{}: {}: タスク「{}」の役割が計画 ({}) と {} の {} 行目 "
                              "({}) で違います。計画の役割を残すなら --keep-existing、"
                              "そうでなければどちらかを直してください\n",
                              args.into, c.plan_pos.line, c.plan_pos.column,
                              severity_label(Severity::error, lang), c.task, c.in_plan, args.file,
                              c.row, c.in_file)
                        : fmt::format("{}:{}:{}: {}: task \"{}\" has other roles in the plan ({}) "
                                      "than in {} row {} ({}); pass --keep-existing to keep the "
                                      "plan's, or change one of them\n",
                                      args.into, c.plan_pos.line, c.plan_pos.column,
                                      severity_label(Severity::error, lang), c.task, c.in_plan,
                                      args.file, c.row, c.in_file));
    }
    if (!merged.conflicts.empty()) return exit_code::input_error;
    if (args.patch) {
        ctx.out << merged.patch;
        ctx.out.flush();
    } else if (!merged.changes.empty() && merged.text != text) {
        write_file_atomically(args.into, merged.text, {.inputs = {args.file}});
    }
    for (const Text& change : merged.changes) {
        ctx.err << fmt::format("{}: {}\n", args.into, change.in(lang));
    }
    ctx.err << (lang == Lang::ja
                    ? fmt::format("{}: 変更 {} 件、同じ役割で既にあるタスク {} 件{}\n", args.into,
                                  merged.changes.size(), merged.unchanged,
                                  args.patch ? " (--patch: ファイルは変更していません)" : "")
                    : fmt::format("{}: {} changes, {} tasks already there with the same roles{}\n",
                                  args.into, merged.changes.size(), merged.unchanged,
                                  args.patch ? " (--patch: the file is unchanged)" : ""));
    return exit_code::ok;
}

int run_import_roles(const ImportRolesArgs& args, Context& ctx) {
    const Lang lang = ctx.lang();
    std::filesystem::path path(args.file);
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw IoError({fmt::format("{}: cannot read the file", args.file),
                       fmt::format("{}: ファイルを読めません", args.file)});
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A workbook by its name or by its first bytes (a zip, or the OLE file of a legacy .xls or an
    // encrypted workbook), so /dev/stdin and a misnamed file are read as what they are.
    const bool workbook = ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" ||
                          bytes.starts_with("PK\x03\x04") ||
                          bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    if (!workbook && !args.sheet.empty()) {
        throw UsageError(
            {fmt::format("{}: --sheet is for .xlsx workbooks; this is a CSV file", args.file),
             fmt::format("{}: --sheet は .xlsx ブック用です。このファイルは CSV です", args.file)});
    }
    // --into: the plan first, so its own role_labels are known labels of the matrix.
    FileResult into_plan;
    if (!args.into.empty()) {
        into_plan = validate_file(args.into, ValidateOptions{});
        if (report_fatal(args.into, into_plan.fatal, ctx)) return exit_code::input_error;
    }
    const Project* vocabulary = into_plan.project.get();
    importer::RoleMatrix matrix;
    try {
        matrix = workbook ? importer::read_role_xlsx(bytes, args.sheet, vocabulary)
                          : importer::read_role_csv(bytes, vocabulary);
    } catch (const importer::ImportError& e) {
        // "file:Sheet!C4: error: …"; a problem of the whole file: "file: error: …".
        ctx.err << fmt::format("{}:{} {}: {}{}\n", args.file,
                               e.where().empty() ? "" : e.where() + ":",
                               severity_label(Severity::error, lang), e.message().in(lang),
                               e.rule().empty() ? "" : fmt::format(" [{}]", e.rule()));
        return exit_code::input_error;
    }
    if (!args.into.empty()) return merge_into_plan(args, matrix, into_plan, ctx);
    importer::PlanOptions options;
    options.project_name = args.project_name.empty() ? path.stem().string() : args.project_name;
    options.tool = args.tool;
    options.source = path.filename().string();
    std::string plan = importer::write_plan(matrix, options);
    if (args.output.empty() || is_standard_output(args.output)) {
        ctx.out << plan;
        ctx.out.flush();
    } else {
        // A new plan never replaces a file: an existing plan may hold far more than roles.
        write_file_atomically(
            args.output, plan,
            {.inputs = {args.file},
             .never_replace = Text{"exists; import writes a new plan and never replaces a file",
                                   "既に存在します。import は新しいプランを書き、既存のファイルを"
                                   "置き換えません"}});
    }
    for (const std::string& line : importer::describe_guesses(matrix, lang)) {
        ctx.err << (lang == Lang::ja ? "推定: " : "guess: ") << line << "\n";
    }
    ctx.err << (lang == Lang::ja ? fmt::format("{} 部門、{} タスクを読み込みました\n",
                                               matrix.stakeholders.size(), matrix.tasks.size())
                                 : fmt::format("read {} departments and {} tasks\n",
                                               matrix.stakeholders.size(), matrix.tasks.size()));
    return exit_code::ok;
}

}  // namespace

void register_import_commands(CLI::App& app, Context& ctx) {
    CLI::App* import =
        app.add_subcommand("import", "Import a plan's parts from spreadsheets / 取り込み");
    import->require_subcommand(1);
    auto roles = std::make_shared<ImportRolesArgs>();
    CLI::App* r = import->add_subcommand(
        "roles",
        "Role matrix (.xlsx or CSV) into a new plan / 役割分担表 (.xlsx・CSV) からプランを作成");
    r->add_option("file", roles->file, "Role matrix as .xlsx or CSV (UTF-8 or CP932)")->required();
    r->add_option("--sheet", roles->sheet, "The workbook's sheet to read (default: the first)")
        ->type_name("NAME");
    r->add_option("-o,--output", roles->output,
                  "Write the plan to FILE (never replaces an existing file; - or none: standard "
                  "output)")
        ->type_name("PLAN.yaml");
    CLI::Option* into =
        r->add_option("--into", roles->into,
                      "Merge into this existing plan: only adds lines, keeps every comment")
            ->type_name("PLAN.yaml")
            ->excludes("--output");
    r->add_flag("--patch", roles->patch, "With --into: print a unified patch, change no file")
        ->needs(into);
    r->add_flag("--keep-existing", roles->keep_existing,
                "With --into: a task the plan has with other roles keeps the plan's roles")
        ->needs(into);
    r->add_option("--project-name", roles->project_name, "project.name (default: the file name)");
    r->add_option("--tool", roles->tool, "project.tool")
        ->check(CLI::IsMember(
            {"eloqua", "marketo", "hubspot", "account_engagement", "mautic", "other"}))
        ->default_str("other");
    r->footer(
        "Examples:\n"
        "  ma-plan import roles 役割分担表.xlsx --sheet 役割分担表 -o plan.yaml\n"
        "  ma-plan import roles 役割分担表.csv -o plan.yaml\n"
        "  ma-plan import roles 役割分担表.xlsx --into plan.yaml --patch > roles.patch\n"
        "  ma-plan raci plan.yaml --format csv | ma-plan import roles /dev/stdin --tool eloqua\n"
        "The first row is the header: ステップ/Step (optional), タスク/Task (else the first "
        "column),\n"
        "then one column per department. Cells: 主担当 共有 受領 R A C I (担当 実施 相談).\n"
        "Every guessed stakeholder ID and kind is listed on stderr and commented in the plan.\n"
        "Docs: docs/excel.md");
    r->callback([roles, &ctx] { ctx.exit_code = run_import_roles(*roles, ctx); });
}

}  // namespace maplan::cli
