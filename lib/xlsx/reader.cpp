#include "xlsx/reader.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>

#include "core/suggest.hpp"

namespace maplan::xlsx {

std::string column_name(std::size_t col) {
    std::string name;
    ++col;
    while (col > 0) {
        --col;
        name.insert(name.begin(), static_cast<char>('A' + col % 26));
        col /= 26;
    }
    return name;
}

std::string cell_name(std::size_t col, std::size_t row) {
    return fmt::format("{}{}", column_name(col), row);
}

namespace {

constexpr std::string_view cfb_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// "AB12" → 0-based column 27, 1-based row 12.
std::optional<std::pair<std::size_t, std::size_t>> parse_ref(std::string_view ref) {
    std::size_t i = 0;
    std::size_t col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) {
        col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
        ++i;
    }
    if (i == 0 || i == ref.size() || i > 3) return std::nullopt;
    std::size_t row = 0;
    auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (ec != std::errc{} || end != ref.data() + ref.size() || row == 0 || row > 1'048'576) {
        return std::nullopt;
    }
    return std::pair{col - 1, row};
}

/// libzip over the bytes in memory; every read counts the inflated bytes against the limit.
class Archive {
  public:
    explicit Archive(std::string_view bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source != nullptr) {
            zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
            if (zip_ == nullptr) zip_source_free(source);
        }
        if (zip_ == nullptr) {
            std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw ReadError({},
                            {fmt::format("not a readable .xlsx workbook (corrupt zip: {})", why),
                             fmt::format("読めない .xlsx ブックです (壊れた zip: {})", why)});
        }
        zip_error_fini(&error);
        zip_int64_t n = zip_get_num_entries(zip_, 0);
        if (n < 0 || static_cast<std::size_t>(n) > max_entries) {
            zip_discard(zip_);
            throw ReadError({},
                            {fmt::format("the zip has {} entries, more than the {} a workbook "
                                         "may have (a zip bomb?)",
                                         n, max_entries),
                             fmt::format("zip のエントリが {} 個あり、上限の {} 個を超えています "
                                         "(zip 爆弾?)",
                                         n, max_entries)});
        }
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;
    ~Archive() { zip_discard(zip_); }

    bool has(const std::string& part) const { return zip_name_locate(zip_, part.c_str(), 0) >= 0; }

    /// Gives the inflated bytes of `part` to `sink` chunk by chunk; false from the sink stops.
    void read(const std::string& part, const std::function<bool(std::string_view)>& sink) {
        zip_int64_t index = zip_name_locate(zip_, part.c_str(), 0);
        if (index < 0) {
            throw ReadError(part, {"the workbook lacks this part", "ブックにこの部品がありません"});
        }
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
            (st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
            throw ReadError(part, {"the part is encrypted (a password-protected workbook)",
                                   "部品が暗号化されています (パスワード付きのブック)"});
        }
        zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
        if (file == nullptr) throw corrupt(part, zip_strerror(zip_));
        std::string buf(std::size_t{64} * 1024, '\0');
        for (;;) {
            zip_int64_t got = zip_fread(file, buf.data(), buf.size());
            if (got < 0) {
                std::string why = zip_file_strerror(file);
                zip_fclose(file);
                throw corrupt(part, why);
            }
            if (got == 0) break;
            expanded_ += static_cast<std::size_t>(got);
            if (expanded_ > max_expanded_bytes) {
                zip_fclose(file);
                throw ReadError(part,
                                {fmt::format("the workbook inflates to more than {} MB "
                                             "(a zip bomb?)",
                                             max_expanded_bytes >> 20),
                                 fmt::format("ブックを展開すると {} MB を超えます (zip 爆弾?)",
                                             max_expanded_bytes >> 20)});
            }
            if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(got)))) break;
        }
        zip_fclose(file);
    }

  private:
    static ReadError corrupt(const std::string& part, std::string why) {
        return ReadError(part, {fmt::format("corrupt zip entry: {}", why),
                                fmt::format("zip のエントリが壊れています: {}", why)});
    }
    zip_t* zip_ = nullptr;
    std::size_t expanded_ = 0;
};

