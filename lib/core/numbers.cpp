#include "core/numbers.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>

#include "core/fold.hpp"

namespace maplan {

namespace {

std::optional<double> effective_minimum(const NumberRange& range) {
    if (range.whole)
        return std::max(range.minimum.value_or(-max_exact_integer), -max_exact_integer);
    return range.minimum;
}

std::optional<double> effective_maximum(const NumberRange& range) {
    if (range.whole) return std::min(range.maximum.value_or(max_exact_integer), max_exact_integer);
    return range.maximum;
}

/// A decimal number held exactly (digits / 10^scale), so 1.5万 is 15000 and 14.3% is 0.143
/// without binary rounding.
struct Decimal {
    unsigned long long digits = 0;
    int scale = 0;
};

constexpr unsigned long long decimal_limit = 1'000'000'000'000'000'000ULL;  // 10^18

bool times_pow10(Decimal& d, int k) {
    for (; k > 0; --k) {
        if (d.scale > 0) {
            --d.scale;
            continue;
        }
        if (d.digits > decimal_limit / 10) return false;
        d.digits *= 10;
    }
    return true;
}

bool add(Decimal& a, Decimal b) {
    while (a.scale < b.scale) {
        if (a.digits > decimal_limit / 10) return false;
        a.digits *= 10;
        ++a.scale;
    }
    while (b.scale < a.scale) {
        if (b.digits > decimal_limit / 10) return false;
        b.digits *= 10;
        ++b.scale;
    }
    if (a.digits > decimal_limit - b.digits) return false;
    a.digits += b.digits;
    return true;
}

std::string to_text(Decimal d, bool negative) {
    while (d.scale > 0 && d.digits % 10 == 0) {
        d.digits /= 10;
        --d.scale;
    }
    std::string text = std::to_string(d.digits);
    if (d.scale > 0) {
        auto scale = static_cast<std::size_t>(d.scale);
        if (text.size() <= scale) text.insert(0, scale + 1 - text.size(), '0');
        text.insert(text.size() - scale, ".");
    }
    return negative && d.digits != 0 ? "-" + text : text;
}

/// Full-width forms (U+FF01..U+FF5E, U+3000) are what an IME types for ASCII.
bool has_full_width(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        auto b0 = static_cast<unsigned char>(text[i]);
        auto b1 = static_cast<unsigned char>(text[i + 1]);
        if (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) return true;
        if (b0 == 0xE3 && b1 == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x80)
            return true;
    }
    return false;
}

/// Units written after a number in Japanese documents: currency, counters (件, 人, 社, 通, 回),
/// durations and points. Longer spellings first, so 週間 is not read as 週 + 間.
constexpr std::array<std::string_view, 31> unit_suffixes = {
    "パーセント", "ポイント", "ビット", "か月", "ヶ月", "カ月", "ケ月", "ヵ月",
    "週間",       "時間",     "bits",   "bit",  "jpy",  "yen",  "円",   "%",
    "件",         "人",       "名",     "社",   "通",   "回",   "個",   "本",
    "日",         "週",       "分",     "秒",   "歳",   "点",   "pt"};

struct Multiplier {
    std::string_view kanji;
    int power;
};
constexpr std::array<Multiplier, 4> multipliers = {{{"兆", 12}, {"億", 8}, {"万", 4}, {"千", 3}}};

class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}
    bool done() const { return at_ == text_.size(); }
    bool take(std::string_view s) {
        if (text_.substr(at_).substr(0, s.size()) != s) return false;
        at_ += s.size();
        return true;
    }
    void skip_spaces() {
        while (at_ < text_.size() && text_[at_] == ' ') ++at_;
    }
    bool at_digit() const { return at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9'; }
    /// Digits with an optional fraction; commas only as thousands separators (1-3 digits, then
    /// groups of exactly 3), because "1,5" may be a decimal comma and must not become 15.
    std::optional<Decimal> number(bool& separators) {
        Decimal d;
        std::size_t group = 0;
        bool commas = false;
        while (at_ < text_.size()) {
            char ch = text_[at_];
            if (ch >= '0' && ch <= '9') {
                if (d.digits > decimal_limit / 10) return std::nullopt;
                d.digits = d.digits * 10 + static_cast<unsigned>(ch - '0');
                ++group;
                ++at_;
            } else if (ch == ',') {
                if (group == 0 || group > 3 || (commas && group != 3)) return std::nullopt;
                commas = true;
                group = 0;
                ++at_;
            } else {
                break;
            }
        }
        if (group == 0 || (commas && group != 3)) return std::nullopt;
        if (at_ < text_.size() && text_[at_] == '.') {
            ++at_;
            std::size_t fraction = 0;
            while (at_digit()) {
                if (d.digits > decimal_limit / 10) return std::nullopt;
                d.digits = d.digits * 10 + static_cast<unsigned>(text_[at_] - '0');
                ++d.scale;
                ++fraction;
                ++at_;
            }
            if (fraction == 0) return std::nullopt;
        }
        separators = separators || commas;
        return d;
    }

  private:
    std::string_view text_;
    std::size_t at_ = 0;
};

