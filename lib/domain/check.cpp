// The live check. All queries of all domains are submitted up front or from the callbacks of the
// answers they depend on (the next level of an SPF include tree, a report authorisation), so the
// resolver has many in flight at once; results are combined once the resolver is idle.
#include "domain/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include "domain/dkim.hpp"
#include "domain/records.hpp"

namespace maplan::domain {

using dns::Answer;
using dns::Query;
using dns::RrType;
using dns::Status;

std::string_view to_string(RecordKind kind) {
    switch (kind) {
        case RecordKind::domain:
            return "domain";
        case RecordKind::spf:
            return "SPF";
        case RecordKind::dmarc:
            return "DMARC";
        case RecordKind::dkim:
            return "DKIM";
        case RecordKind::mx:
            return "MX";
        case RecordKind::mta_sts:
            return "MTA-STS";
        case RecordKind::tls_rpt:
            return "TLS-RPT";
        case RecordKind::bimi:
            return "BIMI";
    }
    return "?";
}

std::size_t DomainReport::count(Severity severity) const {
    std::size_t n = 0;
    for (const DomainResult& d : domains)
        for (const DomainFinding& f : d.findings) n += f.severity == severity;
    return n;
}

bool DomainReport::dns_failure() const {
    return std::any_of(domains.begin(), domains.end(),
                       [](const DomainResult& d) { return d.dns_failure; });
}

int exit_code_of(const DomainReport& report) {
    if (report.dns_failure()) return 2;
    return report.count(Severity::error) > 0 ? 1 : 0;
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto at = s.find(sep, start);
        out.emplace_back(s.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

// Hard bounds on one domain's SPF tree: evaluation stops at 10 lookups anyway, so a tree cut
// here is already far over budget; the bounds keep a hostile zone from making the check slow.
constexpr std::size_t max_spf_nodes = 40;
constexpr int max_spf_depth = 12;

struct SpfTermCost {
    std::string text;
    int voids = 0;
    int child = -1;  ///< node index for include/redirect
};

struct SpfNode {
    std::string domain;
    std::vector<std::string> path;  ///< domains from the root to here (loop detection)
    int depth = 0;
    bool txt_void = false;  ///< the TXT query of an include/redirect target was void
    std::vector<SpfTermCost> terms;
};

struct DomainState {
    DomainResult result;
    std::deque<SpfNode> spf;  // deque: references stay valid while callbacks add nodes
    bool spf_found = false;
    bool spf_permerror = false;  ///< the domain's own record does not parse
    std::string dmarc_policy_domain;
    std::optional<DmarcView> dmarc;
    std::vector<std::string> dmarc_records;  ///< v=DMARC1 records at _dmarc.DOMAIN itself
    bool txt_nxdomain = false;
    bool bimi_present = false;
    std::vector<std::pair<std::string, SourcePos>> selectors;  ///< name, plan position if any
};

class Checker {
  public:
    Checker(dns::Resolver& resolver, const CheckOptions& options)
        : resolver_(resolver), options_(options) {}

    void start(DomainState& st) {
        const std::string& d = st.result.domain;
        submit(st, RecordKind::spf, {d, RrType::txt},
               [this, &st](const Answer& a) { on_root_txt(st, a); });
        start_dmarc(st, "_dmarc." + d, false);
        submit(st, RecordKind::mx, {d, RrType::mx}, [this, &st](const Answer& a) { on_mx(st, a); });
        for (const auto& [selector, pos] : st.selectors) {
            std::string name = selector + "._domainkey." + d;
            submit(st, RecordKind::dkim, {name, RrType::txt},
                   [this, &st, selector, pos, name](const Answer& a) {
                       on_dkim(st, selector, pos, name, a);
                   });
        }
        if (st.selectors.empty()) {
            add(st, "DNS-035", RecordKind::dkim, "",
                {"no DKIM selector given (--selector, or email.dkim.selector with --plan): keys "
                 "cannot be listed from DNS, so DKIM was not checked",
                 "DKIM のセレクタが指定されていません (--selector、または --plan の "
                 "email.dkim.selector)。鍵は DNS から一覧できないため DKIM は検査していません"});
        }
        simple_txt(st, RecordKind::mta_sts, "_mta-sts." + d);
        simple_txt(st, RecordKind::tls_rpt, "_smtp._tls." + d);
        simple_txt(st, RecordKind::bimi, "default._bimi." + d);
    }

    /// After the resolver is idle: totals, cross-record checks.
    void finish(DomainState& st) {
        DomainResult& r = st.result;
        if (st.txt_nxdomain) {
            // Nothing exists under a name that does not exist: one finding says it all.
            r.findings.erase(std::remove_if(r.findings.begin(), r.findings.end(),
                                            [](const DomainFinding& f) {
                                                return f.id != "DNS-001" && f.id != "DNS-002";
                                            }),
                             r.findings.end());
            r.records.erase(
                std::remove_if(r.records.begin(), r.records.end(),
                               [&](const RecordView& v) {
                                   return !(v.name == r.domain && v.type == RrType::txt);
                               }),
                r.records.end());
            return;
        }
        if (st.spf_found && !st.spf_permerror) finish_spf(st);
        finish_bimi(st);
    }

  private:
    void submit(DomainState& st, RecordKind kind, Query q, std::function<void(const Answer&)> on) {
        resolver_.submit(q, [this, &st, kind, q, on = std::move(on)](const Answer& a) {
            st.result.records.push_back({kind, q.name, q.type, a.status, values_of(q.type, a)});
            if (dns::is_failure(a.status)) {
                failure(st, kind, q, a);
                return;
            }
            on(a);
        });
    }

    static std::vector<std::string> values_of(RrType type, const Answer& a) {
        if (type == RrType::txt) return a.txt;
        if (type == RrType::mx) {
            std::vector<std::string> out;
            for (const dns::MxHost& m : a.mx)
                out.push_back(fmt::format("{} {}", m.preference, m.host.empty() ? "." : m.host));
            return out;
        }
        return a.addresses;
    }

    void failure(DomainState& st, RecordKind kind, const Query& q, const Answer& a) {
        st.result.dns_failure = true;
        add(st, "DNS-002", kind, q.name,
            dns::describe(q, a, resolver_.server_description(), options_.resolver));
    }

    void add(DomainState& st, std::string_view id, RecordKind kind, std::string name, Text message,
             Text hint = {}, SourcePos plan_pos = {}, std::optional<Severity> severity = {}) {
        const CheckDescriptor* c = find_check(id);
        st.result.findings.push_back({std::string(id), severity ? *severity : c->severity, kind,
                                      std::move(name), std::move(message), std::move(hint),
                                      plan_pos});
    }

    // ----- SPF -----
    void on_root_txt(DomainState& st, const Answer& a) {
        const std::string& d = st.result.domain;
        if (a.status == Status::nxdomain) {
            st.txt_nxdomain = true;
            add(st, "DNS-001", RecordKind::domain, d,
                {fmt::format("{} does not exist (NXDOMAIN): no record of any kind can be "
                             "published under it",
                             d),
                 fmt::format("{} は存在しません (NXDOMAIN)。その下にはどのレコードも公開でき"
                             "ません",
                             d)},
                {"Check the spelling, or create the zone at the DNS provider.",
                 "綴りを確認するか、DNS 事業者でゾーンを作成してください。"});
            return;
        }
        std::vector<std::string> spf;
        for (const std::string& t : a.txt)
            if (is_spf_record(t)) spf.push_back(t);
        if (spf.empty()) {
            add(st, "DNS-010", RecordKind::spf, d,
                {fmt::format("{} publishes no SPF record (no TXT record starting with "
                             "\"v=spf1\"): receivers cannot tell which hosts may send for it",
                             d),
                 fmt::format("{} に SPF レコード (「v=spf1」で始まる TXT) がありません。受信側は"
                             "どのホストが送信してよいか判断できません",
                             d)},
                {"Publish one TXT record such as \"v=spf1 include:<your MA vendor> -all\".",
                 "「v=spf1 include:<MA ベンダー> -all」のような TXT レコードを 1 つ公開して"
                 "ください。"});
            return;
        }
        if (spf.size() > 1) {
            add(st, "DNS-011", RecordKind::spf, d,
                {fmt::format("{} publishes {} SPF records; RFC 7208 §4.5 makes that a permanent "
                             "error, so SPF fails for every message",
                             d, spf.size()),
                 fmt::format("{} に SPF レコードが {} 件あります。RFC 7208 第4.5節により恒久的"
                             "エラーとなり、すべてのメールで SPF が失敗します",
                             d, spf.size())},
                {"Merge them into one record.", "1 つのレコードにまとめてください。"});
            return;
        }
        st.spf_found = true;
        st.spf.push_back({d, {d}, 0, false, {}});
        evaluate_spf(st, 0, spf.front());
    }

    void evaluate_spf(DomainState& st, int node, const std::string& record) {
        SpfView view = view_spf(record);
        const std::string owner = st.spf[node].domain;
        for (const RecordProblem& p : view.problems) {
            add(st, "DNS-012", RecordKind::spf, owner,
                {fmt::format("SPF record of {}, column {}: {}", owner, p.column, p.message.en),
                 fmt::format("{} の SPF レコード {} 文字目: {}", owner, p.column, p.message.ja)},
                {}, {}, p.severity);
        }
        if (view.permerror) {
            // Receivers stop at the syntax error: there is nothing to count.
            if (node == 0) st.spf_permerror = true;
            return;
        }
        for (const SpfLookupTerm& t : view.lookups) {
            int index = static_cast<int>(st.spf[node].terms.size());
            st.spf[node].terms.push_back({t.text, 0, -1});
            std::string target = t.target.empty() ? owner : lower(t.target);
            if (t.kind == "ptr") {
                add(st, "DNS-017", RecordKind::spf, owner,
                    {fmt::format("SPF record of {} uses \"{}\": RFC 7208 §5.5 says not to (slow, "
                                 "unreliable, and some receivers skip it)",
                                 owner, t.text),
                     fmt::format("{} の SPF レコードが「{}」を使っています。RFC 7208 第5.5節は"
                                 "使わないよう求めています (遅く不確実で、無視する受信側もあり"
                                 "ます)",
                                 owner, t.text)},
                    {"Replace ptr by ip4/ip6 or a.",
                     "ptr を ip4・ip6 か a に置き換えてください。"});
                continue;
            }
            if (t.has_macro) {
                add(st, "DNS-018", RecordKind::spf, owner,
                    {fmt::format("\"{}\" in the SPF record of {} depends on the message (macro); "
                                 "it is counted as one lookup but not queried",
                                 t.text, owner),
                     fmt::format("{} の SPF レコードの「{}」はメールごとに変わるマクロです。参照 "
                                 "1 回として数えますが、問い合わせはしていません",
                                 owner, t.text)});
                continue;
            }
            if (t.kind == "include" || t.kind == "redirect") {
                follow(st, node, index, t, target);
            } else if (t.kind == "a") {
                auto voids = std::make_shared<int>(0);
                for (RrType type : {RrType::a, RrType::aaaa}) {
                    submit(st, RecordKind::spf, {target, type},
                           [this, &st, node, index, voids](const Answer& a) {
                               // One term, two queries: void only when both are empty.
                               if (dns::is_void(a.status) && ++*voids == 2)
                                   ++st.spf[node].terms[index].voids;
                           });
                }
            } else if (t.kind == "exists") {
                submit(st, RecordKind::spf, {target, RrType::a},
                       [&st, node, index](const Answer& a) {
                           if (dns::is_void(a.status)) ++st.spf[node].terms[index].voids;
                       });
            } else if (t.kind == "mx") {
                submit(st, RecordKind::spf, {target, RrType::mx},
                       [this, &st, node, index, owner, text = t.text](const Answer& a) {
                           if (dns::is_void(a.status)) ++st.spf[node].terms[index].voids;
                           if (a.mx.size() > 10) {
                               add(st, "DNS-019", RecordKind::spf, owner,
                                   {fmt::format("\"{}\" in the SPF record of {} finds {} MX "
                                                "hosts; RFC 7208 §4.6.4 allows 10 before a "
                                                "permanent error",
                                                text, owner, a.mx.size()),
                                    fmt::format("{} の SPF レコードの「{}」は MX ホストが {} 件"
                                                "あります。RFC 7208 第4.6.4節の上限は 10 件で、"
                                                "超えると恒久的エラーです",
                                                owner, text, a.mx.size())});
                           }
                       });
            }
        }
    }

    void follow(DomainState& st, int node, int index, const SpfLookupTerm& t,
                const std::string& target) {
        const SpfNode& parent = st.spf[node];
        if (std::find(parent.path.begin(), parent.path.end(), target) != parent.path.end()) {
            std::vector<std::string> chain = parent.path;
            chain.push_back(target);
            st.result.spf_counting_stopped = true;
            std::string shown = fmt::format("{}", fmt::join(chain, " → "));
            add(st, "DNS-015", RecordKind::spf, parent.domain,
                {fmt::format("SPF include loop: {} (\"{}\" leads back to a record already being "
                             "evaluated; receivers stop with a permanent error)",
                             shown, t.text),
                 fmt::format("SPF の include が循環しています: {} (「{}」は評価中のレコードに"
                             "戻ります。受信側は恒久的エラーで停止します)",
                             shown, t.text)},
                {"Remove the include that points back.",
                 "循環している include を削除してください。"});
            return;
        }
        if (st.spf.size() >= max_spf_nodes || parent.depth + 1 > max_spf_depth) {
            st.result.spf_counting_stopped = true;
            return;
        }
        int child = static_cast<int>(st.spf.size());
        SpfNode next{target, parent.path, parent.depth + 1, false, {}};
        next.path.push_back(target);
        st.spf.push_back(std::move(next));
        st.spf[node].terms[index].child = child;
        std::string owner = parent.domain;
        submit(st, RecordKind::spf, {target, RrType::txt},
               [this, &st, child, owner, text = t.text, kind = t.kind](const Answer& a) {
                   std::vector<std::string> spf;
                   for (const std::string& txt : a.txt)
                       if (is_spf_record(txt)) spf.push_back(txt);
                   if (dns::is_void(a.status)) st.spf[child].txt_void = true;
                   const std::string& target = st.spf[child].domain;
                   if (spf.size() != 1) {
                       std::string why_en = spf.empty()
                                                ? (a.status == Status::nxdomain
                                                       ? "the name does not exist (NXDOMAIN)"
                                                       : "it has no SPF record")
                                                : fmt::format("it has {} SPF records", spf.size());
                       std::string why_ja =
                           spf.empty()
                               ? (a.status == Status::nxdomain ? "名前が存在しません (NXDOMAIN)"
                                                               : "SPF レコードがありません")
                               : fmt::format("SPF レコードが {} 件あります", spf.size());
                       add(st, "DNS-016", RecordKind::spf, owner,
                           {fmt::format("\"{}\" in the SPF record of {}: {}, {}; receivers stop "
                                        "with a permanent error (RFC 7208 §5.2, §6.1)",
                                        text, owner, target, why_en),
                            fmt::format("{} の SPF レコードの「{}」: {} は{}。受信側は恒久的"
                                        "エラーで停止します (RFC 7208 第5.2節・第6.1節)",
                                        owner, text, target, why_ja)},
                           {fmt::format("Fix or remove the {}.", kind),
                            fmt::format("{} を直すか削除してください。", kind)});
                       return;
                   }
                   evaluate_spf(st, child, spf.front());
               });
    }

    struct Totals {
        int lookups = 0;
        int voids = 0;
    };
    Totals subtree(const DomainState& st, int node) const {
        Totals t;
        const SpfNode& n = st.spf[node];
        t.voids += n.txt_void ? 1 : 0;
        for (const SpfTermCost& c : n.terms) {
            t.lookups += 1;
            t.voids += c.voids;
            if (c.child >= 0) {
                Totals sub = subtree(st, c.child);
                t.lookups += sub.lookups;
                t.voids += sub.voids;
            }
        }
        return t;
    }

    void finish_spf(DomainState& st) {
        DomainResult& r = st.result;
        Totals all = subtree(st, 0);
        r.spf_lookups = all.lookups;
        r.spf_voids = all.voids;
        std::vector<std::string> parts_en, parts_ja;
        for (const SpfTermCost& c : st.spf[0].terms) {
            SpfCost cost{c.text, 1, c.voids};
            if (c.child >= 0) {
                Totals sub = subtree(st, c.child);
                cost.lookups += sub.lookups;
                cost.voids += sub.voids;
            }
            parts_en.push_back(fmt::format("{} {}", c.text, cost.lookups));
            parts_ja.push_back(fmt::format("{} {} 回", c.text, cost.lookups));
            r.spf_costs.push_back(std::move(cost));
        }
        const std::string& d = r.domain;
        std::string at_least_en = r.spf_counting_stopped ? "at least " : "";
        std::string at_least_ja = r.spf_counting_stopped ? "少なくとも " : "";
        if (all.lookups > 10) {
            add(st, "DNS-013", RecordKind::spf, d,
                {fmt::format("the SPF record of {} needs {}{} DNS lookups, nested includes "
                             "counted; RFC 7208 §4.6.4 allows 10, so SPF fails with a permanent "
                             "error ({})",
                             d, at_least_en, all.lookups, fmt::join(parts_en, ", ")),
                 fmt::format("{} の SPF レコードは入れ子の include を含めて DNS 参照が {}{} 回"
                             "必要です。RFC 7208 第4.6.4節の上限は 10 回で、恒久的エラーに"
                             "なります ({})",
                             d, at_least_ja, all.lookups, fmt::join(parts_ja, "、"))},
                {"Replace includes by ip4/ip6 ranges, drop unused senders, or move a sender to "
                 "its own subdomain.",
                 "include を ip4・ip6 に置き換えるか、使っていない送信元を削除するか、送信元を"
                 "サブドメインに分けてください。"});
        }
        if (all.voids > 2) {
            add(st, "DNS-014", RecordKind::spf, d,
                {fmt::format("the SPF record of {} causes {} void lookups (NXDOMAIN or empty "
                             "answers); RFC 7208 §4.6.4 allows 2, so SPF fails with a permanent "
                             "error",
                             d, all.voids),
                 fmt::format("{} の SPF レコードは空の参照 (NXDOMAIN または空の応答) が {} 回"
                             "あります。RFC 7208 第4.6.4節の上限は 2 回で、恒久的エラーに"
                             "なります",
                             d, all.voids)},
                {"Remove terms that point at names without records.",
                 "レコードのない名前を指す項目を削除してください。"});
        }
    }

    // ----- DMARC -----
    void start_dmarc(DomainState& st, const std::string& name, bool fallback) {
        submit(st, RecordKind::dmarc, {name, RrType::txt},
               [this, &st, name, fallback](const Answer& a) { on_dmarc(st, name, fallback, a); });
    }

    void on_dmarc(DomainState& st, const std::string& name, bool fallback, const Answer& a) {
        const std::string& d = st.result.domain;
        std::vector<std::string> records;
        for (const std::string& t : a.txt)
            if (is_dmarc_record(t)) records.push_back(t);
        if (!fallback) st.dmarc_records = records;
        if (records.empty()) {
            std::string org = organisational_domain(d);
            if (!fallback && org != d) {
                // RFC 7489 §6.6.3: with no record at the author domain, receivers use the
                // organisational domain's (its sp= applies).
                start_dmarc(st, "_dmarc." + org, true);
                return;
            }
            std::string where = fallback ? fmt::format("_dmarc.{} nor at {}", d, name)
                                         : fmt::format("_dmarc.{}", d);
            std::string where_ja = fallback ? fmt::format("_dmarc.{} にも {} にも", d, name)
                                            : fmt::format("_dmarc.{} に", d);
            add(st, "DNS-020", RecordKind::dmarc, "_dmarc." + d,
                {fmt::format("no DMARC record at {}: receivers apply no policy, and Google and "
                             "Yahoo reject bulk mail without one",
                             where),
                 fmt::format("{} DMARC レコードがありません。受信側はポリシーを適用せず、"
                             "Google・Yahoo はバルク送信のメールを拒否します",
                             where_ja)},
                {"Publish \"v=DMARC1; p=none; rua=mailto:dmarc@<your domain>\" and tighten "
                 "later.",
                 "「v=DMARC1; p=none; rua=mailto:dmarc@<自社ドメイン>」を公開し、後で強めて"
                 "ください。"});
            return;
        }
        if (records.size() > 1) {
            add(st, "DNS-021", RecordKind::dmarc, name,
                {fmt::format("{} holds {} DMARC records; receivers then apply none (RFC 7489 "
                             "§6.6.3)",
                             name, records.size()),
                 fmt::format("{} に DMARC レコードが {} 件あります。この場合受信側はどれも適用"
                             "しません (RFC 7489 第6.6.3節)",
                             name, records.size())},
                {"Keep exactly one.", "1 つだけにしてください。"});
            return;
        }
        st.dmarc_policy_domain = name.substr(std::string("_dmarc.").size());
        if (fallback) {
            add(st, "DNS-024", RecordKind::dmarc, name,
                {fmt::format("{} has no DMARC record of its own; receivers apply the one at {} "
                             "(its sp= for subdomains)",
                             d, name),
                 fmt::format("{} には独自の DMARC レコードがなく、受信側は {} のもの (サブ"
                             "ドメインには sp=) を適用します",
                             d, name)});
        }
        DmarcView view = view_dmarc(records.front());
        for (const RecordProblem& p : view.problems) {
            add(st, "DNS-022", RecordKind::dmarc, name,
                {fmt::format("DMARC record at {}, column {}: {}", name, p.column, p.message.en),
                 fmt::format("{} の DMARC レコード {} 文字目: {}", name, p.column, p.message.ja)},
                {}, {}, p.severity);
        }
        std::string org = organisational_domain(st.dmarc_policy_domain);
        for (const std::string& rd : view.report_domains) {
            if (organisational_domain(rd) == org) continue;
            std::string auth = st.dmarc_policy_domain + "._report._dmarc." + rd;
            submit(st, RecordKind::dmarc, {auth, RrType::txt},
                   [this, &st, auth, rd, name](const Answer& a) {
                       bool ok = std::any_of(a.txt.begin(), a.txt.end(), [](const std::string& t) {
                           return is_dmarc_record(t);
                       });
                       if (ok) return;
                       add(st, "DNS-023", RecordKind::dmarc, auth,
                           {fmt::format("DMARC reports from {} go to {}, which does not "
                                        "authorise them: no \"v=DMARC1\" TXT record at {} (RFC "
                                        "7489 §7.1), so receivers will not send them",
                                        name, rd, auth),
                            fmt::format("{} の DMARC レポート送付先 {} が受け取りを認可して"
                                        "いません。{} に「v=DMARC1」の TXT レコードがないため "
                                        "(RFC 7489 第7.1節)、受信側はレポートを送りません",
                                        name, rd, auth)},
                           {fmt::format("Ask the operator of {} to publish \"v=DMARC1\" at {}.", rd,
                                        auth),
                            fmt::format("{} の管理者に {} へ「v=DMARC1」を公開するよう依頼して"
                                        "ください。",
                                        rd, auth)});
                   });
        }
        st.dmarc = std::move(view);
    }

    // ----- DKIM -----
    void on_dkim(DomainState& st, const std::string& selector, SourcePos pos,
                 const std::string& name, const Answer& a) {
        std::vector<std::string> keys;
        for (const std::string& t : a.txt) {
            // Any TXT record here is meant as a key record (v= is optional).
            keys.push_back(t);
        }
        if (keys.empty()) {
            add(st, "DNS-030", RecordKind::dkim, name,
                {fmt::format("no DKIM key for selector \"{}\": {} has no TXT record ({}), so "
                             "mail signed with it fails DKIM",
                             selector, name,
                             a.status == Status::nxdomain ? "NXDOMAIN" : "empty answer"),
                 fmt::format("セレクタ「{}」の DKIM 鍵がありません。{} に TXT レコードがない "
                             "({}) ため、この署名のメールは DKIM が失敗します",
                             selector, name,
                             a.status == Status::nxdomain ? "NXDOMAIN" : "空の応答")},
                {"Publish the key the MA tool shows for this selector.",
                 "MA ツールが表示するこのセレクタの鍵を公開してください。"},
                pos);
            return;
        }
        if (keys.size() > 1) {
            add(st, "DNS-034", RecordKind::dkim, name,
                {fmt::format("{} holds {} TXT records; verifiers may pick either, so "
                             "signatures fail at random (RFC 6376 §3.6.2.2)",
                             name, keys.size()),
                 fmt::format("{} に TXT レコードが {} 件あります。検証側はどれを使うか定まらず、"
                             "署名がランダムに失敗します (RFC 6376 第3.6.2.2節)",
                             name, keys.size())},
                {"Keep one key record per selector.",
                 "セレクタごとに鍵レコードを 1 つにしてください。"},
                pos);
            return;
        }
        DkimRecord rec = parse_dkim_record(keys.front());
        DkimKey key{selector, name, rec.key_type, rec.bits, rec.has_p && rec.public_key.empty()};
        st.result.dkim.push_back(key);
        if (rec.error) {
            add(st, "DNS-034", RecordKind::dkim, name,
                {fmt::format("DKIM key record at {}: {}", name, rec.error->en),
                 fmt::format("{} の DKIM 鍵レコード: {}", name, rec.error->ja)},
                {"Publish the key exactly as the MA tool shows it.",
                 "MA ツールが表示する鍵をそのまま公開してください。"},
                pos);
            return;
        }
        if (rec.key_type != "rsa") return;
        if (rec.bits < options_.min_dkim_bits) {
            add(st, "DNS-031", RecordKind::dkim, name,
                {fmt::format("the DKIM key at {} is {} bits; RFC 8301 says verifiers must not "
                             "accept RSA keys below {} bits, so the mail counts as unsigned",
                             name, rec.bits, options_.min_dkim_bits),
                 fmt::format("{} の DKIM 鍵は {} ビットです。RFC 8301 により {} ビット未満の "
                             "RSA 鍵は受け入れられず、署名がないのと同じ扱いになります",
                             name, rec.bits, options_.min_dkim_bits)},
                {"Generate a 2048-bit key.", "2048 ビットの鍵を作り直してください。"}, pos);
        } else if (rec.bits < options_.recommended_dkim_bits) {
            add(st, "DNS-032", RecordKind::dkim, name,
                {fmt::format("the DKIM key at {} is {} bits; RFC 8301 recommends {}", name,
                             rec.bits, options_.recommended_dkim_bits),
                 fmt::format("{} の DKIM 鍵は {} ビットです。RFC 8301 の推奨は {} ビットです", name,
                             rec.bits, options_.recommended_dkim_bits)},
                {"Rotate to a 2048-bit key.", "2048 ビットの鍵に切り替えてください。"}, pos);
        } else if (rec.bits > options_.recommended_dkim_bits) {
            add(st, "DNS-033", RecordKind::dkim, name,
                {fmt::format("the DKIM key at {} is {} bits; some receiving gateways reject keys "
                             "above {} bits",
                             name, rec.bits, options_.recommended_dkim_bits),
                 fmt::format("{} の DKIM 鍵は {} ビットです。{} ビットを超える鍵を拒否する受信"
                             "ゲートウェイがあります",
                             name, rec.bits, options_.recommended_dkim_bits)});
        }
    }

    // ----- MX -----
    void on_mx(DomainState& st, const Answer& a) {
        const std::string& d = st.result.domain;
        if (a.mx.empty()) {
            if (a.status == Status::nxdomain) return;  // DNS-001 says it
            add(st, "DNS-040", RecordKind::mx, d,
                {fmt::format("{} has no MX record: replies and bounces to the sending domain go "
                             "to its A record, or nowhere",
                             d),
                 fmt::format("{} に MX レコードがありません。送信ドメイン宛の返信・エラー"
                             "メールは A レコードに送られるか、届きません",
                             d)},
                {"Publish MX records for the mailboxes that receive replies.",
                 "返信を受けるメールボックスの MX レコードを公開してください。"});
            return;
        }
        bool null_mx = a.mx.size() == 1 && (a.mx.front().host.empty() || a.mx.front().host == ".");
        if (null_mx) {
            add(st, "DNS-041", RecordKind::mx, d,
                {fmt::format("{} publishes a null MX (RFC 7505): it receives no mail, so replies "
                             "and bounces to it are lost",
                             d),
                 fmt::format("{} は Null MX (RFC 7505) を公開しています。メールを受信しない"
                             "ため、宛先の返信・エラーメールは失われます",
                             d)});
        }
    }

    // ----- MTA-STS, TLS-RPT, BIMI -----
    void simple_txt(DomainState& st, RecordKind kind, const std::string& name) {
        submit(st, kind, {name, RrType::txt},
               [this, &st, kind, name](const Answer& a) { on_simple(st, kind, name, a); });
    }

    static std::vector<std::pair<std::string, std::string>> tag_list(std::string_view record) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const std::string& part : split(record, ';')) {
            std::string spec = trim(part);
            if (spec.empty()) continue;
            auto eq = spec.find('=');
            if (eq == std::string::npos) {
                out.emplace_back(spec, "\x01");  // not a tag=value pair
                continue;
            }
            out.emplace_back(trim(spec.substr(0, eq)), trim(spec.substr(eq + 1)));
        }
        return out;
    }

    static const std::string* tag(const std::vector<std::pair<std::string, std::string>>& tags,
                                  std::string_view name) {
        for (const auto& [n, v] : tags)
            if (n == name) return &v;
        return nullptr;
    }

    void on_simple(DomainState& st, RecordKind kind, const std::string& name, const Answer& a) {
        struct Spec {
            std::string_view version;
            std::string_view missing, invalid;
            std::string_view what_en, what_ja;
        };
        Spec spec = kind == RecordKind::mta_sts ? Spec{"v=STSv1", "DNS-050", "DNS-051",
                                                       "MTA-STS (RFC 8461): receivers may "
                                                       "deliver to this domain without TLS",
                                                       "MTA-STS (RFC 8461)。受信時に TLS が"
                                                       "強制されません"}
                    : kind == RecordKind::tls_rpt
                        ? Spec{"v=TLSRPTv1", "DNS-052", "DNS-053",
                               "TLS-RPT (RFC 8460): no reports of failed TLS delivery",
                               "TLS-RPT (RFC 8460)。TLS 配送失敗のレポートが届きません"}
                        : Spec{"v=BIMI1", "DNS-054", "DNS-055",
                               "BIMI: no brand logo next to the mail in supporting inboxes",
                               "BIMI。対応する受信箱でブランドのロゴが表示されません"};
        std::vector<std::string> records;
        for (const std::string& t : a.txt) {
            std::string head = t.substr(0, t.find(';'));
            head.erase(std::remove_if(head.begin(), head.end(),
                                      [](unsigned char c) { return std::isspace(c); }),
                       head.end());
            if (head == spec.version) records.push_back(t);
        }
        if (records.empty()) {
            add(st, spec.missing, kind, name,
                {fmt::format("no {} record at {}: {}", to_string(kind), name, spec.what_en),
                 fmt::format("{} に {} レコードがありません: {}", name, to_string(kind),
                             spec.what_ja)});
            return;
        }
        auto invalid = [&](std::string en, std::string ja) {
            add(st, spec.invalid, kind, name,
                {fmt::format("{} record at {}: {}", to_string(kind), name, en),
                 fmt::format("{} の {} レコード: {}", name, to_string(kind), ja)});
        };
        if (records.size() > 1) {
            invalid(fmt::format("{} records; receivers then use none", records.size()),
                    fmt::format("{} 件あります。この場合受信側はどれも使いません", records.size()));
            return;
        }
        auto tags = tag_list(records.front());
        for (const auto& [n, v] : tags) {
            if (v == "\x01") {
                invalid(fmt::format("\"{}\" is not a tag=value pair", n),
                        fmt::format("「{}」は タグ=値 の形ではありません", n));
                return;
            }
        }
        if (kind == RecordKind::mta_sts) {
            const std::string* id = tag(tags, "id");
            bool ok = id != nullptr && !id->empty() && id->size() <= 32 &&
                      std::all_of(id->begin(), id->end(),
                                  [](unsigned char c) { return std::isalnum(c); });
            if (!ok) {
                invalid("id= must be 1 to 32 letters and digits (RFC 8461 §3.1)",
                        "id= は 1〜32 文字の英数字でなければなりません (RFC 8461 第3.1節)");
            }
        } else if (kind == RecordKind::tls_rpt) {
            const std::string* rua = tag(tags, "rua");
            if (rua == nullptr || rua->empty()) {
                invalid("rua= is required (RFC 8460 §3)", "rua= は必須です (RFC 8460 第3節)");
                return;
            }
            for (const std::string& uri : split(*rua, ',')) {
                std::string u = lower(trim(uri));
                if (u.rfind("mailto:", 0) != 0 && u.rfind("https://", 0) != 0) {
                    invalid(fmt::format("rua= \"{}\" is neither mailto: nor https: (RFC 8460 §3)",
                                        trim(uri)),
                            fmt::format("rua= の「{}」は mailto: でも https: でもありません "
                                        "(RFC 8460 第3節)",
                                        trim(uri)));
                }
            }
        } else {
            const std::string* l = tag(tags, "l");
            if (l != nullptr && !l->empty() && lower(*l).rfind("https://", 0) != 0) {
                invalid(
                    fmt::format("l= \"{}\" must be an https: URL of the SVG logo", *l),
                    fmt::format("l= の「{}」はロゴ (SVG) の https: URL でなければなりません", *l));
            }
            st.bimi_present = true;
        }
    }

    void finish_bimi(DomainState& st) {
        if (!st.bimi_present || !st.dmarc) return;
        const std::string& p = st.dmarc->policy;
        if (p == "quarantine" || p == "reject") return;
        std::string name = "default._bimi." + st.result.domain;
        add(st, "DNS-055", RecordKind::bimi, name,
            {fmt::format("BIMI record at {}: inboxes show the logo only under an enforcing DMARC "
                         "policy (p=quarantine or p=reject); the policy is p={}",
                         name, p.empty() ? "(none)" : p),
             fmt::format("{} の BIMI レコード: ロゴは DMARC が強制ポリシー (p=quarantine か "
                         "p=reject) の場合だけ表示されます。現在は p={} です",
                         name, p.empty() ? "(なし)" : p)});
    }

    dns::Resolver& resolver_;
    const CheckOptions& options_;
};

}  // namespace

