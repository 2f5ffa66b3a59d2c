#pragma once
// DKIM key records (RFC 6376 §3.6.1): the tag list at SELECTOR._domainkey.DOMAIN and the length
// of the RSA key in p=.
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace maplan::domain {

struct DkimRecord {
    std::string version;     ///< v= (optional; "DKIM1" when present)
    std::string key_type;    ///< k=, "rsa" when absent
    std::string public_key;  ///< p= with white space removed; empty means revoked
    bool has_p = false;
    int bits = 0;               ///< RSA modulus length, or 256 for Ed25519; 0 when not decodable
    std::optional<Text> error;  ///< why the record or key is unusable
};

DkimRecord parse_dkim_record(std::string_view record);

/// Strict base64 (RFC 4648 §4): white space is skipped, anything else outside the alphabet or
/// misplaced padding gives nullopt.
std::optional<std::string> base64_decode(std::string_view text);

/// The RSA modulus length of a DER SubjectPublicKeyInfo (or a bare PKCS#1 RSAPublicKey, which
/// some DNS providers publish); 0 when it is neither.
int rsa_key_bits(const std::string& der);

}  // namespace maplan::domain