std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(' ');
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace

CheckedNumber check_number(std::string_view text, const NumberRange& range) {
    CheckedNumber out;
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    // from_chars would also read "inf", "nan" and hexadecimal floats; a plan means none of them.
    bool decimal = begin != end && (std::isdigit(static_cast<unsigned char>(*begin)) ||
                                    ((*begin == '-' || *begin == '.') && begin + 1 != end));
    auto [p, ec] = std::from_chars(begin, end, out.value);
    if (!decimal || ec != std::errc() || p != end || !std::isfinite(out.value)) {
        // ec == result_out_of_range: "1e400" is a number, just not one that fits.
        if (decimal && ec == std::errc::result_out_of_range && p == end) {
            out.problem = NumberProblem::out_of_range;
            return out;
        }
        out.problem = NumberProblem::not_a_number;
        return out;
    }
    if (range.whole && out.value != std::floor(out.value)) {
        out.problem = NumberProblem::not_whole;
        return out;
    }
    auto lo = effective_minimum(range);
    auto hi = effective_maximum(range);
    if ((lo && out.value < *lo) || (hi && out.value > *hi))
        out.problem = NumberProblem::out_of_range;
    return out;
}

std::optional<NumberSpelling> read_number_spelling(std::string_view text,
                                                   const NumberRange& range) {
    NumberSpelling out;
    out.full_width = has_full_width(text);
    // NFKC turns full-width digits, ％, ￥ and ，into ASCII (and U+3000 into a space).
    const std::string folded = trimmed(nfkc_casefold(text));
    Reader r(folded);
    bool negative = false;
    if (r.take("-") || r.take("\xE2\x88\x92")) {  // U+2212 MINUS SIGN, which NFKC keeps
        negative = true;
    } else {
        (void)r.take("+");
    }
    if (r.take("\xC2\xA5")) out.unit = "¥";  // ¥ (and ￥ after NFKC)
    r.skip_spaces();

    // 3億5000万 = 3×10^8 + 5000×10^4; 3千万 = 3×10^3×10^4. A section collects what 千 makes
    // until the next 万, 億 or 兆, which must come in falling order.
    Decimal total, section;
    std::optional<Decimal> pending;
    int last_power = 99;
    bool any_number = false;
    while (true) {
        if (r.at_digit()) {
            if (pending) return std::nullopt;  // "1 2": two numbers
            pending = r.number(out.separators);
            if (!pending) return std::nullopt;
            any_number = true;
            continue;
        }
        const Multiplier* m = nullptr;
        for (const Multiplier& candidate : multipliers) {
            if (r.take(candidate.kanji)) m = &candidate;
            if (m != nullptr) break;
        }
        if (m == nullptr) break;
        // A multiplier needs a number before it: "万" or "千" alone is no number (kanji
        // numerals are not read); "3千万" is, as 千 left its 3000 in the section.
        if (!pending && (m->power == 3 || section.digits == 0)) return std::nullopt;
        out.myriads = true;
        out.multipliers += m->kanji;
        Decimal part = pending.value_or(Decimal{});
        pending.reset();
        if (m->power == 3) {
            if (!times_pow10(part, 3) || !add(section, part)) return std::nullopt;
            continue;
        }
        if (m->power >= last_power) return std::nullopt;  // "5万万", "5万3億"
        last_power = m->power;
        if (!add(section, part) || !times_pow10(section, m->power) || !add(total, section))
            return std::nullopt;
        section = Decimal{};
    }
    if (!any_number) return std::nullopt;
    if (pending && !add(section, *pending)) return std::nullopt;
    if (!add(total, section)) return std::nullopt;

    r.skip_spaces();
    for (std::string_view unit : unit_suffixes) {
        if (r.take(unit)) {
            out.unit += out.unit.empty() ? std::string(unit) : "";
            out.percent = unit == "%" || unit == "パーセント";
            break;
        }
    }
    r.skip_spaces();
    if (!r.done()) return std::nullopt;
    if (!out.full_width && !out.separators && !out.myriads && out.unit.empty()) return std::nullopt;
    if (out.percent && range.fraction) total.scale += 2;  // 15% of 1
    out.plain = to_text(total, negative);
    out.fits = check_number(out.plain, range).ok();
    return out;
}

