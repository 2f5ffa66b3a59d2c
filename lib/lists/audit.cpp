#include "lists/audit.hpp"

#include "core/escape.hpp"
#include "core/json_writer.hpp"

#include <fmt/format.h>

#include <array>

namespace maplan::lists {

namespace {

enum Kind : std::size_t {
    invalid_email,
    consent_missing,
    consent_opt_out,
    consent_no_source,
    excluded,
    duplicate_exact,
    duplicate_normalized,
    duplicate_person,
    role_address,
    free_mail,
    kind_count
};

struct KindInfo {
    std::string_view id;
    TextRef title;
};

constexpr std::array<KindInfo, kind_count> kinds = {{
    {"invalid_email", {"Invalid email addresses", "不正なメールアドレス"}},
    {"consent_missing", {"No consent recorded", "同意の記録なし"}},
    {"consent_opt_out",
     {"Opted out (consent refused or withdrawn)", "オプトアウト(同意の拒否・撤回)"}},
    {"consent_no_source",
     {"Opt-in without a record of how it was obtained (Act on Specified Electronic Mail §3(2))",
      "取得方法の記録がないオプトイン(特定電子メール法 第3条第2項)"}},
    {"excluded",
     {"Excluded (global exclusions and unsubscribe flags)",
      "除外(全体除外リスト・配信停止フラグ)"}},
    {"duplicate_exact",
     {"Duplicates: the same address written identically", "重複: まったく同じアドレス"}},
    {"duplicate_normalized",
     {"Duplicates: the same address after normalisation (spaces, domain case, IDN)",
      "重複: 正規化すると同じアドレス(空白・ドメインの大小文字・国際化ドメイン)"}},
    {"duplicate_person",
     {"Same company and person name with another address", "会社名と氏名が同じで別のアドレス"}},
    {"role_address", {"Role addresses (info@, sales@ ...)", "役割アドレス(info@、sales@ など)"}},
    {"free_mail",
     {"Free-mail addresses (unusual for B2B)", "フリーメールのアドレス(BtoB では要確認)"}},
}};

std::string side_text(const ConflictSide& s) {
    return fmt::format("{}:{} ({})", markdown_escape(s.file), s.row, markdown_escape(s.source));
}

std::string render_conflicts_markdown(const ConsentConflicts& c, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out =
        ja ? fmt::format(
                 "\n## 同意の食い違い\n\nあるソースで同意、別のソース(または除外リスト)で"
                 "拒否している人: {} 人(うち新しい同意の記録で配信可能に戻った人 {} 人)。"
                 "それ以外は拒否が優先されます。\n",
                 c.persons, c.lifted)
           : fmt::format(
                 "\n## Consent conflicts\n\nPeople with consent in one source and a "
                 "refusal in another (or in an exclusion file): {} ({} of them contactable "
                 "again by a newer recorded opt-in). Otherwise the refusal wins.\n",
                 c.persons, c.lifted);
    if (c.examples.empty()) return out;
    out += ja ? "\n| メール | 同意(ファイル:行) | 拒否(ファイル:行) | 結果 |\n"
              : "\n| email | consent (file:row) | refusal (file:row) | outcome |\n";
    out += "|---|---|---|---|\n";
    for (const auto& e : c.examples) {
        out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(e.email),
                           side_text(e.consent), side_text(e.refusal),
                           e.lifted ? (ja ? "新しい同意が優先" : "newer opt-in wins")
                                    : (ja ? "拒否が優先" : "refusal wins"));
    }
    return out;
}

std::string side_json(const ConflictSide& s) {
    return fmt::format("{{\"file\": {}, \"row\": {}, \"source\": {}}}", JsonWriter::escape(s.file),
                       s.row, JsonWriter::escape(s.source));
}

std::string render_conflicts_json(const ConsentConflicts& c) {
    std::string out =
        fmt::format("{{\"count\": {}, \"lifted\": {}, \"examples\": [", c.persons, c.lifted);
    for (std::size_t i = 0; i < c.examples.size(); ++i) {
        const auto& e = c.examples[i];
        out += fmt::format("{}{{\"email\": {}, \"consent\": {}, \"refusal\": {}, \"outcome\": {}}}",
                           i ? ", " : "", JsonWriter::escape(e.email), side_json(e.consent),
                           side_json(e.refusal), e.lifted ? "\"opt_in_wins\"" : "\"refusal_wins\"");
    }
    return out + "]}";
}

std::string display_name(const ContactDetails& c) {
    if (!c.full_name.empty()) return std::string(c.full_name);
    std::string n(c.last_name);
    if (!c.first_name.empty()) {
        if (!n.empty()) n += ' ';
        n += c.first_name;
    }
    return n;
}

}  // namespace