std::optional<std::string> normalise_domain(std::string_view text) {
    std::string d = lower(text);
    if (!d.empty() && d.back() == '.') d.pop_back();
    if (d.empty() || d.size() > 253) return std::nullopt;
    for (const std::string& label : split(d, '.')) {
        if (label.empty() || label.size() > 63) return std::nullopt;
        for (unsigned char c : label) {
            if (!(std::isalnum(c) || c == '-' || c == '_')) return std::nullopt;
        }
        if (label.front() == '-' || label.back() == '-') return std::nullopt;
    }
    return d;
}

std::string organisational_domain(std::string_view domain) {
    std::vector<std::string> labels = split(lower(domain), '.');
    std::size_t keep = 2;
    if (labels.size() >= 3 && labels.back().size() == 2) {
        static constexpr std::string_view second_level[] = {"co", "ne", "or",  "ac",  "go", "gr",
                                                            "ed", "lg", "com", "net", "org"};
        for (std::string_view sl : second_level)
            if (labels[labels.size() - 2] == sl) keep = 3;
    }
    if (labels.size() <= keep) return lower(domain);
    std::string out;
    for (std::size_t i = labels.size() - keep; i < labels.size(); ++i)
        out += (out.empty() ? "" : ".") + labels[i];
    return out;
}

