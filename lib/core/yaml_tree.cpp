#include "core/yaml_tree.hpp"

#include "core/yaml_lex.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <sstream>

namespace maplan::yaml {

namespace {

/// Thrown from inside the event handler to stop yaml-cpp early (limits, self-reference).
struct Abort {
    SourcePos pos;
    Text message;
};

ParseError error_at(SourcePos pos, std::string en, std::string ja) {
    return ParseError{pos, Text{std::move(en), std::move(ja)}};
}

/// Byte offset of the first invalid UTF-8 sequence, or npos. Rejects overlong forms and
/// surrogates, as the YAML spec requires valid Unicode.
std::size_t find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += n + 1;
    }
    return std::string_view::npos;
}

/// YAML forbids tabs in indentation; yaml-cpp's own messages for them are confusing ("illegal
/// map value"), so they are found first. Lines inside block scalars (| and >) may hold tabs.
std::optional<std::size_t> find_tab_indentation(const SourceFile& file) {
    std::optional<std::size_t> block_parent_indent;
    for (std::uint32_t ln = 1; ln <= file.line_count(); ++ln) {
        std::string_view text = file.line(ln);
        std::size_t spaces = 0;
        while (spaces < text.size() && text[spaces] == ' ') ++spaces;
        bool blank = text.find_first_not_of(" \t") == std::string_view::npos;
        if (block_parent_indent) {
            if (blank || spaces > *block_parent_indent) continue;
            block_parent_indent.reset();
        }
        if (!blank && spaces < text.size() && text[spaces] == '\t') {
            return file.offset_of(SourcePos{ln, static_cast<std::uint32_t>(spaces + 1)});
        }
        // Does this line open a block scalar? ("key: |", "- >-", "key: |2")
        std::string_view body = text;
        if (auto hash = body.find(" #"); hash != std::string_view::npos)
            body = body.substr(0, hash);
        while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
        std::size_t k = body.size();
        while (k > 0 && (body[k - 1] == '-' || body[k - 1] == '+' ||
                         (body[k - 1] >= '0' && body[k - 1] <= '9'))) {
            --k;
        }
        if (k > 0 && (body[k - 1] == '|' || body[k - 1] == '>') && (k == 1 || body[k - 2] == ' ')) {
            block_parent_indent = spaces;
        }
    }
    return std::nullopt;
}

std::optional<ParseError> preflight(const SourceFile& file) {
    const std::string& s = file.content();
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.size() >= 2 &&
        ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
        return error_at({1, 1}, "file is UTF-16 encoded; save it as UTF-8",
                        "ファイルが UTF-16 です。UTF-8 で保存し直してください");
    }
    if (auto nul = s.find('\0'); nul != std::string::npos) {
        // UTF-16 without a byte-order mark shows as every other byte being NUL.
        bool utf16 =
            s.size() >= 4 && (s[0] == '\0' || s[1] == '\0') && (s[2] == '\0' || s[3] == '\0');
        if (utf16) {
            return error_at({1, 1}, "file looks UTF-16 encoded; save it as UTF-8",
                            "ファイルが UTF-16 のようです。UTF-8 で保存し直してください");
        }
        return error_at(file.pos_of_offset(nul), "NUL byte in file (is this a binary file?)",
                        "ファイルに NUL バイトがあります (バイナリファイルではありませんか?)");
    }
    if (auto bad = find_invalid_utf8(s); bad != std::string_view::npos) {
        return error_at(
            file.pos_of_offset(bad),
            fmt::format("invalid UTF-8 byte 0x{:02X}; save the file as UTF-8 (it may "
                        "be Shift_JIS/CP932)",
                        byte(bad)),
            fmt::format("UTF-8 として不正なバイト 0x{:02X} があります。UTF-8 で保存し直して"
                        "ください (Shift_JIS/CP932 の可能性があります)",
                        byte(bad)));
    }
    // YAML 1.2 §5.1 allows no raw control character but tab, LF and CR (and U+0085). yaml-cpp
    // takes them, and an ESC in a name would then drive the terminal of whoever reads the plan.
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned c = byte(i);
        unsigned cp = c;
        if (c == 0xC2 && i + 1 < s.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F &&
            byte(i + 1) != 0x85) {
            cp = byte(i + 1);
        } else if (!((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)) {
            continue;
        }
        return error_at(file.pos_of_offset(i),
                        fmt::format("control character U+{:04X} in the file; YAML allows none "
                                    "but tab and line breaks (inside double quotes, write an "
                                    "escape such as \\u{:04X} if it is meant)",
                                    cp, cp),
                        fmt::format("ファイルに制御文字 U+{:04X} があります。YAML で使える制御文字"
                                    "はタブと改行だけです (必要なら二重引用符の中で \\u{:04X} の"
                                    "ように書いてください)",
                                    cp, cp));
    }
    // yaml-cpp reads a lone CR as a line break, but every position here counts LF lines, and
    // such a file used to be told it was empty.
    for (std::size_t cr = s.find('\r'); cr != std::string::npos; cr = s.find('\r', cr + 1)) {
        if (cr + 1 < s.size() && s[cr + 1] == '\n') continue;
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) break;  // only blank lines
        return error_at(file.pos_of_offset(cr),
                        "line break is a lone CR (old Mac style); save the file with LF or CRLF "
                        "line breaks",
                        "改行が CR だけです (古い Mac 形式)。改行を LF か CRLF にして保存し直して"
                        "ください");
    }
    if (auto tab = find_tab_indentation(file)) {
        return error_at(file.pos_of_offset(*tab),
                        "tab character in indentation; YAML indents with spaces only",
                        "インデントにタブ文字があります。YAML のインデントは半角スペースのみです");
    }
    return std::nullopt;
}

