#include "rules/example.hpp"

#include <vector>

namespace maplan::rules {

namespace {

struct Block {
    std::string key;  ///< the top-level key ("" for lines before any key)
    std::string text;
};

/// The key of a line that starts a top-level mapping entry, or "" if the line does not.
std::string top_level_key(std::string_view line) {
    if (line.empty() || line.front() == ' ' || line.front() == '#' || line.front() == '-') {
        return {};
    }
    std::size_t colon = line.find(':');
    return colon == std::string_view::npos ? std::string() : std::string(line.substr(0, colon));
}

/// Splits text into blocks, one per top-level key; comment lines at column 0 go with the key
/// that follows them.
std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> blocks;
    std::string pending;  // comments waiting for their key
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(start, end - start);
        start = end;
        std::string key = top_level_key(line);
        if (!key.empty()) {
            blocks.push_back({key, pending + std::string(line)});
            pending.clear();
        } else if (!line.empty() && line.front() == '#') {
            pending += line;
        } else if (blocks.empty()) {
            blocks.push_back({"", pending + std::string(line)});
            pending.clear();
        } else {
            blocks.back().text += pending + std::string(line);
            pending.clear();
        }
    }
    if (!pending.empty()) blocks.push_back({"", pending});
    for (Block& b : blocks) {
        if (!b.text.empty() && b.text.back() != '\n') b.text += '\n';
    }
    return blocks;
}

}  // namespace

std::string example_plan(std::string_view fragment) {
    std::vector<Block> base = split_blocks(example_base);
    std::vector<Block> frag = split_blocks(example_yaml(fragment));
    std::vector<bool> used(frag.size(), false);
    std::string out;
    for (const Block& b : base) {
        bool replaced = false;
        // Every fragment block with this key goes here, so a duplicated key stays duplicated.
        for (std::size_t i = 0; i < frag.size(); ++i) {
            if (frag[i].key == b.key) {
                out += frag[i].text;
                used[i] = true;
                replaced = true;
            }
        }
        if (!replaced) out += b.text;
    }
    for (std::size_t i = 0; i < frag.size(); ++i) {
        if (!used[i]) out += frag[i].text;
    }
    return out;
}

}  // namespace maplan::rules