AuditReport build_audit(Workspace& ws, const ListsConfig& config, bool show_pii,
                        const ProgressFn& progress) {
    AuditReport report;
    report.workspace = ws.path().string();
    report.pii_shown = show_pii;
    report.channels = declared_channels(ws, config);
    {
        auto st = ws.prepare("SELECT count(*) FROM exclusions");
        st.step();
        report.exclusion_entries = static_cast<std::size_t>(st.integer(0));
    }
    std::vector<std::int64_t> source_ids;  // parallel to report.sources
    {
        auto st = ws.prepare(
            "SELECT s.name, s.id, b.file, "
            "b.rows, b.new_rows, b.changed_rows, b.unchanged_rows FROM sources s LEFT JOIN batches "
            "b "
            "ON b.id = (SELECT max(id) FROM batches WHERE source_id = s.id) ORDER BY s.name");
        while (st.step()) {
            SourceStats s;
            s.name = st.text(0);
            source_ids.push_back(st.integer(1));  // contacts are counted during the scan
            s.last_file = st.text(2);
            s.last_rows = static_cast<std::size_t>(st.integer(3));
            s.last_new = static_cast<std::size_t>(st.integer(4));
            s.last_changed = static_cast<std::size_t>(st.integer(5));
            s.last_unchanged = static_cast<std::size_t>(st.integer(6));
            report.sources.push_back(std::move(s));
        }
    }

    std::vector<AuditFinding> findings(kind_count);
    for (std::size_t k = 0; k < kind_count; ++k) {
        findings[k].id = std::string(kinds[k].id);
        findings[k].title = kinds[k].title;
    }
    std::vector<AuditFinding> channel_findings(report.channels.size());
    for (std::size_t i = 0; i < report.channels.size(); ++i) {
        channel_findings[i].id = "missing_channel_id." + report.channels[i];
        channel_findings[i].title =
            Text{fmt::format("No customer ID for channel \"{}\"", report.channels[i]),
                 fmt::format("チャネル「{}」の顧客 ID なし", report.channels[i])};
    }
    std::map<std::string, std::size_t> problems;
    std::map<std::string, std::size_t> reasons;
    std::vector<std::string> role_locals = default_role_locals();

    // Examples get their file, row, source and names after the scan, by id: reading those columns
    // for every contact to show three of them cost more than the rest of the audit.
    // Same person, other address: person key hash -> hash of the first email key. A 64-bit
    // collision could only add or hide one example of this finding, never change what extract
    // writes.
    const std::hash<std::string_view> hash;
    HashTable person_email;
    {
        auto st = ws.prepare("SELECT max(id) FROM contacts");
        st.step();
        person_email.reserve(static_cast<std::size_t>(st.integer(0)));
    }
    std::vector<std::pair<AuditExample*, std::int64_t>> pending;
    std::vector<std::size_t> per_source;  // contacts by source id
    for (auto& f : findings) f.examples.reserve(3);
    for (auto& f : channel_findings) f.examples.reserve(3);
    auto note = [&](AuditFinding& f, const ContactView& c) {
        ++f.count;
        if (f.examples.size() >= 3) return;
        AuditExample e;
        e.email = show_pii ? std::string(c.email) : mask_email(c.email);
        f.examples.push_back(std::move(e));
        pending.emplace_back(&f.examples.back(), c.id);
    };

    // Consent conflicts: both sides are looked up after the scan, like the examples.
    std::vector<std::pair<ConflictSide*, std::int64_t>> pending_sides;
    ConsentConflicts& conflicts = report.consent_conflicts;
    conflicts.examples.reserve(3);
    auto note_conflict = [&](const ContactView& c) {
        PersonRecord& p = *c.person;
        p.conflict_noted = true;
        ++conflicts.persons;
        if (p.lifted()) ++conflicts.lifted;
        if (conflicts.examples.size() >= 3) return;
        ConsentConflict& e = conflicts.examples.emplace_back();
        e.email = show_pii ? std::string(c.email) : mask_email(c.email);
        e.lifted = p.lifted();
        pending_sides.emplace_back(&e.consent, c.id);
        if (p.refusal_contact != 0) {
            pending_sides.emplace_back(&e.refusal, p.refusal_contact);
        } else {
            e.refusal = {p.refusal_file, p.refusal_row, "exclusions"};
        }
    };

    report.waterfall = scan_contacts(
        ws, config, report.channels, ScanOptions{.details = false}, progress,
        [&](const ContactView& c, Stage stage, const std::string* reason) {
            if (c.consent == Consent::opt_in && c.person != nullptr && c.person->refused &&
                !c.person->conflict_noted && c.person->refusal_contact != c.id)
                note_conflict(c);
            if (c.problem != EmailProblem::none) {
                note(findings[invalid_email], c);
                ++problems[std::string(problem_id(c.problem))];
            }
            if (c.consent == Consent::none) note(findings[consent_missing], c);
            if (c.consent == Consent::opt_out) note(findings[consent_opt_out], c);
            if (c.consent == Consent::opt_in && c.consent_source.empty())
                note(findings[consent_no_source], c);
            if (stage == Stage::excluded) {
                note(findings[excluded], c);
                ++reasons[*reason];
            }
            if (c.problem == EmailProblem::none) {
                if (c.address_seen_before) {
                    note(
                        findings[c.same_spelling_as_first ? duplicate_exact : duplicate_normalized],
                        c);
                }
                if (is_role_address(c.local, role_locals)) note(findings[role_address], c);
                if (is_free_mail_domain(c.domain)) note(findings[free_mail], c);
            }
            if (c.person_hash != 0 && !c.email_key.empty()) {
                const std::uint64_t address = hash(c.email_key);
                auto [first_address, first] = person_email.try_emplace(c.person_hash, address);
                if (!first && first_address != address) note(findings[duplicate_person], c);
            }
            const auto source = static_cast<std::size_t>(c.source_id);
            if (source >= per_source.size()) per_source.resize(source + 1);
            ++per_source[source];
            for (std::size_t i = 0; i < c.channel_ids.size(); ++i) {
                if (c.channel_ids[i].empty()) note(channel_findings[i], c);
            }
        });
    auto details = ws.prepare(
        "SELECT b.file, c.row_no, s.name, c.company, c.last_name, c.first_name, c.full_name "
        "FROM contacts c JOIN sources s ON s.id = c.source_id JOIN batches b ON b.id = c.batch_id "
        "WHERE c.id = ?");
    for (auto [e, id] : pending) {
        details.bind(1, id);
        if (details.step()) {
            ContactDetails d;
            d.last_name = details.text(4);
            d.first_name = details.text(5);
            d.full_name = details.text(6);
            const std::string name = display_name(d);
            e->file = details.text(0);
            e->row = details.integer(1);
            e->source = details.text(2);
            e->company = details.text(3);
            e->name = show_pii ? name : mask_name(name);
        }
        details.reset();
    }
    for (auto [side, id] : pending_sides) {
        details.bind(1, id);
        if (details.step())
            *side = {std::string(details.text(0)), details.integer(1),
                     std::string(details.text(2))};
        details.reset();
    }
    for (std::size_t i = 0; i < source_ids.size(); ++i) {
        const auto id = static_cast<std::size_t>(source_ids[i]);
        report.sources[i].contacts = id < per_source.size() ? per_source[id] : 0;
    }
    report.contacts = report.waterfall.imported;
    findings[invalid_email].breakdown.assign(problems.begin(), problems.end());
    findings[excluded].breakdown.assign(reasons.begin(), reasons.end());
    report.findings = std::move(findings);
    for (auto& f : channel_findings) report.findings.push_back(std::move(f));
    return report;
}