/// yaml-cpp accepts some of these (see yaml_lex.hpp); either way the error belongs at the quote.
ParseError unterminated_quote(const SourceFile& file, const OpenQuote& open) {
    char quote = file.content()[open.offset];
    SourcePos at = file.pos_of_offset(open.offset);
    if (open.runs_into_line == 0) {
        return error_at(at,
                        fmt::format("unterminated quoted string: the {} opened here is never "
                                    "closed",
                                    quote),
                        fmt::format("引用符 {} で始まる文字列が閉じられていません", quote));
    }
    return error_at(
        at,
        fmt::format("unterminated quoted string: the {} opened here runs into line {}, which is "
                    "not indented as its continuation",
                    quote, open.runs_into_line),
        fmt::format("引用符 {} で始まる文字列が閉じられていません ({} 行目は継続行としてインデント"
                    "されていません)",
                    quote, open.runs_into_line));
}

/// Text quoted in a message, cut at 60 code points: a slip on a 1 MB line stays one line.
std::string shown(std::string_view text) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points > 60)
            return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

struct CharName {
    std::string_view code;  // "U+FF1A"
    std::string_view en;    // the Unicode name
    std::string_view ja;    // what a Japanese user calls it
};

/// The first character of a slip, named as the Unicode Standard names it.
CharName char_name(std::string_view written) {
    static const std::map<std::string_view, CharName> names = {
        {"－", {"U+FF0D", "FULLWIDTH HYPHEN-MINUS", "全角ハイフン"}},
        {"ー", {"U+30FC", "KATAKANA-HIRAGANA PROLONGED SOUND MARK", "長音記号"}},
        {"ｰ", {"U+FF70", "HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK", "半角の長音記号"}},
        {"―", {"U+2015", "HORIZONTAL BAR", "ダッシュ"}},
        {"‐", {"U+2010", "HYPHEN", "ハイフン"}},
        {"‑", {"U+2011", "NON-BREAKING HYPHEN", "ハイフン"}},
        {"–", {"U+2013", "EN DASH", "ダッシュ"}},
        {"—", {"U+2014", "EM DASH", "ダッシュ"}},
        {"−", {"U+2212", "MINUS SIGN", "マイナス記号"}},
        {"［", {"U+FF3B", "FULLWIDTH LEFT SQUARE BRACKET", "全角の角括弧"}},
        {"］", {"U+FF3D", "FULLWIDTH RIGHT SQUARE BRACKET", "全角の角括弧"}},
        {"｛", {"U+FF5B", "FULLWIDTH LEFT CURLY BRACKET", "全角の波括弧"}},
        {"｝", {"U+FF5D", "FULLWIDTH RIGHT CURLY BRACKET", "全角の波括弧"}},
        {"，", {"U+FF0C", "FULLWIDTH COMMA", "全角カンマ"}},
        {"、", {"U+3001", "IDEOGRAPHIC COMMA", "読点"}},
    };
    // Every slip character is three bytes in UTF-8.
    if (auto it = names.find(written.substr(0, 3)); it != names.end()) return it->second;
    return {"?", "?", "?"};
}

