// `ma-plan schema`: JSON Schema of the plan format for editors (docs/editor.md).
#include <cstdlib>

#include "cli.hpp"
#include "core/atomic_file.hpp"
#include "render/json_schema.hpp"

namespace maplan::cli {

void register_schema_command(CLI::App& app, Context& ctx) {
    auto output = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "schema", "Print the JSON Schema of plan files for editors (JSON Schema を出力)");
    cmd->footer(
        "Descriptions are in English and Japanese unless --lang or MA_PLAN_LANG picks one.\n"
        "Examples:\n"
        "  ma-plan schema -o docs/ma-plan.schema.json\n"
        "  ma-plan schema --lang ja > ma-plan.schema.ja.json\n"
        "In a plan: # yaml-language-server: $schema=../docs/ma-plan.schema.json");
    cmd->add_option("-o,--output", *output,
                    "Write to FILE instead of standard output (- is standard output)")
        ->type_name("FILE");
    cmd->callback([output, &ctx] {
        const char* env = std::getenv("MA_PLAN_LANG");
        bool chosen = !ctx.lang_name.empty() || (env != nullptr && *env != '\0');
        auto language = !chosen                  ? render::SchemaLanguage::both
                        : ctx.lang() == Lang::ja ? render::SchemaLanguage::ja
                                                 : render::SchemaLanguage::en;
        std::string text = render::render_json_schema(language);
        if (output->empty() || is_standard_output(*output)) {
            ctx.out << text;
        } else {
            write_file_atomically(*output, text);
        }
    });
}

}  // namespace maplan::cli
