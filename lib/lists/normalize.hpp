#pragma once
// Match keys for finding the same customer across exports. The original text is always stored
// unchanged; keys are derived values used only for comparison.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace maplan::lists {

/// Why an address cannot be mailed. Values are stored in the workspace: append only.
enum class EmailProblem {
    none = 0,
    empty,
    too_long,          // more than 254 characters (RFC 5321 path limit)
    no_at,             // no "@" at all
    local_too_long,    // more than 64 characters before "@"
    bad_local,         // characters outside RFC 5322 dot-atom, or a leading/trailing dot
    consecutive_dots,  // "a..b@x"
    bad_domain,        // missing dot, empty or over-long label, bad characters, numeric TLD
    multiple_at,       // more than one "@" ("a@@b.jp", "a@b@c.jp")
};

TextRef describe(EmailProblem problem);
/// Stable identifier used in JSON output ("consecutive_dots").
std::string_view problem_id(EmailProblem problem);

struct NormalizedEmail {
    std::string key;  ///< trimmed, lower-cased local part + "@" + ASCII (punycode) domain
    std::string local;
    std::string domain;  ///< lower-cased, IDN labels as "xn--" punycode
    EmailProblem problem = EmailProblem::none;
    bool valid() const { return problem == EmailProblem::none; }
};

/// The match key of an address: NFKC first (so full-width letters, digits, "＠" and "．" fold to
/// ASCII, as pasted from Japanese forms), then every Unicode White_Space character at either end
/// is trimmed, the whole key is lower-cased and an internationalised domain becomes its ASCII
/// form (case folding, then punycode per RFC 3492). The syntax is then checked. The original
/// text is never changed; only the key is derived.
NormalizedEmail normalize_email(std::string_view raw);
/// The same into `out`, reusing its buffers (no allocation per row in a million-row import).
void normalize_email(std::string_view raw, NormalizedEmail& out);

/// RFC 3492 punycode of one label given as UTF-8 (without the "xn--" prefix).
std::string punycode_encode(std::string_view utf8_label);

/// NFKC + Unicode case folding with all white space removed: "ＹＡＭＡＤＡ　太郎" and "yamada 太郎"
/// get the same key.
std::string name_key(std::string_view text);

/// name_key plus folding of legal-form words: 株式会社, (株), ㈱, 有限会社, (有), 合同会社 and
/// English suffixes such as "Inc." and "Co., Ltd.", so "㈱山田商事" matches "山田商事株式会社".
std::string company_key(std::string_view text);

/// 64-bit FNV-1a of a match key. Stored in the workspace (contacts.person_hash), so it must never
/// change. Keys are compared by this hash only where a collision (odds about 3 in 10^8 for a
/// million distinct keys) could at worst move one audit example between findings.
constexpr std::uint64_t key_hash_seed = 14695981039346656037ULL;
constexpr std::uint64_t key_hash_append(std::uint64_t h, std::string_view bytes) {
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}
constexpr std::uint64_t key_hash(std::string_view key) {
    return key_hash_append(key_hash_seed, key);
}

/// Local parts that reach a team rather than a person (info@, sales@ ...).
const std::vector<std::string>& default_role_locals();
bool is_role_address(std::string_view local, const std::vector<std::string>& role_locals);
/// Consumer mail providers (gmail.com, yahoo.co.jp, docomo.ne.jp ...): unusual for B2B contacts.
bool is_free_mail_domain(std::string_view domain);

/// NFKC (compatibility composition, no case folding): full-width ＡＢＣ１２３＠ become ASCII.
/// ASCII text is returned as is.
std::string nfkc_text(std::string_view text);
/// A domain as stored in a key (lower-case, punycode): LDH labels, a dot, a non-numeric TLD.
bool is_valid_domain(std::string_view ascii_domain);

/// Trims Unicode White_Space (U+0009-000D, U+0020, U+0085, U+00A0, U+1680, U+2000-200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000) from both ends.
std::string_view trim_unicode_space(std::string_view s);

/// "taro@example.co.jp" -> "t***@example.co.jp"; the domain is not personal data.
std::string mask_email(std::string_view email);
/// "山田 太郎" -> "山***"; keeps the first character only.
std::string mask_name(std::string_view name);

}  // namespace maplan::lists