/// One message per kind of slip, with the exact text to write instead.
ParseError slip_error(const SourceFile& file, const ImeSlip& slip) {
    const SourcePos at = file.pos_of_offset(slip.offset);
    const std::string ch(slip.written.substr(0, 3));
    const CharName name = char_name(slip.written);
    auto error = [&](std::string_view rule, std::string en, std::string ja) {
        return ParseError{at, {std::move(en), std::move(ja)}, std::string(rule)};
    };
    switch (slip.kind) {
        case SlipKind::ideographic_space:
            if (slip.slot == SpaceSlot::indentation) {
                return error(
                    yaml_rule::ideographic_space,
                    fmt::format("indented with a full-width space (U+3000 IDEOGRAPHIC SPACE); "
                                "YAML indents with ASCII spaces only: indent this line with {} "
                                "ASCII spaces (a full-width space is 2 columns wide)",
                                slip.indent_columns),
                    fmt::format("全角スペース (U+3000) でインデントされています。YAML のインデント"
                                "は半角スペースだけです: この行は半角スペース {} 個でインデントし"
                                "てください (全角スペース 1 個は 2 桁分です)",
                                slip.indent_columns));
            }
            if (slip.slot == SpaceSlot::after_colon) {
                return error(yaml_rule::ideographic_space,
                             fmt::format("full-width space (U+3000 IDEOGRAPHIC SPACE) after the "
                                         "colon of \"{0}\"; YAML needs an ASCII space there: "
                                         "write \"{1}\"",
                                         slip.key, slip.fixed),
                             fmt::format("「{0}」のコロンの後が全角スペース (U+3000) です。ここに"
                                         "は半角スペースが必要です:「{1}」と書いてください",
                                         slip.key, slip.fixed));
            }
            return error(yaml_rule::ideographic_space,
                         "full-width space (U+3000 IDEOGRAPHIC SPACE) after the list dash; YAML "
                         "needs an ASCII space there: write \"- \"",
                         "リストの「-」の後が全角スペース (U+3000) です。ここには半角スペースが必要"
                         "です:「- 」と書いてください");
        case SlipKind::fullwidth_colon:
            return error(
                yaml_rule::fullwidth_colon,
                fmt::format("full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after the key "
                            "\"{0}\"; YAML separates a key from its value with an ASCII colon: "
                            "write \"{1}\"",
                            slip.key, slip.fixed),
                fmt::format("キー「{0}」の後が全角コロン「：」(U+FF1A) です。YAML ではキーと値を"
                            "半角コロンで区切ります:「{1}」と書いてください",
                            slip.key, slip.fixed));
        case SlipKind::fullwidth_dash:
            return error(yaml_rule::fullwidth_dash,
                         fmt::format("full-width dash \"{}\" ({} {}) used as the dash of a list "
                                     "item; YAML lists use an ASCII hyphen and a space: write "
                                     "\"{}\" (or quote the value if it is text)",
                                     ch, name.code, name.en, slip.fixed),
                         fmt::format("{}「{}」({}) がリスト項目の記号になっています。YAML のリスト"
                                     "は半角ハイフンと半角スペースで始めます:「{}」と書いてくださ"
                                     "い (文字列なら引用符で囲んでください)",
                                     name.ja, ch, name.code, slip.fixed));
        case SlipKind::fullwidth_bracket:
            if (slip.written.size() == 3) {  // a closing bracket inside an ASCII collection
                return error(yaml_rule::fullwidth_bracket,
                             fmt::format("full-width bracket \"{}\" ({} {}) where the flow "
                                         "collection ends; YAML closes it with an ASCII "
                                         "bracket: write \"{}\"",
                                         ch, name.code, name.en, slip.replacement),
                             fmt::format("{}「{}」({}) でフロー形式の括弧を閉じようとしています。"
                                         "YAML の括弧は半角です:「{}」と書いてください",
                                         name.ja, ch, name.code, slip.replacement));
            }
            return error(yaml_rule::fullwidth_bracket,
                         fmt::format("full-width bracket \"{}\" ({} {}) used as a flow {}; YAML "
                                     "uses ASCII brackets: write \"{}\" (or quote the value if "
                                     "it is text)",
                                     ch, name.code, name.en, ch == "［" ? "list" : "mapping",
                                     shown(slip.replacement)),
                         fmt::format("{}「{}」({}) でフロー形式の{}を書いています。YAML の括弧は"
                                     "半角です:「{}」と書いてください (文字列なら引用符で囲んでく"
                                     "ださい)",
                                     name.ja, ch, name.code, ch == "［" ? "リスト" : "マッピング",
                                     shown(slip.replacement)));
        case SlipKind::fullwidth_comma:
            return error(yaml_rule::fullwidth_comma,
                         fmt::format("full-width comma \"{}\" ({} {}) inside a flow collection "
                                     "([ ] or {{ }}); YAML separates its items with an ASCII "
                                     "comma: write \"{}\" (or quote the item if the comma is "
                                     "text)",
                                     ch, name.code, name.en, slip.replacement),
                         fmt::format("フロー形式 ([ ] や {{ }}) の中で{}「{}」({}) が区切りになって"
                                     "います。YAML の区切りは半角カンマです:「{}」と書いてください"
                                     " (文字列の一部なら項目を引用符で囲んでください)",
                                     name.ja, ch, name.code, slip.replacement));
    }
    return error("", "", "");
}