std::string_view local_name(const char* name) {
    std::string_view n(name);
    if (auto colon = n.rfind(':'); colon != std::string_view::npos) n.remove_prefix(colon + 1);
    return n;
}

const char* attribute(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
        if (local_name(attrs[i]) == name) return attrs[i + 1];
    }
    return nullptr;
}

/// One XML part's reader. Callbacks never throw (expat is C): they record the failure and stop
/// the parser, and parse() throws after expat returns.
class Handler {
  public:
    virtual ~Handler() = default;
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    /// Where a failure is: the cell being read, else the part.
    virtual std::string where(const std::string& part) const { return part; }
    void fail(Text reason) {
        if (!failure) failure = std::move(reason);
    }
    std::optional<Text> failure;
};

struct ParseState {
    XML_Parser parser;
    Handler* handler;
    int depth = 0;
};

void parse(Archive& archive, const std::string& part, Handler& handler) {
    XML_Parser parser = XML_ParserCreate("UTF-8");
    if (parser == nullptr) throw std::bad_alloc();
    ParseState state{parser, &handler};
    XML_SetUserData(parser, &state);
    XML_SetStartDoctypeDeclHandler(
        parser, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* s = static_cast<ParseState*>(data);
            s->handler->fail({"the part declares a DOCTYPE (entities are refused: an XML bomb?)",
                              "部品に DOCTYPE 宣言があります (エンティティは受け付けません: XML "
                              "爆弾?)"});
            XML_StopParser(s->parser, XML_FALSE);
        });
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
            auto* s = static_cast<ParseState*>(data);
            if (++s->depth > max_xml_depth) {
                s->handler->fail(
                    {fmt::format("XML nested deeper than {} elements", max_xml_depth),
                     fmt::format("XML の入れ子が {} 段を超えています", max_xml_depth)});
                XML_StopParser(s->parser, XML_FALSE);
                return;
            }
            s->handler->start(local_name(name), attrs);
            if (s->handler->failure) XML_StopParser(s->parser, XML_FALSE);
        },
        [](void* data, const XML_Char* name) {
            auto* s = static_cast<ParseState*>(data);
            --s->depth;
            s->handler->end(local_name(name));
            if (s->handler->failure) XML_StopParser(s->parser, XML_FALSE);
        });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int len) {
        static_cast<ParseState*>(data)->handler->text(
            std::string_view(s, static_cast<std::size_t>(len)));
    });
    std::optional<Text> syntax;
    auto feed = [&](std::string_view chunk, bool final) {
        if (XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), final ? 1 : 0) ==
                XML_STATUS_ERROR &&
            !handler.failure) {
            std::string why = XML_ErrorString(XML_GetErrorCode(parser));
            auto line = XML_GetCurrentLineNumber(parser);
            syntax = Text{fmt::format("malformed XML at line {}: {}", line, why),
                          fmt::format("XML の {} 行目が不正です: {}", line, why)};
        }
        return !handler.failure && !syntax;
    };
    try {
        archive.read(part, [&](std::string_view chunk) { return feed(chunk, false); });
        if (!handler.failure && !syntax) feed({}, true);
    } catch (...) {
        XML_ParserFree(parser);
        throw;
    }
    XML_ParserFree(parser);
    if (handler.failure) throw ReadError(handler.where(part), *handler.failure);
    if (syntax) throw ReadError(handler.where(part), *syntax);
}

// ----- workbook.xml and its relationships -----

struct SheetEntry {
    std::string name;
    std::string rel;
};