std::string render_waterfall_markdown(const Waterfall& w, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out = ja ? "| 段階 | 件数 |\n|---|---:|\n" : "| stage | contacts |\n|---|---:|\n";
    auto row = [&](std::string_view en, std::string_view jp, std::size_t n) {
        out += fmt::format("| {} | {} |\n", ja ? jp : en, n);
    };
    row("imported", "取り込み", w.imported);
    row("− invalid address", "− 不正なアドレス", w.invalid);
    row("− no consent (missing or opt-out)", "− 同意なし(未記録・オプトアウト)", w.no_consent);
    row("− excluded", "− 除外", w.excluded);
    for (const auto& [reason, n] : w.excluded_by_reason) {
        out += fmt::format("| {}{} | {} |\n", ja ? "  うち " : "  of which ",
                           markdown_escape(reason), n);
    }
    row("− opted out in another source", "− 別のソースで配信停止", w.opted_out_elsewhere);
    row("− duplicates", "− 重複", w.duplicates);
    row("= contactable", "= 配信可能", w.contactable);
    return out;
}

std::string render_waterfall_json(const Waterfall& w) {
    std::string reasons;
    for (const auto& [reason, n] : w.excluded_by_reason) {
        if (!reasons.empty()) reasons += ", ";
        reasons += fmt::format("{}: {}", JsonWriter::escape(reason), n);
    }
    return fmt::format(
        "{{\"imported\": {}, \"invalid\": {}, \"no_consent\": {}, \"excluded\": {}, "
        "\"excluded_by_reason\": {{{}}}, \"opted_out_elsewhere\": {}, \"duplicates\": {}, "
        "\"contactable\": {}}}",
        w.imported, w.invalid, w.no_consent, w.excluded, reasons, w.opted_out_elsewhere,
        w.duplicates, w.contactable);
}