void compare_with_plan(DomainResult& result, const std::vector<std::string>& spf_records,
                       const std::vector<std::string>& dmarc_records, const CheckOptions& options);

DomainReport check_domains(const std::vector<std::string>& domains, dns::Resolver& resolver,
                           const CheckOptions& options) {
    dns::CachingResolver cache(resolver);
    Checker checker(cache, options);
    std::deque<DomainState> states;
    const Email* email =
        options.plan != nullptr && options.plan->email ? &*options.plan->email : nullptr;
    for (const std::string& d : domains) {
        DomainState& st = states.emplace_back();
        st.result.domain = d;
        for (const std::string& s : options.selectors) st.selectors.emplace_back(s, SourcePos{});
        bool is_plan_domain = email != nullptr && email->sending_domain.present() &&
                              lower(email->sending_domain.value) == d;
        if (is_plan_domain && email->dkim && email->dkim->selector.present()) {
            const LString& sel = email->dkim->selector;
            auto same = std::find_if(st.selectors.begin(), st.selectors.end(),
                                     [&](const auto& s) { return s.first == sel.value; });
            if (same == st.selectors.end()) {
                st.selectors.emplace_back(sel.value, sel.pos);
            } else {
                same->second = sel.pos;
            }
        }
    }
    for (DomainState& st : states) checker.start(st);
    cache.run();
    DomainReport report;
    for (DomainState& st : states) {
        checker.finish(st);
        if (options.plan != nullptr) {
            std::vector<std::string> spf;
            for (const RecordView& r : st.result.records) {
                if (r.kind == RecordKind::spf && r.name == st.result.domain &&
                    r.type == RrType::txt) {
                    for (const std::string& v : r.values)
                        if (is_spf_record(v)) spf.push_back(v);
                }
            }
            compare_with_plan(st.result, spf, st.dmarc_records, options);
        }
        // Callbacks arrive in network order; sort for stable output.
        std::stable_sort(st.result.records.begin(), st.result.records.end(),
                         [](const RecordView& a, const RecordView& b) {
                             return std::tie(a.kind, a.name, a.type) <
                                    std::tie(b.kind, b.name, b.type);
                         });
        std::stable_sort(st.result.findings.begin(), st.result.findings.end(),
                         [](const DomainFinding& a, const DomainFinding& b) {
                             return std::tie(a.record, a.id, a.name, a.message.en) <
                                    std::tie(b.record, b.id, b.name, b.message.en);
                         });
        std::sort(st.result.dkim.begin(), st.result.dkim.end(),
                  [](const DkimKey& a, const DkimKey& b) { return a.selector < b.selector; });
        report.domains.push_back(std::move(st.result));
    }
    report.server = resolver.server_description();
    report.queries = resolver.queries_sent();
    if (options.plan != nullptr) report.plan = options.plan->source;
    return report;
}

}  // namespace maplan::domain
