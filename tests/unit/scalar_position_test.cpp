// Positions inside YAML scalars (issue 10): a finding about byte N of a scalar's value points at
// the character the user wrote, in every scalar style, or falls back to the scalar's start when
// the mapping cannot be verified.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/scalar_position.hpp"
#include "core/yaml_tree.hpp"

using namespace maplan;

namespace {

/// "line:col" of byte `offset` of the value of `key` in a one-key YAML document.
std::string where(const std::string& yaml, std::size_t offset) {
    auto source = std::make_shared<SourceFile>("t.yaml", yaml);
    auto parsed = yaml::parse(source);
    REQUIRE(parsed.document);
    const yaml::Node* value = parsed.document->root->entries.at(0).second;
    SourcePos p = scalar_position(*source, value->pos, value->value, offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("scalar positions in plain single and double quoted scalars", "[scalar]") {
    //                  123456789012345678
    CHECK(where("spf: v=spf1 moo -all\n", 7) == "1:13");
    CHECK(where("spf: 'v=spf1 moo -all'\n", 7) == "1:14");
    CHECK(where("spf: 'it''s moo'\n", 5) == "1:13");  // '' is one character
    CHECK(where("spf: \"v=spf1 moo -all\"\n", 7) == "1:14");
    CHECK(where("spf: \"a\\\"b moo\"\n", 4) == "1:12");   // \" is one character
    CHECK(where("spf: \"\\u00e9 moo\"\n", 3) == "1:14");  // é: two bytes from one escape
    CHECK(where("spf: 日本 moo\n", 7) == "1:9");          // columns count code points
    CHECK(where("spf: v=spf1 moo\n", 10) == "1:16");      // the end: just after the last character
}

TEST_CASE("scalar positions in block scalars", "[scalar]") {
    CHECK(where("spf: |\n  v=spf1 moo -all\n", 7) == "2:10");
    CHECK(where("spf: >-\n  v=spf1 moo -all\n", 7) == "2:10");
    CHECK(where("spf: >\n  v=spf1\n  moo -all\n", 7) == "3:3");  // folded: the break is a space
}

TEST_CASE("scalar positions fall back to the start when they cannot be verified", "[scalar]") {
    // A multi-line plain scalar folds its line break into a space: not mapped.
    CHECK(where("spf: v=spf1\n  moo -all\n", 7) == "1:6");
    CHECK(where("spf: \"v=spf1\n  moo\"\n", 7) == "1:6");
}