std::string render_audit_markdown(const AuditReport& r, Lang lang) {
    const bool ja = lang == Lang::ja;
    std::string out;
    out += ja ? "# 顧客リスト監査\n\n" : "# Customer list audit\n\n";
    out +=
        ja ? fmt::format(
                 "ワークスペース `{}`: 連絡先 {} 件、データソース {} 件、除外エントリ {} 件。\n\n",
                 markdown_escape(r.workspace), r.contacts, r.sources.size(), r.exclusion_entries)
           : fmt::format("Workspace `{}`: {} contacts from {} sources, {} exclusion entries.\n\n",
                         markdown_escape(r.workspace), r.contacts, r.sources.size(),
                         r.exclusion_entries);
    out += ja ? "## データソース\n\n| ソース | 連絡先 | 最新の取り込み | 行数 | 新規 | 変更 | "
                "変更なし |\n"
              : "## Sources\n\n| source | contacts | last import | rows | new | changed | "
                "unchanged |\n";
    out += "|---|---:|---|---:|---:|---:|---:|\n";
    for (const auto& s : r.sources) {
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", markdown_escape(s.name),
                           s.contacts, markdown_escape(s.last_file), s.last_rows, s.last_new,
                           s.last_changed, s.last_unchanged);
    }
    out += ja ? "\n## 配信可能リストまでの内訳\n\n" : "\n## Waterfall to the contactable list\n\n";
    out += render_waterfall_markdown(r.waterfall, lang);
    out += ja ? "\n## 指摘\n\n| 指摘 | ID | 件数 |\n|---|---|---:|\n"
              : "\n## Findings\n\n| finding | ID | count |\n|---|---|---:|\n";
    for (const auto& f : r.findings) {
        out +=
            fmt::format("| {} | `{}` | {} |\n", markdown_escape(f.title.in(lang)), f.id, f.count);
    }
    for (const auto& f : r.findings) {
        if (f.count == 0) continue;
        out += fmt::format("\n### {} ({})\n\n", markdown_escape(f.title.in(lang)), f.count);
        if (!f.breakdown.empty()) {
            std::string parts;
            for (const auto& [k, n] : f.breakdown) {
                if (!parts.empty()) parts += ", ";
                parts += fmt::format("{}: {}", markdown_escape(k), n);
            }
            out += fmt::format("{}{}\n\n", ja ? "内訳: " : "Breakdown: ", parts);
        }
        out += ja ? "| ファイル:行 | ソース | メール | 氏名 | 会社名 |\n"
                  : "| file:row | source | email | name | company |\n";
        out += "|---|---|---|---|---|\n";
        for (const auto& e : f.examples) {
            out += fmt::format("| {}:{} | {} | {} | {} | {} |\n", markdown_escape(e.file), e.row,
                               markdown_escape(e.source), markdown_escape(e.email),
                               markdown_escape(e.name), markdown_escape(e.company));
        }
    }
    out += render_conflicts_markdown(r.consent_conflicts, lang);
    if (!r.pii_shown) {
        out += ja ? "\n例のメールアドレスと氏名は伏せています(表示するには --show-pii)。\n"
                  : "\nExample addresses and names are masked (use --show-pii to show them).\n";
    }
    return out;
}

