#include "render/format_doc.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/schema.hpp"

namespace maplan::render {

namespace {

using schema::Kind;
using schema::Type;

std::string type_name(const Type& t, Lang lang) {
    const bool ja = lang == Lang::ja;
    switch (t.kind) {
        case Kind::string:
            return ja ? "文字列" : "text";
        case Kind::identifier:
            return "ID";
        case Kind::date:
            return ja ? "日付 (YYYY-MM-DD)" : "date (YYYY-MM-DD)";
        case Kind::integer:
            return ja ? "整数" : "integer";
        case Kind::number:
            return ja ? "数値" : "number";
        case Kind::boolean:
            return "true / false";
        case Kind::enumeration: {
            std::string out;
            for (const auto& v : t.values)
                out += (out.empty() ? "" : " \\| ") + fmt::format("`{}`", v.value);
            return out;
        }
        case Kind::object: {
            std::string anchor(t.name);
            for (char& c : anchor)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return fmt::format("[{}](#{})", t.name, anchor);
        }
        case Kind::list:
            return (ja ? "リスト: " : "list of ") + type_name(*t.item, lang);
        case Kind::map:
            return t.single_entry
                       ? (ja ? "1 キーのマップ → " : "one-key map → ") + type_name(*t.item, lang)
                       : (ja ? "マップ → " : "map → ") + type_name(*t.item, lang);
        case Kind::one_of: {
            std::string out;
            for (const Type* alt : t.alternatives)
                out += (out.empty() ? "" : (ja ? " または " : " or ")) + type_name(*alt, lang);
            return out;
        }
    }
    return "";
}

std::string range(const Type& t) {
    if (t.minimum && t.maximum) return fmt::format(" ({}–{})", *t.minimum, *t.maximum);
    if (t.minimum) return fmt::format(" (≥ {})", *t.minimum);
    return "";
}

}  // namespace

std::string render_format_reference(Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out;
    for (const Type* t : schema::object_types()) {
        out += fmt::format("\n### {}\n\n{}\n\n", t->name, t->description.in(lang));
        out += ja ? "| キー | 型 | 必須 | 説明 |\n|---|---|---|---|\n"
                  : "| Key | Type | Required | Description |\n|---|---|---|---|\n";
        for (const auto& f : t->fields) {
            out += fmt::format("| `{}` | {}{} | {} | {} |\n", f.key, type_name(*f.type, lang),
                               range(*f.type), f.required ? (ja ? "必須" : "yes") : "",
                               f.description.in(lang));
        }
    }
    return out;
}

}  // namespace maplan::render
