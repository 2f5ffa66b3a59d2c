#pragma once
// A YAML document as a tree of positioned nodes, built from yaml-cpp's event parser rather than
// YAML::Node, because the loader needs what YAML::Node hides: every key's position, duplicate keys
// (yaml-cpp keeps them silently), whether a scalar was quoted, and control over aliases (yaml-cpp
// shares alias nodes, so a naive recursive walk of a self-referencing anchor never ends).
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source.hpp"
#include "core/text.hpp"

namespace maplan::yaml {

enum class NodeKind { null, scalar, sequence, mapping };

/// YAML 1.2 core-schema tags as yaml-cpp resolves them (`!!int` → tag_int).
inline constexpr std::string_view tag_int = "tag:yaml.org,2002:int";
inline constexpr std::string_view tag_float = "tag:yaml.org,2002:float";
inline constexpr std::string_view tag_bool = "tag:yaml.org,2002:bool";

struct Node {
    NodeKind kind = NodeKind::null;
    SourcePos pos;
    std::string value;    ///< scalar text (empty for other kinds)
    bool quoted = false;  ///< quoted, block or explicitly tagged: not a plain number/bool
    std::string tag;      ///< an explicit tag, resolved ("tag:yaml.org,2002:int"); else empty
    std::string tag_as_written;  ///< the same tag as a user writes it ("!!int")
    bool from_alias = false;     ///< reached through *alias (the same node may appear many times)
    std::vector<const Node*> items;                            ///< sequence items
    std::vector<std::pair<const Node*, const Node*>> entries;  ///< mapping entries, in file order

    bool is_null() const { return kind == NodeKind::null; }
    bool is_scalar() const { return kind == NodeKind::scalar; }
    bool is_sequence() const { return kind == NodeKind::sequence; }
    bool is_mapping() const { return kind == NodeKind::mapping; }
};

/// Limits that keep hostile input from exhausting the machine. A plan never comes near them.
struct Limits {
    std::size_t max_file_bytes = 16u << 20;  ///< 16 MiB
    std::size_t max_depth = 64;
    std::size_t max_nodes = 1'000'000;
};

struct Document {
    SourceFilePtr source;
    const Node* root = nullptr;
    std::deque<Node> arena;  ///< owns every node; deque keeps addresses stable
};

/// Rule IDs of the input-method slips the lexical pre-scan finds (yaml_lex.hpp). They stop the
/// file from being read, so they are parse errors, not findings; the IDs let `ma-plan rules`
/// explain them. Other parse errors (tabs, encodings, unclosed quotes) carry no ID.
namespace yaml_rule {
inline constexpr std::string_view ideographic_space = "YAML-001";
inline constexpr std::string_view fullwidth_colon = "YAML-002";
inline constexpr std::string_view fullwidth_dash = "YAML-003";
inline constexpr std::string_view fullwidth_bracket = "YAML-004";
inline constexpr std::string_view fullwidth_comma = "YAML-005";
}  // namespace yaml_rule

/// Why a file could not be turned into a tree. Always carries a position when there is one.
struct ParseError {
    SourcePos pos;
    Text message;
    std::string rule_id = {};  ///< a yaml_rule ID for an input-method slip; else empty
};

struct ParseResult {
    std::unique_ptr<Document> document;  ///< set on success
    std::optional<ParseError> error;     ///< set on failure
};

/// Checks encoding and layout (UTF-16, NUL bytes, invalid UTF-8, tab indentation), then parses
/// exactly one YAML document. Never calls YAML::LoadAll (yaml-cpp 0.7.0 loops on some inputs).
ParseResult parse(SourceFilePtr source, const Limits& limits = {});

/// Reads a file (or standard input for "-") into a SourceFile; strips a UTF-8 byte-order mark.
/// Errors (missing path, directory, too large, unreadable) come back as ParseError at no position.
struct ReadResult {
    SourceFilePtr source;
    std::optional<ParseError> error;
};
ReadResult read_source(const std::string& path, const Limits& limits = {});

/// Short description of a node's kind for messages ("a list", "リスト").
Text describe_kind(const Node& node);

}  // namespace maplan::yaml