std::string render_audit_json(const AuditReport& r, Lang lang) {
    std::string out = "{\n";
    out += "  \"schema\": \"ma-plan.lists.audit/1\",\n";
    out += fmt::format("  \"workspace\": {},\n", JsonWriter::escape(r.workspace));
    out += fmt::format("  \"contacts\": {},\n", r.contacts);
    out += fmt::format("  \"exclusion_entries\": {},\n", r.exclusion_entries);
    out += fmt::format("  \"pii_shown\": {},\n", r.pii_shown ? "true" : "false");
    out += "  \"sources\": [";
    for (std::size_t i = 0; i < r.sources.size(); ++i) {
        const auto& s = r.sources[i];
        out += fmt::format(
            "{}\n    {{\"name\": {}, \"contacts\": {}, \"last_import\": {{\"file\": {}, \"rows\": "
            "{}, "
            "\"new\": {}, \"changed\": {}, \"unchanged\": {}}}}}",
            i ? "," : "", JsonWriter::escape(s.name), s.contacts, JsonWriter::escape(s.last_file),
            s.last_rows, s.last_new, s.last_changed, s.last_unchanged);
    }
    out += r.sources.empty() ? "],\n" : "\n  ],\n";
    out += "  \"channels\": [";
    for (std::size_t i = 0; i < r.channels.size(); ++i)
        out += (i ? ", " : "") + JsonWriter::escape(r.channels[i]);
    out += "],\n";
    out += "  \"waterfall\": " + render_waterfall_json(r.waterfall) + ",\n";
    out += "  \"consent_conflicts\": " + render_conflicts_json(r.consent_conflicts) + ",\n";
    out += "  \"findings\": [";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        out += fmt::format("{}\n    {{\"id\": {}, \"title\": {}, \"count\": {}, \"breakdown\": {{",
                           i ? "," : "", JsonWriter::escape(f.id),
                           JsonWriter::escape(f.title.in(lang)), f.count);
        for (std::size_t k = 0; k < f.breakdown.size(); ++k) {
            out += fmt::format("{}{}: {}", k ? ", " : "", JsonWriter::escape(f.breakdown[k].first),
                               f.breakdown[k].second);
        }
        out += "}, \"examples\": [";
        for (std::size_t k = 0; k < f.examples.size(); ++k) {
            const auto& e = f.examples[k];
            out += fmt::format(
                "{}{{\"file\": {}, \"row\": {}, \"source\": {}, \"email\": {}, \"name\": {}, "
                "\"company\": {}}}",
                k ? ", " : "", JsonWriter::escape(e.file), e.row, JsonWriter::escape(e.source),
                JsonWriter::escape(e.email), JsonWriter::escape(e.name),
                JsonWriter::escape(e.company));
        }
        out += "]}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace maplan::lists