class WorkbookHandler : public Handler {
  public:
    void start(std::string_view name, const char** attrs) override {
        if (name == "sheet") {
            const char* n = attribute(attrs, "name");
            const char* id = attribute(attrs, "id");
            sheets.push_back({n ? n : "", id ? id : ""});
        } else if (name == "workbookPr") {
            const char* d = attribute(attrs, "date1904");
            date1904 =
                d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
        }
    }
    void end(std::string_view) override {}
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
};

class RelsHandler : public Handler {
  public:
    void start(std::string_view name, const char** attrs) override {
        if (name != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* target = attribute(attrs, "Target");
        if (id != nullptr && target != nullptr) targets[id] = target;
    }
    void end(std::string_view) override {}
    std::map<std::string, std::string> targets;
};

// ----- shared strings and styles -----

/// Text of <si> (shared strings) or <is> (inline strings): every <t>, the runs <r> concatenated,
/// the phonetic runs <rPh> (furigana Excel keeps for sorting Japanese names) left out.
class RichText {
  public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_;
        if (name == "t") in_t_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh") --phonetic_;
        if (name == "t") in_t_ = false;
    }
    void text(std::string_view s) {
        if (in_t_ && phonetic_ == 0) value += s;
    }
    std::string value;

  private:
    int phonetic_ = 0;
    bool in_t_ = false;
};

class SharedStringsHandler : public Handler {
  public:
    void start(std::string_view name, const char**) override {
        if (name == "si") {
            current_.emplace();
        } else if (current_) {
            current_->start(name);
        }
    }
    void end(std::string_view name) override {
        if (name == "si" && current_) {
            strings.push_back(std::move(current_->value));
            current_.reset();
        } else if (current_) {
            current_->end(name);
        }
    }
    void text(std::string_view s) override {
        if (current_) current_->text(s);
    }
    std::vector<std::string> strings;

  private:
    std::optional<RichText> current_;
};

enum class NumberKind { plain, date, time, date_time };

/// What a number format shows, from its code: y or d outside quotes, brackets and escapes is a
/// date; h or s a time.
NumberKind kind_of_format(std::string_view code) {
    bool date = false;
    bool time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string_view::npos) break;
        } else if (c == '[') {
            i = code.find(']', i + 1);
            if (i == std::string_view::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else {
            char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            date |= l == 'y' || l == 'd';
            time |= l == 'h' || l == 's';
        }
    }
    return date && time ? NumberKind::date_time
           : date       ? NumberKind::date
           : time       ? NumberKind::time
                        : NumberKind::plain;
}

/// Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, with the
/// Japanese locale's 27-36 and 50-58).
NumberKind kind_of_builtin(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
        (id >= 50 && id <= 58)) {
        return NumberKind::date;
    }
    if (id == 22) return NumberKind::date_time;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) {
        return NumberKind::time;
    }
    return NumberKind::plain;
}

class StylesHandler : public Handler {
  public:
    void start(std::string_view name, const char** attrs) override {
        if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id != nullptr && code != nullptr) custom_[std::atoi(id)] = kind_of_format(code);
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const char* id = attribute(attrs, "numFmtId");
            xf_formats_.push_back(id != nullptr ? std::atoi(id) : 0);
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    NumberKind kind_of_style(std::size_t style) const {
        if (style >= xf_formats_.size()) return NumberKind::plain;
        int id = xf_formats_[style];
        if (auto it = custom_.find(id); it != custom_.end()) return it->second;
        return kind_of_builtin(id);
    }

  private:
    std::map<int, NumberKind> custom_;
    std::vector<int> xf_formats_;
    bool in_cell_xfs_ = false;
};

