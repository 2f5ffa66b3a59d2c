#include "core/fold.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "core/suggest.hpp"

namespace maplan {

namespace {

bool is_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

/// Words users write for a value that are neither its name nor its label. Suggested, never
/// accepted (docs/format.md, "Japanese words for values").
struct Synonym {
    std::string_view word;  ///< as nfkc_casefold gives it
    std::string_view value;
};
constexpr Synonym synonyms[] = {
    {"shift_jis", "cp932"},
    {"shift-jis", "cp932"},
    {"sjis", "cp932"},
    {"windows-31j", "cp932"},
    {"utf8", "utf-8"},
    {"保留", "blocked"},
    {"都度", "manual"},
    {"手動", "manual"},
    {"情シス", "internal_systems"},
    {"情報システム", "internal_systems"},
    {"法務", "privacy_legal"},
    {"営業", "sales"},
    {"マーケティング", "marketing"},
    {"担当者", "person_in_charge"},
};

/// The whole label and each part of it: "社内システム管理部門 (情報システム部)" gives itself,
/// "社内システム管理部門" and "情報システム部".
std::vector<std::string_view> label_parts(std::string_view label) {
    std::vector<std::string_view> parts{label};
    std::size_t open = label.find(" (");
    if (open != std::string_view::npos && label.ends_with(")")) {
        parts.push_back(label.substr(0, open));
        parts.push_back(label.substr(open + 2, label.size() - open - 3));
    }
    return parts;
}

Text label_note(const schema::EnumValue& v) {
    return {fmt::format("({})", v.description.en), fmt::format("({})", v.description.ja)};
}

}  // namespace

std::string nfkc_casefold(std::string_view text) {
    if (is_ascii(text)) {
        std::string out(text);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return out;
    }
    utf8proc_uint8_t* mapped = nullptr;
    auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                            static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                           UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
    if (len < 0) return std::string(text);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
}

std::optional<Guess> guess_name(std::string_view written,
                                const std::vector<std::string_view>& names) {
    const std::string folded = nfkc_casefold(written);
    // Full-width is the reason only when the text is plain ASCII once folded (ｎａｍｅ, ｎａｍ).
    Text note = !is_ascii(written) && is_ascii(folded) ? Text{"(full-width)", "(全角)"} : Text{};
    for (std::string_view name : names) {
        if (nfkc_casefold(name) == folded) return Guess{std::string(name), note};
    }
    if (auto typo = closest_match(folded, names)) return Guess{*typo, note};
    return std::nullopt;
}

std::optional<Guess> guess_enum_value(std::string_view written, const schema::Type& type) {
    const std::string folded = nfkc_casefold(written);
    for (const schema::EnumValue& v : type.values) {
        if (nfkc_casefold(v.value) == folded) return guess_name(written, {v.value});
    }
    for (const schema::EnumValue& v : type.values) {
        for (std::string_view label : {v.description.ja, v.description.en}) {
            for (std::string_view part : label_parts(label)) {
                if (!part.empty() && nfkc_casefold(part) == folded) {
                    return Guess{std::string(v.value), label_note(v)};
                }
            }
        }
    }
    for (const Synonym& s : synonyms) {
        if (s.word != folded) continue;
        for (const schema::EnumValue& v : type.values) {
            if (v.value == s.value) return Guess{std::string(v.value), label_note(v)};
        }
    }
    return guess_name(written, type.value_names());
}

Text did_you_mean(const std::optional<Guess>& guess) {
    if (!guess) return {};
    if (guess->note.en.empty()) {
        return {fmt::format("; did you mean \"{}\"?", guess->name),
                fmt::format("。「{}」の誤りではありませんか?", guess->name)};
    }
    return {fmt::format("; did you mean \"{}\" {}?", guess->name, guess->note.en),
            fmt::format("。「{}」{} の誤りではありませんか?", guess->name, guess->note.ja)};
}

}  // namespace maplan
