// The key length comes from OpenSSL's DER decoder (libssl-dev, Debian): parsing ASN.1 by hand is
// where length checks go wrong, and the decoder also rejects keys that are not RSA at all.
#include "domain/dkim.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <fmt/format.h>

#include <cctype>
#include <vector>

namespace maplan::domain {

namespace {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0, padding = 0;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        int v;
        if (c >= 'A' && c <= 'Z') {
            v = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            v = c - '0' + 52;
        } else if (c == '+') {
            v = 62;
        } else if (c == '/') {
            v = 63;
        } else if (c == '=') {
            ++padding;
            continue;
        } else {
            return std::nullopt;
        }
        if (padding > 0) return std::nullopt;  // data after '='
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    if (padding > 2) return std::nullopt;
    return out;
}

int rsa_key_bits(const std::string& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));
    if (key == nullptr) {
        p = reinterpret_cast<const unsigned char*>(der.data());
        key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));
    }
    if (key == nullptr) return 0;
    int bits = EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA ? EVP_PKEY_get_bits(key) : 0;
    EVP_PKEY_free(key);
    return bits;
}

DkimRecord parse_dkim_record(std::string_view record) {
    DkimRecord r;
    r.key_type = "rsa";
    std::size_t start = 0;
    bool first = true;
    while (start <= record.size()) {
        std::size_t semi = record.find(';', start);
        if (semi == std::string_view::npos) semi = record.size();
        std::string spec = trim(record.substr(start, semi - start));
        start = semi + 1;
        if (spec.empty()) {
            if (semi == record.size()) break;
            continue;
        }
        auto eq = spec.find('=');
        if (eq == std::string::npos) {
            r.error = Text{fmt::format("\"{}\" is not a tag=value pair", spec),
                           fmt::format("「{}」は タグ=値 の形ではありません", spec)};
            return r;
        }
        std::string name = lower(trim(spec.substr(0, eq)));
        std::string value = trim(spec.substr(eq + 1));
        if (name == "v") {
            if (!first || value != "DKIM1") {
                r.error = Text{"v=DKIM1 must be the first tag when present (RFC 6376 §3.6.1)",
                               "v=DKIM1 は書く場合は最初のタグでなければなりません "
                               "(RFC 6376 第3.6.1節)"};
                return r;
            }
            r.version = value;
        } else if (name == "k") {
            r.key_type = lower(value);
        } else if (name == "p") {
            r.has_p = true;
            for (char c : value)
                if (!std::isspace(static_cast<unsigned char>(c))) r.public_key += c;
        }
        first = false;
        if (semi == record.size()) break;
    }
    if (!r.has_p) {
        r.error = Text{"the record has no p= tag (the public key is required)",
                       "p= タグ (公開鍵) がありません"};
        return r;
    }
    if (r.public_key.empty()) {
        r.error = Text{"p= is empty: the key has been revoked (RFC 6376 §3.6.1)",
                       "p= が空です。鍵は失効しています (RFC 6376 第3.6.1節)"};
        return r;
    }
    auto der = base64_decode(r.public_key);
    if (!der) {
        r.error = Text{"p= is not valid base64", "p= が正しい base64 ではありません"};
        return r;
    }
    if (r.key_type == "ed25519") {
        // RFC 8463: the raw 32-byte key, not a SubjectPublicKeyInfo.
        if (der->size() != 32) {
            r.error = Text{
                fmt::format("an Ed25519 key is 32 bytes; p= holds {}", der->size()),
                fmt::format("Ed25519 の鍵は 32 バイトですが、p= は {} バイトです", der->size())};
            return r;
        }
        r.bits = 256;
        return r;
    }
    if (r.key_type != "rsa") {
        r.error = Text{fmt::format("unknown key type k={} (RFC 6376 and RFC 8463 define rsa and "
                                   "ed25519)",
                                   r.key_type),
                       fmt::format("不明な鍵の種類 k={} です (RFC 6376・RFC 8463 の定義は rsa と "
                                   "ed25519)",
                                   r.key_type)};
        return r;
    }
    r.bits = rsa_key_bits(*der);
    if (r.bits == 0) {
        r.error = Text{"p= does not hold an RSA public key (DER SubjectPublicKeyInfo)",
                       "p= に RSA 公開鍵 (DER の SubjectPublicKeyInfo) がありません"};
    }
    return r;
}

}  // namespace maplan::domain
