#pragma once
// A TXT record as people write it: either the record's text itself (`v=spf1 -all`), or the
// zone-file form of one or more quoted character-strings (`"v=spf1 ip4:192.0.2.1 " "-all"`),
// which DNS concatenates without spaces (RFC 7208 §3.3, RFC 1035 §3.3.14).
//
// The zone-file form is recognised only when the value's first character is a double quote, so
// `v=spf1 include:"_spf.google.com" -all` is read as record text with a quote inside a term (the
// SPF parser reports it there) instead of as quoted strings.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mail/problem.hpp"

namespace maplan::mail {

/// One character-string of a TXT record.
struct TxtString {
    std::size_t value_offset = 0;  ///< where it starts in the value (after its opening quote)
    std::size_t value_length = 0;  ///< its extent in the value (escapes count as written)
    std::size_t text_offset = 0;   ///< where its content starts in `TxtRecord::text`
    std::size_t size = 0;          ///< its length in bytes after unescaping (the DNS length)
};

struct TxtRecord {
    std::string text;  ///< the record as DNS hands it to SPF/DMARC: the strings concatenated
    std::vector<TxtString> strings;
    bool quoted = false;  ///< written in the zone-file form
    Problems problems;    ///< offsets into the VALUE (not `text`): quoting and length problems

    /// Offset in the value of byte `text_offset` of `text` (the value's size for the end).
    std::size_t value_offset(std::size_t text_offset) const;

  private:
    friend TxtRecord read_txt(std::string_view value);
    std::vector<std::size_t> value_of_text_;  ///< per byte of `text`, its offset in the value
};

/// Splits a written TXT value. Problems: an unterminated quoted string, text between strings,
/// and a character-string longer than 255 bytes (RFC 1035 §3.3: one length octet); for the
/// unquoted form a record longer than 255 bytes is reported the same way, because DNS tools
/// then split it at arbitrary places or refuse it.
TxtRecord read_txt(std::string_view value);

/// The largest character-string DNS can carry.
inline constexpr std::size_t max_txt_string = 255;

}  // namespace maplan::mail
