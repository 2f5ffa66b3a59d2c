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

namespace maplan::cli {

namespace {

struct ImportRolesArgs {
    std::string file;
    std::string sheet;
    std::string output;
    std::string project_name;
    std::string tool = "other";
};

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
    importer::RoleMatrix matrix;
    try {
        matrix =
            workbook ? importer::read_role_xlsx(bytes, args.sheet) : importer::read_role_csv(bytes);
    } catch (const importer::ImportError& e) {
        // "file:Sheet!C4: error: …"; a problem of the whole file: "file: error: …".
        ctx.err << fmt::format("{}:{} {}: {}{}\n", args.file,
                               e.where().empty() ? "" : e.where() + ":",
                               severity_label(Severity::error, lang), e.message().in(lang),
                               e.rule().empty() ? "" : fmt::format(" [{}]", e.rule()));
        return exit_code::input_error;
    }
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
    r->add_option("--project-name", roles->project_name, "project.name (default: the file name)");
    r->add_option("--tool", roles->tool, "project.tool")
        ->check(CLI::IsMember(
            {"eloqua", "marketo", "hubspot", "account_engagement", "mautic", "other"}))
        ->default_str("other");
    r->footer(
        "Examples:\n"
        "  ma-plan import roles 役割分担表.xlsx --sheet 役割分担表 -o plan.yaml\n"
        "  ma-plan import roles 役割分担表.csv -o plan.yaml\n"
        "  ma-plan raci plan.yaml --format csv | ma-plan import roles /dev/stdin --tool eloqua\n"
        "The first row is the header: ステップ/Step (optional), タスク/Task (else the first "
        "column),\n"
        "then one column per department. Cells: 主担当 共有 受領 R A C I (担当 実施 相談).\n"
        "Every guessed stakeholder ID and kind is listed on stderr and commented in the plan.\n"
        "Docs: docs/excel.md");
    r->callback([roles, &ctx] { ctx.exit_code = run_import_roles(*roles, ctx); });
}

}  // namespace maplan::cli
