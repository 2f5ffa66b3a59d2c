#pragma once
// Bilingual text. Every human-facing string in ma-plan exists in English and Japanese; the
// renderer picks one with the user's --lang.
#include <optional>
#include <string>
#include <string_view>

namespace maplan {

enum class Lang { en, ja };

/// A pair of static strings, used in tables of definitions (rule descriptors, headings).
struct TextRef {
    std::string_view en;
    std::string_view ja;
    std::string_view in(Lang lang) const { return lang == Lang::ja ? ja : en; }
};

/// A pair of owned strings, used for messages built at run time.
struct Text {
    std::string en;
    std::string ja;
    Text() = default;
    Text(std::string en_, std::string ja_) : en(std::move(en_)), ja(std::move(ja_)) {}
    Text(TextRef ref) : en(ref.en), ja(ref.ja) {}  // NOLINT: implicit by design
    const std::string& in(Lang lang) const { return lang == Lang::ja ? ja : en; }
    bool empty() const { return en.empty() && ja.empty(); }
};

/// "ja"/"en" (also "ja_JP.UTF-8" style locale names); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view name);

/// The language the user's locale asks for: LC_ALL, then LC_MESSAGES, then LANG; English if none
/// of them names Japanese.
Lang lang_from_environment();

}  // namespace maplan