/// Days since 1970-01-01 → "YYYY-MM-DD" (H. Hinnant's civil_from_days).
std::string iso_date(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string shown_number(double value, NumberKind kind, bool date1904) {
    if (kind == NumberKind::plain || !std::isfinite(value) || value < 0 || value > 2'958'465.0) {
        return fmt::format("{}", value);
    }
    double whole = std::floor(value);
    long long seconds = std::llround((value - whole) * 86400.0);
    auto serial = static_cast<long long>(whole);
    if (seconds == 86400) ++serial, seconds = 0;
    // 1900 system: serial 1 is 1900-01-01 and Lotus's fictitious 1900-02-29 is serial 60, so from
    // 61 on the epoch is 1899-12-30 (25569 days before 1970-01-01).
    long long days = date1904 ? serial - 24107 : serial - (serial < 61 ? 25568 : 25569);
    std::string time =
        fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    switch (kind) {
        case NumberKind::date:
            return iso_date(days);
        case NumberKind::time:
            return time;
        default:
            return seconds == 0 ? iso_date(days) : fmt::format("{}T{}", iso_date(days), time);
    }
}

// ----- the worksheet -----

struct Merge {
    std::size_t col0, row0, col1, row1;
    std::string ref;
};

class SheetHandler : public Handler {
  public:
    SheetHandler(std::string sheet, const std::vector<std::string>& strings,
                 const StylesHandler& styles, bool date1904)
        : sheet_(std::move(sheet)), strings_(strings), styles_(styles), date1904_(date1904) {}

    void start(std::string_view name, const char** attrs) override {
        if (name == "row") {
            const char* r = attribute(attrs, "r");
            std::size_t n = 0;
            if (r != nullptr && std::from_chars(r, r + std::strlen(r), n).ec == std::errc{} &&
                n > 0) {
                row_ = n;
            } else {
                ++row_;
            }
            col_ = static_cast<std::size_t>(-1);
        } else if (name == "c") {
            in_cell_ = true;
            const char* r = attribute(attrs, "r");
            if (r != nullptr) {
                auto ref = parse_ref(r);
                if (!ref) {
                    fail({fmt::format("\"{}\" is not a cell reference", r),
                          fmt::format("「{}」はセル参照ではありません", r)});
                    return;
                }
                col_ = ref->first;
                row_ = ref->second;
            } else {
                ++col_;
            }
            const char* t = attribute(attrs, "t");
            type_ = t != nullptr ? t : "n";
            const char* s = attribute(attrs, "s");
            style_ = s != nullptr ? static_cast<std::size_t>(std::atoi(s)) : 0;
            value_.clear();
            has_value_ = has_formula_ = false;
            inline_.reset();
        } else if (!in_cell_) {
            if (name == "mergeCell") {
                const char* ref = attribute(attrs, "ref");
                if (ref != nullptr) add_merge(ref);
            }
        } else if (inline_) {
            inline_->start(name);
        } else if (name == "v") {
            in_v_ = has_value_ = true;
        } else if (name == "f") {
            has_formula_ = true;
        } else if (name == "is") {
            inline_.emplace();
        }
    }

    void end(std::string_view name) override {
        if (name == "c") {
            finish_cell();
            if (!failure) in_cell_ = false;  // a failure is named at this cell
        } else if (name == "is") {
            if (inline_) value_ = std::move(inline_->value);
            inline_.reset();
            has_value_ = true;
        } else if (inline_) {
            inline_->end(name);
        } else if (name == "v") {
            in_v_ = false;
        }
    }

    void text(std::string_view s) override {
        if (inline_) {
            inline_->text(s);
        } else if (in_v_) {
            value_ += s;
        }
    }

    std::string where(const std::string&) const override {
        return in_cell_ ? fmt::format("{}!{}", sheet_, cell_name(col_, row_)) : sheet_;
    }

    /// The grid with every merged area holding its top-left value.
    std::vector<std::vector<std::string>> take_rows() {
        std::size_t spread = 0;
        for (const Merge& m : merges_) {
            std::size_t area = (m.col1 - m.col0 + 1) * (m.row1 - m.row0 + 1);
            spread += area;
            if (area > max_merge_cells || spread > max_merge_cells * 10) {
                throw ReadError(fmt::format("{}!{}", sheet_, cell_name(m.col0, m.row0)),
                                {fmt::format("merged area {} is larger than the {} cells ma-plan "
                                             "spreads",
                                             m.ref, max_merge_cells),
                                 fmt::format("結合セル {} が大きすぎます (展開するのは {} "
                                             "セルまで)",
                                             m.ref, max_merge_cells)});
            }
        }
        for (const Merge& m : merges_) {
            std::string value = at(m.col0, m.row0);
            if (value.empty()) continue;
            for (std::size_t r = m.row0; r <= m.row1 && r <= max_rows; ++r) {
                for (std::size_t c = m.col0; c <= m.col1 && c < max_columns; ++c) {
                    if (r != m.row0 || c != m.col0) put(c, r, value);
                }
            }
        }
        return std::move(rows_);
    }

  private:
    std::string at(std::size_t col, std::size_t row) const {
        if (row == 0 || row > rows_.size() || col >= rows_[row - 1].size()) return {};
        return rows_[row - 1][col];
    }
    void put(std::size_t col, std::size_t row, std::string value) {
        if (rows_.size() < row) rows_.resize(row);
        auto& cells = rows_[row - 1];
        if (cells.size() <= col) cells.resize(col + 1);
        cells[col] = std::move(value);
    }

    void add_merge(std::string_view ref) {
        auto colon = ref.find(':');
        auto a = parse_ref(ref.substr(0, colon));
        auto b = colon == std::string_view::npos ? a : parse_ref(ref.substr(colon + 1));
        if (!a || !b || b->first < a->first || b->second < a->second) {
            fail({fmt::format("merged area \"{}\" is not a range", ref),
                  fmt::format("結合セル「{}」が範囲ではありません", ref)});
            return;
        }
        merges_.push_back({a->first, a->second, b->first, b->second, std::string(ref)});
    }

    void finish_cell() {
        // An empty <v/> is no value either (openpyxl writes formulas so), except for a string
        // formula (t="str"), whose cached value may be the empty string.
        if (has_formula_ && (!has_value_ || (value_.empty() && type_ != "str"))) {
            fail(
                {"a formula without a cached value: ma-plan never evaluates formulas; open and "
                 "save the workbook in Excel, or paste the values",
                 "キャッシュされた値のない数式です。ma-plan は数式を計算しません。Excel "
                 "で開いて保存するか、値として貼り付けてください"});
            return;
        }
        std::string shown;
        if (type_ == "s") {
            std::size_t index = 0;
            auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
            if (ec != std::errc{} || index >= strings_.size()) {
                fail({fmt::format("shared string {} does not exist", value_),
                      fmt::format("共有文字列 {} がありません", value_)});
                return;
            }
            shown = strings_[index];
        } else if (type_ == "inlineStr" || type_ == "str") {
            shown = value_;
        } else if (type_ == "b") {
            shown = value_.empty() ? "" : value_ == "1" ? "TRUE" : "FALSE";
        } else if (type_ == "e") {
            fail({fmt::format("the cell holds the error value {}", value_),
                  fmt::format("セルがエラー値 {} です", value_)});
            return;
        } else if (type_ == "d") {
            // ISO 8601 already; midnight is shown as the date alone.
            shown = value_;
            if (auto t = shown.find('T');
                t != std::string::npos &&
                shown.find_first_not_of("0:.", t + 1) == std::string::npos) {
                shown.resize(t);
            }
        } else if (!value_.empty()) {
            double number = 0;
            auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), number);
            if (ec != std::errc{}) {
                fail({fmt::format("\"{}\" is not a number", value_),
                      fmt::format("「{}」は数値ではありません", value_)});
                return;
            }
            shown = shown_number(number, styles_.kind_of_style(style_), date1904_);
        }
        if (shown.empty()) return;
        if (row_ > max_rows || col_ >= max_columns) {
            fail({fmt::format("the cell is outside the {} rows and {} columns ma-plan reads",
                              max_rows, max_columns),
                  fmt::format("セルが ma-plan の読む範囲 ({} 行 {} 列) の外にあります", max_rows,
                              max_columns)});
            return;
        }
        put(col_, row_, std::move(shown));
    }

    std::string sheet_;
    const std::vector<std::string>& strings_;
    const StylesHandler& styles_;
    bool date1904_;
    std::size_t row_ = 0;
    std::size_t col_ = static_cast<std::size_t>(-1);
    bool in_cell_ = false;
    bool in_v_ = false;
    bool has_value_ = false;
    bool has_formula_ = false;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    std::optional<RichText> inline_;
    std::vector<Merge> merges_;
    std::vector<std::vector<std::string>> rows_;
};