/// yaml-cpp reports an unclosed `[` or `{` where it gave up, lines later; the user must look
/// at the bracket that was never closed.
ParseError unclosed_flow(const SourceFile& file, const OpenFlow& open) {
    const char bracket = file.content()[open.offset];
    const char closer = bracket == '[' ? ']' : '}';
    const SourcePos at = file.pos_of_offset(open.offset);
    if (open.runs_into_line == 0) {
        return error_at(
            at,
            fmt::format("unclosed \"{}\": the flow collection opened here is never "
                        "closed with \"{}\"",
                        bracket, closer),
            fmt::format("ここで開いた「{}」が「{}」で閉じられていません", bracket, closer));
    }
    return error_at(
        at,
        fmt::format("unclosed \"{}\": the flow collection opened here runs into line "
                    "{} without its \"{}\"",
                    bracket, open.runs_into_line, closer),
        fmt::format("ここで開いた「{}」が「{}」で閉じられないまま {} 行目に続いています", bracket,
                    closer, open.runs_into_line));
}

/// A yaml-cpp error on a line that follows, with nothing but blank lines and comments between,
/// a key-position word holding a full-width colon (`name：テスト`): that colon is the cause.
std::optional<ParseError> colon_suspect_error(const SourceFile& file, const LexicalScan& scan,
                                              SourcePos error_pos) {
    for (auto it = scan.colon_suspects.rbegin(); it != scan.colon_suspects.rend(); ++it) {
        if (it->line > error_pos.line) continue;
        for (std::uint32_t ln = it->line + 1; ln < error_pos.line; ++ln) {
            std::string_view text = file.line(ln);
            auto first = text.find_first_not_of(" \t\r");
            if (first != std::string_view::npos && text[first] != '#') return std::nullopt;
        }
        const std::string& s = file.content();
        std::string key = shown(std::string_view(s).substr(it->word, it->offset - it->word));
        std::size_t line_end = s.find_first_of("\r\n", it->offset);
        if (line_end == std::string::npos) line_end = s.size();
        std::string written =
            shown(std::string_view(s).substr(it->offset + 3, line_end - it->offset - 3));
        std::size_t value_at = it->offset + 3;
        while (value_at < line_end && (s[value_at] == ' ' || s[value_at] == '\t')) ++value_at;
        if (s.compare(value_at, 3, "\xE3\x80\x80") == 0) value_at += 3;  // U+3000
        std::string value = shown(std::string_view(s).substr(value_at, line_end - value_at));
        return ParseError{
            file.pos_of_offset(it->offset),
            {fmt::format("full-width colon \"：\" (U+FF1A FULLWIDTH COLON) after \"{0}\"; YAML "
                         "reads \"{0}：{3}\" as text and cannot read line {2}: if \"{0}\" is a "
                         "key, write \"{0}: {1}\"",
                         key, value, error_pos.line, written),
             fmt::format("「{0}」の後が全角コロン「：」(U+FF1A) です。YAML は「{0}：{3}」を文字列"
                         "として読むため {2} 行目が読めません。「{0}」がキーなら「{0}: {1}」と書い"
                         "てください",
                         key, value, error_pos.line, written)},
            std::string(yaml_rule::fullwidth_colon)};
    }
    return std::nullopt;
}

