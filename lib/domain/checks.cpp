// Every finding the live check can produce, in one table (docs/domain.md lists the same IDs).
#include "domain/check.hpp"

namespace maplan::domain {

const std::vector<CheckDescriptor>& checks() {
    static const std::vector<CheckDescriptor> all = {
        {"DNS-001", Severity::error, {"Domain does not exist", "ドメインが存在しない"}},
        {"DNS-002",
         Severity::error,
         {"DNS query failed; check incomplete", "DNS 問い合わせの失敗 (検査未完了)"}},
        {"DNS-010", Severity::warning, {"No SPF record", "SPF レコードがない"}},
        {"DNS-011", Severity::error, {"More than one SPF record", "SPF レコードが複数ある"}},
        {"DNS-012",
         Severity::error,
         {"SPF record grammar (RFC 7208)", "SPF レコードの文法 (RFC 7208)"}},
        {"DNS-013",
         Severity::error,
         {"SPF over 10 DNS lookups (nested includes counted)",
          "SPF の DNS 参照が 10 回超 (入れ子の include を含む)"}},
        {"DNS-014", Severity::error, {"SPF over 2 void lookups", "SPF の空参照が 2 回超"}},
        {"DNS-015", Severity::error, {"SPF include loop", "SPF の include が循環している"}},
        {"DNS-016",
         Severity::error,
         {"SPF include or redirect without an SPF record",
          "SPF の include・redirect 先に SPF レコードがない"}},
        {"DNS-017", Severity::warning, {"SPF ptr mechanism", "SPF の ptr 機構"}},
        {"DNS-018", Severity::info, {"SPF macro not expanded", "展開されない SPF マクロ"}},
        {"DNS-019",
         Severity::error,
         {"SPF mx with more than 10 MX hosts", "SPF の mx が 10 を超える MX ホストを指す"}},
        {"DNS-020", Severity::error, {"No DMARC record", "DMARC レコードがない"}},
        {"DNS-021", Severity::error, {"More than one DMARC record", "DMARC レコードが複数ある"}},
        {"DNS-022",
         Severity::error,
         {"DMARC record grammar (RFC 9989)", "DMARC レコードの文法 (RFC 9989)"}},
        {"DNS-023",
         Severity::warning,
         {"DMARC report address not authorised", "DMARC レポート送付先の認可がない"}},
        {"DNS-024",
         Severity::info,
         {"DMARC policy from the organisational domain", "組織ドメインの DMARC ポリシーを適用"}},
        {"DNS-030", Severity::error, {"No DKIM key for the selector", "セレクタの DKIM 鍵がない"}},
        {"DNS-031", Severity::error, {"DKIM key too short", "DKIM の鍵長が短すぎる"}},
        {"DNS-032", Severity::warning, {"DKIM key below 2048 bits", "DKIM の鍵長が推奨未満"}},
        {"DNS-033", Severity::info, {"DKIM key above 2048 bits", "2048 ビットを超える DKIM 鍵"}},
        {"DNS-034", Severity::error, {"DKIM key record unusable", "DKIM 鍵レコードが使えない"}},
        {"DNS-035",
         Severity::info,
         {"DKIM not checked (no selector)", "DKIM 未検査 (セレクタ指定なし)"}},
        {"DNS-040", Severity::warning, {"No MX record", "MX レコードがない"}},
        {"DNS-041",
         Severity::info,
         {"Null MX: the domain receives no mail", "Null MX (受信しない)"}},
        {"DNS-050", Severity::info, {"No MTA-STS record", "MTA-STS レコードがない"}},
        {"DNS-051", Severity::warning, {"MTA-STS record invalid", "MTA-STS レコードが不正"}},
        {"DNS-052", Severity::info, {"No TLS-RPT record", "TLS-RPT レコードがない"}},
        {"DNS-053", Severity::warning, {"TLS-RPT record invalid", "TLS-RPT レコードが不正"}},
        {"DNS-054", Severity::info, {"No BIMI record", "BIMI レコードがない"}},
        {"DNS-055", Severity::warning, {"BIMI record unusable", "BIMI レコードが使えない"}},
        {"DNS-060",
         Severity::error,
         {"SPF in DNS differs from the plan", "DNS の SPF が計画と異なる"}},
        {"DNS-061",
         Severity::error,
         {"DMARC in DNS differs from the plan", "DNS の DMARC が計画と異なる"}},
        {"DNS-062",
         Severity::error,
         {"DKIM in DNS differs from the plan", "DNS の DKIM が計画と異なる"}},
        {"DNS-063",
         Severity::warning,
         {"Domain is not the plan's sending domain", "計画の送信ドメインではない"}},
    };
    return all;
}

const CheckDescriptor* find_check(std::string_view id) {
    for (const CheckDescriptor& c : checks())
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace maplan::domain