void refuse_legacy(std::string_view bytes) {
    if (bytes.starts_with(cfb_magic)) {
        throw ReadError({}, {"an encrypted or legacy .xls workbook (an OLE compound file, not "
                             "an .xlsx zip): remove the password or save it as .xlsx",
                             "暗号化されたブックか古い .xls 形式です (.xlsx の zip ではなく OLE "
                             "複合ファイル)。パスワードを外すか .xlsx で保存してください"});
    }
}

std::string part_of(const std::string& target) {
    if (target.starts_with('/')) return target.substr(1);
    return "xl/" + target;
}

struct Book {
    WorkbookHandler workbook;
    RelsHandler rels;
};

void read_book(Archive& archive, Book& book) {
    parse(archive, "xl/workbook.xml", book.workbook);
    if (archive.has("xl/_rels/workbook.xml.rels")) {
        parse(archive, "xl/_rels/workbook.xml.rels", book.rels);
    }
    if (book.workbook.sheets.empty()) {
        throw ReadError("xl/workbook.xml",
                        {"the workbook has no sheets", "ブックにシートがありません"});
    }
}

}  // namespace

std::vector<std::string> sheet_names(std::string_view bytes) {
    refuse_legacy(bytes);
    Archive archive(bytes);
    Book book;
    read_book(archive, book);
    std::vector<std::string> names;
    for (const SheetEntry& s : book.workbook.sheets) names.push_back(s.name);
    return names;
}

