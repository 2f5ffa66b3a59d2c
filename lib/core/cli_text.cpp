#include "core/cli_text.hpp"

#include <fmt/format.h>

#include "core/suggest.hpp"

namespace maplan {

namespace {

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    return closest_match(word, views);
}

Text guess_text(const std::optional<std::string>& guess) {
    if (!guess) return {"", ""};
    return {fmt::format("; did you mean \"{}\"?", *guess),
            fmt::format("。「{}」の誤りではありませんか?", *guess)};
}

Text help_line(std::string_view command) {
    std::string full =
        command.empty() ? "ma-plan --help" : fmt::format("ma-plan {} --help", command);
    return {fmt::format("Run '{}' for usage\n", full),
            fmt::format("'{}' で使い方を表示します\n", full)};
}

Text with_help(Text first, std::string_view command) {
    Text help = help_line(command);
    return {fmt::format("ma-plan: {}\n{}", first.en, help.en),
            fmt::format("ma-plan: {}\n{}", first.ja, help.ja)};
}

std::string_view after(std::string_view text, std::string_view prefix) {
    return text.substr(prefix.size());
}

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(sep, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

Text explain_parse_error(std::string_view kind, std::string_view what,
                         const std::vector<std::string>& options, std::string_view command) {
    // CLI11 2.x wording, one pattern per error kind; anything else is passed on as written.
    // An ExtrasError carries the command's name as its name, so it is told by its text.
    constexpr std::string_view one_extra = "The following argument was not expected: ";
    constexpr std::string_view extras = "The following arguments were not expected: ";
    if (kind == "ExtrasError" || what.starts_with(one_extra) || what.starts_with(extras)) {
        std::string_view args = what;
        for (std::string_view prefix : {one_extra, extras}) {
            if (what.starts_with(prefix)) args = after(what, prefix);
        }
        std::vector<std::string> words = split(args, ' ');
        std::string first = words.empty() ? std::string(args) : words.front();
        Text guess = first.starts_with("-") ? guess_text(nearest(first, options)) : Text{"", ""};
        return with_help({fmt::format("unexpected argument \"{}\"{}", first, guess.en),
                          fmt::format("想定外の引数「{}」があります{}", first, guess.ja)},
                         command);
    }
    if (kind == "RequiredError") {
        if (what == "A subcommand is required") {
            return with_help({"a command is required", "コマンドを指定してください"}, command);
        }
        constexpr std::string_view is_required = " is required";
        if (what.ends_with(is_required)) {
            std::string_view name = what.substr(0, what.size() - is_required.size());
            return with_help({fmt::format("\"{}\" is required", name),
                              fmt::format("「{}」を指定してください", name)},
                             command);
        }
    }
    if (kind == "ValidationError") {
        // "--fail-on: bad not in {error,warning,info}"
        std::size_t colon = what.find(": ");
        std::size_t not_in = what.find(" not in {");
        if (colon != std::string_view::npos && not_in != std::string_view::npos && not_in > colon &&
            what.ends_with("}")) {
            std::string_view option = what.substr(0, colon);
            std::string_view value = what.substr(colon + 2, not_in - colon - 2);
            std::string_view set = what.substr(not_in + 9, what.size() - not_in - 10);
            std::vector<std::string> allowed = split(set, ',');
            Text guess = guess_text(nearest(value, allowed));
            return with_help({fmt::format("{}: \"{}\" is not allowed{} (allowed: {})", option,
                                          value, guess.en, fmt::join(allowed, ", ")),
                              fmt::format("{} に「{}」は使えません{} (使える値: {})", option, value,
                                          guess.ja, fmt::join(allowed, "・"))},
                             command);
        }
    }
    if (kind == "ArgumentMismatch") {
        // "--format: 1 required FORMAT[=FILE] missing"
        std::size_t colon = what.find(": ");
        std::size_t required = what.find(" required ");
        if (colon != std::string_view::npos && required != std::string_view::npos &&
            what.ends_with(" missing")) {
            std::string_view option = what.substr(0, colon);
            std::string_view type = what.substr(required + 10, what.size() - required - 10 - 8);
            return with_help({fmt::format("{} needs a value ({})", option, type),
                              fmt::format("{} には値 ({}) が必要です", option, type)},
                             command);
        }
    }
    return with_help({std::string(what), fmt::format("コマンドラインが正しくありません: {}", what)},
                     command);
}

Text explain_unknown_command(std::string_view parent, std::string_view word,
                             const std::vector<std::string>& names) {
    Text guess = guess_text(nearest(word, names));
    std::string full = parent.empty() ? std::string(word) : fmt::format("{} {}", parent, word);
    std::string help = parent.empty() ? "ma-plan --help" : fmt::format("ma-plan {} --help", parent);
    return {fmt::format("ma-plan: unknown command \"{}\"{}\nRun '{}' for the list of commands\n",
                        full, guess.en, help),
            fmt::format("ma-plan: 不明なコマンド「{}」です{}\n'{}' でコマンド一覧を表示します\n",
                        full, guess.ja, help)};
}

}  // namespace maplan