class TreeBuilder final : public YAML::EventHandler {
  public:
    TreeBuilder(Document& doc, const Limits& limits) : doc_(doc), limits_(limits) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node& n = make(NodeKind::null, mark);
        remember(anchor, n);
        attach(n);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) {
            throw Abort{pos(mark),
                        {"alias refers to an unknown anchor",
                         "エイリアスが未定義のアンカーを参照しています"}};
        }
        for (const Node* open : stack_) {
            if (open == it->second) {
                throw Abort{pos(mark),
                            {"alias refers to the node that contains it (a cycle)",
                             "エイリアスが自分を含むノードを参照しています (循環参照)"}};
            }
        }
        attach(*it->second);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Node& n = make(NodeKind::scalar, mark);
        n.value = value;
        n.quoted = tag != "?";  // yaml-cpp: "?" plain, "!" quoted or block, else an explicit tag
        if (tag != "?" && tag != "!") {
            n.tag = tag;
            constexpr std::string_view core = "tag:yaml.org,2002:";
            n.tag_as_written = tag.starts_with(core) ? "!!" + tag.substr(core.size()) : tag;
        }
        remember(anchor, n);
        bool as_value = !stack_.empty() && stack_.back()->kind == NodeKind::mapping &&
                        pending_keys_.back() != nullptr;
        attach(n);
        if (as_value && anchor == YAML::NullAnchor) last_scalar_values_.back() = &n;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(NodeKind::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(NodeKind::mapping, mark, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    SourcePos pos(const YAML::Mark& mark) const {
        if (mark.is_null() || mark.pos < 0) return {};
        return doc_.source->pos_of_offset(static_cast<std::size_t>(mark.pos));
    }
    Node& make(NodeKind kind, const YAML::Mark& mark) {
        if (doc_.arena.size() >= limits_.max_nodes) {
            throw Abort{pos(mark),
                        {fmt::format("more than {} YAML nodes; a plan never needs this many",
                                     limits_.max_nodes),
                         fmt::format("YAML のノードが {} を超えています", limits_.max_nodes)}};
        }
        Node& n = doc_.arena.emplace_back();
        n.kind = kind;
        n.pos = pos(mark);
        return n;
    }
    void remember(YAML::anchor_t anchor, const Node& n) {
        if (anchor != YAML::NullAnchor) anchors_[anchor] = &n;
    }
    void open(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (stack_.size() >= limits_.max_depth) {
            throw Abort{pos(mark),
                        {fmt::format("nesting deeper than {} levels", limits_.max_depth),
                         fmt::format("入れ子が {} 段を超えています", limits_.max_depth)}};
        }
        Node& n = make(kind, mark);
        remember(anchor, n);
        attach(n);
        stack_.push_back(&n);
        pending_keys_.push_back(nullptr);
        last_scalar_values_.push_back(nullptr);
    }
    void close() {
        stack_.pop_back();
        pending_keys_.pop_back();
        last_scalar_values_.pop_back();
    }

    /// In a flow mapping, YAML ends a plain scalar at a comma, so `{budget_jpy: 5,000,000}` is
    /// read as `budget_jpy: 5` plus two null keys "000", and the user was told about an unknown
    /// and a duplicate key "000" instead of the number. A key of exactly three digits with no
    /// value (or three digits and a unit, "000円"), written right after a comma that directly
    /// follows the previous value, is no key anyone writes: it is the next group of that
    /// number, and it is put back into the value
    /// ("5,000,000"), which the loader then reports as the number with thousands separators it
    /// is. Flow sequences are left alone: `[100,200]` is a list of two numbers.
    bool continues_number(const Node& key, const Node& value) const {
        const Node* previous = last_scalar_values_.back();
        if (previous == nullptr || !value.is_null() || !key.is_scalar() || key.quoted ||
            key.value.size() < 3 || !key.pos.known() || !previous->pos.known() ||
            previous->value.empty() || previous->quoted) {
            return false;
        }
        auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
        // Three digits, then the end or a unit that is no digit ("000円" in 30,000,000円).
        if (!digit(key.value[0]) || !digit(key.value[1]) || !digit(key.value[2]) ||
            (key.value.size() > 3 && (digit(key.value[3]) || key.value[3] == '.'))) {
            return false;
        }
        char last = previous->value.back();
        if (last < '0' || last > '9') return false;
        const std::string& text = doc_.source->content();
        std::size_t key_at = doc_.source->offset_of(key.pos);
        std::size_t value_at = doc_.source->offset_of(previous->pos);
        return key_at > 0 && text[key_at - 1] == ',' &&
               value_at + previous->value.size() + 1 == key_at &&
               text.compare(value_at, previous->value.size(), previous->value) == 0;
    }
    void attach(const Node& n) {
        if (stack_.empty()) {
            if (doc_.root == nullptr) doc_.root = &n;
            return;
        }
        Node* parent = stack_.back();
        if (parent->kind == NodeKind::sequence) {
            parent->items.push_back(&n);
        } else if (pending_keys_.back() == nullptr) {
            pending_keys_.back() = &n;
        } else if (continues_number(*pending_keys_.back(), n)) {
            Node& number = *last_scalar_values_.back();
            number.value += "," + pending_keys_.back()->value;
            pending_keys_.back() = nullptr;
        } else {
            parent->entries.emplace_back(pending_keys_.back(), &n);
            pending_keys_.back() = nullptr;
            last_scalar_values_.back() = nullptr;
        }
    }

    Document& doc_;
    const Limits& limits_;
    std::vector<Node*> stack_;
    std::vector<const Node*> pending_keys_;
    /// Per open mapping: the plain scalar value just read, which a flow comma may continue.
    std::vector<Node*> last_scalar_values_;
    std::map<YAML::anchor_t, const Node*> anchors_;
};

/// Notices a second document without building it.
class SecondDocumentProbe final : public YAML::EventHandler {
  public:
    struct Found {
        YAML::Mark mark;
    };
    void OnDocumentStart(const YAML::Mark& mark) override { throw Found{mark}; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { throw Found{m}; }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { throw Found{m}; }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        throw Found{m};
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        throw Found{m};
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        throw Found{m};
    }
    void OnMapEnd() override {}
};

/// True if a `---` document marker follows some content, i.e. the file really holds several
/// documents (a leading `---` before the first document is common and harmless).
bool has_second_document_marker(const SourceFile& file) {
    bool content_seen = false;
    for (std::uint32_t ln = 1; ln <= file.line_count(); ++ln) {
        std::string_view text = file.line(ln);
        bool marker =
            text.substr(0, 3) == "---" && (text.size() == 3 || text[3] == ' ' || text[3] == '\t');
        if (marker && content_seen) return true;
        auto first = text.find_first_not_of(" \t");
        if (!marker && first != std::string_view::npos && text[first] != '#') content_seen = true;
        if (marker && text.find_first_not_of(" \t", 3) != std::string_view::npos &&
            text[text.find_first_not_of(" \t", 3)] != '#') {
            content_seen = true;  // "--- value" starts the first document with content
        }
    }
    return false;
}

/// yaml-cpp's messages are English only; the common ones get a Japanese rendering.
std::string japanese_parser_message(const std::string& msg) {
    static const std::map<std::string, std::string> known = {
        {"illegal map value",
         "マップの値として不正です (インデントやコロンの位置を確認してください)"},
        {"end of map not found", "マップの終わりが見つかりません"},
        {"end of sequence not found", "リストの終わりが見つかりません"},
        {"end of map flow not found", "フロー形式のマップを閉じる } が見つかりません"},
        {"end of sequence flow not found", "フロー形式のリストを閉じる ] が見つかりません"},
        {"end of string not found", "文字列を閉じる引用符が見つかりません"},
        {"unknown token",
         "解釈できない記号があります (括弧の対応やコロンの位置を確認してください)"},
        {"unknown escape character", "不明なエスケープ文字です"},
        {"block sequence entries are not allowed in this context",
         "この位置ではリスト項目 (- ) を書けません"},
        {"invalid character in anchor", "アンカー名に不正な文字があります"},
        {"illegal tab when looking for indentation", "インデントにタブ文字があります"},
        {"the anchor was not found", "アンカーが見つかりません"},
        {"cyclic alias", "循環するエイリアスです"},
        {"invalid node; this may result from using a map iterator as a sequence iterator, or "
         "vice-versa",
         "不正なノードです"},
    };
    if (auto it = known.find(msg); it != known.end()) return it->second;
    return "YAML の構文エラー: " + msg;
}

}  // namespace

