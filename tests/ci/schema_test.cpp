// The committed JSON Schema is what `ma-plan schema` prints, and it says what the loader says.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "ci/helpers.hpp"
#include "core/schema.hpp"
#include "render/json_schema.hpp"

using namespace maplan;

TEST_CASE("schema: docs/ma-plan.schema.json is up to date") {
    std::string committed =
        ci_test::read_file(std::filesystem::path(MA_PLAN_SOURCE_DIR) / "docs/ma-plan.schema.json");
    // On failure: ma-plan schema -o docs/ma-plan.schema.json
    CHECK(committed == render::render_json_schema(render::SchemaLanguage::both));
}

TEST_CASE("schema: every object type / key / required key and enum value is in the schema") {
    std::string s = render::render_json_schema(render::SchemaLanguage::en);
    CHECK(s.find("\"$schema\": \"http://json-schema.org/draft-07/schema#\"") != std::string::npos);
    for (const schema::Type* type : schema::object_types()) {
        if (type != &schema::project_file()) {
            CHECK(s.find(fmt::format("\"{}\": {{\n      \"type\": \"object\"", type->name)) !=
                  std::string::npos);
        }
        for (const schema::Field& f : type->fields) {
            CHECK(s.find(fmt::format("\"{}\": {{", f.key)) != std::string::npos);
        }
    }
    CHECK(s.find("\"additionalProperties\": false") != std::string::npos);
    CHECK(s.find("\"enum\": [\n            \"eloqua\",") != std::string::npos);
    CHECK(s.find("\"required\": [\n    \"ma_plan\",\n    \"project\"\n  ]") != std::string::npos);
}

TEST_CASE("schema: descriptions in the language asked for") {
    std::string ja = render::render_json_schema(render::SchemaLanguage::ja);
    std::string en = render::render_json_schema(render::SchemaLanguage::en);
    std::string both = render::render_json_schema(render::SchemaLanguage::both);
    CHECK(ja.find("\"description\": \"導入する MA ツール\"") != std::string::npos);
    CHECK(en.find("\"description\": \"MA tool being introduced\"") != std::string::npos);
    CHECK(both.find("\"description\": \"MA tool being introduced / 導入する MA ツール\"") !=
          std::string::npos);
    CHECK(ja.find("\"markdownEnumDescriptions\": [\n            \"Oracle Eloqua\",") !=
          std::string::npos);
}
