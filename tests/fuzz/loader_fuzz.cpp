// libFuzzer target for everything a plan file goes through before a person reads the result:
// the lexical pass, yaml-cpp and the tree builder, the loader, every rule, suppressions, the
// finding cap, and the text and JSON renderers; the same bytes are also read as .ma-plan.yaml.
// Besides crashes and sanitizer reports it checks what issue 11 promised:
//   - an unreadable file has a one-line message with no line break,
//   - every position is inside the file,
//   - text output (colour off) holds no ESC byte, whatever the plan holds,
//   - at most the cap of findings per rule is kept.
// Built only with -DMA_PLAN_BUILD_FUZZ=ON and clang; run by bench/fuzz/run.sh.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "config/config.hpp"
#include "render/report.hpp"
#include "rules/validate.hpp"

namespace {

void require(bool ok) {
    if (!ok) std::abort();  // libFuzzer keeps the input as a crash
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace maplan;
    std::string text(reinterpret_cast<const char*>(data), size);
    auto source = std::make_shared<SourceFile>("fuzz.yaml", text);

    ValidateOptions options;
    options.max_findings_per_rule = 5;
    FileResult result = validate_source(source, options);
    if (result.fatal) {
        require(!result.fatal->message.en.empty() && !result.fatal->message.ja.empty());
        require(result.fatal->message.en.find('\n') == std::string::npos);
        require(result.fatal->pos.line <= source->line_count());
    }
    std::map<std::string, std::size_t> per_rule;
    for (const Finding& f : result.findings) {
        require(f.pos.line <= source->line_count());
        require(++per_rule[f.rule_id] <= options.max_findings_per_rule);
    }

    render::Report report;
    report.files.push_back(std::move(result));
    render::RenderOptions render_options;
    for (Lang lang : {Lang::en, Lang::ja}) {
        render_options.lang = lang;
        std::string out = render::render_text(report, render_options);
        require(out.find('\x1b') == std::string::npos);
        render::render_json(report, render_options);
    }

    config::parse_config(source);
    return 0;
}