ParseResult parse(SourceFilePtr source, const Limits& limits) {
    ParseResult result;
    if (auto err = preflight(*source)) {
        result.error = std::move(err);
        return result;
    }
    const LexicalScan scan = scan_lexical(*source);
    // The first of an input-method slip and an unclosed quote: what the user must fix first.
    if (!scan.slips.empty() &&
        (!scan.open_quote || scan.slips.front().offset < scan.open_quote->offset)) {
        result.error = slip_error(*source, scan.slips.front());
        return result;
    }
    if (scan.open_quote) {
        result.error = unterminated_quote(*source, *scan.open_quote);
        return result;
    }
    auto doc = std::make_unique<Document>();
    doc->source = source;
    std::istringstream stream(source->content());
    auto pos_of = [&](const YAML::Mark& mark) -> SourcePos {
        if (mark.is_null() || mark.pos < 0) return SourcePos{1, 1};
        return source->pos_of_offset(static_cast<std::size_t>(mark.pos));
    };
    try {
        YAML::Parser parser(stream);
        TreeBuilder builder(*doc, limits);
        // Exactly one document: LoadAll-style loops are what hang yaml-cpp 0.7.0.
        if (!parser.HandleNextDocument(builder) || doc->root == nullptr) {
            result.error = error_at({1, 1}, "file is empty; a plan starts with \"ma_plan: 1\"",
                                    "ファイルが空です。プランは \"ma_plan: 1\" で始めます");
            return result;
        }
        try {
            SecondDocumentProbe probe;
            parser.HandleNextDocument(probe);
        } catch (const SecondDocumentProbe::Found& found) {
            if (has_second_document_marker(*source)) {
                result.error =
                    error_at(pos_of(found.mark),
                             "several YAML documents in one file; put each plan in its own file",
                             "1 つのファイルに複数の YAML "
                             "ドキュメントがあります。プランごとにファイルを分けてください");
            } else {
                // yaml-cpp ended the document early and found more text: usually a line indented
                // less than its parent, or a stray character at the top level.
                result.error = error_at(
                    pos_of(found.mark),
                    "unexpected text after the end of the document (check this line's "
                    "indentation and any unbalanced brackets or stray commas)",
                    "ドキュメントの終わりの後に余分なテキストがあります (この行のインデントや、"
                    "閉じていない括弧・余分なカンマを確認してください)");
            }
            return result;
        }
    } catch (const Abort& abort) {
        result.error = ParseError{abort.pos.known() ? abort.pos : SourcePos{1, 1}, abort.message};
        return result;
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp reports this as "bad file"; what it means is nesting beyond its recursion limit.
        result.error = error_at(pos_of(e.mark), "nesting is too deep for the YAML parser",
                                "入れ子が深すぎて YAML として読めません");
        return result;
    } catch (const YAML::Exception& e) {
        if ((e.msg == "end of sequence flow not found" || e.msg == "end of map flow not found") &&
            scan.open_flow) {
            result.error = unclosed_flow(*source, *scan.open_flow);
            return result;
        }
        if (auto colon = colon_suspect_error(*source, scan, pos_of(e.mark))) {
            result.error = std::move(colon);
            return result;
        }
        result.error = error_at(pos_of(e.mark), e.msg, japanese_parser_message(e.msg));
        return result;
    }
    result.document = std::move(doc);
    return result;
}