Sheet read_sheet(std::string_view bytes, std::string_view name) {
    refuse_legacy(bytes);
    Archive archive(bytes);
    Book book;
    read_book(archive, book);
    const auto& sheets = book.workbook.sheets;
    auto it = name.empty() ? sheets.begin()
                           : std::find_if(sheets.begin(), sheets.end(),
                                          [&](const SheetEntry& s) { return s.name == name; });
    if (it == sheets.end()) {
        std::vector<std::string_view> names;
        std::string list;
        for (const SheetEntry& s : sheets) {
            names.push_back(s.name);
            list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", s.name);
        }
        auto guess = closest_match(name, names);
        throw ReadError(
            {}, {fmt::format("no sheet \"{}\" in the workbook{}; the sheets are {}", name,
                             guess ? fmt::format(" (did you mean \"{}\"?)", *guess) : "", list),
                 fmt::format("ブックにシート「{}」がありません{}。シートは {} です", name,
                             guess ? fmt::format(" (「{}」の誤りではありませんか?)", *guess) : "",
                             list)});
    }
    auto target = book.rels.targets.find(it->rel);
    if (target == book.rels.targets.end()) {
        throw ReadError(it->name, {"the workbook does not say where this sheet is",
                                   "ブックにこのシートの場所が書かれていません"});
    }
    SharedStringsHandler strings;
    if (archive.has("xl/sharedStrings.xml")) parse(archive, "xl/sharedStrings.xml", strings);
    StylesHandler styles;
    if (archive.has("xl/styles.xml")) parse(archive, "xl/styles.xml", styles);
    SheetHandler sheet(it->name, strings.strings, styles, book.workbook.date1904);
    parse(archive, part_of(target->second), sheet);
    return {it->name, sheet.take_rows()};
}

}  // namespace maplan::xlsx