Text number_spelling_advice(const NumberSpelling& s, const NumberRange& range) {
    std::vector<std::string> drop_en, drop_ja;
    if (s.separators) {
        drop_en.emplace_back("thousands separators");
        drop_ja.emplace_back("桁区切りのカンマ");
    }
    bool as_fraction = s.percent && range.fraction;
    if (!s.unit.empty() && !as_fraction) {
        drop_en.push_back(fmt::format("\"{}\"", s.unit));
        drop_ja.push_back(fmt::format("「{}」", s.unit));
    }
    auto join = [](const std::vector<std::string>& parts, std::string_view last) {
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) out += i + 1 == parts.size() ? last : std::string_view(", ");
            out += parts[i];
        }
        return out;
    };
    std::string en, ja;
    if (as_fraction && range.maximum && *range.maximum <= 1) {
        en += "a rate is a share of 1: ";
        ja += "割合は 1 を 100% とする小数で書きます。";
    } else if (as_fraction) {
        en += "a ratio is written with 100% as 1: ";  // ROMI 300% is 3
        ja += "比率は 100% を 1 とする数で書きます。";
    }
    if (s.full_width) ja.insert(0, "全角数字です。");
    en += fmt::format("write {}", s.plain);
    if (s.myriads) {
        en += fmt::format(" (with {} written out)", s.multipliers);
        ja += "「";
        for (std::size_t i = 0; i < s.multipliers.size(); i += 3) {
            if (i > 0) ja += "」「";
            ja += s.multipliers.substr(i, 3);  // each kanji is 3 bytes of UTF-8
        }
        ja += "」を使わずに";
    }
    if (!drop_en.empty()) {
        en += ", without " + join(drop_en, " and ");
        ja += join(drop_ja, "と") + "を外して";
    }
    if (s.full_width) {
        en += " in half-width digits";
        ja += "半角で ";
    } else if (!ja.empty() && !ja.ends_with("。")) {
        ja += " ";
    }
    ja += fmt::format("{} と書いてください", s.plain);
    if (!s.fits) {
        std::string range_text = describe_range(range);
        en += fmt::format(" (but {} is outside {}{})", s.plain, range_text,
                          range.whole ? ", whole numbers" : "");
        ja += fmt::format(" (ただし {} は範囲 {}{}の外です)", s.plain, range_text,
                          range.whole ? " の整数" : " ");
    }
    return {en, ja};
}

std::string describe_range(const NumberRange& range) {
    auto lo = effective_minimum(range);
    auto hi = effective_maximum(range);
    if (range.whole && !range.minimum && !range.maximum) return fmt::format("{}..{}", *lo, *hi);
    if (lo && hi) return fmt::format("{}..{}", *lo, *hi);
    if (lo) return fmt::format(">= {}", *lo);
    if (hi) return fmt::format("<= {}", *hi);
    return "any number";
}

}  // namespace maplan