namespace {

/// "16,777,217": sizes near the limit must be told apart from the limit itself.
std::string with_thousands(std::uintmax_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// What a non-regular file is, for the refusal message.
Text file_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return {"a FIFO (named pipe)", "FIFO (名前付きパイプ)"};
    if (S_ISCHR(mode)) return {"a character device", "キャラクタデバイス"};
    if (S_ISBLK(mode)) return {"a block device", "ブロックデバイス"};
    if (S_ISSOCK(mode)) return {"a socket", "ソケット"};
    return {"not a regular file", "通常のファイルではないもの"};
}

/// Reads at most limit + 1 bytes, so an endless source (a pipe fed from /dev/zero) costs no more
/// than the limit. Returns false on a read error.
bool read_bounded(int fd, std::size_t limit, std::string& content) {
    char chunk[65536];
    while (content.size() <= limit) {
        std::size_t want = std::min(sizeof chunk, limit + 1 - content.size());
        ssize_t n = ::read(fd, chunk, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) break;
        content.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

ReadResult read_source(const std::string& path, const Limits& limits) {
    ReadResult result;
    std::string content;
    std::string display = path == "-" ? "<stdin>" : path;
    auto too_large = [&](std::uintmax_t size, bool exact) {
        std::uintmax_t limit = limits.max_file_bytes;
        std::string limit_mib = fmt::format("{} MiB", limit >> 20);
        if (exact) {
            result.error = error_at(
                {},
                fmt::format("file is {:.1f} MiB ({} bytes); the limit is {} ({} bytes)",
                            size / 1048576.0, with_thousands(size), limit_mib,
                            with_thousands(limit)),
                fmt::format(
                    "ファイルが {:.1f} MiB ({} バイト) あります。上限は {} ({} バイト) です",
                    size / 1048576.0, with_thousands(size), limit_mib, with_thousands(limit)));
        } else {  // a stream: only "more than the limit" is known
            result.error = error_at({},
                                    fmt::format("input is larger than the limit of {} ({} bytes)",
                                                limit_mib, with_thousands(limit)),
                                    fmt::format("入力が上限の {} ({} バイト) を超えています",
                                                limit_mib, with_thousands(limit)));
        }
    };
    if (path == "-") {
        // Standard input is what pipes are for (`generate | ma-plan validate -`): read with a
        // bound.
        if (!read_bounded(STDIN_FILENO, limits.max_file_bytes, content)) {
            result.error = error_at({}, "cannot read standard input", "標準入力を読み込めません");
            return result;
        }
        if (content.size() > limits.max_file_bytes) {
            too_large(content.size(), false);
            return result;
        }
    } else {
        std::error_code ec;
        auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status)) {
            result.error = error_at({}, "no such file", "ファイルがありません");
            return result;
        }
        if (std::filesystem::is_directory(status)) {
            bool has_plans = false;
            for (std::filesystem::recursive_directory_iterator it(path, ec), end;
                 !ec && it != end && !has_plans; it.increment(ec)) {
                auto ext = it->path().extension();
                has_plans = ext == ".yaml" || ext == ".yml";
            }
            result.error = has_plans
                               ? error_at({}, "is a directory, not a plan file",
                                          "ディレクトリです (プランファイルではありません)")
                               : error_at({}, "is a directory with no plan files (*.yaml, *.yml)",
                                          "プランファイル (*.yaml, *.yml) のないディレクトリです");
            return result;
        }
        // Named paths must be regular files: a device never ends (/dev/zero) and a FIFO with no
        // writer never answers. O_NONBLOCK keeps open() itself from waiting on such a FIFO; the
        // type is checked on the opened descriptor, so a path swapped after stat() is caught too.
        int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            result.error = error_at({}, "cannot open file (permission denied?)",
                                    "ファイルを開けません (権限がありませんか?)");
            return result;
        }
        struct FdCloser {
            int fd;
            ~FdCloser() { ::close(fd); }
        } closer{fd};
        struct stat st {};
        if (::fstat(fd, &st) != 0) {
            result.error = error_at({}, "cannot read file", "ファイルを読み込めません");
            return result;
        }
        if (!S_ISREG(st.st_mode)) {
            Text kind = file_kind(st.st_mode);
            result.error = error_at(
                {},
                fmt::format("is {}, not a regular file (ma-plan reads regular files, and "
                            "standard input as -)",
                            kind.en),
                fmt::format("{}です。ma-plan が読むのは通常のファイルと、「-」で指定する標準入力"
                            "だけです",
                            kind.ja));
            return result;
        }
        if (static_cast<std::uintmax_t>(st.st_size) > limits.max_file_bytes) {
            too_large(static_cast<std::uintmax_t>(st.st_size), true);
            return result;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        // The size is checked again while reading: the file may grow after fstat().
        if (!read_bounded(fd, limits.max_file_bytes, content)) {
            result.error = error_at({}, "cannot read file", "ファイルを読み込めません");
            return result;
        }
        if (content.size() > limits.max_file_bytes) {
            too_large(content.size(), false);
            return result;
        }
    }
    if (content.size() >= 3 && content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);
    result.source = std::make_shared<SourceFile>(display, std::move(content));
    return result;
}

Text describe_kind(const Node& node) {
    switch (node.kind) {
        case NodeKind::null:
            return {"nothing (null)", "空 (null)"};
        case NodeKind::scalar:
            return {"a scalar", "スカラー値"};
        case NodeKind::sequence:
            return {"a list", "リスト"};
        case NodeKind::mapping:
            return {"a mapping", "マッピング"};
    }
    return {"?", "?"};
}

}  // namespace maplan::yaml
