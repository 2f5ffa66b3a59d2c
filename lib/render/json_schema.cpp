// Walks schema::project_file() and writes JSON Schema draft-07. Draft-07 because it is what
// yaml-language-server and VS Code support best; definitions live under `$defs`, which draft-07
// validators resolve as a plain JSON pointer. Where the loader is lenient the schema mirrors it:
// free-text values may be any scalar, an object may be left empty in a lifecycle or journey entry.
#include "render/json_schema.hpp"

#include <fmt/format.h>

#include "core/json_writer.hpp"
#include "core/schema.hpp"

namespace maplan::render {

namespace {

using schema::Kind;

class SchemaWriter {
  public:
    explicit SchemaWriter(SchemaLanguage language) : language_(language) {}

    std::string text(TextRef t) const {
        switch (language_) {
            case SchemaLanguage::en:
                return std::string(t.en);
            case SchemaLanguage::ja:
                return std::string(t.ja);
            case SchemaLanguage::both:
                return t.en == t.ja ? std::string(t.en) : fmt::format("{} / {}", t.en, t.ja);
        }
        return std::string(t.en);
    }

    /// Writes the keywords of one type into the object currently open in `w`.
    void type_keywords(JsonWriter& w, const schema::Type& type) const {
        switch (type.kind) {
            case Kind::string:
                // The loader reads any scalar as text (`period: 2027` is the text "2027").
                scalar_types(w);
                break;
            case Kind::identifier:
                scalar_types(w);
                w.key("pattern").value("^[^ \\t\\n]+$");
                break;
            case Kind::date:
                w.key("type").value("string");
                w.key("pattern").value("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
                w.key("format").value("date");
                break;
            case Kind::integer:
                w.key("type").value("integer");
                range(w, type);
                break;
            case Kind::number:
                w.key("type").value("number");
                range(w, type);
                break;
            case Kind::boolean:
                w.key("type").value("boolean");
                break;
            case Kind::enumeration: {
                w.key("type").value("string");
                w.key("enum").begin_array();
                for (const auto& v : type.values) w.value(v.value);
                w.end_array();
                // VS Code's JSON/YAML services show these next to each completion item.
                w.key("enumDescriptions").begin_array();
                for (const auto& v : type.values) w.value(text(v.description));
                w.end_array();
                w.key("markdownEnumDescriptions").begin_array();
                for (const auto& v : type.values) w.value(text(v.description));
                w.end_array();
                break;
            }
            case Kind::object:
                w.key("allOf")
                    .begin_array()
                    .begin_object()
                    .key("$ref")
                    .value(fmt::format("#/$defs/{}", type.name))
                    .end_object()
                    .end_array();
                break;
            case Kind::list:
                w.key("type").value("array");
                w.key("items").begin_object();
                type_keywords(w, *type.item);
                w.end_object();
                break;
            case Kind::map:
                w.key("type").value("object");
                w.key("additionalProperties").begin_object();
                if (type.item->kind == Kind::object) {
                    // `- mql:` and an empty journey cell are accepted by the loader: nothing to
                    // say about that stage yet.
                    w.key("anyOf").begin_array();
                    w.begin_object().key("type").value("null").end_object();
                    w.begin_object();
                    type_keywords(w, *type.item);
                    w.end_object();
                    w.end_array();
                } else {
                    type_keywords(w, *type.item);
                }
                w.end_object();
                if (type.single_entry) {
                    w.key("minProperties").value(1);
                    w.key("maxProperties").value(1);
                }
                break;
            case Kind::one_of:
                w.key("anyOf").begin_array();
                for (const schema::Type* alt : type.alternatives) {
                    w.begin_object();
                    type_keywords(w, *alt);
                    w.end_object();
                }
                w.end_array();
                break;
        }
    }

    void object_definition(JsonWriter& w, const schema::Type& type) const {
        w.key("type").value("object");
        w.key("title").value(type.name);
        if (!type.description.en.empty()) w.key("description").value(text(type.description));
        w.key("properties").begin_object();
        for (const schema::Field& f : type.fields) {
            w.key(f.key).begin_object();
            w.key("description").value(text(f.description));
            type_keywords(w, *f.type);
            w.end_object();
        }
        w.end_object();
        bool any_required = false;
        for (const schema::Field& f : type.fields) any_required = any_required || f.required;
        if (any_required) {
            w.key("required").begin_array();
            for (const schema::Field& f : type.fields) {
                if (f.required) w.value(f.key);
            }
            w.end_array();
        }
        w.key("additionalProperties").value(false);
    }

  private:
    static void scalar_types(JsonWriter& w) {
        w.key("type").begin_array().value("string").value("number").value("boolean").end_array();
    }

    static void range(JsonWriter& w, const schema::Type& type) {
        if (type.minimum) w.key("minimum").value(*type.minimum);
        if (type.maximum) w.key("maximum").value(*type.maximum);
    }

    SchemaLanguage language_;
};

}  // namespace

std::string render_json_schema(SchemaLanguage language) {
    SchemaWriter s(language);
    const schema::Type& root = schema::project_file();
    JsonWriter w;
    w.begin_object();
    w.key("$schema").value("http://json-schema.org/draft-07/schema#");
    // No "$id": the schema has no one canonical address (it is installed under the build's prefix
    // and may be published anywhere, cmake/build_config.cmake), and every $ref is document-local.
    s.object_definition(w, root);
    w.key("$defs").begin_object();
    for (const schema::Type* type : schema::object_types()) {
        if (type == &root) continue;
        w.key(type->name).begin_object();
        s.object_definition(w, *type);
        w.end_object();
    }
    w.end_object();
    w.end_object();
    return w.str();
}

}  // namespace maplan::render
